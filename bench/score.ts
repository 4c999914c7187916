/**
 * Score benchmarks at 1,000 and 10,000 pupils with a year of activities (year-group and
 * named-pupil attendance). Calls and ms: the job through the Apps Script fake. The note gives
 * the attendee-activity pairs, the job's own time on an in-memory workbook (no adapter), and the
 * scoring rules alone.
 */
import { syntheticTracker, type Tabs } from '../test/support/synthetic';
import { type ScoreResult, runScore } from '../src/jobs/score';
import { readTracker } from '../src/domain/tracker';
import { computeScores } from '../src/domain/scores';
import type { CellValue, OutputSheet, WorkbookPort } from '../src/ports';
import { cellValue } from '../src/domain/write';
import type { BenchCase } from '../scripts/bench';
import { benchClock as clock, fakeWithTabs, timed } from './support';

const ACTIVITIES = 80;
const RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Just enough workbook to time the job without any adapter. */
class MemoryWorkbook implements WorkbookPort {
  constructor(private readonly tabs: Record<string, CellValue[][]>) {}
  spreadsheetTimeZone() { return null; }
  url() { return null; }
  tabNames() { return Object.keys(this.tabs); }
  readTab(name: string) { return this.tabs[name] ?? null; }
  createTab(name: string) { this.tabs[name] = [['']]; }
  writeCells() { /* not needed by score */ }
  formatTab() { /* not needed by score */ }
  appendRows(tab: string, rows: CellValue[][]) { this.tabs[tab].push(...rows); }
  writeOutputTab(tab: string, sheet: OutputSheet) { this.tabs[tab] = sheet.rows.map((r) => r.map(cellValue)); }
}

export const cases: BenchCase[] = [
  {
    name: 'score',
    sizes: [1_000, 10_000],
    run(size) {
      const tabs: Tabs = syntheticTracker({ pupils: size, activities: ACTIVITIES });

      // The job alone, five times on fresh copies of the tabs (each copy is made before the clock
      // starts: it is the bench's, not the job's). The first run pays for compiling the code.
      const own: number[] = [];
      let result!: ScoreResult;
      for (let run = 0; run < RUNS; run++) {
        const memory = new MemoryWorkbook(structuredClone(tabs));
        const [r, ms] = timed(() => runScore({ workbook: memory, clock }));
        result = r;
        own.push(ms);
      }
      const [tracker, readMs] = timed(() => readTracker(tabs));
      const [, rulesMs] = timed(() => computeScores(tracker, '2026-03-02'));

      const { fake, workbook } = fakeWithTabs(tabs);
      fake.calls.reset();
      const [, ms] = timed(() => runScore({ workbook, clock }));
      return {
        calls: fake.calls.total('spreadsheet'),
        ms,
        note: `${ACTIVITIES} activities, ${result.attendeeActivityPairs.toLocaleString('en-GB')} attendee-activity pairs; job alone ${own[0].toFixed(0)} ms first run, ${median(own).toFixed(0)} ms median of ${RUNS} (reading the tabs ${readMs.toFixed(0)} ms, scoring rules ${rulesMs.toFixed(0)} ms)`,
      };
    },
  },
];
