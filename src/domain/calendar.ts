/**
 * Calendar days, academic years and ISO weeks.
 *
 * A day is an ISO string `YYYY-MM-DD`: a calendar day in the spreadsheet's time zone, never an
 * instant. Arithmetic goes through UTC so that no time zone or daylight-saving change can move it.
 */
export type Day = string;

const DAY_MS = 86_400_000;

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

export function makeDay(year: number, month: number, day: number): Day | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function dayParts(day: Day): { year: number; month: number; day: number } {
  return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)) };
}

function toUtcMs(day: Day): number {
  const p = dayParts(day);
  return Date.UTC(p.year, p.month - 1, p.day);
}

function fromUtcMs(ms: number): Day {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

export function addDays(day: Day, n: number): Day {
  return fromUtcMs(toUtcMs(day) + n * DAY_MS);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

/** ISO day of the week: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: Day): number {
  const w = new Date(toUtcMs(day)).getUTCDay();
  return w === 0 ? 7 : w;
}

export function mondayOf(day: Day): Day {
  return addDays(day, 1 - isoWeekday(day));
}

/** ISO 8601 week key, e.g. `2026-W10`. */
export function isoWeekKey(day: Day): string {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const year = dayParts(thursday).year;
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${pad2(week)}`;
}

/** `2 March 2026` */
export function formatLongDay(day: Day): string {
  const p = dayParts(day);
  return `${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
}

/** `02/03/2026` */
export function formatUkDay(day: Day): string {
  const p = dayParts(day);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** A day and month in any year, e.g. the `Academic year start` setting. */
export interface DayOfYear {
  month: number;
  day: number;
}

/** The day-of-year in the given year; 29 February falls back to 28 February in other years. */
export function inYear(year: number, dm: DayOfYear): Day {
  return makeDay(year, dm.month, Math.min(dm.day, daysInMonth(year, dm.month))) as Day;
}

export interface AcademicYear {
  /** `2025-26` */
  name: string;
  /** first day */
  start: Day;
  /** last day (the day before the next start) */
  end: Day;
  /** the calendar year in which it started */
  startYear: number;
}

export function academicYearOf(day: Day, start: DayOfYear = { month: 9, day: 1 }): AcademicYear {
  const year = dayParts(day).year;
  const startYear = day >= inYear(year, start) ? year : year - 1;
  return academicYearStarting(startYear, start);
}

export function academicYearStarting(startYear: number, start: DayOfYear = { month: 9, day: 1 }): AcademicYear {
  const next = inYear(startYear + 1, start);
  return {
    name: `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`,
    start: inYear(startYear, start),
    end: addDays(next, -1),
    startYear,
  };
}

/** The first date on or after `from` that has this day and month, within the academic year that contains `from`. */
export function deadlineInAcademicYear(ay: AcademicYear, dm: DayOfYear): Day {
  const candidate = inYear(ay.startYear, dm);
  return candidate >= ay.start ? candidate : inYear(ay.startYear + 1, dm);
}

export function isDay(value: unknown): value is Day {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}
