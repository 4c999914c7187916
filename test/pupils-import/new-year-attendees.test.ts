/**
 * The roll-over (new-year) changes Year and Leaver year only, so who attended last year's
 * activities (activities-and-scores.md, "Activities: who was really there") is the same after it:
 * the new leavers by their past year group, the form's pupils, the named pupil; never the absentee.
 */
import { describe, expect, it } from 'vitest';
import { d, tabsOf } from '../destinations/build';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { runNewYear } from '../../src/jobs/new-year';
import { attendeesOf } from '../../src/domain/attendees';
import { readTracker } from '../../src/domain/tracker';
import { fixedClock } from '../gas/helpers';

const TODAY = '2026-09-10';

describe('new-year and the attendee rule', () => {
  it('keeps last year\'s attendees: Year 11 (now leavers), form 10A, a named Year 9; not the absent Year 11', () => {
    const tabs = tabsOf({
      settings: { 'Tracker year': '2025-26' },
      pupils: [
        { 'Pupil ID': 'L1', Name: 'Lia One', Year: 11, Form: '11A' },
        { 'Pupil ID': 'L2', Name: 'Lou Two', Year: 11, Form: '11A' },
        { 'Pupil ID': 'T1', Name: 'Tom Ten', Year: 10, Form: '10A' },
        { 'Pupil ID': 'N1', Name: 'Nia Nine', Year: 9, Form: '9A' },
        { 'Pupil ID': 'O1', Name: 'Oli Nine', Year: 9, Form: '9B' },
      ],
      activities: [{ Date: d('2026-02-01'), Activity: 'Careers fair', Type: 'Employer encounter', 'Year groups': '11', Forms: '10A', Pupils: 'N1', Absent: 'L2' }],
    });
    const wb = XlsxWorkbook.empty();
    for (const [name, grid] of Object.entries(tabs)) {
      wb.createTab(name);
      wb.writeCells(name, 1, 1, grid);
    }
    const ctx = { workbook: wb, clock: fixedClock(TODAY) };
    const r = runNewYear(ctx, { apply: true });
    expect(r).toMatchObject({ applied: true, leavers: ['L1', 'L2'] });
    const read: Record<string, ReturnType<XlsxWorkbook['readTab']>> = {};
    for (const n of wb.tabNames()) read[n] = wb.readTab(n);
    const tracker = readTracker(read);
    expect(tracker.pupils.map((p) => [p.id, p.year, p.leaverYear])).toEqual([['L1', null, 2026], ['L2', null, 2026], ['T1', 11, null], ['N1', 10, null], ['O1', 10, null]]);
    expect(attendeesOf(tracker, tracker.activities[0], TODAY).map((p) => p.id).sort()).toEqual(['L1', 'N1', 'T1']);
  });
});
