/**
 * A pupil's year group in a past academic year (rules.md, "Academic years and cohorts"), small
 * enough for the sidebar to share with the server.
 */

/**
 * The year group a pupil was in during the academic year starting in `startYear`: on roll, the
 * current Year minus the years since; a leaver, 11 in the year ending in their Leaver year,
 * counting back. Null when the leaver had already left.
 */
export function yearGroupIn(p: { year: number } | { leaverYear: number }, startYear: number, currentStartYear: number): number | null {
  if ('year' in p) return p.year - (currentStartYear - startYear);
  return startYear > p.leaverYear - 1 ? null : 12 - p.leaverYear + startYear;
}
