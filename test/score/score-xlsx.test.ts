import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { workbookOf } from '../support/workbook';
import { NodeClock } from '../../src/node/clock';
import { runScore } from '../../src/jobs/score';
import { main } from '../../src/node/cli';
import type { CellValue } from '../../src/ports';
import { syntheticTracker } from '../support/synthetic';
import { makeTabs, yearGroup } from './support';

async function reopen(wb: XlsxWorkbook): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBuffer(await wb.toBuffer());
}

/** A school small enough to check by hand. */
const SMALL = makeTabs({
  pupils: [...yearGroup('a', 11, 4), ...yearGroup('b', 9, 2), ['L1', '', 2025], ['L2', '', 2024]],
  activities: [
    ['2025-10-01', 'Careers fair', 'Careers fair', 'Y11, Y9', ''], // BM5 for all six
    ['2025-11-05', 'College visit', 'College visit', '', 'a1, a2, a3'], // BM7 by 16 needs FE, HE and a technical provider: 0 of 4
    ['2026-01-20', 'Maths careers lesson', 'Subject link', 'Y9', ''], // BM4: 2 of 6
  ],
  meetings: [['2025-12-01', 'a1', 'CA', 'Guidance'], ['2025-12-01', 'a2', 'CL', 'Guidance']],
  destinations: [['L1', '2025-10-01', 'Sixth form'], ['L2', '2024-10-01', 'Apprenticeship']],
  audit: [[1, 'Programme published', 'Achieved'], [1, 'Careers leader named', ''], [1, 'Provider access policy', 'N/A'], [5, 'Encounters every year', 'Partially achieved']],
});

