/**
 * The schedule (rules.md, "The schedule"): one hourly trigger per document, held by one user.
 * Each tick, under the document lock, runs every weekly job that is due (from Monday 7:00 in the
 * spreadsheet's time zone) and not yet complete for this ISO week. Completion is kept in the
 * document properties (quick to check) and in the Log (which survives, and which the command
 * line has instead of properties). A failed or incomplete job is simply run again next tick.
 */
import { type Day, isoWeekday, isoWeekKey, pad2 } from '../domain/calendar';
import { readSettings } from '../domain/settings';
import { LOG_TAB, SETTINGS_TAB, STAFF_TAB } from '../domain/schema';
import { mayRun } from '../domain/roles';
import { readTable } from '../domain/table';
import { readText } from '../domain/values';
import { type JobContext, type Now, appendLog, loadTracker } from './context';
import type { WeeklyJob } from './weekly';
import { unplacedWeeklyJob } from './unplaced';
import { bulletinWeeklyJob } from './bulletin';
import { destinationsWeeklyJob } from './destinations';
import { programmeWeeklyJob } from './programme';

export const WEEKLY_JOBS: WeeklyJob[] = [unplacedWeeklyJob, bulletinWeeklyJob, destinationsWeeklyJob, programmeWeeklyJob];

/** The Apps Script function the hourly trigger calls. */
export const TICK_HANDLER = 'runWeeklyJobs';
/** Document property: the email of the user whose trigger runs the schedule. */
export const OWNER_KEY = 'schedule.owner';
export const doneKey = (jobId: string): string => `schedule.done.${jobId}`;
/** Document property: the week the schedule was last paused for its holder's role (logged once a week). */
export const PAUSED_KEY = 'schedule.paused';
export const DUE_HOUR = 7;

/** Due from Monday 7:00 until the end of the ISO week (Sunday). */
export function isDue(day: Day, hour: number): boolean {
  return !(isoWeekday(day) === 1 && hour < DUE_HOUR);
}

/** The time now, reading no more of the tracker than the Settings tab (and that only off Sheets). */
export function scheduleNow(ctx: JobContext): Now {
  const timeZone = ctx.workbook.spreadsheetTimeZone() ?? readSettings(ctx.workbook.readTab(SETTINGS_TAB.name), []).settings.timeZone;
  const local = ctx.clock.local(timeZone);
  return {
    timeZone, today: local.day, hour: local.hour, minute: local.minute,
    stamp: { day: local.day, time: `${pad2(local.hour)}:${pad2(local.minute)}` },
  };
}

export interface TickJob {
  id: string;
  label: string;
  outcome: 'complete' | 'incomplete' | 'failed' | 'already complete';
  summary: string;
}

export interface TickResult {
  weekKey: string;
  /** why nothing ran, or null when the due jobs were looked at */
  skipped: 'not scheduled' | 'not the holder' | 'not due yet' | 'holder may not schedule' | null;
  jobs: TickJob[];
}

/** One hourly tick. Throws LockBusyError when someone else holds the document lock (the next tick tries again). */
export function runScheduledTick(ctx: JobContext, jobs: WeeklyJob[] = WEEKLY_JOBS): TickResult {
  const work = () => tick(ctx, jobs);
  return ctx.lock ? ctx.lock.withLock(work) : work();
}

function tick(ctx: JobContext, jobs: WeeklyJob[]): TickResult {
  const props = ctx.documentProperties;
  const now = scheduleNow(ctx);
  const weekKey = isoWeekKey(now.today);
  const result: TickResult = { weekKey, skipped: null, jobs: [] };
  if (props) {
    const owner = props.get(OWNER_KEY);
    // A trigger left behind after someone else stopped or took over the schedule does nothing.
    if (!owner) return { ...result, skipped: 'not scheduled' };
    const runner = ctx.user?.email().trim().toLowerCase() ?? '';
    if (runner && runner !== owner) return { ...result, skipped: 'not the holder' };
  }
  if (!isDue(now.today, now.hour)) return { ...result, skipped: 'not due yet' };

  let logged: Set<string> | null = null;
  const completeInLog = (id: string) => {
    logged ??= completedInLog(ctx, weekKey);
    return logged.has(id);
  };
  let holderChecked = false;
  for (const job of jobs) {
    const entry = { id: job.id, label: job.label };
    if (props?.get(doneKey(job.id)) === weekKey || completeInLog(job.id)) {
      if (props && props.get(doneKey(job.id)) !== weekKey) props.set(doneKey(job.id), weekKey);
      result.jobs.push({ ...entry, outcome: 'already complete', summary: '' });
      continue;
    }
    // Before the first job that would send anything: emails go from the holder's account, so
    // they must still be allowed to schedule (a careers leader who changed role, say).
    if (props && !holderChecked) {
      holderChecked = true;
      const refusal = holderRefusal(ctx, props.get(OWNER_KEY) as string);
      if (refusal) {
        if (props.get(PAUSED_KEY) !== weekKey) {
          props.set(PAUSED_KEY, weekKey);
          appendLog(ctx, now, [{ job: 'schedule', outcome: 'paused', week: weekKey, details: refusal }]);
        }
        return { ...result, skipped: 'holder may not schedule' };
      }
    }
    let outcome: TickJob['outcome'];
    let summary: string;
    try {
      const run = job.run(ctx);
      outcome = run.complete ? 'complete' : 'incomplete';
      summary = run.summary;
    } catch (e) {
      outcome = 'failed';
      summary = (e as Error).message || String(e);
    }
    const at = scheduleNow(ctx);
    appendLog(ctx, at, [{
      job: 'schedule', outcome, week: weekKey,
      details: `${job.id}: ${summary}${outcome === 'complete' ? '' : ' (tried again next hour)'}`,
    }]);
    if (outcome === 'complete') props?.set(doneKey(job.id), weekKey);
    result.jobs.push({ ...entry, outcome, summary });
  }
  return result;
}

