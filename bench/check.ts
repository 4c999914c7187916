import { syntheticTracker } from '../test/support/synthetic';
import { runCheck } from '../src/jobs/check';
import type { BenchCase } from '../scripts/bench';
import { benchClock, fakeWithTabs, timed } from './support';

export const cases: BenchCase[] = [
  {
    name: 'check',
    sizes: [1_000, 10_000],
    run(size) {
      const { fake, workbook } = fakeWithTabs(syntheticTracker({ pupils: size }));
      fake.calls.reset();
      const [{ problems }, ms] = timed(() => runCheck({ workbook, clock: benchClock }));
      return { calls: fake.calls.total('spreadsheet'), ms, note: `${problems.length} problems` };
    },
  },
];
