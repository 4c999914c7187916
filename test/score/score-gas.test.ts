import { describe, expect, it, vi } from 'vitest';
import { createGasFake, type GasFake } from '../fakes/gas';
import { syntheticTracker, toSheetValues, type Tabs } from '../support/synthetic';
import { SheetsWorkbook } from '../../src/gas/workbook';
import { runScore } from '../../src/jobs/score';
import { scoreBenchmarks } from '../../src/gas/handlers/score';
import { MENU_ITEMS } from '../../src/gas/menu';
import * as addon from '../../src/gas/addon';
import type { ClockPort } from '../../src/ports';
import type { JobContext } from '../../src/jobs/context';
import { RAG_COLOURS } from '../../src/domain/write';
import { HISTORY_HEADER } from '../../src/jobs/score-tabs';

function install(tabs: Tabs, user?: string): GasFake {
  const fake = createGasFake(user ? { user } : {});
  for (const [name, value] of Object.entries(fake.globals)) vi.stubGlobal(name, value);
  for (const [name, grid] of Object.entries(tabs)) fake.setSheet(name, toSheetValues(grid));
  return fake;
}

const clockAt = (day: string, hour = 8): ClockPort => ({ now: () => new Date(`${day}T0${hour}:00:00Z`), local: () => ({ day, hour, minute: 0 }) });

function ctxFor(fake: GasFake, day = '2026-03-02', hour = 8): JobContext {
  const ss = fake.globals.SpreadsheetApp.getActiveSpreadsheet() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  return { workbook: new SheetsWorkbook(ss), clock: clockAt(day, hour) };
}

const rowStarting = (grid: unknown[][], first: unknown) => grid.findIndex((r) => r[0] === first);

