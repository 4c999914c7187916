/**
 * The careers programme: the summary (what is overdue, due soon, done on time) and the weekly
 * reminders to owners, once per recipient per ISO week whichever run sends them (the schedule,
 * the command line or the menu).
 */
import { type Day, isoWeekKey } from '../domain/calendar';
import { type ProgrammeSummary, summariseProgramme } from '../domain/programme';
import { buildProgrammeReminders } from '../domain/programme-email';
import { pupilRedactor } from '../domain/redact';
import { type JobContext, appendLog, loadTracker, nowFor } from './context';
import type { WeeklyJob } from './weekly';

const JOB = 'programme';

export interface ProgrammeRun {
  asOf: Day;
  weekKey: string;
  summary: ProgrammeSummary;
  /** reminders this week's list needs */
  recipients: number;
  sent: number;
  alreadySent: number;
  deferred: number;
  failure: string | null;
  /** outbox files (command line) or recipients (Sheets) */
  outbox: string[];
  /** actions whose owners are all missing or unknown, so no reminder can go */
  unowned: number;
}

export function runProgramme(ctx: JobContext, options: { remind?: boolean } = {}): ProgrammeRun {
  const tracker = loadTracker(ctx.workbook);
  const now = nowFor(ctx, tracker);
  const summary = summariseProgramme(tracker.programme, now.today, tracker.settings.academicYearStart);
  const weekKey = isoWeekKey(now.today);
  const reminders = options.remind === false ? [] : buildProgrammeReminders(tracker, summary, now.today, ctx.workbook.url(), pupilRedactor(tracker.pupils));
  const done = new Set(tracker.log.filter((l) => l.job === JOB && l.outcome === 'sent' && l.week === weekKey).map((l) => l.recipient.trim().toLowerCase()));
  const run: ProgrammeRun = {
    asOf: now.today, weekKey, summary, recipients: reminders.length, sent: 0, alreadySent: 0, deferred: 0, failure: null, outbox: [],
    unowned: summary.items.filter((i) => (i.state === 'overdue' || i.state === 'due soon') && !i.owners.some((o) => tracker.staffByInitials.has(o))).length,
  };
  const todo = reminders.filter((r) => !done.has(r.to.toLowerCase()));
  run.alreadySent = reminders.length - todo.length;
  for (let i = 0; i < todo.length; i++) {
    const { owners, overdue, dueSoon, ...message } = todo[i];
    if (!ctx.mail || ctx.mail.remainingQuota() < 1) {
      run.deferred = todo.length - i;
      break;
    }
    try {
      run.outbox.push(ctx.mail.send(message));
    } catch (e) {
      run.failure = (e as Error).message;
      run.deferred = todo.length - i;
      appendLog(ctx, now, [{ job: JOB, outcome: 'failed', details: `Reminder to ${owners.join(', ')} not sent: ${run.failure}`, recipient: message.to, week: weekKey }], tracker);
      break;
    }
    run.sent++;
    // Recorded before the next message goes, so a run cut off here resumes without repeating it.
    appendLog(ctx, now, [{ job: JOB, outcome: 'sent', details: `Reminder to ${owners.join(', ')}: ${overdue} overdue, ${dueSoon} due soon`, recipient: message.to, week: weekKey }], tracker);
  }
  appendLog(ctx, now, [{
    job: JOB, outcome: run.deferred > 0 ? 'incomplete' : 'ok', week: weekKey,
    details: `${summary.actions} actions: ${summary.done} done (${summary.onTime} on time), ${summary.overdue} overdue, ${summary.dueSoon} due soon, ${summary.dropped} dropped; `
      + `reminders: ${run.sent} sent, ${run.alreadySent} already sent this week`
      + (run.deferred > 0 ? `, ${run.deferred} left for the next run${ctx.mail ? '' : ' (no mail service)'}` : ''),
  }], tracker);
  return run;
}

/** The weekly run: complete once every reminder this week needs has gone. */
export const programmeWeeklyJob: WeeklyJob = {
  id: 'programme',
  label: 'Programme reminders',
  run(ctx) {
    const r = runProgramme(ctx);
    return {
      complete: r.deferred === 0 && r.failure === null,
      summary: `${r.summary.overdue} overdue, ${r.summary.dueSoon} due soon; ${r.sent} reminders sent, ${r.alreadySent} already sent`
        + (r.deferred > 0 ? `, ${r.deferred} left${r.failure ? ` (${r.failure})` : ''}` : ''),
    };
  },
};

/** The summary as `programme --json` prints it (programme.md names, and a few more). */
export function programmeJson(r: ProgrammeRun): unknown {
  const s = r.summary;
  return {
    asOf: s.asOf, actions: s.actions, done: s.done, onTime: s.onTime, overdue: s.overdue, dueSoon: s.dueSoon,
    dropped: s.dropped, dueSoFar: s.dueSoFar, onTimePct: s.onTimePct,
    byTerm: s.byTerm, byBenchmark: s.byBenchmark, thisTerm: s.thisTerm,
    overdueActions: s.items.filter((i) => i.state === 'overdue').map(({ row, action, due, term, owners, benchmarks }) => ({ row, action, due, term, owners, benchmarks })),
    dueSoonActions: s.items.filter((i) => i.state === 'due soon').map(({ row, action, due, term, owners, benchmarks }) => ({ row, action, due, term, owners, benchmarks })),
    unownedDue: r.unowned, weekKey: r.weekKey, reminders: r.recipients, sent: r.sent, alreadySentThisWeek: r.alreadySent, deferred: r.deferred, outbox: r.outbox,
  };
}
