/**
 * Flag unplaced Year 11s: the Unplaced and September Guarantee tabs, and the alerts (once per
 * recipient per ISO week, whichever run sends them: the menu, the command line or the schedule).
 */
import type { OutCell } from '../ports';
import { type Day, formatLongDay, isoWeekKey } from '../domain/calendar';
import type { Pupil, Tracker } from '../domain/tracker';
import {
  type UnplacedFlag, type UnplacedResult, assessUnplaced, unplacedDeadlines,
} from '../domain/unplaced';
import { buildUnplacedAlerts, cohortSummary, lastMeetingPhrase, reasonPhrase } from '../domain/unplaced-email';
import { type JobContext, type Now, appendLog, generatedRow, loadTracker, nowFor, timeIsUp } from './context';
import type { WeeklyJob } from './weekly';

export const UNPLACED_TAB = 'Unplaced';
export const GUARANTEE_TAB = 'September Guarantee';
const JOB = 'unplaced';

export interface UnplacedRun {
  asOf: Day;
  weekKey: string;
  result: UnplacedResult;
  /** messages sent by this run */
  sent: number;
  /** outbox files (command line) or recipients (Sheets) of the messages sent */
  outbox: string[];
  /** recipients already sent this week's alert, not sent again */
  alreadySent: number;
  /** left for the next run: quota used up, a mail failure, or no mail service */
  deferred: number;
  failure: string | null;
  /** how many alerts this week's list needs (0 when no one is flagged) */
  recipients: number;
  /** addresses the mail service refused this run, with its reason (logged; tried again next week) */
  refused: string[];
}

export function runUnplaced(ctx: JobContext): UnplacedRun {
  const tracker = loadTracker(ctx.workbook);
  const now = nowFor(ctx, tracker);
  const result = assessUnplaced(tracker, now.today);
  writeUnplacedTab(ctx, tracker, now, result);
  writeGuaranteeTab(ctx, now, result);

  const weekKey = isoWeekKey(now.today);
  // Sent this week, or refused this week (as the bulletin does: not retried every hour; the Log names it).
  const done = new Set(
    tracker.log.filter((l) => l.job === JOB && (l.outcome === 'sent' || l.outcome === 'failed') && l.week === weekKey).map((l) => l.recipient.trim().toLowerCase()),
  );
  const alerts = buildUnplacedAlerts(tracker, result, now.today, ctx.workbook.url());
  const run: UnplacedRun = {
    asOf: now.today, weekKey, result, sent: 0, outbox: [], alreadySent: 0, deferred: 0, failure: null, recipients: alerts.length, refused: [],
  };
  const todo = alerts.filter((a) => !done.has(a.to.toLowerCase()));
  run.alreadySent = alerts.length - todo.length;
  for (let i = 0; i < todo.length; i++) {
    const alert = todo[i];
    if (!ctx.mail || ctx.mail.remainingQuota() < 1 || timeIsUp(ctx)) {
      run.deferred = todo.length - i;
      if (ctx.mail && timeIsUp(ctx)) run.failure = 'stopped to stay within Google\'s time limit for one run';
      break;
    }
    const { audience, pupils, ...message } = alert;
    try {
      run.outbox.push(ctx.mail.send(message));
    } catch (e) {
      // One refused address (a typo, a left member of staff) must not stop everyone after it: logged, and the rest go.
      const error = (e as Error).message;
      if (/too many times|quota/i.test(error)) {
        run.failure = error;
        run.deferred = todo.length - i;
        break;
      }
      run.refused.push(`${alert.to}: ${error}`);
      appendLog(ctx, now, [{ job: JOB, outcome: 'failed', details: `Alert to the ${audience} not sent: ${error}`, recipient: alert.to, week: weekKey }], tracker);
      continue;
    }
    run.sent++;
    // Recorded before the next message goes, so a run cut off here resumes without repeating it.
    appendLog(ctx, now, [{ job: JOB, outcome: 'sent', details: `Alert to the ${audience}: ${pupils} pupil${pupils === 1 ? '' : 's'}`, recipient: alert.to, week: weekKey }], tracker);
  }

  const red = result.flagged.filter((f) => f.level === 'red').length;
  appendLog(ctx, now, [{
    job: JOB,
    outcome: run.deferred > 0 ? 'incomplete' : 'ok',
    details: `${result.cohort.length} in Year 11: ${result.placed.length} placed, ${red} red, ${result.flagged.length - red} amber; `
      + `${result.septemberGuarantee.length} on the September Guarantee list; alerts: ${run.sent} sent, ${run.alreadySent} already sent this week`
      + (run.refused.length ? `, ${run.refused.length} refused (${run.refused.join('; ')})` : '')
      + (run.deferred > 0 ? `, ${run.deferred} left for the next run${ctx.mail ? (run.failure ? ` (${run.failure})` : '') : ' (no mail service)'}` : ''),
    week: weekKey,
  }], tracker);
  return run;
}

