import { syntheticTracker } from '../test/support/synthetic';
import { misExportFor } from '../test/pupils-import/synthetic-export';
import { runImportPupils } from '../src/jobs/import-pupils';
import { runNewYear } from '../src/jobs/new-year';
import type { BenchCase } from '../scripts/bench';
import type { ClockPort } from '../src/ports';
import { benchClock, fakeWithTabs, timed } from './support';

const july: ClockPort = { now: () => new Date('2026-07-10T08:00:00Z'), local: () => ({ day: '2026-07-10', hour: 8, minute: 0 }) };

export const cases: BenchCase[] = [
  {
    name: 'import-pupils --apply',
    sizes: [2_000, 10_000],
    run(size) {
      const tabs = syntheticTracker({ pupils: size });
      const rows = misExportFor(tabs);
      const { fake, workbook } = fakeWithTabs(tabs);
      fake.calls.reset();
      const [r, ms] = timed(() => runImportPupils({ workbook, clock: benchClock }, rows, { apply: true }));
      return { calls: fake.calls.total('spreadsheet'), ms, note: `${r.added.length} added, ${r.changed.length} changed, ${r.absent.length} absent` };
    },
  },
  {
    name: 'new-year --apply',
    sizes: [2_000, 10_000],
    run(size) {
      const { fake, workbook } = fakeWithTabs(syntheticTracker({ pupils: size }));
      fake.calls.reset();
      const [r, ms] = timed(() => runNewYear({ workbook, clock: july }, { apply: true }));
      return { calls: fake.calls.total('spreadsheet'), ms, note: `${r.leavers.length} new leavers` };
    },
  },
];
