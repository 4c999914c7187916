/**
 * Check leavers' destinations: the Leavers tab (menu, command line and weekly schedule), and the
 * weekly email to the Destinations lead, once per recipient per ISO week.
 */
import type { OutCell } from '../ports';
import { type Day, isoWeekKey } from '../domain/calendar';
import { type DestinationsResult, type LeaverStatus, assessDestinations, pct } from '../domain/destinations';
import type { DestinationGroup } from '../domain/schema';
import { buildDestinationsEmails } from '../domain/destinations-email';
import type { Tracker } from '../domain/tracker';
import { type JobContext, type Now, appendLog, generatedRow, loadTracker, nowFor } from './context';
import type { WeeklyJob } from './weekly';

export const LEAVERS_TAB = 'Leavers';
const JOB = 'destinations';

export interface DestinationsRun {
  asOf: Day;
  weekKey: string;
  result: DestinationsResult;
  sent: number;
  alreadySent: number;
  deferred: number;
  failure: string | null;
  outbox: string[];
}

/** Writes the Leavers tab; with `email`, sends this week's email to whoever has not had it. */
export function runDestinations(ctx: JobContext, options: { email?: boolean } = {}): DestinationsRun {
  const tracker = loadTracker(ctx.workbook);
  const now = nowFor(ctx, tracker);
  const result = assessDestinations(tracker, now.today);
  writeLeaversTab(ctx, tracker, now, result);
  const weekKey = isoWeekKey(now.today);
  const run: DestinationsRun = { asOf: now.today, weekKey, result, sent: 0, alreadySent: 0, deferred: 0, failure: null, outbox: [] };
  if (options.email) {
    const done = new Set(tracker.log.filter((l) => l.job === JOB && l.outcome === 'sent' && l.week === weekKey).map((l) => l.recipient.trim().toLowerCase()));
    const messages = buildDestinationsEmails(tracker, result, now.today, ctx.workbook.url());
    const todo = messages.filter((m) => !done.has(m.to.toLowerCase()));
    run.alreadySent = messages.length - todo.length;
    for (let i = 0; i < todo.length; i++) {
      if (!ctx.mail || ctx.mail.remainingQuota() < 1) {
        run.deferred = todo.length - i;
        break;
      }
      try {
        run.outbox.push(ctx.mail.send(todo[i]));
      } catch (e) {
        run.failure = (e as Error).message;
        run.deferred = todo.length - i;
        break;
      }
      run.sent++;
      appendLog(ctx, now, [{ job: JOB, outcome: 'sent', details: `Leavers' checks due: ${result.due.length}`, recipient: todo[i].to, week: weekKey }], tracker);
    }
  }
  const overdue = result.due.filter((d) => d.overdue).length;
  appendLog(ctx, now, [{
    job: JOB, outcome: run.deferred > 0 ? 'incomplete' : 'ok', week: weekKey,
    details: `${result.tracked.length} leavers tracked: ${result.due.length} checks due (${overdue} overdue), ${result.missed.length} with missed checks, ${result.pastRetention.length} past retention`
      + (options.email ? `; emails: ${run.sent} sent, ${run.alreadySent} already sent this week${run.deferred ? `, ${run.deferred} left` : ''}` : ''),
  }], tracker);
  return run;
}

export const destinationsWeeklyJob: WeeklyJob = {
  id: 'destinations',
  label: "Leavers' destination checks",
  run(ctx) {
    const r = runDestinations(ctx, { email: true });
    return {
      complete: r.deferred === 0 && r.failure === null,
      summary: `${r.result.due.length} checks due; ${r.sent} emails sent, ${r.alreadySent} already sent`
        + (r.deferred > 0 ? `, ${r.deferred} left${r.failure ? ` (${r.failure})` : ''}` : ''),
    };
  },
};

const pctText = (p: number | null): OutCell => (p === null ? '' : `${p}%`);
const GROUP_ORDER: DestinationGroup[] = ['Education', 'Education, not full time', 'Employment with training', 'Employment without training', 'Training', 'NEET', 'Not known', 'Other'];