describe('Score benchmarks on a .xlsx tracker', () => {
  it('gives the contract JSON with hand-checkable figures', () => {
    const wb = workbookOf(SMALL);
    const r = runScore({ workbook: wb, clock: new NodeClock('2026-03-02') });
    expect(r).toMatchObject({ asOf: '2026-03-02', academicYear: '2025-26', achieved: 0 });
    const bm = (id: number) => r.benchmarks[id - 1];
    expect(r.benchmarks.map((b) => b.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // BM1: Achieved 1 + not yet rated 0, N/A left out: 50.0, amber
    expect(bm(1)).toMatchObject({ score: 50, status: 'In progress', rag: 'amber' });
    expect(bm(1).criteria).toEqual([
      { key: 'audit', label: 'Programme published', value: 1, row: 2, rating: 'Achieved' },
      { key: 'audit', label: 'Careers leader named', value: 0, row: 3, rating: null },
    ]);
    expect(bm(1).notApplicable).toEqual([{ key: 'audit', label: 'Provider access policy', row: 4, reason: 'Rated N/A' }]);
    // BM2: nobody had careers information: 0 of 6
    expect(bm(2)).toMatchObject({ score: 0, status: 'Not started', rag: 'red' });
    // BM3: a1 and a2 had (guidance) meetings this year: 2 of 6; L1 checked this year, L2 over a year ago: 1 of 2
    expect(bm(3).criteria.map((c) => [c.key, 'met' in c ? c.met : null, 'cohort' in c ? c.cohort : null])).toEqual([['bm3.records', 2, 6], ['bm3.destinations', 1, 2]]);
    expect(bm(3).score).toBe(41.7); // (2/6 + 1/2) / 2 = 41.67
    expect(bm(4)).toMatchObject({ score: 33.3, rag: 'red' });
    expect(bm(5)).toMatchObject({ score: 75, status: 'In progress', rag: 'amber' }); // (1 + 0.5) / 2
    expect(bm(5).criteria[0]).toEqual({ key: 'bm5.employers', label: expect.any(String), value: 1, met: 6, cohort: 6, cohortLabel: 'pupils on roll' });
    expect(bm(6)).toMatchObject({ score: 0, status: 'Not started' });
    expect(bm(6).notApplicable.map((c) => c.key)).toEqual(['bm6.by18']);
    // BM7: by 16 0 of 4 (a college visit alone is not FE, HE and a technical provider); provider access 0 of 6
    expect(bm(7).score).toBe(0);
    expect(bm(7).notApplicable.map((c) => c.key)).toEqual(['bm7.he-by18', 'bm7.provider-access-post16']);
    // BM8: only a1's meeting was with a Level 6 adviser
    expect(bm(8).score).toBe(25);
    expect(bm(8).criteria[0]).toMatchObject({ key: 'bm8.by16', met: 1, cohort: 4, note: expect.stringMatching(/^1 guidance meeting with staff not marked Level 6/) });
    for (const b of r.benchmarks) {
      for (const c of b.criteria) {
        if (c.key === 'audit') expect(Object.keys(c)).not.toContain('met');
        else expect(c.value).toBeCloseTo(c.met / c.cohort, 12);
      }
    }
    // not met: BM2 6, BM3 records 4, BM4 4, BM5 0, BM6 4, BM7 by 16 4, provider access 6, BM8 3
    expect(r.coverage).toEqual({ pupils: 6, criteria: 8, notMet: 31 });
    // Measured and self-assessed side by side: BM5 measured 6 of 6, audit Partially achieved
    expect(bm(5)).toMatchObject({ measured: 100, selfAssessed: 50, score: 75 });
    expect(bm(1)).toMatchObject({ measured: null, selfAssessed: 50 });
    expect(bm(2)).toMatchObject({ measured: 0, selfAssessed: null });
    expect(r.nationalAverage).toBe(5.96);
    expect(r.headline).toBe('0 of 8 benchmarks achieved (indicative, from this tracker)');
    // Breakdowns: nobody has a SEND, looked-after or disadvantaged flag, so those groups are under 5
    const bm5 = r.breakdowns.find((b) => b.key === 'bm5.employers')!;
    expect(bm5.groups).toEqual([
      { group: 'all', pupils: 6, met: 6, pct: 100, gap: null },
      { group: 'send', pupils: 0, met: null, pct: null, gap: null },
      { group: 'ehcp', pupils: 0, met: null, pct: null, gap: null },
      { group: 'lookedAfter', pupils: 0, met: null, pct: null, gap: null },
      { group: 'disadvantaged', pupils: 0, met: null, pct: null, gap: null },
      { group: 'rest', pupils: 6, met: 6, pct: 100, gap: null },
    ]);
    expect(r.breakdowns.find((b) => b.key === 'bm3.destinations')!.groups[0]).toEqual({ group: 'all', pupils: 2, met: null, pct: null, gap: null });
  });

  it('keeps the history across saves and writes Coverage', async () => {
    let wb = workbookOf(syntheticTracker({ pupils: 200 }));
    runScore({ workbook: wb, clock: new NodeClock('2026-03-02') });
    wb = await reopen(wb);
    const r = runScore({ workbook: wb, clock: new NodeClock('2026-03-09') });
    wb = await reopen(wb);
    const grid = wb.readTab('Scores')!;
    const h = grid.findIndex((row) => row[0] === 'History');
    expect(grid[h + 1]).toEqual(expect.arrayContaining(['Date', 'BM1', 'BM8', 'Achieved']));
    const rows = grid.slice(h + 2);
    expect(rows.map((row) => row[0])).toEqual([{ day: '2026-03-02', time: '08:00' }, { day: '2026-03-09', time: '08:00' }]);
    expect(rows[1].slice(1, 10)).toEqual([...r.benchmarks.map((b) => b.score ?? ''), r.achieved]);
    expect(grid[2][0]).toBe(r.headline);

    const coverage = wb.readTab('Coverage')!;
    expect(coverage.length).toBe(5 + 200);
    expect(coverage[4][0]).toBe('Total');
    expect(wb.readTab('Log')!.filter((row) => row[1] === 'score')).toHaveLength(2);
  });

  it('keeps a history table the school has moved columns around in', () => {
    const wb = workbookOf({
      ...SMALL,
      Scores: [
        ['Benchmark scores', 'Generated', { day: '2026-01-05', time: '10:00' }],
        [],
        ['History'],
        ['Achieved', 'Date', 'BM 1', 'BM2', 'BM3', 'BM4', 'BM5', 'BM6', 'BM7', 'BM8'],
        [2, { day: '2026-01-05', time: '10:00' }, 40, 10, 20, 30, 50, 0, 30, 25],
      ],
    });
    runScore({ workbook: wb, clock: new NodeClock('2026-03-02') });
    const grid = wb.readTab('Scores')!;
    const h = grid.findIndex((row) => row[0] === 'History');
    expect(grid[h + 2].slice(0, 10)).toEqual([{ day: '2026-01-05', time: '10:00' }, 40, 10, 20, 30, 50, 0, 30, 25, 2]);
    expect(grid[h + 3][0]).toEqual({ day: '2026-03-02', time: '08:00' });
    expect(grid.length).toBe(h + 4);
  });

  it('gives the change since the last snapshot (the latest run on or before 31 December, 31 March or 31 July)', () => {
    const run = (day: string, bm1: number, bm5: number): CellValue[] => [{ day, time: '10:00' }, bm1, 10, 20, 30, bm5, 0, 30, 25, 0];
    const wb = workbookOf({
      ...SMALL,
      Scores: [['History'], ['Date', 'BM1', 'BM2', 'BM3', 'BM4', 'BM5', 'BM6', 'BM7', 'BM8', 'Achieved'],
        run('2025-12-20', 30, 50), run('2025-12-31', 40, 60), run('2026-01-15', 45, 70)],
    });
    const r = runScore({ workbook: wb, clock: new NodeClock('2026-03-02') });
    expect(r.snapshot).toEqual({ date: '2025-12-31', run: '2025-12-31' });
    // BM1 50 − 40, BM2 0 − 10, BM5 75 − 60
    expect(r.benchmarks.map((b) => b.change)).toEqual([10, -10, 41.7 - 20, 33.3 - 30, 15, 0, -30, 25 - 25].map((x) => Math.round(x * 10) / 10));
    const grid = wb.readTab('Scores')!;
    const top = grid.findIndex((row) => row[0] === 'Benchmark');
    expect(grid[top][7]).toBe('Change since 31 December 2025 (run of 31 December 2025)');
    expect(grid[top + 5][7]).toBe('+15.0');
    expect(r.history.map((h) => h.date)).toEqual(['2025-12-20', '2025-12-31', '2026-01-15', '2026-03-02']);
    // On 1 April the snapshot is the last run on or before 31 March: 2 March's
    const april = runScore({ workbook: wb, clock: new NodeClock('2026-04-01') });
    expect(april.snapshot).toEqual({ date: '2026-03-31', run: '2026-03-02' });
    expect(april.benchmarks[4].change).toBe(0);
    const none = runScore({ workbook: workbookOf(SMALL), clock: new NodeClock('2026-03-02') });
    expect(none.snapshot).toBeNull();
    expect(none.benchmarks.every((b) => b.change === null)).toBe(true);
  });

  it('runs as careers-tracker score --json', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'score-cli-'));
    const file = path.join(dir, 'tracker.xlsx');
    await workbookOf(SMALL).save(file);
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['score', '--workbook', file, '--today', '2026-03-02', '--json'], { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const json = JSON.parse(out.join(''));
    expect(json).toMatchObject({ asOf: '2026-03-02', academicYear: '2025-26', achieved: 0 });
    expect(json.benchmarks[4]).toMatchObject({ id: 5, score: 75, status: 'In progress', rag: 'amber' });

    const text: string[] = [];
    expect(await main(['score', '--workbook', file, '--today', '2026-03-02'], { stdout: (s) => text.push(s), stderr: () => undefined })).toBe(0);
    expect(text.join('')).toMatch(/BM5 +Encounters with employers and employees +100\.0 +50\.0 +75\.0 +In progress +amber/);
    expect(text.join('')).toMatch(/0 of 8 benchmarks achieved \(indicative, from this tracker\)/);
    expect(text.join('')).toMatch(/For context: schools in England fully achieved 5\.96 of 8/);
    expect(json.breakdowns.map((b: { key: string }) => b.key)).toContain('bm5.employers');
    const saved = await XlsxWorkbook.open(file);
    const grid = saved.readTab('Scores')!;
    // two runs on the same day: the second replaces the first's history row
    expect(grid.slice(grid.findIndex((r) => r[0] === 'History') + 2)).toHaveLength(1);
  });
});
