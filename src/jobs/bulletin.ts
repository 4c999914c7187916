/**
 * Send the weekly apprenticeship bulletin (menu "Send bulletin now", the hourly schedule, CLI
 * `bulletin`): one message per recipient, each recorded in the Log before the next one starts, so
 * a second run in the same week, or a run cut off half-way, never sends anyone the same week twice.
 */
import type { Day } from '../domain/calendar';
import {
  type BulletinItem, type BulletinRecipient, type BulletinWeek, type RecipientSelection,
  type RenderedBulletin, bulletinContact, bulletinRecipients, bulletinWeek, openVacancies, renderBulletin, vacanciesFor, vacancyKey,
} from '../domain/bulletin';
import { formatLongDay } from '../domain/calendar';
import type { Problem } from '../domain/table';
import type { Tracker } from '../domain/tracker';
import { type JobContext, type Now, appendLog, loadTracker, nowFor } from './context';
import type { WeeklyJob } from './weekly';

export const BULLETIN_JOB = 'bulletin';

/** Log outcomes of one recipient's line. `sent` is written just before the message goes. */
const SENT = 'sent';
const FAILED = 'failed';
/** the mail service refused for quota after the `sent` line was written: retried by the next run */
const NOT_SENT = 'not sent';
const FIRST_SEEN = 'first seen';
const NO_EMAIL = 'no email';
/** a current Year 11 for whom every open vacancy starts before they may leave school: no email this week */
const SKIPPED = 'skipped';
/** this many failed sends in a row look like a mail service problem: stop and leave the rest for later */
const FAILURES_BEFORE_STOPPING = 3;

export interface BulletinResult {
  asOf: Day;
  weekKey: string;
  vacancies: number;
  recipients: number;
  sent: number;
  skippedAlreadySent: number;
  deferred: number;
  /** what the mail port returned for each message: the `.eml` file names on the command line */
  outbox: string[];
  /** sends the mail service refused in this run (logged; not retried this week) */
  failed: number;
  /** recipients whose send failed earlier this week */
  skippedFailedEarlier: number;
  /** current Year 11s with no open vacancy starting after they may leave school: no email this week (logged once) */
  skippedNothingToStart: number;
  /** why nothing (or not everything) was sent */
  reason: 'no-open-vacancies' | 'no-recipients' | 'quota' | 'mail-errors' | null;
  optedOut: number;
  noEmail: number;
  duplicates: number;
  /** pupils in the cohort skipped for an invalid Email or an unclear Bulletin value */
  problems: Problem[];
  /** for people */
  message: string;
}

export interface BulletinPlan {
  tracker: Tracker;
  now: Now;
  week: BulletinWeek;
  items: BulletinItem[];
  selection: RecipientSelection;
  /** recipients still to get this week's bulletin, in Pupils order */
  toSend: BulletinRecipient[];
  /** current Year 11s not yet logged this week whose list is empty: they get no email, and the Log says so */
  nothingToStart: BulletinRecipient[];
  /** current Year 11s already logged as skipped this week */
  skippedEarlier: number;
  alreadySent: number;
  failedEarlier: number;
  /** vacancies with a blank Posted never seen before: recorded in the Log as first seen today */
  firstSeenToday: string[];
  /** a "no email" line is already in the Log for this week */
  noEmailLogged: boolean;
}

