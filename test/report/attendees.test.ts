/**
 * The governors' report counts provider access encounters for the key phases whose pupils
 * attended by the attendee rule (activities-and-scores.md, "Activities: who was really there"):
 * a listed form's pupils count, an absent pupil does not, even when also named.
 */
import { describe, expect, it } from 'vitest';
import { workbookOf as workbook } from '../support/workbook';
import { NodeClock } from '../../src/node/clock';
import { gatherReportData } from '../../src/jobs/report';
import { renderReport } from '../../src/domain/report-html';
import type { CellValue } from '../../src/ports';

const TODAY = '2026-03-02';


const TABS = {
  Staff: [['Initials', 'Name', 'Email', 'Role'], ['HO', 'Hannah Okafor', 'ho@school.example', 'Careers leader']],
  Pupils: [
    ['Pupil ID', 'Name', 'Year', 'Form'],
    ['P1', 'Ann Eight', 8, '8A'], ['P2', 'Ben Eight', 8, '8A'], ['P3', 'Cat Ten', 10, '10B'], ['P4', 'Dan Twelve', 12, '12C'],
  ],
  Activities: [
    ['Date', 'Activity', 'Type', 'Provider', 'Year groups', 'Pupils', 'Provider access', 'Forms', 'Absent'],
    // Form 8A, Dan (Year 12) named, Cat (Year 10) named but absent.
    [{ day: '2026-01-20' }, 'Apprenticeship talk', 'Technical provider', 'Acme Training', '', 'P3, P4', 'Yes', '8A', 'P3'],
  ],
};

describe("the governors' report and the attendee rule", () => {
  it('counts the form\'s key phase and the named pupil\'s, not the absent pupil\'s', () => {
    const data = gatherReportData({ workbook: workbook(TABS), clock: new NodeClock(TODAY) });
    expect(data.providerAccess.map((p) => [p.phase, p.encounters, p.providers])).toEqual([
      ['Years 8–9', 1, 1], ['Years 10–11', 0, 0], ['Years 12–13', 1, 1],
    ]);
    const html = renderReport(data);
    for (const s of ['Ann Eight', 'Cat Ten', 'Dan Twelve', 'P1', 'P3', 'P4']) expect(html).not.toContain(s);
  });

  it('per year group: the form\'s pupils and the named pupil met the employer encounter, the absentee did not', () => {
    const pupils: CellValue[][] = [['Pupil ID', 'Name', 'Year', 'Form']];
    for (let i = 1; i <= 5; i++) pupils.push([`A${i}`, `Pupil A${i}`, 8, '8A'], [`B${i}`, `Pupil B${i}`, 8, '8B']);
    const wb = workbook({
      Staff: TABS.Staff, Pupils: pupils,
      Activities: [
        ['Date', 'Activity', 'Type', 'Provider', 'Year groups', 'Pupils', 'Forms', 'Absent'],
        // Form 8A, B1 named, A1 absent: A2 to A5 and B1 met it, 5 of the 10 in Year 8.
        [{ day: '2026-01-20' }, 'Employer talk', 'Employer encounter', 'Acme', '', 'B1', '8A', 'A1'],
      ],
    });
    const data = gatherReportData({ workbook: wb, clock: new NodeClock(TODAY) });
    const at = data.yearGroups.criteria.findIndex((c) => c.key === 'bm5.employers');
    expect(at).toBeGreaterThanOrEqual(0);
    const y8 = data.yearGroups.rows.find((r) => r.group === 'Year 8')!;
    expect(y8.pct[at]).toBe(50);
  });
});
