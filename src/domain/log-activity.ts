/**
 * "Log an activity" in the sidebar (activities-and-scores.md): who may log one and for which
 * pupils, what the form offers, how a request is checked, and the one Activities row it
 * becomes. Pure: no I/O.
 */
import type { CellValue } from '../ports';
import { type Day, type DayOfYear, academicYearOf, addDays, makeDay } from './calendar';
import { ACTIVITY_TYPES } from './schema';
import { formKey, indexPupils, wouldAttend, yearColumnStartYear } from './attendees';
import type { Activity, Pupil, Tracker } from './tracker';
import type { Viewer } from './mentor-log';
import { isHttpUrl } from './values';

/** These roles log activities for any pupils; a form tutor for their own forms only. */
export const LOGS_FOR_ANYONE = ['Careers leader', 'Careers adviser', 'Admin'];

export type ActivityScope = { ok: true; anyone: boolean; forms: string[] } | { ok: false; message: string };

export function activityScope(viewer: Viewer): ActivityScope {
  if (viewer.roles.some((r) => LOGS_FOR_ANYONE.includes(r))) return { ok: true, anyone: true, forms: [] };
  if (viewer.roles.includes('Form tutor')) {
    if (viewer.forms.length === 0) return { ok: false, message: NO_FORM_MESSAGE(viewer) };
    return { ok: true, anyone: false, forms: viewer.forms };
  }
  return { ok: false, message: 'Logging an activity needs the role Careers leader, Careers adviser, Admin or Form tutor in the Staff tab.' };
}

export const NO_FORM_MESSAGE = (viewer: Pick<Viewer, 'initials'>) =>
  `You are a form tutor in the Staff tab, but no form is given for you (${viewer.initials}) in its Form column, so the sidebar shows you no pupils. Ask the careers leader to add your form, e.g. 10B.`;

/** Whether the pupil is on roll in one of these forms. */
export function inForms(pupil: Pupil, forms: string[]): boolean {
  if (pupil.year === null || !pupil.form) return false;
  const f = formKey(pupil.form);
  return forms.some((x) => formKey(x) === f);
}

export interface ActivityTypeOption {
  value: string;
  /** the benchmarks it counts for by default */
  benchmarks: number[];
  /** provider access preset (yes for a technical provider) */
  providerAccess: boolean;
}


export interface ActivityPupil {
  id: string;
  name: string;
  year: number;
  form: string | null;
}

/** A leaver who was still at school on a date the form accepts: a year group ticked for that date includes them. */
export interface ActivityLeaver {
  id: string;
  name: string;
  leaverYear: number;
}

export interface ActivityFormView {
  today: Day;
  academicYearStart: DayOfYear;
  /** the start year of the academic year the Year column is right for (attendees.ts) */
  yearColumnStartYear: number;
  /** true: any pupils, year groups and forms; false: the tutor's own forms */
  anyone: boolean;
  types: ActivityTypeOption[];
  yearGroups: number[];
  forms: string[];
  /** pupils on roll the viewer may add or see as attendees (no SEND, looked-after or disadvantaged flags) */
  pupils: ActivityPupil[];
  /**
   * Leavers still at school on the oldest date the form accepts, for a year group ticked on a
   * past date (last July's Year 11 are leavers now); none for a form tutor. They are never
   * offered by name.
   */
  leavers: ActivityLeaver[];
}

export function activityFormView(tracker: Tracker, viewer: Viewer, today: Day): ActivityFormView | { message: string } {
  const scope = activityScope(viewer);
  if (!scope.ok) return { message: scope.message };
  const onRoll = tracker.pupils.filter((p) => p.year !== null && (scope.anyone || inForms(p, scope.forms)));
  const forms = scope.anyone
    ? [...new Map(onRoll.filter((p) => p.form).map((p) => [formKey(p.form as string), (p.form as string).trim()])).values()]
    : scope.forms;
  const collator = (a: string, b: string) => a.localeCompare(b, 'en-GB', { numeric: true, sensitivity: 'base' });
  return {
    today, academicYearStart: tracker.settings.academicYearStart, anyone: scope.anyone,
    yearColumnStartYear: yearColumnStartYear(tracker.settings.trackerYear, today, tracker.settings.academicYearStart),
    types: ACTIVITY_TYPES.map((t) => ({ value: t.value, benchmarks: t.benchmarks, providerAccess: t.value === 'Technical provider' })),
    yearGroups: scope.anyone ? [...new Set(onRoll.map((p) => p.year as number))].sort((a, b) => a - b) : [],
    forms: forms.sort(collator),
    pupils: onRoll
      .map((p) => ({ id: p.id, name: p.name, year: p.year as number, form: p.form }))
      .sort((a, b) => a.year - b.year || collator(a.name, b.name) || collator(a.id, b.id)),
    leavers: scope.anyone ? leaversSince(tracker, addDays(today, -OLDEST_ACTIVITY_DAYS)).sort((a, b) => b.leaverYear - a.leaverYear || collator(a.name, b.name)) : [],
  };
}

/** Leavers whose last academic year at school (ending in their Leaver year) ended on or after `oldest`. */
function leaversSince(tracker: Tracker, oldest: Day): ActivityLeaver[] {
  const firstStartYear = academicYearOf(oldest, tracker.settings.academicYearStart).startYear;
  return tracker.pupils
    .filter((p) => p.year === null && p.leaverYear !== null && p.leaverYear - 1 >= firstStartYear)
    .map((p) => ({ id: p.id, name: p.name, leaverYear: p.leaverYear as number }));
}