/** Everything the run will do, without writing or sending anything (the menu shows it before asking). */
export function planBulletin(ctx: JobContext): BulletinPlan {
  const tracker = loadTracker(ctx.workbook);
  const now = nowFor(ctx, tracker);
  const week = bulletinWeek(now.today);

  const firstSeen = new Map<string, Day>();
  const lastThisWeek = new Map<string, string>();
  let noEmailLogged = false;
  for (const entry of tracker.log) {
    if (entry.job !== BULLETIN_JOB) continue;
    if (entry.outcome === FIRST_SEEN && entry.details && !firstSeen.has(entry.details)) {
      const day = /^\d{4}-\d{2}-\d{2}/.exec(entry.time)?.[0];
      if (day) firstSeen.set(entry.details, day);
      continue;
    }
    if (entry.week !== week.weekKey) continue;
    if (entry.outcome === NO_EMAIL) noEmailLogged = true;
    if (entry.recipient) lastThisWeek.set(entry.recipient.trim().toLowerCase(), entry.outcome);
  }

  const items = openVacancies(tracker.vacancies, now.today, tracker.settings.bulletinNewDays, firstSeen);
  const firstSeenToday = [...new Set(items.filter((i) => i.vacancy.posted === null).map((i) => vacancyKey(i.vacancy)))]
    .filter((k) => !firstSeen.has(k));
  const selection = bulletinRecipients(tracker, now.today);
  const toSend: BulletinRecipient[] = [];
  let alreadySent = 0;
  let failedEarlier = 0;
  const nothingToStart: BulletinRecipient[] = [];
  let skippedEarlier = 0;
  for (const r of selection.recipients) {
    const last = lastThisWeek.get(r.key);
    if (last === SENT) alreadySent++;
    else if (last === FAILED) failedEarlier++;
    else if (last === SKIPPED) skippedEarlier++;
    else if (items.length > 0 && vacanciesFor(items, r).length === 0) nothingToStart.push(r);
    else toSend.push(r);
  }
  return { tracker, now, week, items, selection, toSend, nothingToStart, skippedEarlier, alreadySent, failedEarlier, firstSeenToday, noEmailLogged };
}

export interface BulletinOptions {
  /** the hourly schedule: write nothing when this week's work is already done */
  quietWhenComplete?: boolean;
}

export function runBulletin(ctx: JobContext, options: BulletinOptions = {}): BulletinResult {
  const plan = planBulletin(ctx);
  const { tracker, now, week, items, selection } = plan;
  const result: BulletinResult = {
    asOf: now.today, weekKey: week.weekKey, vacancies: items.length, recipients: selection.recipients.length,
    sent: 0, skippedAlreadySent: plan.alreadySent, deferred: 0, outbox: [], failed: 0,
    skippedFailedEarlier: plan.failedEarlier, skippedNothingToStart: plan.nothingToStart.length + plan.skippedEarlier, reason: null, optedOut: selection.optedOut, noEmail: selection.noEmail,
    duplicates: selection.duplicates, problems: selection.problems, message: '',
  };
  const quiet = options.quietWhenComplete === true;
  const log = (lines: LogRow[]) => appendLog(ctx, now, lines.map((l) => ({ job: BULLETIN_JOB, ...l })), tracker);

  if (items.length === 0 || selection.recipients.length === 0) {
    result.reason = items.length === 0 ? 'no-open-vacancies' : 'no-recipients';
    result.message = items.length === 0
      ? 'No bulletin was sent: there is no open vacancy (every Closing date in the Vacancies tab is before today, or the tab is empty).'
      : 'No bulletin was sent: no pupil in Year 11 or recent leaver has a usable email address with Bulletin not set to No.';
    if (!(quiet && plan.noEmailLogged)) log([{ outcome: NO_EMAIL, details: result.message, week: week.weekKey }]);
    return result;
  }

  if (plan.nothingToStart.length > 0) {
    log(plan.nothingToStart.map((r) => ({
      outcome: SKIPPED, recipient: r.email, week: week.weekKey,
      details: `No email this week: every open vacancy starts before ${formatLongDay(r.startsFrom!)}, when Year 11 may leave school.`,
    })));
  }
  if (plan.toSend.length === 0) {
    const skipped = plan.nothingToStart.length > 0;
    result.message = skipped ? summary(result) : `Nothing to send: all ${result.recipients} recipients have already had this week's bulletin (${week.weekKey}).`;
    if (!quiet || skipped) log([{ outcome: 'ok', details: result.message, week: week.weekKey }]);
    return result;
  }

  const mail = ctx.mail;
  if (!mail) throw new Error('No mail service is available to send the bulletin.');
  // Leavers get every open vacancy; a current Year 11 only those starting once they may leave school.
  const contents = new Map<string, { content: RenderedBulletin; details: string }>();
  const contentFor = (r: BulletinRecipient) => {
    const key = r.startsFrom ?? '';
    let made = contents.get(key);
    if (!made) {
      const listed = vacanciesFor(items, r);
      made = {
        content: renderBulletin({
          schoolName: tracker.settings.schoolName, today: now.today, week, items: listed, contact: bulletinContact(tracker),
          startsFrom: r.startsFrom, startingEarlier: items.length - listed.length,
        }),
        details: `${listed.length < items.length ? `${listed.length} of ` : ''}${items.length} vacanc${items.length === 1 ? 'y' : 'ies'}`,
      };
      contents.set(key, made);
    }
    return made;
  };
  let failuresInARow = 0;
  const total = plan.toSend.length;
  for (let i = 0; i < total; i++) {
    const r = plan.toSend[i];
    if (mail.remainingQuota() < 1) {
      result.deferred = total - i;
      result.reason = 'quota';
      break;
    }
    const { content, details } = contentFor(r);
    // Recorded first: if the run is cut off now, this pupil misses a week rather than getting it twice.
    log([{ outcome: SENT, details, recipient: r.email, week: week.weekKey }]);
    const body = content.render(r);
    try {
      result.outbox.push(mail.send({
        to: r.email, subject: content.subject, html: body.html, text: body.text,
        replyTo: content.replyTo, name: content.fromName,
      }));
      result.sent++;
      failuresInARow = 0;
    } catch (e) {
      const error = (e as Error).message ?? String(e);
      if (isQuotaError(error)) {
        log([{ outcome: NOT_SENT, details: 'The daily email quota ran out: the next run sends it.', recipient: r.email, week: week.weekKey }]);
        result.deferred = total - i;
        result.reason = 'quota';
        break;
      }
      log([{ outcome: FAILED, details: `Not sent: ${error}`, recipient: r.email, week: week.weekKey }]);
      result.failed++;
      if (++failuresInARow >= FAILURES_BEFORE_STOPPING) {
        result.deferred = total - i - 1;
        result.reason = 'mail-errors';
        break;
      }
    }
    ctx.progress?.(i + 1, total, 'Sending the bulletin');
  }

  result.message = summary(result);
  log([
    ...plan.firstSeenToday.map((key) => ({ outcome: FIRST_SEEN, details: key, week: week.weekKey })),
    { outcome: result.deferred > 0 ? 'deferred' : result.failed > 0 ? 'some failed' : 'ok', details: result.message, week: week.weekKey },
  ]);
  return result;
}

