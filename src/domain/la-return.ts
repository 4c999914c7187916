/**
 * The returns to the local authority (destinations.md): the September Guarantee lists of Year 11s
 * and Year 12s, and the leavers' destinations. Pure: builds the table of text cells; the CSV text
 * itself is made by papaparse on the command line and in the dialog's browser code, never on the
 * Apps Script server.
 */
import { type Day, academicYearOf, academicYearStarting, dayParts, formatUkDay } from './calendar';
import { yearGroupOn } from './attendees';
import { type DestinationsResult, assessDestinations } from './destinations';
import { exportCode, statusGroup } from './nccis';
import type { CellValue } from '../ports';
import type { Destination, Pupil, Tracker } from './tracker';

export const LA_RETURN_KINDS = ['y11', 'y12', 'destinations'] as const;
export type LaReturnKind = (typeof LA_RETURN_KINDS)[number];

export const LA_RETURN_FILES: Record<LaReturnKind, string> = {
  y11: 'september-guarantee-y11',
  y12: 'september-guarantee-y12',
  destinations: 'destinations',
};

/** What the dialog is given: the Settings, Pupils and Destinations tabs as read, and today. */
export interface LaReturnData {
  tabs: Record<string, CellValue[][] | null>;
  today: Day;
}

export interface LaReturnTable {
  kind: LaReturnKind;
  /** file name without the `.csv` */
  name: string;
  fields: string[];
  /** formula-safe text cells */
  rows: string[][];
}

/** A cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, so no spreadsheet runs it. */
export function csvSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** 1 July to 30 September: the September Guarantee's own season. */
export function inGuaranteeWindow(today: Day): boolean {
  const { month } = dayParts(today);
  return month >= 7 && month <= 9;
}

/** Forename and surname: the Pupils tab's own columns, else the Name cell's last word is the surname. */
export function splitName(p: Pupil): { forename: string; surname: string } {
  if (p.forename || p.surname) return { forename: p.forename ?? '', surname: p.surname ?? '' };
  const words = p.name.trim().split(/\s+/);
  if (words.length <= 1) return { forename: '', surname: words[0] ?? '' };
  return { forename: words.slice(0, -1).join(' '), surname: words[words.length - 1] };
}

const dayText = (d: Day | null | undefined): string => (d ? formatUkDay(d) : '');

function person(p: Pupil): string[] {
  const { forename, surname } = splitName(p);
  return [p.id, surname, forename, dayText(p.dateOfBirth), p.postcode ?? ''];
}

const PERSON = ['UPN', 'Surname', 'Forename', 'Date of birth', 'Postcode'];

function y11Offer(p: Pupil): string {
  if (p.status === 'Offer' || p.status === 'Accepted') return 'Offer made';
  return p.status ? 'No offer' : 'Not recorded';
}

function y12Offer(latest: Destination | null): string {
  if (!latest) return 'Not recorded';
  if (latest.status === 'Start date agreed') return 'Offer made';
  const g = statusGroup(latest.status);
  if (g === 'Education' || g === 'Employment with training' || g === 'Training') return 'Offer made';
  if (g === 'NEET' || g === 'Employment without training') return 'No offer';
  return 'Not recorded';
}

const byName = (a: Pupil, b: Pupil) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : a.id < b.id ? -1 : 1);

/**
 * Who is on the Year 11 list: Year 11 now; from 1 July to 30 September, every pupil who left Year 11
 * this summer: who was in Year 11 on the last day of the academic year that ended this summer (this
 * summer's leavers; the Year 11s on roll while the roll-over has not been run; after a July roll-over,
 * the Year 12s who stayed on, never the Year 11s who have just moved up).
 */
export function y11Pupils(tracker: Tracker, today: Day): Pupil[] {
  const { academicYearStart: start, trackerYear } = tracker.settings;
  if (!inGuaranteeWindow(today)) return tracker.pupils.filter((p) => p.year === 11).sort(byName);
  const lastDay = academicYearStarting(dayParts(today).year - 1, start).end;
  return tracker.pupils.filter((p) => yearGroupOn(p, lastDay, today, start, trackerYear) === 11).sort(byName);
}

/**
 * The Year 12 list's leaver year, as destinations.md gives it: last summer's Year 11 leavers, the
 * calendar year the previous academic year ended (the year the current one started). Unlike the
 * Year 11 list, the spec gives it no 1 July to 30 September window, so it moves on at the
 * academic year start.
 */
export function y12LeaverYear(tracker: Tracker, today: Day): number {
  return academicYearOf(today, tracker.settings.academicYearStart).startYear;
}

export function buildLaReturn(tracker: Tracker, kind: LaReturnKind, today: Day, assessed?: DestinationsResult): LaReturnTable {
  const name = LA_RETURN_FILES[kind];
  let fields: string[];
  let rows: string[][];
  if (kind === 'y11') {
    fields = [...PERSON, 'Intended destination', 'Provider', 'Course', 'Offer status', 'Offer date'];
    rows = y11Pupils(tracker, today).map((p) => [...person(p), p.planA ?? '', p.provider ?? '', p.course ?? '', y11Offer(p), '']);
  } else {
    const result = assessed ?? assessDestinations(tracker, today);
    const latestOf = latestRows(tracker, today);
    if (kind === 'y12') {
      const L = y12LeaverYear(tracker, today);
      fields = [...PERSON, 'Status', 'NCCIS code', 'Provider', 'Course', 'Checked', 'Offer status'];
      rows = tracker.pupils.filter((p) => p.leaverYear === L).sort(byName).map((p) => {
        const d = latestOf.get(p.key) ?? null;
        return [...person(p), d?.status ?? '', code(d), d?.provider ?? '', d?.course ?? '', dayText(d?.checked), y12Offer(d)];
      });
    } else {
      fields = [...PERSON, 'Leaver year', 'Status', 'NCCIS code', 'Group', 'Provider', 'Course or role', 'Checked', 'Sustained'];
      rows = result.tracked.filter((t) => t.consent !== false).sort((a, b) => b.pupil.leaverYear! - a.pupil.leaverYear! || byName(a.pupil, b.pupil)).map((t) => {
        const p = t.pupil;
        const d = t.latest;
        return [...person(p), String(p.leaverYear), d?.status ?? '', code(d), d ? statusGroup(d.status) : '', d?.provider ?? '', d?.course ?? '', dayText(d?.checked), t.sustained];
      });
    }
  }
  return { kind, name, fields, rows: rows.map((r) => r.map(csvSafe)) };
}

function code(d: Destination | null): string {
  const c = d ? exportCode(d.status, d.nccis) : null;
  return c === null ? '' : String(c);
}

function latestRows(tracker: Tracker, today: Day): Map<string, Destination> {
  const latest = new Map<string, Destination>();
  for (const d of tracker.destinations) {
    if (d.checked > today) continue;
    const was = latest.get(d.pupil);
    if (!was || d.checked > was.checked || (d.checked === was.checked && d.row > was.row)) latest.set(d.pupil, d);
  }
  return latest;
}

/** papaparse's `unparse`, as the caller has it (Node, or the dialog's bundle). */
export type Unparse = (data: { fields: string[]; data: string[][] }, config: { newline: string; quotes: boolean; header: boolean }) => string;

/** The CSV file's text: UTF-8 byte order mark, CRLF line ends (the last line too), one header row. */
export function laReturnCsv(unparse: Unparse, table: LaReturnTable): string {
  return `\ufeff${unparse({ fields: table.fields, data: table.rows }, { newline: '\r\n', quotes: false, header: true })}\r\n`;
}
