import * as os from 'node:os';
import * as path from 'node:path';
import { syntheticTracker } from '../test/support/synthetic';
import { everyMentorFlagged } from '../test/unplaced/build';
import { GasMail } from '../src/gas/mail';
import { GasProperties } from '../src/gas/services';
import { XlsxWorkbook } from '../src/node/xlsx-workbook';
import { NodeClock } from '../src/node/clock';
import { Outbox } from '../src/node/outbox';
import { MemoryProperties } from '../src/node/memory';
import { runUnplaced, unplacedWeeklyJob } from '../src/jobs/unplaced';
import { OWNER_KEY, runScheduledTick } from '../src/jobs/schedule';
import type { JobContext } from '../src/jobs/context';
import type { BenchCase } from '../scripts/bench';
import { BENCH_DAY as DAY, benchClock as clock, fakeWithTabs } from './support';


/** The Apps Script adapters over the fake, loaded with a synthetic tracker; returns the spreadsheet calls of `work`. */
function sheetsCalls(pupils: number, work: (ctx: JobContext) => void): number {
  const { fake, workbook } = fakeWithTabs(everyMentorFlagged(syntheticTracker({ pupils })), { user: 'cl@school.example', mailQuota: 1_000 });
  const props = new GasProperties(fake.globals.PropertiesService.getDocumentProperties() as unknown as GoogleAppsScript.Properties.Properties);
  props.set(OWNER_KEY, 'cl@school.example');
  fake.calls.reset();
  work({ workbook, clock, mail: new GasMail(), documentProperties: props });
  return fake.calls.total('spreadsheet');
}

/** The same job in Node on an .xlsx tracker: wall time in ms. */
function nodeMs(pupils: number, work: (ctx: JobContext) => string): { ms: number; note: string } {
  const workbook = XlsxWorkbook.empty();
  for (const [name, grid] of Object.entries(everyMentorFlagged(syntheticTracker({ pupils })))) {
    workbook.createTab(name);
    workbook.writeCells(name, 1, 1, grid);
  }
  const ctx: JobContext = {
    workbook, clock: new NodeClock(DAY), mail: new Outbox(path.join(os.tmpdir(), 'bench-unplaced-outbox')),
    documentProperties: new MemoryProperties(),
  };
  const start = performance.now();
  const note = work(ctx);
  return { ms: performance.now() - start, note };
}

export const cases: BenchCase[] = [
  {
    name: 'unplaced',
    sizes: [1_000, 10_000],
    run(size) {
      const calls = sheetsCalls(size, (ctx) => { runUnplaced(ctx); });
      const { ms, note } = nodeMs(size, (ctx) => {
        const r = runUnplaced(ctx);
        return `${r.result.cohort.length} in Y11, ${r.result.flagged.length} flagged, ${r.sent} alerts`;
      });
      return { calls, ms, note };
    },
  },
  {
    name: 'schedule tick (unplaced)',
    sizes: [1_000, 10_000],
    run(size) {
      const calls = sheetsCalls(size, (ctx) => { runScheduledTick(ctx, [unplacedWeeklyJob]); });
      const { ms, note } = nodeMs(size, (ctx) => {
        ctx.documentProperties!.set(OWNER_KEY, 'bench@school.example');
        const r = runScheduledTick(ctx, [unplacedWeeklyJob]);
        return r.jobs.map((j) => `${j.id} ${j.outcome}`).join(', ');
      });
      return { calls, ms, note };
    },
  },
];
