/**
 * The score job's Coverage tab and the check job use the attendee rule (activities-and-scores.md,
 * "Activities: who was really there") through their public functions: form 10X (A, B), C named,
 * B absent, D (not an attendee) listed absent.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/ports';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { NodeClock } from '../../src/node/clock';
import { runScore } from '../../src/jobs/score';
import { runCheck } from '../../src/jobs/check';
import { TODAY, makeTabs } from './support';

function workbook(): XlsxWorkbook {
  const tabs = makeTabs({
    pupils: [['A', 10, '', '10X'], ['B', 10, '', '10X'], ['C', 9, '', '9X'], ['D', 11, '', '11X']],
    activities: [['2025-10-01', 'Employer talk', 'Employer encounter', '', 'C', '', '', 'Acme', '10X', 'B, D']],
  });
  const wb = XlsxWorkbook.empty();
  for (const [name, grid] of Object.entries(tabs)) {
    wb.createTab(name);
    wb.writeCells(name, 1, 1, grid);
  }
  return wb;
}

describe('jobs and the attendee rule (form, named pupil, absentee)', () => {
  it("Coverage: the form's pupil and the named pupil met the employer encounter, the absentee did not", () => {
    const wb = workbook();
    runScore({ workbook: wb, clock: new NodeClock(TODAY) });
    const grid = wb.readTab('Coverage')!;
    const head = grid.findIndex((r) => r[0] === 'Pupil ID');
    const col = grid[head].indexOf('BM5 employer encounter this year');
    expect(col).toBeGreaterThan(0);
    const cell = (id: string) => grid.find((r) => r[0] === id)![col] as CellValue;
    expect([cell('A'), cell('B'), cell('C'), cell('D')]).toEqual(['Met', 'Not met', 'Met', 'Not met']);
  });

  it('check: an absentee who was not an attendee is a problem; the form\'s absentee is not', () => {
    const r = runCheck({ workbook: workbook(), clock: new NodeClock(TODAY) });
    expect(r.problems.map((p) => [p.tab, p.row, p.column, p.value])).toEqual([['Activities', 2, 'Absent', 'D']]);
  });
});
