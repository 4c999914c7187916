/**
 * The records use the attendee rule (activities-and-scores.md, "Activities: who was really
 * there"): an activity for form 11R, with Vic (10S) named and Tia (11R) absent, is Ruby's and
 * Vic's but not Tia's, and no record names the others on it.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/ports';
import { type MadeRecord, type RecordRequest, makeRecords } from '../../src/jobs/records';
import type { JobContext } from '../../src/jobs/context';
import { fixedClock } from '../gas/helpers';
import type { Tabs } from '../support/synthetic';
import { STAFF, TODAY, recordTabs, workbookFrom } from './fixture';

const MIXED = 'Mock interviews for 11R';

function tabsWithMixedActivity(absentHeader = 'Absent'): Tabs {
  const tabs = recordTabs();
  const grid = tabs.Activities as CellValue[][];
  const header = grid[0] as string[];
  header[header.indexOf('Absent')] = absentHeader;
  const row: Record<string, CellValue> = {
    Date: { day: '2026-02-20' }, Activity: MIXED, Type: 'Employer encounter', Provider: 'Rotary Club',
    Forms: '11R', Pupils: 'R005', [absentHeader]: 'R003',
  };
  grid.push(header.map((h) => row[h] ?? ''));
  return tabs;
}

function make(request: RecordRequest, tabs = tabsWithMixedActivity()): MadeRecord[] {
  const ctx: JobContext = { workbook: workbookFrom(tabs), clock: fixedClock(TODAY), user: { email: () => STAFF.leader } };
  const delivered: MadeRecord[] = [];
  makeRecords(ctx, request, { checkRoles: true, deliver: (m) => { delivered.push(...m); return m.length; } });
  return delivered;
}

describe('records and the attendee rule (form, named pupil, absentee)', () => {
  it("the pupil record lists the activity for the form's pupil and the named pupil, not for the absentee", () => {
    const ruby = make({ kind: 'pupil', pupilId: 'R001' })[0].html;
    expect(ruby).toContain(MIXED);
    expect(make({ kind: 'pupil', pupilId: 'R005' })[0].html).toContain(MIXED);
    expect(make({ kind: 'pupil', pupilId: 'R003' })[0].html).not.toContain(MIXED);
    // Not in 11R, not named: not there.
    expect(make({ kind: 'pupil', pupilId: 'R004' })[0].html).not.toContain(MIXED);
    // The form pupil's record names neither the absentee nor the named pupil.
    for (const s of ['Tia Todd', 'R003', 'Vic Vance', 'R005']) expect(ruby).not.toContain(s);
  });

  it('the Year 11 transition batch names nobody else on the activity', () => {
    const made = make({ kind: 'transition', year: 11 });
    expect(made.map((m) => m.pupil.id)).toEqual(['R001', 'R002']);
    for (const m of made) for (const s of ['Tia Todd', 'R003', 'Vic Vance', 'R005']) expect(m.html).not.toContain(s);
  });

  for (const absentHeader of ['Absent', 'Absentees']) {
    it(`the SAR holds the row for the pupils it lists by ID (Pupils or ${absentHeader}), each list showing only that pupil`, () => {
      const rows = (id: string) => {
        const sar = make({ kind: 'sar', pupilId: id }, tabsWithMixedActivity(absentHeader))[0].sar!;
        const tab = sar.find((t) => t.name === 'Activities')!.rows;
        const header = tab[0].map(String);
        return tab.slice(1).filter((r) => r[header.indexOf('Activity')] === MIXED)
          .map((r) => [r[header.indexOf('Forms')], r[header.indexOf('Pupils')], r[header.indexOf(absentHeader)]]);
      };
      // Named: their row, with nobody else's ID (nor a placeholder for one) in the Absent list.
      expect(rows('R005')).toEqual([['11R', 'R005', '']]);
      // Absent: the row lists them by ID, so it is theirs; the Pupils list is not.
      expect(rows('R003')).toEqual([['11R', '', 'R003']]);
      // In the form only: the activity is in the pupil record that goes with it, not the workbook.
      expect(rows('R001')).toEqual([]);
    });
  }
});