describe('Score benchmarks through the Apps Script adapters', () => {
  it('uses the same number of spreadsheet calls at 100, 1,000 and 10,000 pupils', () => {
    const first: Record<string, number>[] = [];
    const repeat: number[] = [];
    const pupilsScored: number[] = [];
    for (const pupils of [100, 1_000, 10_000]) {
      const fake = install(syntheticTracker({ pupils }));
      const ctx = ctxFor(fake);
      fake.calls.reset();
      pupilsScored.push(runScore(ctx).coverage.pupils);
      first.push(fake.calls.byMethod('spreadsheet'));
      fake.calls.reset();
      runScore(ctxFor(fake, '2026-03-02', 9));
      repeat.push(fake.calls.total('spreadsheet'));
      expect(fake.sheetValues('Coverage').length).toBe(pupils + 5);
    }
    expect(pupilsScored).toEqual([100, 1_000, 10_000]);
    // Every run after the first: identical.
    expect(repeat[0]).toBeGreaterThan(0);
    expect(new Set(repeat).size).toBe(1);
    // The first run: identical call for call, except the one call that grows the new Coverage tab
    // past the 1,000 rows Sheets gives a new tab.
    const without = (m: Record<string, number>) => {
      const { 'Sheet.insertRowsAfter': _grow, ...rest } = m;
      return rest;
    };
    expect(without(first[1])).toEqual(without(first[0]));
    expect(first[2]).toEqual(first[1]);
    expect(first[0]['Sheet.insertRowsAfter'] ?? 0).toBe(0);
    expect(first[1]['Sheet.insertRowsAfter']).toBe(1);
  });

  it('writes the latest scores on top, keeps one history row per day (a rerun replaces it), and charts it', () => {
    const fake = install(syntheticTracker({ pupils: 100 }));
    const r1 = runScore(ctxFor(fake, '2026-03-01', 8));
    runScore(ctxFor(fake, '2026-03-02', 8));
    const r2 = runScore(ctxFor(fake, '2026-03-02', 9));
    expect(r2.benchmarks.map((b) => b.score)).toEqual(r1.benchmarks.map((b) => b.score));
    expect(r2.history.map((h) => h.date)).toEqual(['2026-03-01', '2026-03-02']);

    const grid = fake.sheetValues('Scores');
    expect(grid[0][0]).toBe('Benchmark scores');
    expect(String(grid[1][0])).toMatch(/indicative.*Compass.*not public/);
    expect(grid[2][0]).toBe(`${r2.achieved} of 8 benchmarks achieved (indicative, from this tracker)`);
    expect(String(grid[3][0])).toMatch(/^For context: schools in England fully achieved 5\.96 of 8 on average in 2024\/25/);

    const top = rowStarting(grid, 'Benchmark');
    expect(grid[top].slice(2, 5)).toEqual(['Measured (%)', 'Self-assessed (%)', 'Score (%)']);
    expect(grid.slice(top + 1, top + 9).map((r) => [r[0], r[2] === '–' ? null : r[2], r[3] === '–' ? null : r[3], r[4] === '' ? null : r[4], r[5]]))
      .toEqual(r2.benchmarks.map((b) => [b.id, b.measured, b.selfAssessed, b.score, b.status]));
    const formats = fake.sheetFormats('Scores');
    r2.benchmarks.forEach((b, i) => expect(formats.backgrounds[top + 1 + i][6]).toBe(b.rag ? RAG_COLOURS[b.rag] : RAG_COLOURS.grey));

    const history = rowStarting(grid, 'History');
    expect(history).toBeGreaterThan(top);
    expect(grid[history + 1]).toEqual(expect.arrayContaining(HISTORY_HEADER));
    const rows = grid.slice(history + 2).filter((r) => r.some((c) => c !== ''));
    expect(rows).toHaveLength(2);
    const hhmm = (v: unknown) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(v as Date);
    expect(rows.map((r) => hhmm(r[0]))).toEqual(['08:00', '09:00']); // 1 March at 8, 2 March's second run at 9
    expect(rows[1].slice(1, 9)).toEqual(r2.benchmarks.map((b) => b.score ?? ''));
    expect(rows[1][9]).toBe(r2.achieved);

    expect(formats.charts).toHaveLength(1);
    expect(formats.charts[0].type).toBe('LINE');
    expect(formats.charts[0].ranges).toEqual([`A${history + 2}:I${history + 4}`]);
  });

  it('writes Coverage with a totals line and coloured met / not met cells', () => {
    const fake = install(syntheticTracker({ pupils: 100 }));
    const r = runScore(ctxFor(fake));
    const grid = fake.sheetValues('Coverage');
    const formats = fake.sheetFormats('Coverage');
    expect(grid[3].slice(0, 6)).toEqual(['Pupil ID', 'Name', 'Year', 'Form', 'Mentor', 'Not met']);
    expect(grid[4][0]).toBe('Total');
    expect(grid[4][5]).toBe(r.coverage.notMet);
    expect(formats.frozenRows).toBe(5);
    const cells = grid.slice(5).flatMap((row, i) => row.slice(6).map((v, j) => [v, formats.backgrounds[5 + i][6 + j]]));
    expect(cells.filter(([v]) => v === 'Met').every(([, bg]) => bg === RAG_COLOURS.green)).toBe(true);
    expect(cells.filter(([v]) => v === 'Not met').every(([, bg]) => bg === RAG_COLOURS.red)).toBe(true);
    expect(cells.filter(([v]) => v === 'Not met')).toHaveLength(r.coverage.notMet);
    expect(fake.sheetValues('Log').at(-1)!.slice(1, 3)).toEqual(['score', 'ok']);
  });

  it('runs from the menu for the careers leader and refuses a mentor', () => {
    expect(MENU_ITEMS.map((m) => m.functionName)).toContain('scoreBenchmarks');
    // In product.md's order, whichever other items are there yet.
    const order = ['Set up tracker', 'Open mentor log', 'Score benchmarks', 'Flag unplaced Year 11s', 'Send bulletin now', 'Import vacancies',
      'Report on evidence folders', 'Check tracker for problems', 'Schedule weekly jobs', 'Stop weekly jobs', 'Settings'];
    const captions = MENU_ITEMS.map((m) => m.caption).filter((c) => order.includes(c));
    expect(captions).toEqual([...captions].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(addon.scoreBenchmarks).toBe(scoreBenchmarks);

    const fake = install(syntheticTracker({ pupils: 50 }), 'm1@school.example');
    scoreBenchmarks();
    expect(fake.ui.alerts.at(-1)!.prompt).toMatch(/needs the role Careers leader/);
    expect(fake.spreadsheet.getSheetByName('Scores')).toBeNull();

    fake.setUser('cl@school.example');
    scoreBenchmarks();
    expect(fake.ui.alerts.at(-1)!.prompt).toMatch(/^\d of 8 benchmarks achieved \(indicative, from this tracker\)\./);
    expect(fake.ui.alerts.at(-1)!.prompt).toMatch(/indicative/);
    expect(fake.sheetValues('Scores')[0][0]).toBe('Benchmark scores');
  });
});
