/**
 * Menu: Schedule weekly jobs, Stop weekly jobs; and the hourly trigger's handler.
 */
import { runFromMenu_ } from '../run';
import { gasContext } from '../context';
import { GasEffectiveUser, GasTriggers } from '../triggers';
import { runScheduledTick, scheduleNow, scheduleWeekly, stopWeekly } from '../../jobs/schedule';
import { appendLog } from '../../jobs/context';
import type { JobContext } from '../../jobs/context';
import { LockBusyError } from '../../ports';
import { consentMessage_, missingPermissions_ } from '../consent';

const triggers_ = (ctx: JobContext) =>
  new GasTriggers(SpreadsheetApp.getActiveSpreadsheet(), ctx.documentProperties!, (ctx.user?.email() ?? '').trim().toLowerCase());

export function scheduleWeeklyJobs(): void {
  runFromMenu_('schedule', 'Schedule weekly jobs', (ctx) => scheduleWeekly(ctx, triggers_(ctx)).message);
}

export function stopWeeklyJobs(): void {
  runFromMenu_('schedule', 'Stop weekly jobs', (ctx) => stopWeekly(ctx, triggers_(ctx)).message);
}

/**
 * The hourly trigger. A trigger has no UI (no alerts) and no one to tell when it fails, so every
 * failure goes to the Log; each tick builds its context afresh from the active spreadsheet.
 */
export function runWeeklyJobs(): void {
  let ctx: JobContext | null = null;
  try {
    ctx = { ...gasContext(), user: new GasEffectiveUser() };
    // A trigger cannot ask for consent: a permission taken back since scheduling is said in the Log.
    const missing = missingPermissions_('schedule');
    if (missing.length) throw new Error(consentMessage_(missing, false));
    const r = runScheduledTick(ctx);
    console.log(`Weekly jobs, ${r.weekKey}: ${r.skipped ?? r.jobs.map((j) => `${j.id} ${j.outcome}`).join(', ')}`);
  } catch (e) {
    const message = (e as Error)?.message || String(e);
    console.error(`Weekly jobs did not run: ${message}`);
    // Someone else is writing: the next tick runs instead (a Log line now could collide with their write).
    if (!ctx || e instanceof LockBusyError) return;
    try {
      appendLog(ctx, scheduleNow(ctx), [{ job: 'schedule', outcome: 'failed', details: `The hourly check could not run: ${message}` }]);
    } catch (logError) {
      console.error(`Could not write to the Log either: ${(logError as Error)?.message}`);
    }
  }
}
