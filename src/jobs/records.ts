/**
 * Pupils' records (records.md): a pupil's record, a transition document, a subject access
 * request; one pupil, or the Year 11 transition batch. The job reads the tabs once, checks who
 * asked, builds the documents, hands them to the adapter's `deliver` (files on the command line,
 * PDFs by email in Google Sheets) and writes one Log line per record delivered.
 */
import type { CellValue } from '../ports';
import {
  RECORD_TITLES, type RecordDocument, type RecordKind, type SarTab, Redactor, buildRecord, consentRefusal, recordFileName, recordHtml,
  nameKey, recordRefusal, sarTabs,
} from '../domain/records';
import { type Pupil, type StaffMember, type Tracker, type TrackerTabs, readTracker, staffByEmail } from '../domain/tracker';
import { type JobContext, type Now, appendLog, loadTracker, nowFor } from './context';
import { Refusal } from './mentor-log';
import { PUPILS_TAB } from '../domain/schema';
import { mapHeaders } from '../domain/table';
import { displayCell } from '../domain/values';
import * as z from 'zod/mini';
import { type ApiResult, parseArgument, pupilIdSchema } from '../ui/api';

const recordKindSchema = z.enum(['pupil', 'transition', 'sar']);

export { Refusal };

/** What the pupil's and transition records read; the SAR reads every tab. */
const RECORD_TABS = ['Settings', 'Staff', 'Pupils', 'Meetings', 'Actions', 'Activities', 'Destinations', 'Log'];

export type RecordRequest =
  | { kind: RecordKind; pupilId: string }
  | { kind: 'transition'; year: 11 };

export interface MadeRecord {
  kind: RecordKind;
  pupil: Pupil;
  /** the printed document: the record itself, or for a SAR the pupil's record that goes with the workbook */
  document: RecordDocument;
  html: string;
  /** file name without extension */
  fileBase: string;
  /** a SAR's workbook tabs */
  sar?: SarTab[];
}

export interface RecordsResult {
  asOf: string;
  askedBy: string;
  made: MadeRecord[];
  /** the batch: Year 11s left out because Consent to share is not yes */
  withoutConsent: Pupil[];
  /** the batch: made earlier today already (Sheets resumes a batch cut short) */
  alreadyMade: Pupil[];
  /** the batch: not delivered this time (the adapter ran out of time) */
  notYet: Pupil[];
}

export interface RecordOptions {
  /** Google Sheets: the Staff tab decides who may make what. The command line holds the whole file already. */
  checkRoles: boolean;
  /** the batch skips pupils whose transition document this member of staff made today */
  skipMadeToday?: boolean;
  /** delivers the records (in order); returns how many it delivered, the rest being left for another run */
  deliver(made: MadeRecord[]): number;
}

function readTabs(ctx: JobContext, kind: RecordKind): { tabs: TrackerTabs; all: [string, CellValue[][] | null][] } {
  const names = kind === 'sar' ? ctx.workbook.tabNames() : RECORD_TABS;
  const all: [string, CellValue[][] | null][] = names.map((n) => [n, ctx.workbook.readTab(n)]);
  const tabs: TrackerTabs = {};
  for (const [n, grid] of all) tabs[n] = grid;
  return { tabs, all };
}

function askerFor(ctx: JobContext, tracker: Tracker, checkRoles: boolean): { member: StaffMember | undefined; label: string } {
  const email = ctx.user?.email().trim().toLowerCase() ?? '';
  const member = email ? staffByEmail(tracker, email) : undefined;
  if (checkRoles && !email) throw new Refusal('Careers Tracker cannot see which Google account you are signed in with. Sign in with your school account only (one account at a time) and try again.');
  if (checkRoles && !member) throw new Refusal(`${email} is not in the Staff tab, so you cannot make pupils' records. Ask the careers leader to add you.`);
  return { member, label: member ? member.email : email || 'command line' };
}

