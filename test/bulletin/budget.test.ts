/**
 * The bulletin's time budget (issue 10): with Apps Script-like latency it stops cleanly before about
 * 5 minutes, says what is left in its message and the Log, and the next run finishes the week's send
 * with nothing sent twice and nobody missed.
 */
import { describe, expect, it, vi } from 'vitest';
import { MONDAY, simpleSpec, tabsOf } from './build';
import { runBulletin } from '../../src/jobs/bulletin';
import { RUN_BUDGET_MS } from '../../src/jobs/context';
import { simulatedRuns } from '../support/latency';
import type { GasFake } from '../fakes/gas';

const install = (fake: GasFake) => { for (const [k, v] of Object.entries(fake.globals)) vi.stubGlobal(k, v); };

describe('the bulletin within a time budget', () => {
  it('stops before the budget, says how many are left, and the next run sends exactly those', () => {
    const n = 400;
    // slow enough that 400 sends cannot fit in one run
    const sim = simulatedRuns(tabsOf(simpleSpec(n)), { spreadsheet: 100, send: 1_000, other: 10 }, MONDAY, install);
    const first = runBulletin(sim.context());
    expect(first.reason).toBe('time');
    expect(first.sent).toBeGreaterThan(0);
    expect(first.deferred).toBe(n - first.sent);
    expect(sim.elapsed()).toBeLessThan(RUN_BUDGET_MS + 10_000); // one batch past the budget at most, far from 6 minutes
    expect(sim.elapsed()).toBeLessThan(330_000);
    expect(first.message).toContain(`${first.deferred} still to send`);
    const log = sim.fake.sheetValues('Log');
    expect(log.at(-1)).toContain('deferred');
    expect(String(log.at(-1)!.find((c) => typeof c === 'string' && c.includes('still to send')))).toContain(`${first.deferred} still to send`);

    const second = runBulletin(sim.context());
    expect(second.reason).toBeNull();
    expect(second).toMatchObject({ sent: first.deferred, skippedAlreadySent: first.sent, deferred: 0 });
    const to = sim.fake.sentMail.map((m) => m.to[0]);
    expect(to).toHaveLength(n);
    expect(new Set(to).size).toBe(n);
  });

  it('without a deadline (the command line) sends everyone in one run', () => {
    const sim = simulatedRuns(tabsOf(simpleSpec(50)), { spreadsheet: 100, send: 10_000, other: 10 }, MONDAY, install);
    const { deadline: _none, ...ctx } = sim.context();
    expect(runBulletin(ctx)).toMatchObject({ sent: 50, deferred: 0, reason: null });
  });
});