/** The weekly run: complete once every alert this week's list needs has gone. */
export const unplacedWeeklyJob: WeeklyJob = {
  id: 'unplaced',
  label: 'Unplaced Year 11 alerts',
  run(ctx) {
    const r = runUnplaced(ctx);
    return {
      complete: r.deferred === 0 && r.failure === null,
      summary: `${r.result.flagged.length} flagged; ${r.sent} alerts sent, ${r.alreadySent} already sent`
        + (r.deferred > 0 ? `, ${r.deferred} left${r.failure ? ` (${r.failure})` : ''}` : ''),
    };
  },
};

/** `Fran Reed (FR)`, or the initials alone when the Staff tab does not know them. */
export function mentorLabel(tracker: Tracker, initials: string | null): string {
  if (!initials) return '';
  const m = tracker.staffByInitials.get(initials);
  return m ? `${m.name} (${m.initials})` : initials;
}

function writeUnplacedTab(ctx: JobContext, tracker: Tracker, now: Now, result: UnplacedResult): void {
  const deadlines = unplacedDeadlines(tracker, now.today);
  const rows: OutCell[][] = [
    generatedRow(now, 'Unplaced Year 11s'),
    [`${cohortSummary(result)} `
      + `Application deadline ${formatLongDay(deadlines.application)}; offer deadline ${formatLongDay(deadlines.offer)}.`],
    [],
    ['Level', 'Pupil ID', 'Name', 'Form', 'Mentor', 'Application status', 'Reasons', 'Days since last meeting', 'Last meeting', 'Overdue actions', 'Plan A', 'Plan B'],
  ];
  for (const f of result.flagged) rows.push(flagRow(tracker, f));
  if (result.flagged.length === 0) {
    rows.push([{ value: result.cohort.length === 0 ? 'No pupils in Year 11.' : 'Every Year 11 has accepted a post-16 place.', italic: true }]);
  }
  rows.push([], [{
    value: `Red: a deadline has passed, no application is live, or ${tracker.settings.riskFactorsForRed} or more risk factors. `
      + 'EHCP and looked-after status show here but never in the alert emails.',
    italic: true,
  }]);
  ctx.workbook.writeOutputTab(UNPLACED_TAB, {
    rows, boldRows: [0, 3], frozenRows: 4, columnWidths: [70, 90, 170, 60, 150, 120, 360, 90, 90, 80, 160, 160],
  });
}

function flagRow(tracker: Tracker, f: UnplacedFlag): OutCell[] {
  const p = f.pupil;
  return [
    { value: f.level === 'red' ? 'Red' : 'Amber', fill: f.level, bold: true },
    p.id, p.name, p.form ?? '', mentorLabel(tracker, p.mentor) || 'No mentor', statusCell(p),
    { value: f.reasons.map((r) => reasonPhrase(f, r)).join('; '), wrap: true },
    f.daysSinceLastMeeting ?? lastMeetingPhrase(f),
    f.lastMeeting ? { day: f.lastMeeting } : '',
    f.overdueActions,
    p.planA ?? '', p.planB ?? '',
  ];
}

/** The Application status as the tabs show it: blank, or unreadable with the value. */
function statusCell(p: Pupil): string {
  return p.status ?? (p.statusUnreadable !== undefined ? `Unreadable: "${p.statusUnreadable}"` : 'Blank');
}

function writeGuaranteeTab(ctx: JobContext, now: Now, result: UnplacedResult): void {
  const n = result.septemberGuarantee.length;
  const rows: OutCell[][] = [
    generatedRow(now, 'September Guarantee'),
    [`${n} Year 11 pupil${n === 1 ? '' : 's'} with no offer of a post-16 place (status neither Offer nor Accepted): the list the local authority asks schools for.`],
    [],
    ['Pupil ID', 'Name', 'Form', 'Application status', 'Plan A', 'Plan B', 'Provider', 'Course'],
    ...result.septemberGuarantee.map((p): OutCell[] => [p.id, p.name, p.form ?? '', statusCell(p), p.planA ?? '', p.planB ?? '', p.provider ?? '', p.course ?? '']),
  ];
  if (n === 0) rows.push([{ value: 'Every Year 11 has an offer or an accepted place.', italic: true }]);
  ctx.workbook.writeOutputTab(GUARANTEE_TAB, { rows, boldRows: [0, 3], frozenRows: 4, columnWidths: [90, 170, 60, 120, 180, 180, 180, 180] });
}