/** Why the schedule's holder may no longer run it (the Staff tab's roles), or null when they may. */
function holderRefusal(ctx: JobContext, holder: string): string | null {
  const staff = loadTracker(ctx.workbook, [STAFF_TAB.name]).staff;
  if (mayRun(staff, holder, 'schedule').ok) return null;
  const member = staff.find((m) => m.email === holder);
  const reason = member ? `whose role in the Staff tab is now ${member.roles.join(', ')}` : 'who is no longer in the Staff tab';
  return `The weekly jobs did not run: they are scheduled by ${holder}, ${reason}, and the emails would go from that account. `
    + 'Someone with the role Careers leader or Admin: choose Stop weekly jobs, then Schedule weekly jobs.';
}

/** Job ids the Log records as complete for this week. */
function completedInLog(ctx: JobContext, weekKey: string): Set<string> {
  const done = new Set<string>();
  const table = readTable(ctx.workbook.readTab(LOG_TAB.name), LOG_TAB, null, []);
  for (const r of table.rows) {
    if (readText(r.cell('job')) !== 'schedule' || readText(r.cell('outcome')) !== 'complete' || readText(r.cell('week')) !== weekKey) continue;
    const id = /^([a-z0-9-]+):/.exec(readText(r.cell('details')))?.[1];
    if (id) done.add(id);
  }
  return done;
}

/** The signed-in user's time-driven triggers in this document (Apps Script: ScriptApp). */
export interface TriggerPort {
  /** How many of this user's triggers in this document call `handler`. */
  countMine(handler: string): number;
  /** Adds an hourly time-driven trigger calling `handler`. */
  createHourly(handler: string): void;
  /** Removes this user's triggers in this document that call `handler`; returns how many. */
  deleteMine(handler: string): number;
}

export interface ScheduleOutcome {
  changed: boolean;
  /** who holds the schedule afterwards */
  holder: string | null;
  message: string;
}

/** "the a, b, c and d": the weekly jobs in a sentence. */
const whatRuns = () => {
  const names = WEEKLY_JOBS.map((j) => j.label.charAt(0).toLowerCase() + j.label.slice(1));
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
};

/** Schedule weekly jobs: idempotent; never a second trigger, never a second holder. Call under the document lock. */
export function scheduleWeekly(ctx: JobContext, triggers: TriggerPort): ScheduleOutcome {
  const props = need(ctx.documentProperties);
  const me = (ctx.user?.email() ?? '').trim().toLowerCase();
  if (!me) {
    return { changed: false, holder: props.get(OWNER_KEY), message: 'Careers Tracker cannot see which Google account you are signed in with, so it cannot schedule the weekly jobs. Sign in with your school account (one account at a time) and try again.' };
  }
  const owner = props.get(OWNER_KEY);
  if (owner && owner !== me) {
    return {
      changed: false, holder: owner,
      message: `The weekly jobs are already scheduled by ${owner}. One schedule sends for everyone, so nothing was added. `
        + `If ${owner} has left or the schedule has stopped, choose Stop weekly jobs, then Schedule weekly jobs again.`,
    };
  }
  const mine = triggers.countMine(TICK_HANDLER);
  if (owner === me && mine === 1) {
    return { changed: false, holder: me, message: 'The weekly jobs are already scheduled by you. Nothing was added.' };
  }
  if (mine > 1) triggers.deleteMine(TICK_HANDLER);
  if (mine !== 1) triggers.createHourly(TICK_HANDLER);
  props.set(OWNER_KEY, me);
  const now = scheduleNow(ctx);
  appendLog(ctx, now, [{ job: 'schedule', outcome: 'scheduled', details: `Weekly jobs scheduled by ${me}` }]);
  return {
    changed: true, holder: me,
    message: `Scheduled. Every week from Monday 7:00 (${now.timeZone} time), Careers Tracker runs the ${whatRuns()}, once a week. `
      + `It checks every hour, so a run that is cut short finishes later. Emails go from your account (${me}). Choose Stop weekly jobs to stop.`,
  };
}

/** Stop weekly jobs: removes this user's trigger and releases the schedule (whoever held it). Call under the document lock. */
export function stopWeekly(ctx: JobContext, triggers: TriggerPort): ScheduleOutcome {
  const props = need(ctx.documentProperties);
  const me = (ctx.user?.email() ?? '').trim().toLowerCase();
  const owner = props.get(OWNER_KEY);
  const removed = triggers.deleteMine(TICK_HANDLER);
  if (!owner && removed === 0) return { changed: false, holder: null, message: 'The weekly jobs are not scheduled, so there is nothing to stop.' };
  props.delete(OWNER_KEY);
  appendLog(ctx, scheduleNow(ctx), [{ job: 'schedule', outcome: 'stopped', details: `Weekly jobs stopped by ${me || 'an unknown account'}${owner && owner !== me ? ` (held by ${owner})` : ''}` }]);
  const message = owner && owner !== me
    ? `Stopped. The schedule was held by ${owner}: their hourly check stays in their account but now does nothing (they can remove it with Stop weekly jobs).`
    : 'Stopped. No weekly jobs will run until someone chooses Schedule weekly jobs.';
  return { changed: true, holder: null, message };
}

function need<T>(x: T | undefined): T {
  if (!x) throw new Error('The schedule needs the document properties.');
  return x;
}
