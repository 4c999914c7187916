/**
 * Leavers' destinations (destinations.md): check points, what is due, missed and overdue, the
 * figures per leaver year, the sustained-destination measure and retention. Pure: no I/O.
 */
import { type Day, academicYearOf, daysBetween, makeDay } from './calendar';
import type { DestinationGroup } from './schema';
import type { Settings } from './settings';
import type { Destination, Pupil, Tracker } from './tracker';
import { isEet, isNeet, statusGroup } from './nccis';

/** Due for more than this many days is overdue. */
export const OVERDUE_DAYS = 30;

/**
 * The check points of a leaver of year L: the 1st of each listed month, from the first one after
 * 1 August of L, for `years` years (years × months points); with an extra first point on 1 August
 * of L for a leaver who had not accepted a place.
 */
export function checkPoints(leaverYear: number, months: number[], years: number, accepted: boolean): Day[] {
  const points: Day[] = [];
  const wanted = new Set(months);
  const count = years * wanted.size;
  // Months after August of L: September L is month 0.
  for (let i = 1; points.length < count && i < 12 * (years + 1); i++) {
    const month = ((7 + i) % 12) + 1;
    const year = leaverYear + Math.floor((7 + i) / 12);
    if (wanted.has(month)) points.push(makeDay(year, month, 1)!);
  }
  return accepted ? points : [makeDay(leaverYear, 8, 1)!, ...points];
}

/** S: the calendar year the academic year containing today started. */
export function startYear(today: Day, settings: Settings): number {
  return academicYearOf(today, settings.academicYearStart).startYear;
}

/** The first leaver year still tracked. */
export const firstTrackedYear = (today: Day, settings: Settings): number => startYear(today, settings) - settings.trackLeaverYears + 1;
/** Leavers before this leaver year are past retention. */
export const firstKeptYear = (today: Day, settings: Settings): number => startYear(today, settings) - settings.keepLeaverYears + 1;

export interface LeaverStatus {
  pupil: Pupil;
  /** consent to track: true, false (no check is ever due) or null (not recorded) */
  consent: boolean | null;
  points: Day[];
  /** per check point: done */
  done: boolean[];
  /** the check point due now, or null */
  due: Day | null;
  daysDue: number | null;
  overdue: boolean;
  /** earlier check points not done */
  missed: number;
  /** the leaver's rows up to today, oldest first */
  rows: Destination[];
  latest: Destination | null;
  sustained: 'yes' | 'no' | 'unknown';
}

/** The leaver's rows dated up to today, oldest first (ties: sheet order). */
function rowsByPupil(tracker: Tracker, today: Day): Map<string, Destination[]> {
  const by = new Map<string, Destination[]>();
  for (const d of tracker.destinations) {
    if (d.checked > today) continue;
    let list = by.get(d.pupil);
    if (!list) by.set(d.pupil, (list = []));
    list.push(d);
  }
  for (const list of by.values()) list.sort((a, b) => (a.checked < b.checked ? -1 : a.checked > b.checked ? 1 : a.row - b.row));
  return by;
}

/**
 * Sustained (after the DfE destination measures): the checks dated 1 October L to 31 March L+1
 * include one on or before 31 December L and one on or after 1 January L+1, all EET. Any NEET
 * check in that window: not sustained. Otherwise unknown.
 */
export function sustainedOf(leaverYear: number, rows: Destination[]): 'yes' | 'no' | 'unknown' {
  const from = `${leaverYear}-10-01`;
  const to = `${leaverYear + 1}-03-31`;
  const inWindow = rows.filter((r) => r.checked >= from && r.checked <= to);
  if (inWindow.some((r) => isNeet(r.status))) return 'no';
  const autumn = inWindow.some((r) => r.checked <= `${leaverYear}-12-31`);
  const spring = inWindow.some((r) => r.checked >= `${leaverYear + 1}-01-01`);
  return autumn && spring && inWindow.every((r) => isEet(r.status)) ? 'yes' : 'unknown';
}

/** One leaver's check points against their rows. */
export function assessLeaver(pupil: Pupil, rows: Destination[], settings: Settings, today: Day): LeaverStatus {
  const L = pupil.leaverYear!;
  const points = checkPoints(L, settings.destinationChecks, settings.trackLeaverYears, pupil.status === 'Accepted');
  const done = points.map((p, i) => {
    const next = points[i + 1];
    return rows.some((r) => r.checked >= p && (next === undefined || r.checked < next));
  });
  let reached = -1;
  points.forEach((p, i) => {
    if (p <= today) reached = i;
  });
  const consent = pupil.consent;
  let due: Day | null = null;
  let missed = 0;
  if (consent !== false && reached >= 0) {
    if (!done[reached]) due = points[reached];
    for (let i = 0; i < reached; i++) if (!done[i]) missed++;
  }
  const daysDue = due ? daysBetween(due, today) : null;
  return {
    pupil, consent, points, done, due, daysDue, overdue: daysDue !== null && daysDue > OVERDUE_DAYS, missed,
    rows, latest: rows.length ? rows[rows.length - 1] : null, sustained: sustainedOf(L, rows),
  };
}