export interface ActivityInput {
  date: Day;
  title: string;
  type: string;
  provider: string;
  benchmarks: number[];
  providerAccess: boolean;
  evidence: string;
  yearGroups: number[];
  forms: string[];
  /** Pupil IDs added by name */
  pupils: string[];
  /** Pupil IDs unticked: in a listed year group or form, or named, but did not attend */
  absent: string[];
}

export const OLDEST_ACTIVITY_DAYS = 730;

/** Plain-English reasons the activity cannot be saved; empty when it can. */
export function activityProblems(tracker: Tracker, scope: { anyone: boolean; forms: string[] }, input: ActivityInput, today: Day): string[] {
  const problems: string[] = [];
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.date);
  if (!m || makeDay(+m[1], +m[2], +m[3]) !== input.date) problems.push('The date is not a real date.');
  else if (input.date > today) problems.push('The date is in the future. Log an activity once it has happened, so you can say who was absent.');
  else if (input.date < addDays(today, -OLDEST_ACTIVITY_DAYS)) problems.push('The date is more than two years ago. Check the year.');
  if (input.title.trim() === '') problems.push('Say what the activity was.');
  const type = ACTIVITY_TYPES.find((t) => t.value === input.type);
  if (!type) problems.push(`"${input.type}" is not an activity type.`);
  else if (input.benchmarks.length === 0 && type.benchmarks.length > 0) problems.push('Tick at least one benchmark the activity counts for (or choose the type Other).');
  if (input.benchmarks.some((b) => !Number.isInteger(b) || b < 1 || b > 8)) problems.push('Benchmarks are 1 to 8.');
  if (input.evidence.trim() !== '' && !isHttpUrl(input.evidence)) problems.push('The evidence link must be a web link starting with https://.');
  if (input.yearGroups.length === 0 && input.forms.length === 0 && input.pupils.length === 0) {
    problems.push('Say who attended: tick a year group or a form, or add pupils by name.');
  }
  if (!scope.anyone && input.yearGroups.length > 0) problems.push('A form tutor logs activities for their own forms: tick your form rather than a year group.');
  if (!scope.anyone) {
    const bad = input.forms.filter((f) => !scope.forms.some((x) => formKey(x) === formKey(f)));
    if (bad.length) problems.push(`${bad.join(', ')} ${bad.length === 1 ? 'is not your form' : 'are not your forms'} in the Staff tab.`);
  }
  const pupil = (id: string) => tracker.pupilByKey.get(id.trim().toLowerCase());
  for (const id of input.pupils) {
    const p = pupil(id);
    if (!p || p.year === null) problems.push(`No pupil on roll has the ID "${id}" in the Pupils tab.`);
    else if (!scope.anyone && !inForms(p, scope.forms)) problems.push(`${p.name} is not in your form.`);
  }
  // An absentee may be a leaver now, if a ticked year group included them on the date (checked below).
  for (const id of input.absent) {
    const p = pupil(id);
    if (!p) problems.push(`No pupil has the ID "${id}" in the Pupils tab.`);
    else if (!scope.anyone && !inForms(p, scope.forms)) problems.push(`${p.name} is not in your form.`);
  }
  if (problems.length === 0 && input.absent.length > 0) {
    const index = indexPupils(tracker.pupils, today, tracker.settings.academicYearStart, tracker.settings.trackerYear);
    const draft = toActivity(tracker, input, 0);
    for (const id of input.absent) {
      const i = index.byKey.get(id.trim().toLowerCase());
      if (i === undefined || !wouldAttend(index, draft, i)) problems.push(`${pupil(id)?.name ?? id} is marked absent but was not in a ticked year group or form, nor added by name.`);
    }
  }
  return problems;
}

const listOf = (xs: string[]) => xs.join(', ');

/** The Activities row, by column key, in the tracker's own list style. */
export function activityRecord(tracker: Tracker, input: ActivityInput): Record<string, CellValue> {
  const idOf = (id: string) => tracker.pupilByKey.get(id.trim().toLowerCase())?.id ?? id.trim();
  const typeDefault = ACTIVITY_TYPES.find((t) => t.value === input.type)?.benchmarks ?? [];
  const benchmarks = [...new Set(input.benchmarks)].sort((a, b) => a - b);
  const sameAsType = benchmarks.length === typeDefault.length && benchmarks.every((b, i) => b === typeDefault[i]);
  return {
    date: { day: input.date },
    title: input.title.trim(),
    type: input.type,
    provider: input.provider.trim(),
    yearGroups: listOf([...new Set(input.yearGroups)].sort((a, b) => a - b).map((y) => `Y${y}`)),
    forms: listOf([...new Set(input.forms.map((f) => f.trim()))]),
    pupils: listOf([...new Set(input.pupils.map(idOf))]),
    absent: listOf([...new Set(input.absent.map(idOf))]),
    // Blank means the type's own benchmarks, as a careers leader would type it.
    benchmarks: sameAsType ? '' : listOf(benchmarks.map(String)),
    providerAccess: input.providerAccess ? 'Yes' : 'No',
    evidence: input.evidence.trim(),
  };
}

/** The activity as the reader would read the row back. */
export function toActivity(tracker: Tracker, input: ActivityInput, row: number): Activity {
  const typeDefault = ACTIVITY_TYPES.find((t) => t.value === input.type)?.benchmarks ?? [];
  return {
    row, date: input.date, title: input.title.trim(), type: input.type, provider: input.provider.trim() || null,
    yearGroups: [...new Set(input.yearGroups)], forms: input.forms.map((f) => f.trim()),
    pupils: input.pupils.map((id) => id.trim().toLowerCase()), absent: input.absent.map((id) => id.trim().toLowerCase()),
    providerAccess: input.providerAccess, benchmarks: input.benchmarks.length ? input.benchmarks : typeDefault,
    evidence: input.evidence.trim() || null,
  };
}