function writeLeaversTab(ctx: JobContext, tracker: Tracker, now: Now, result: DestinationsResult): void {
  const s = tracker.settings;
  const rows: OutCell[][] = [generatedRow(now, "Leavers' destinations")];
  const bold: number[] = [0];
  rows.push([`Leavers of ${result.firstTracked} onwards are tracked (Track leavers: ${s.trackLeaverYears} years); checks from the 1st of each month in Destination checks. A check is overdue after 30 days.`]);
  rows.push([]);
  bold.push(rows.length);
  rows.push(['Leaver year', 'Cohort', 'No consent', ...GROUP_ORDER, 'No check yet', 'EET %', 'NEET %', 'Not known %', 'Sustained', 'Not sustained', 'Sustained %', 'Checks due', 'Overdue', 'Missed checks']);
  for (const y of result.years) {
    const g = y.groups;
    rows.push([y.leaverYear, y.cohort, y.noConsent, ...GROUP_ORDER.map((k) => g[k]), y.noCheck,
      pctText(y.eetPct), pctText(y.neetPct), pctText(y.notKnownPct), y.sustained, y.notSustained, pctText(y.sustainedPct), y.dueNow, y.overdue, y.missed]);
  }
  rows.push([]);
  bold.push(rows.length);
  rows.push(['Leaver year', '% of leavers with consent:', ...GROUP_ORDER, 'No check yet']);
  for (const y of result.years) {
    const n = y.cohort - y.noConsent;
    rows.push([y.leaverYear, n, ...GROUP_ORDER.map((g) => pctText(pct(y.groups[g], n))), pctText(pct(y.noCheck, n))]);
  }
  rows.push([{ value: 'Groups count each leaver once, by their latest check, leaving out those with no consent. Sustained: EET at checks both before and after 1 January in the October–March after leaving.', italic: true }]);
  rows.push([]);
  bold.push(rows.length);
  rows.push(['Checks due now', `${result.due.length}`]);
  bold.push(rows.length);
  rows.push(['Pupil ID', 'Name', 'Leaver year', 'Check point', 'Days due', 'Overdue', 'Last status', 'Last checked', 'Email', 'Consent']);
  for (const d of result.due) rows.push(dueRow(d));
  if (result.due.length === 0) rows.push([{ value: 'No check is due.', italic: true }]);
  rows.push([]);
  bold.push(rows.length);
  rows.push(['Checks missed', `${result.missed.length} leavers`]);
  bold.push(rows.length);
  rows.push(['Pupil ID', 'Name', 'Leaver year', 'Missed check points']);
  for (const m of result.missed) rows.push([m.pupil.id, m.pupil.name, m.pupil.leaverYear!, m.missed]);
  if (result.missed.length === 0) rows.push([{ value: 'No check point was missed.', italic: true }]);
  rows.push([]);
  bold.push(rows.length);
  rows.push(['Past retention', `${result.pastRetention.length} leavers of ${result.firstKept - 1} or earlier (Keep leavers: ${s.keepLeaverYears} years): Pseudonymise old leavers removes their names and contact details.`]);
  bold.push(rows.length);
  rows.push(['Pupil ID', 'Name', 'Leaver year']);
  for (const p of result.pastRetention) rows.push([p.id, p.name, p.leaverYear!]);
  if (result.pastRetention.length === 0) rows.push([{ value: 'No leaver is past retention.', italic: true }]);
  ctx.workbook.writeOutputTab(LEAVERS_TAB, { rows, boldRows: bold, frozenRows: 1, columnWidths: [90, 170, 80, 90, 80, 90, 130, 100, 160, 90] });
}

function dueRow(d: LeaverStatus): OutCell[] {
  return [
    d.pupil.id, d.pupil.name, d.pupil.leaverYear!, { day: d.due! }, d.daysDue!,
    d.overdue ? { value: 'Overdue', fill: 'red' } : '',
    d.latest?.status ?? 'No check yet', d.latest ? { day: d.latest.checked } : '',
    d.pupil.email ?? '', d.consent === null ? { value: 'consent not recorded', fill: 'amber' } : 'yes',
  ];
}
