/**
 * The bulletin at 2,000 recipients with a simulated Apps Script latency per call (60 ms a
 * spreadsheet call, 250 ms an email, 5 ms anything else): each run stops within its time budget
 * (RUN_BUDGET_MS, 4.5 minutes of the 6 allowed), the next hourly run carries on, and across runs
 * nobody is sent it twice and nobody is missed. The calls column is the first run's.
 */
import { MONDAY, simpleSpec, tabsOf } from '../test/bulletin/build';
import { runBulletin } from '../src/jobs/bulletin';
import { RUN_BUDGET_MS } from '../src/jobs/context';
import { APPS_SCRIPT_LATENCY, simulatedRuns } from '../test/support/latency';
import type { GasFake } from '../test/fakes/gas';
import type { BenchCase } from '../scripts/bench';

const install = (fake: GasFake) => {
  const { console: _recorded, ...services } = fake.globals as unknown as Record<string, unknown>;
  Object.assign(globalThis, services);
};

export const cases: BenchCase[] = [
  {
    name: 'bulletin (simulated latency, budget)',
    sizes: [2_000],
    run(size) {
      const start = performance.now();
      const sim = simulatedRuns(tabsOf(simpleSpec(size, 12)), APPS_SCRIPT_LATENCY, MONDAY, install);
      const runs: string[] = [];
      let firstCalls = 0;
      let longest = 0;
      for (let i = 0; i < 10; i++) {
        sim.fake.calls.reset();
        const r = runBulletin(sim.context());
        if (i === 0) firstCalls = sim.fake.calls.total('spreadsheet');
        longest = Math.max(longest, sim.elapsed());
        runs.push(`run ${i + 1}: ${r.sent} sent in ${(sim.elapsed() / 1000).toFixed(0)} s${r.deferred ? `, ${r.deferred} left` : ''}`);
        if (r.deferred === 0) break;
      }
      const to = sim.fake.sentMail.map((m) => m.to[0]);
      const twice = to.length - new Set(to).size;
      const missed = size - new Set(to).size;
      const ms = performance.now() - start;
      return {
        calls: firstCalls, ms,
        note: `${runs.join('; ')}; longest run ${(longest / 1000).toFixed(0)} s of a ${RUN_BUDGET_MS / 1000} s budget (Google stops at 360 s); `
          + `sent twice: ${twice}, missed: ${missed}`,
      };
    },
  },
];
