/**
 * The sidebar's Leavers view (destinations.md, "Logging a check in the sidebar"): who may see
 * leavers, the checks due and the leavers to search, and how a logged check becomes a
 * Destinations row. Pure: no I/O.
 */
import type { CellValue } from '../ports';
import { type Day, addDays, makeDay } from './calendar';
import { assessDestinations } from './destinations';
import { DESTINATION_STATUSES, type DestinationGroup } from './schema';
import type { Pupil, Tracker } from './tracker';

export const LEAVERS_ROLES = ['Careers leader', 'Destinations lead', 'Careers adviser'];

export interface LeaverItem {
  id: string;
  name: string;
  leaverYear: number;
  /** the check point due now, or null */
  checkPoint: Day | null;
  daysDue: number | null;
  overdue: boolean;
  consentRecorded: boolean;
  lastStatus: string | null;
  lastChecked: Day | null;
}

export interface LeaversView {
  today: Day;
  /** why there is nothing to show, or null */
  message: string | null;
  /** checks due now, overdue first */
  due: LeaverItem[];
  /** every tracked leaver whose checks may be logged (consent not no), by name */
  leavers: LeaverItem[];
  /** the statuses, in their groups, for the form */
  statuses: { group: DestinationGroup; values: string[] }[];
}

export type LeaversAccess = { ok: true } | { ok: false; message: string };

/** Staff with role Careers leader, Destinations lead or Careers adviser; mentors do not see leavers. */
export function leaversAccess(tracker: Tracker, email: string): LeaversAccess {
  const wanted = email.trim().toLowerCase();
  const member = tracker.staff.find((m) => m.email === wanted);
  if (!wanted || !member) return { ok: false, message: `${wanted || 'Your account'} is not in the Staff tab, so the Leavers view is closed to you.` };
  if (!member.roles.some((r) => LEAVERS_ROLES.includes(r))) {
    return { ok: false, message: 'Leavers can be seen by the careers leader, the destinations lead and the careers adviser only.' };
  }
  return { ok: true };
}

export function statusGroups(): LeaversView['statuses'] {
  const groups: LeaversView['statuses'] = [];
  for (const t of DESTINATION_STATUSES) {
    let g = groups.find((x) => x.group === t.group);
    if (!g) groups.push((g = { group: t.group, values: [] }));
    g.values.push(t.value);
  }
  return groups;
}

export function leaversView(tracker: Tracker, today: Day): LeaversView {
  const result = assessDestinations(tracker, today);
  const item = (t: (typeof result.tracked)[number]): LeaverItem => ({
    id: t.pupil.id, name: t.pupil.name, leaverYear: t.pupil.leaverYear!, checkPoint: t.due, daysDue: t.daysDue, overdue: t.overdue,
    consentRecorded: t.consent !== null, lastStatus: t.latest?.status ?? null, lastChecked: t.latest?.checked ?? null,
  });
  const leavers = result.tracked.filter((t) => t.consent !== false).map(item)
    .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0));
  return {
    today, due: result.due.map(item), leavers, statuses: statusGroups(),
    message: leavers.length === 0 ? 'No leaver is tracked yet: leavers have a Leaver year in the Pupils tab.' : null,
  };
}

export interface CheckInput {
  pupilId: string;
  date: Day;
  status: string;
  provider: string;
  course: string;
  notes: string;
}

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && makeDay(+v.slice(0, 4), +v.slice(5, 7), +v.slice(8, 10)) === v;

/** Plain-English reasons the check cannot be saved; empty when it can. */
export function checkProblems(input: CheckInput, today: Day): string[] {
  const problems: string[] = [];
  if (!isDay(input.date)) problems.push('The date is not a real date.');
  else if (input.date > today) problems.push('The date is in the future: log a check once it has been made.');
  else if (input.date < addDays(today, -730)) problems.push('The date is more than two years ago. Check the year.');
  if (!DESTINATION_STATUSES.some((t) => t.value === input.status)) problems.push('Choose a status.');
  return problems;
}

/** Why this pupil's check cannot be logged, or null. */
export function leaverRefusal(pupil: Pupil | undefined, pupilId: string): string | null {
  if (!pupil) return `No pupil has the ID "${pupilId.trim()}" in the Pupils tab any more. Go back to the list and try again.`;
  if (pupil.leaverYear === null) return `${pupil.name} has no Leaver year in the Pupils tab, so is not a leaver.`;
  if (pupil.consent === false) return `${pupil.name} did not consent to being tracked (Consent to track is No), so no check is logged.`;
  return null;
}

/** The Destinations row, by column key. */
export function checkRecord(input: CheckInput, pupil: Pupil): Record<string, CellValue> {
  return {
    pupil: pupil.id, checked: { day: input.date }, status: input.status,
    provider: input.provider.trim(), course: input.course.trim(), notes: input.notes.trim(),
  };
}
