/**
 * Pseudonymising old leavers keeps who attended each activity (activities-and-scores.md, "Activities:
 * who was really there"): the IDs in Pupils and in Absent, under any of their headers, become
 * the same pseudonyms, so an absent leaver stays absent and a form's pupil still attended.
 */
import { describe, expect, it } from 'vitest';
import { d, leaver, tabsOf } from './build';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { displayCell } from '../../src/domain/values';
import { pseudonym } from '../../src/domain/pseudonymise';
import { sha256Hex } from '../../src/node/command-pseudonymise';
import { runPseudonymise } from '../../src/jobs/pseudonymise';
import { attendeesOf } from '../../src/domain/attendees';
import { readTracker } from '../../src/domain/tracker';
import { fixedClock } from '../gas/helpers';

const TODAY = '2026-03-02';

function workbookWith(absentHeader: string): XlsxWorkbook {
  const tabs = tabsOf({
    pupils: [
      leaver('OLD1', 2021, { Name: 'Olive Oldham' }),
      leaver('OLD2', 2022, { Name: 'Owen Older' }),
      { 'Pupil ID': 'KEEP', Name: 'Kim Keeper', Year: 11, Form: '11A' },
    ],
    // Year 10 in 2020-21 was Owen's year; form 11A is Kim's; Olive is named; Owen was absent.
    activities: [{ Date: d('2021-03-01'), Activity: 'College visit', Type: 'Further education', 'Year groups': '10', Forms: '11A', Pupils: 'OLD1', Absent: 'OLD2' }],
  });
  const head = tabs.Activities[0] as string[];
  head[head.indexOf('Absent')] = absentHeader;
  const wb = XlsxWorkbook.empty();
  for (const [name, grid] of Object.entries(tabs)) {
    wb.createTab(name);
    wb.writeCells(name, 1, 1, grid);
  }
  return wb;
}

const attendees = (wb: XlsxWorkbook) => {
  const tabs: Record<string, ReturnType<XlsxWorkbook['readTab']>> = {};
  for (const n of wb.tabNames()) tabs[n] = wb.readTab(n);
  const tracker = readTracker(tabs);
  return attendeesOf(tracker, tracker.activities[0], TODAY).map((p) => p.id).sort();
};

describe('pseudonymise and the attendee rule', () => {
  for (const absentHeader of ['Absent', 'Absentees', 'Did not attend']) {
    it(`replaces the leavers' IDs in Pupils and ${absentHeader} alike: the same attendees before and after`, () => {
      const wb = workbookWith(absentHeader);
      expect(attendees(wb)).toEqual(['KEEP', 'OLD1']);
      const run = runPseudonymise({ workbook: wb, clock: fixedClock(TODAY) }, { apply: true, documentId: 'tracker.xlsx', sha256Hex });
      expect(run).toMatchObject({ applied: true, leavers: 2 });
      const x1 = pseudonym('OLD1', 'tracker.xlsx', sha256Hex);
      const x2 = pseudonym('OLD2', 'tracker.xlsx', sha256Hex);
      const grid = wb.readTab('Activities')!;
      const head = grid[0].map((c) => displayCell(c));
      expect(displayCell(grid[1][head.indexOf('Pupils')])).toBe(x1);
      expect(displayCell(grid[1][head.indexOf(absentHeader)])).toBe(x2);
      // Kim (form 11A) still attended, Olive (named) too; Owen (absent) still did not.
      expect(attendees(wb)).toEqual([x1, 'KEEP'].sort());
    });
  }
});
