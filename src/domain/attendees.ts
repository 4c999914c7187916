/**
 * Who attended an activity (activities-and-scores.md, "Activities: who was really there"):
 * every pupil on roll who was in a listed year group on that date (leavers by their past year
 * group, as before) or is in a listed form, plus every listed pupil, minus every absent pupil.
 *
 * Built for size: each pupil's year group at any date is `offset + the academic year's start
 * year`, so a year-group activity finds its attendees with one map lookup per year group; forms
 * are one map lookup each.
 */
import { type Day, type DayOfYear, academicYearOf } from './calendar';
import type { Problem } from './table';
import type { Activity, Pupil, Tracker } from './tracker';

const SEPTEMBER: DayOfYear = { month: 9, day: 1 };

/** Forms are compared as trimmed, case-insensitive text with repeated spaces folded (`10 AB` is `10 ab`). */
export function formKey(form: string): string {
  return form.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * A pupil's year group on a date is `offset + the start year of that date's academic year`.
 * On roll: current Year minus the academic-year starts since. A leaver: 11 in the academic year
 * ending in their Leaver year, counting back. Null when neither Year nor Leaver year is known.
 */
export function yearGroupOffset(p: Pick<Pupil, 'year' | 'leaverYear'>, currentStartYear: number): number | null {
  if (p.year !== null) return p.year - currentStartYear;
  if (p.leaverYear !== null) return 12 - p.leaverYear;
  return null;
}

/**
 * The start year of the academic year the Year column is right for: the `Tracker year` when the
 * roll-over has already moved it on (from 1 July, before the new year starts), otherwise the
 * academic year containing today. A Tracker year left behind (Years brought up to date by an
 * MIS import alone) is not trusted over today.
 */
export function yearColumnStartYear(trackerYear: number | null, today: Day, start: DayOfYear = SEPTEMBER): number {
  const current = academicYearOf(today, start).startYear;
  return trackerYear !== null && trackerYear > current ? trackerYear : current;
}

/** The pupil's year group on `date`; null when they had already left by then. */
export function yearGroupOn(
  p: Pick<Pupil, 'year' | 'leaverYear'>, date: Day, today: Day, start: DayOfYear = SEPTEMBER, trackerYear: number | null = null,
): number | null {
  const offset = yearGroupOffset(p, yearColumnStartYear(trackerYear, today, start));
  if (offset === null) return null;
  const startYear = academicYearOf(date, start).startYear;
  if (p.year === null && startYear > (p.leaverYear as number) - 1) return null;
  return offset + startYear;
}

/** The pupils indexed for attendee expansion. */
export interface PupilIndex {
  pupils: Pupil[];
  offset: Int32Array;
  /** the start year of the last academic year a leaver was at school (a large number when on roll) */
  lastStartYear: Int32Array;
  byOffset: Map<number, number[]>;
  /** pupils on roll by form (formKey) */
  byForm: Map<string, number[]>;
  byKey: Map<string, number>;
  start: DayOfYear;
  startYearCache: Map<Day, number>;
}

export function indexPupils(pupils: Pupil[], today: Day, start: DayOfYear = SEPTEMBER, trackerYear: number | null = null): PupilIndex {
  const current = yearColumnStartYear(trackerYear, today, start);
  const n = pupils.length;
  const offset = new Int32Array(n);
  const lastStartYear = new Int32Array(n);
  const byOffset = new Map<number, number[]>();
  const byForm = new Map<string, number[]>();
  const byKey = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const p = pupils[i];
    byKey.set(p.key, i);
    const o = yearGroupOffset(p, current);
    lastStartYear[i] = p.year !== null ? 1 << 30 : (p.leaverYear ?? 0) - 1;
    if (p.year !== null && p.form) {
      const f = formKey(p.form);
      const list = byForm.get(f);
      if (list) list.push(i);
      else byForm.set(f, [i]);
    }
    if (o === null) continue;
    offset[i] = o;
    const list = byOffset.get(o);
    if (list) list.push(i);
    else byOffset.set(o, [i]);
  }
  return { pupils, offset, lastStartYear, byOffset, byForm, byKey, start, startYearCache: new Map() };
}

export function startYearOf(index: PupilIndex, day: Day): number {
  let s = index.startYearCache.get(day);
  if (s === undefined) {
    s = academicYearOf(day, index.start).startYear;
    index.startYearCache.set(day, s);
  }
  return s;
}

/**
 * Calls `visit` once for each attendee of the activity. `seen` holds the last stamp each pupil
 * was visited with; pass a stamp unique to this activity. Absent pupils are stamped first, so
 * they are never visited.
 */
export function forEachAttendee(
  index: PupilIndex, activity: Activity, seen: Int32Array, stamp: number, visit: (i: number, startYear: number) => void,
): void {
  const startYear = startYearOf(index, activity.date);
  for (const key of activity.absent) {
    const i = index.byKey.get(key);
    if (i !== undefined) seen[i] = stamp;
  }
  for (const yg of activity.yearGroups) {
    const list = index.byOffset.get(yg - startYear);
    if (!list) continue;
    for (let k = 0; k < list.length; k++) {
      const i = list[k];
      if (seen[i] === stamp || startYear > index.lastStartYear[i]) continue;
      seen[i] = stamp;
      visit(i, startYear);
    }
  }
  for (const form of activity.forms) {
    const list = index.byForm.get(formKey(form));
    if (!list) continue;
    for (let k = 0; k < list.length; k++) {
      const i = list[k];
      if (seen[i] === stamp) continue;
      seen[i] = stamp;
      visit(i, startYear);
    }
  }
  for (const key of activity.pupils) {
    const i = index.byKey.get(key);
    if (i === undefined || seen[i] === stamp) continue;
    seen[i] = stamp;
    visit(i, startYear);
  }
}

/** Whether the pupil would be an attendee were they not marked absent. */
export function wouldAttend(index: PupilIndex, activity: Activity, i: number): boolean {
  const p = index.pupils[i];
  if (activity.pupils.includes(p.key)) return true;
  const startYear = startYearOf(index, activity.date);
  if (startYear <= index.lastStartYear[i] && activity.yearGroups.includes(index.offset[i] + startYear)) return true;
  return p.year !== null && p.form !== null && activity.forms.some((f) => formKey(f) === formKey(p.form as string));
}

/** The attendees of one activity (for tests and the occasional look-up; scoring uses forEachAttendee). */
export function attendeesOf(tracker: Tracker, activity: Activity, today: Day): Pupil[] {
  const index = indexPupils(tracker.pupils, today, tracker.settings.academicYearStart, tracker.settings.trackerYear);
  const out: Pupil[] = [];
  forEachAttendee(index, activity, new Int32Array(index.pupils.length).fill(-1), 0, (i) => out.push(index.pupils[i]));
  return out;
}

/**
 * An Absent ID that is not an attendee is a problem, and the item is dropped (an optional
 * list). Needs today (a year group is on a date), so jobs call it once the date is known; it
 * runs once per tracker.
 */
export function checkAbsentees(tracker: Tracker, today: Day): void {
  if (tracker.absenteesChecked) return;
  tracker.absenteesChecked = true;
  const withAbsent = tracker.activities.filter((a) => a.absent.length > 0);
  if (withAbsent.length === 0) return;
  const index = indexPupils(tracker.pupils, today, tracker.settings.academicYearStart, tracker.settings.trackerYear);
  const problems: Problem[] = [];
  for (const a of withAbsent) {
    a.absent = a.absent.filter((key) => {
      const i = index.byKey.get(key);
      if (i !== undefined && wouldAttend(index, a, i)) return true;
      const p = i === undefined ? null : index.pupils[i];
      problems.push({
        tab: 'Activities', row: a.row, column: tracker.headers.Activities?.headers[tracker.headers.Activities.columns.get('absent') ?? -1] || 'Absent',
        value: p ? p.id : key,
        message: `${p ? `${p.name} (${p.id})` : key} is listed as absent but was not in a listed year group or form, nor named in Pupils, so could not have been absent: it is left out.`,
      });
      return false;
    });
  }
  tracker.problems.push(...problems);
}