export interface YearFigures {
  leaverYear: number;
  cohort: number;
  noConsent: number;
  /** leavers (consent not no) by the group of their latest row */
  groups: Record<DestinationGroup, number>;
  eet: number;
  neet: number;
  notKnown: number;
  noCheck: number;
  sustained: number;
  notSustained: number;
  sustainedPct: number | null;
  /** percentages of the leavers with consent not no, one decimal; null when there are none */
  eetPct: number | null;
  neetPct: number | null;
  notKnownPct: number | null;
  dueNow: number;
  overdue: number;
  missed: number;
}

export interface DestinationsResult {
  asOf: Day;
  firstTracked: number;
  firstKept: number;
  years: YearFigures[];
  /** leavers with a check due now: overdue first, most days due first, then by name */
  due: LeaverStatus[];
  /** leavers with missed check points */
  missed: LeaverStatus[];
  tracked: LeaverStatus[];
  pastRetention: Pupil[];
}

export const pct = (n: number, d: number): number | null => (d === 0 ? null : Math.round((1000 * n) / d) / 10);

const GROUPS: DestinationGroup[] = ['Education', 'Education, not full time', 'Employment with training', 'Employment without training', 'Training', 'NEET', 'Not known', 'Other'];

export function assessDestinations(tracker: Tracker, today: Day): DestinationsResult {
  const settings = tracker.settings;
  const S = startYear(today, settings);
  const firstTracked = firstTrackedYear(today, settings);
  const firstKept = firstKeptYear(today, settings);
  const rows = rowsByPupil(tracker, today);
  const leavers = tracker.pupils.filter((p) => p.leaverYear !== null);
  const tracked = leavers.filter((p) => p.leaverYear! >= firstTracked).map((p) => assessLeaver(p, rows.get(p.key) ?? [], settings, today));
  const yearsSeen = new Set<number>();
  for (let y = firstTracked; y <= S; y++) yearsSeen.add(y);
  for (const t of tracked) yearsSeen.add(t.pupil.leaverYear!);
  const years = [...yearsSeen].sort((a, b) => b - a).map((leaverYear): YearFigures => {
    const all = tracked.filter((t) => t.pupil.leaverYear === leaverYear);
    const rest = all.filter((t) => t.consent !== false);
    const groups = Object.fromEntries(GROUPS.map((g) => [g, 0])) as Record<DestinationGroup, number>;
    let noCheck = 0;
    for (const t of rest) {
      if (t.latest) groups[statusGroup(t.latest.status)]++;
      else noCheck++;
    }
    const eet = rest.filter((t) => t.latest && isEet(t.latest.status)).length;
    const sustained = rest.filter((t) => t.sustained === 'yes').length;
    const notSustained = rest.filter((t) => t.sustained === 'no').length;
    return {
      leaverYear, cohort: all.length, noConsent: all.length - rest.length, groups, eet, neet: groups.NEET,
      notKnown: groups['Not known'], noCheck, sustained, notSustained, sustainedPct: pct(sustained, sustained + notSustained),
      eetPct: pct(eet, rest.length), neetPct: pct(groups.NEET, rest.length), notKnownPct: pct(groups['Not known'], rest.length),
      dueNow: rest.filter((t) => t.due).length, overdue: rest.filter((t) => t.overdue).length,
      missed: rest.reduce((n, t) => n + t.missed, 0),
    };
  });
  const due = tracked.filter((t) => t.due !== null).sort(compareDue);
  const missed = tracked.filter((t) => t.missed > 0).sort((a, b) => b.missed - a.missed || byName(a, b));
  const pastRetention = leavers.filter((p) => p.leaverYear! < firstKept).sort((a, b) => a.leaverYear! - b.leaverYear! || cmp(a.name, b.name));
  return { asOf: today, firstTracked, firstKept, years, due, missed, tracked, pastRetention };
}

function cmp(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
const byName = (a: LeaverStatus, b: LeaverStatus) => cmp(a.pupil.name, b.pupil.name) || cmp(a.pupil.id, b.pupil.id);

export function compareDue(a: LeaverStatus, b: LeaverStatus): number {
  return Number(b.overdue) - Number(a.overdue) || (b.daysDue ?? 0) - (a.daysDue ?? 0) || byName(a, b);
}

/** The leaver's status as of a day, for the sidebar and returns. */
export function latestRow(rows: Destination[]): Destination | null {
  return rows.length ? rows[rows.length - 1] : null;
}