/**
 * The pupils whose names and IDs are kept out of the others' records: every Pupils row, the rows
 * the tracker leaves out for a problem (a Year it cannot read, an ID used twice) too, since the
 * child is real all the same. Those rows get a key no pupil has, so they are never "self".
 */
function everyPupilRow(grid: CellValue[][] | null | undefined, tracker: Tracker): Pupil[] {
  const header = mapHeaders(grid ?? null, PUPILS_TAB);
  if (!grid || header.headerRow === 0) return tracker.pupils;
  const read = new Set(tracker.pupils.map((p) => p.row));
  const at = (key: string) => header.columns.get(key);
  const [id, name, forename, surname, email] = ['id', 'name', 'forename', 'surname', 'email'].map(at);
  const extra: Pupil[] = [];
  for (let i = header.headerRow; i < grid.length; i++) {
    if (read.has(i + 1)) continue;
    const text = (col: number | undefined) => (col === undefined ? '' : displayCell(grid[i][col] ?? '').trim());
    const who = text(name) || [text(forename), text(surname)].filter(Boolean).join(' ');
    if (!who && !text(id)) continue;
    extra.push({ key: `#row ${i + 1}`, id: text(id), name: who, email: text(email) || null } as Pupil);
  }
  return extra.length ? [...tracker.pupils, ...extra] : tracker.pupils;
}

function madeRecord(tracker: Tracker, pupil: Pupil, kind: RecordKind, now: Now, madeBy: string, redactor: Redactor, all: [string, CellValue[][] | null][]): MadeRecord {
  const document = buildRecord(tracker, pupil, kind === 'sar' ? 'pupil' : kind, { today: now.today, madeBy, redactor });
  const base = recordFileName(kind, pupil, 'x').slice(0, -2);
  return { kind, pupil, document, html: recordHtml(document), fileBase: base, sar: kind === 'sar' ? sarTabs(all, tracker, pupil, redactor) : undefined };
}

/** Makes the records asked for; throws Refusal (nothing made, nothing logged) when not allowed. */
export function makeRecords(ctx: JobContext, request: RecordRequest, options: RecordOptions): RecordsResult {
  const { tabs, all } = readTabs(ctx, request.kind);
  const tracker = readTracker(tabs);
  const now = nowFor(ctx, tracker);
  const asker = askerFor(ctx, tracker, options.checkRoles);
  const madeBy = asker.member?.name ?? asker.label;
  const redactor = new Redactor(everyPupilRow(tabs.Pupils, tracker));
  const result: RecordsResult = { asOf: now.today, askedBy: asker.label, made: [], withoutConsent: [], alreadyMade: [], notYet: [] };

  let wanted: MadeRecord[];
  if ('pupilId' in request) {
    const pupil = tracker.pupilByKey.get(request.pupilId.trim().toLowerCase());
    if (!pupil) throw new Refusal(`No pupil has the ID "${request.pupilId.trim()}" in the Pupils tab.`);
    if (options.checkRoles) {
      const refusal = recordRefusal(asker.member, pupil, request.kind);
      if (refusal) throw new Refusal(refusal);
    } else if (request.kind === 'transition' && consentRefusal(pupil)) {
      throw new Refusal(consentRefusal(pupil)!);
    }
    wanted = [madeRecord(tracker, pupil, request.kind, now, madeBy, redactor, all)];
  } else {
    const member = asker.member;
    const everyone = !options.checkRoles || (member?.roles ?? []).some((r) => r === 'Careers leader' || r === 'Careers adviser');
    const cohort = tracker.pupils.filter((p) => p.year === request.year && (everyone || p.mentor === member?.initials));
    if (options.checkRoles && cohort.length === 0 && !everyone) throw new Refusal('You have no Year 11 mentees in the Pupils tab.');
    const madeToday = new Set(options.skipMadeToday
      ? tracker.log.filter((l) => l.job === 'record' && l.time.startsWith(now.today) && l.recipient.toLowerCase() === asker.label && /^transition;/.test(l.details))
        .map((l) => /pupil ID ([^;]+);/.exec(l.details)?.[1]?.trim().toLowerCase() ?? '')
      : []);
    wanted = [];
    for (const p of cohort) {
      if (p.shareConsent !== true) result.withoutConsent.push(p);
      else if (madeToday.has(p.key)) result.alreadyMade.push(p);
      else wanted.push(madeRecord(tracker, p, 'transition', now, madeBy, redactor, all));
    }
  }

  const delivered = wanted.length ? options.deliver(wanted) : 0;
  result.made = wanted.slice(0, delivered);
  result.notYet = wanted.slice(delivered).map((m) => m.pupil);
  const lines = result.made.map((m) => ({
    job: 'record', outcome: 'made', details: `${m.kind}; pupil ID ${m.pupil.id}; asked by ${asker.label}`, recipient: asker.label,
  }));
  const log = () => appendLog(ctx, now, lines, tracker);
  if (ctx.lock) ctx.lock.withLock(log);
  else log();
  return result;
}