interface LogRow {
  outcome: string;
  details: string;
  recipient?: string;
  week: string;
}

function isQuotaError(message: string): boolean {
  return /too many times|quota/i.test(message);
}

function summary(r: BulletinResult): string {
  const parts = [`Sent ${r.sent} of ${r.recipients} (${r.vacancies} vacanc${r.vacancies === 1 ? 'y' : 'ies'}).`];
  if (r.skippedAlreadySent) parts.push(`${r.skippedAlreadySent} already had this week's bulletin.`);
  if (r.skippedNothingToStart) parts.push(`${r.skippedNothingToStart} Year 11 pupil${r.skippedNothingToStart === 1 ? '' : 's'} got no email: every open vacancy starts before they may leave school (see the Log).`);
  if (r.failed) parts.push(`${r.failed} could not be sent (see the Log).`);
  if (r.reason === 'quota') parts.push(`${r.deferred} deferred: the daily email quota ran out, and the next run sends the rest.`);
  if (r.reason === 'mail-errors') parts.push(`${r.deferred} deferred after repeated mail errors: the next run tries again.`);
  if (r.problems.length) parts.push(`${r.problems.length} pupil${r.problems.length === 1 ? '' : 's'} skipped for an invalid email address or Bulletin value (see Check tracker for problems).`);
  return parts.join(' ');
}

/** For the hourly schedule: complete when every recipient is logged for this week (nothing deferred). */
export const bulletinWeeklyJob: WeeklyJob = {
  id: 'bulletin',
  label: 'Weekly apprenticeship bulletin',
  run(ctx) {
    const r = runBulletin(ctx, { quietWhenComplete: true });
    return { complete: r.deferred === 0, summary: r.message };
  },
};
