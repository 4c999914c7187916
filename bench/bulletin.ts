/**
 * The bulletin at 100 and 1,000 recipients, and the vacancy import at 10 and 300 vacancies:
 * spreadsheet calls through the Apps Script fake, wall time of the job in Node on an .xlsx.
 * Sending costs a constant number of spreadsheet calls per message (its Log line, written before
 * the next send), so the bulletin's calls are a + b × sent; the note gives a and b.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MONDAY, simpleSpec, tabsOf, xlsxOf } from '../test/bulletin/build';
import { GasMail } from '../src/gas/mail';
import { NodeClock } from '../src/node/clock';
import { Outbox } from '../src/node/outbox';
import { BATCH, runBulletin } from '../src/jobs/bulletin';
import { runImportVacancies } from '../src/jobs/import-vacancies';
import type { JobContext } from '../src/jobs/context';
import type { HttpPort } from '../src/ports';
import type { BenchCase } from '../scripts/bench';
import { benchClock as clock, fakeWithTabs } from './support';
type Tabs = ReturnType<typeof tabsOf>;

/** Spreadsheet calls of `work` over the fake loaded with `tabs` (after `before`, not counted). */
function sheetsCalls(tabs: Tabs, work: (ctx: JobContext) => void, before?: (ctx: JobContext) => void): { calls: number; growth: number } {
  const { fake, workbook } = fakeWithTabs(tabs, { user: 'fr@school.example', mailQuota: 100_000 });
  const ctx: JobContext = { workbook, clock, mail: new GasMail(), sendBatch: BATCH };
  before?.(ctx);
  fake.calls.reset();
  work(ctx);
  return { calls: fake.calls.total('spreadsheet'), growth: fake.calls.count('Sheet.insertRowsAfter') };
}

function nodeMs(tabs: Tabs, work: (ctx: JobContext) => void, before?: (ctx: JobContext) => void): number {
  const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-bulletin-'));
  const ctx: JobContext = { workbook: xlsxOf(tabs), clock: new NodeClock(MONDAY), mail: new Outbox(outbox) };
  before?.(ctx);
  const start = performance.now();
  work(ctx);
  const ms = performance.now() - start;
  fs.rmSync(outbox, { recursive: true, force: true });
  return ms;
}

const send = (ctx: JobContext) => { runBulletin(ctx); };

let perSend: number | null = null;
/** b: the calls one send adds, from runs at 100 and 200 recipients (Log growth past its rows excluded). */
function callsPerSend(): number {
  if (perSend === null) {
    const [a, b] = [100, 200].map((n) => sheetsCalls(tabsOf(simpleSpec(n)), send));
    perSend = ((b.calls - b.growth) - (a.calls - a.growth)) / 100;
  }
  return perSend;
}

/** `n` pages of 100 adverts (or one page of n when n < 100). */
function apiPages(n: number): HttpPort {
  const per = Math.min(100, n);
  const pages = Math.ceil(n / per);
  return {
    get(url) {
      const p = Number(new URL(url).searchParams.get('PageNumber'));
      const vacancies = Array.from({ length: per }, (_, i) => {
        const k = (p - 1) * per + i;
        return {
          title: `Apprentice ${k}`, employerName: `Employer ${k}`, closingDate: '2026-04-01T23:59:59', postedDate: '2026-02-28T00:00:00',
          vacancyReference: String(4_000_000 + k), vacancyUrl: `https://www.findapprenticeship.service.gov.uk/apprenticeship/VAC${4_000_000 + k}`,
          addresses: [{ addressLine3: 'Canterbury', postcode: 'CT1 1AA' }], course: { level: 3 }, wage: { wageType: 'ApprenticeshipMinimum' },
        };
      });
      return { status: 200, body: JSON.stringify({ vacancies, totalPages: pages }) };
    },
  };
}

export const cases: BenchCase[] = [
  {
    name: 'bulletin (send to all)',
    sizes: [100, 1_000],
    run(size) {
      const tabs = tabsOf(simpleSpec(size, 12));
      const { calls, growth } = sheetsCalls(tabs, send);
      const b = callsPerSend();
      const ms = nodeMs(tabs, send);
      return { calls, ms, note: `${size} sent: calls = ${calls - growth - b * size} + ${b} x sent${growth ? ` (+${growth} growing the Log past 1,000 rows)` : ''}; ${size} MailApp.sendEmail` };
    },
  },
  {
    name: 'bulletin (same week again)',
    sizes: [100, 1_000],
    run(size) {
      const tabs = tabsOf(simpleSpec(size, 12));
      const { calls, growth } = sheetsCalls(tabs, send, send);
      const ms = nodeMs(tabs, send, send);
      return { calls, ms, note: `nothing sent, ${size} already had it${growth ? ` (${growth} of the calls grows the Log past 1,000 rows)` : ''}` };
    },
  },
  {
    name: 'import-vacancies',
    sizes: [10, 300],
    run(size) {
      const tabs = { ...tabsOf({ pupils: [], vacancies: [], settings: { 'Vacancy search': '51.28, 1.08, 15' } }) };
      const work = (http: HttpPort) => (ctx: JobContext) => { runImportVacancies({ ...ctx, http }, { apiKey: 'bench-key-0123456789' }); };
      const { calls } = sheetsCalls(tabs, work(apiPages(size)));
      const ms = nodeMs(tabs, work(apiPages(size)));
      return { calls, ms, note: `${size} vacancies added from ${Math.ceil(size / Math.min(100, size))} page(s)` };
    },
  },
];
