/**
 * Pupils' records: one pupil's record, a SAR, and the Year 11 transition batch (every pupil with
 * Consent to share). Spreadsheet calls through the Apps Script adapters over the fake; wall time
 * of the job (documents built, not printed) in Node on an .xlsx tracker.
 */
import { syntheticTracker, type Tabs } from '../test/support/synthetic';
import { XlsxWorkbook } from '../src/node/xlsx-workbook';
import { NodeClock } from '../src/node/clock';
import { type RecordRequest, makeRecords } from '../src/jobs/records';
import type { JobContext } from '../src/jobs/context';
import type { WorkbookPort } from '../src/ports';
import type { BenchCase } from '../scripts/bench';
import { BENCH_DAY as DAY, benchClock as clock, fakeWithTabs } from './support';

/** The synthetic tracker with Consent to share yes for everyone. */
function tabs(pupils: number): Tabs {
  const t = syntheticTracker({ pupils });
  t.Pupils = t.Pupils.map((r, i) => [...r, i === 0 ? 'Consent to share' : 'Yes']);
  return t;
}

function run(workbook: WorkbookPort, c: JobContext['clock'], request: RecordRequest): string {
  let bytes = 0;
  const r = makeRecords({ workbook, clock: c, user: { email: () => 'cl@school.example' } }, request, {
    checkRoles: true,
    deliver: (made) => { for (const m of made) bytes += m.html.length; return made.length; },
  });
  return `${r.made.length} made, ${Math.round(bytes / 1024)} KB of HTML`;
}

function caseFor(name: string, request: RecordRequest): BenchCase {
  return {
    name,
    sizes: [1_000, 10_000],
    run(size) {
      const { fake, workbook } = fakeWithTabs(tabs(size), { user: 'cl@school.example' });
      fake.calls.reset();
      run(workbook, clock, request);
      const calls = fake.calls.total('spreadsheet');
      const xlsx = XlsxWorkbook.empty();
      for (const [tab, grid] of Object.entries(tabs(size))) {
        xlsx.createTab(tab);
        xlsx.writeCells(tab, 1, 1, grid);
      }
      const start = performance.now();
      const note = run(xlsx, new NodeClock(DAY), request);
      return { calls, ms: performance.now() - start, note };
    },
  };
}

export const cases: BenchCase[] = [
  caseFor('record (pupil)', { kind: 'pupil', pupilId: 'P000004' }),
  caseFor('record (sar)', { kind: 'sar', pupilId: 'P000004' }),
  caseFor('record (Year 11 transition batch)', { kind: 'transition', year: 11 }),
];
