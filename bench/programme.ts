/**
 * The careers programme (summary and reminders) and the governors' report at 1,000 and 10,000
 * pupils, with a 40-action calendar. Calls and ms: through the Apps Script fake (the report: the
 * server's share, gathering the figures). The note gives the report's HTML and PDF sizes.
 */
import type { BenchCase } from '../scripts/bench';
import { benchClock as clock, fakeWithTabs, timed } from './support';
import { withProgramme } from '../test/programme/fixture';
import { runProgramme } from '../src/jobs/programme';
import { gatherReportData } from '../src/jobs/report';
import { renderReport } from '../src/domain/report-html';

const mail = { remainingQuota: () => 1_000, send: (m: { to: string }) => m.to };

export const cases: BenchCase[] = [
  {
    name: 'programme',
    sizes: [1_000, 10_000],
    run(size) {
      const { fake, workbook } = fakeWithTabs(withProgramme(size));
      fake.calls.reset();
      const [r, ms] = timed(() => runProgramme({ workbook, clock, mail }));
      return { calls: fake.calls.total('spreadsheet'), ms, note: `${r.summary.actions} actions, ${r.sent} reminders` };
    },
  },
  {
    name: 'report',
    sizes: [1_000, 10_000],
    run(size) {
      const { fake, workbook } = fakeWithTabs(withProgramme(size));
      fake.calls.reset();
      const [data, ms] = timed(() => gatherReportData({ workbook, clock }));
      const calls = fake.calls.total('spreadsheet');
      const [html, renderMs] = timed(() => renderReport(data));
      return { calls, ms, note: `HTML ${Buffer.byteLength(html).toLocaleString('en-GB')} bytes, rendered in ${renderMs.toFixed(0)} ms; data ${JSON.stringify(data).length.toLocaleString('en-GB')} bytes to the dialog` };
    },
  },
];