// ---- The server function behind the sidebar's buttons (and the SAR menu): validated, role-checked ----

/**
 * The pupil a subject access request names, by Pupil ID or by full name (which must pick out one
 * pupil, leavers included); otherwise what to tell the person asking.
 */
export function findRequestedPupil(ctx: JobContext, typed: string): { pupil: Pupil } | { message: string } {
  const wanted = typed.trim().replace(/\s+/g, ' ').toLowerCase();
  if (!wanted) return { message: 'No pupil given, so nothing was made.' };
  const { pupils } = loadTracker(ctx.workbook, [PUPILS_TAB.name]);
  const byId = pupils.find((p) => p.key === wanted);
  if (byId) return { pupil: byId };
  const byName = pupils.filter((p) => nameKey(p.name) === nameKey(wanted));
  if (byName.length === 1) return { pupil: byName[0] };
  return {
    message: byName.length > 1
      ? `${byName.length} pupils are called that: run this again with one of their Pupil IDs:\n${byName.map((p) => `${p.id} (${p.year !== null ? `Year ${p.year}` : `left ${p.leaverYear}`}${p.form ? `, ${p.form}` : ''})`).join('\n')}`
      : 'No pupil in the Pupils tab has that ID or name. Check the spelling, or use their Pupil ID.',
  };
}

export interface RecordResponse {
  message: string;
}

/**
 * makeRecord(pupilId, kind): the Staff tab decides (careers leader any record; careers adviser and
 * the pupil's mentor the pupil's and transition records; nobody else any). `deliver` sends the
 * files and returns how many it delivered; `sent` says where they went, for the message.
 */
export function callRecordApi(ctx: JobContext, args: unknown[], deliver: (made: MadeRecord[]) => number, sent: string): ApiResult<RecordResponse> {
  const id = parseArgument(pupilIdSchema, args[0], 'pupil ID');
  if (!id.ok) return { ok: false, code: 'invalid', message: id.message };
  const kind = parseArgument(recordKindSchema, args[1], 'kind of record');
  if (!kind.ok) return { ok: false, code: 'invalid', message: kind.message };
  try {
    const r = makeRecords(ctx, { kind: kind.value, pupilId: id.value }, { checkRoles: true, deliver });
    const m = r.made[0];
    return m
      ? { ok: true, value: { message: `${RECORD_TITLES[m.kind]} for ${m.pupil.name} ${sent}.` } }
      : { ok: false, code: 'error', message: 'The record could not be made in the time Google allows: try again.' };
  } catch (e) {
    const err = e as Error;
    if (err instanceof Refusal) return { ok: false, code: 'refused', message: err.message };
    if (err?.name === 'LockBusyError') return { ok: false, code: 'busy', message: err.message };
    return { ok: false, code: 'error', message: `Something went wrong in the tracker: ${err?.message ?? String(e)}` };
  }
}
