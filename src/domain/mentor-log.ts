/**
 * The mentor log sidebar's view model: who the signed-in staff member may see, what the mentee
 * list and a mentee's summary show, and how a logged meeting becomes rows. Pure: no I/O.
 * Status chips come from the unplaced Year 11 rules (./unplaced), never from a copy of them.
 */
import type { CellValue } from '../ports';
import { type Day, addDays, daysBetween, makeDay } from './calendar';
import { APPLICATION_STATUSES, type ApplicationStatus, type MeetingType, MEETING_TYPES } from './schema';
import type { Action, Meeting, Pupil, Tracker } from './tracker';
import { REASON_WORDS, type UnplacedResult, assessUnplaced } from './unplaced';
import { statusUnreadablePhrase } from './unplaced-email';
import { emailFlags } from './unplaced-email';

/** placed / amber / red for a Year 11 on roll; null for everyone else. */
export type Chip = 'placed' | 'amber' | 'red';

export interface Viewer {
  initials: string;
  name: string;
  email: string;
  roles: string[];
  /** the careers leader and careers adviser see every pupil on roll */
  seesEveryone: boolean;
  /** the forms they tutor (Staff `Form`), when they are a form tutor */
  forms: string[];
}

export type Access = { ok: true; viewer: Viewer } | { ok: false; message: string };

const SEES_EVERYONE = ['Careers leader', 'Careers adviser'];

/** The signed-in staff member, found in the Staff tab by email; anyone else sees nothing and is told why. */
export function mentorLogAccess(tracker: Tracker, email: string): Access {
  const wanted = email.trim().toLowerCase();
  if (!wanted) {
    return { ok: false, message: 'Careers Tracker cannot see which Google account you are signed in with. Sign in with your school account only (one account at a time) and open the mentor log again.' };
  }
  if (tracker.staff.length === 0 && tracker.problems.some((p) => p.tab === 'Staff')) {
    return { ok: false, message: 'The Staff tab has rows, but the mentor log cannot read any of them, so it cannot tell who you are. Ask the careers leader to check that the first row of the Staff tab holds the headers Initials, Name, Email and Role, and that each member of staff has all four filled in (Check tracker for problems lists what to correct).' };
  }
  if (tracker.staff.length === 0) {
    return { ok: false, message: `The Staff tab has nobody in it yet, so the mentor log cannot tell who you are. Ask the careers leader to add you (initials, name, ${wanted}, role) to the Staff tab.` };
  }
  const member = tracker.staff.find((m) => m.email === wanted);
  if (!member) {
    return { ok: false, message: `${wanted} is not in the Staff tab, so the mentor log shows you no pupils. Ask the careers leader to add you to the Staff tab with this email address.` };
  }
  return {
    ok: true,
    viewer: {
      initials: member.initials, name: member.name, email: member.email, roles: [...member.roles],
      seesEveryone: member.roles.some((r) => SEES_EVERYONE.includes(r)),
      forms: member.roles.includes('Form tutor') ? [...member.forms] : [],
    },
  };
}

/** Pupils on roll only: a mentor sees the pupils whose Mentor is their initials; a form tutor their forms' pupils. */
export function canSee(viewer: Viewer, pupil: Pupil): boolean {
  if (pupil.year === null) return false;
  return viewer.seesEveryone || pupil.mentor === viewer.initials || inViewerForms(viewer, pupil);
}

/** Sees the pupil only as their form tutor (not as mentor, careers leader or adviser). */
export function onlyAsFormTutor(viewer: Viewer, pupil: Pupil): boolean {
  return !viewer.seesEveryone && pupil.mentor !== viewer.initials && inViewerForms(viewer, pupil);
}

function inViewerForms(viewer: Viewer, pupil: Pupil): boolean {
  if (viewer.forms.length === 0 || !pupil.form) return false;
  const f = pupil.form.trim().replace(/\s+/g, ' ').toLowerCase();
  return viewer.forms.some((x) => x.trim().replace(/\s+/g, ' ').toLowerCase() === f);
}

/** The meeting types a form tutor may log for their forms' pupils. */
export const FORM_TUTOR_MEETING_TYPES: MeetingType[] = ['Aspiration setting', 'Careers support'];

/** Reasons a form tutor is not shown: SEND and looked-after status stay with the pastoral staff. */
const SENSITIVE_REASON_WORDS = new Set([REASON_WORDS.ehcp, REASON_WORDS['looked-after']].filter(Boolean));

export interface MenteeListItem {
  id: string;
  name: string;
  year: number | null;
  form: string | null;
  /** mentor's initials */
  mentor: string | null;
  chip: Chip | null;
  daysSinceLastMeeting: number | null;
  /** the earliest meeting booked from today on */
  nextMeeting: Day | null;
  overdueActions: number;
}

export interface MentorLogView {
  viewer: Viewer | null;
  /** why the list is empty (not in Staff, no mentees), or null */
  message: string | null;
  today: Day;
  schoolName: string;
  mentees: MenteeListItem[];
}

interface Facts {
  lastMeeting: Day | null;
  nextMeeting: Day | null;
  overdueActions: number;
  openActions: number;
  meetings: Meeting[];
  actions: Action[];
}

/** Meetings and actions per pupil key, in one pass over each tab. */
function factsFor(tracker: Tracker, keys: Set<string>, today: Day): Map<string, Facts> {
  const facts = new Map<string, Facts>();
  const get = (key: string) => {
    let f = facts.get(key);
    if (!f) {
      f = { lastMeeting: null, nextMeeting: null, overdueActions: 0, openActions: 0, meetings: [], actions: [] };
      facts.set(key, f);
    }
    return f;
  };
  for (const m of tracker.meetings) {
    if (!keys.has(m.pupil)) continue;
    const f = get(m.pupil);
    f.meetings.push(m);
    if (m.date <= today && (f.lastMeeting === null || m.date > f.lastMeeting)) f.lastMeeting = m.date;
    // The next meeting is the earliest one booked for today or later.
    if (m.nextMeeting && m.nextMeeting >= today && (f.nextMeeting === null || m.nextMeeting < f.nextMeeting)) f.nextMeeting = m.nextMeeting;
  }
  for (const a of tracker.actions) {
    if (!keys.has(a.pupil)) continue;
    const f = get(a.pupil);
    f.actions.push(a);
    if (a.status === 'Open') {
      f.openActions++;
      if (a.due < today) f.overdueActions++;
    }
  }
  return facts;
}

const NO_FACTS: Facts = { lastMeeting: null, nextMeeting: null, overdueActions: 0, openActions: 0, meetings: [], actions: [] };

interface ChipInfo {
  chip: Chip;
  reasons: string[];
}

/** The chips a form tutor may see: red only when the reasons they are shown explain it (as in the alert emails). */
function tutorChipsFrom(tracker: Tracker, result: UnplacedResult): Map<string, ChipInfo> {
  return chipsFrom({ ...result, flagged: emailFlags(result.flagged, tracker.settings.riskFactorsForRed) });
}

function chipsFrom(result: UnplacedResult): Map<string, ChipInfo> {
  const chips = new Map<string, ChipInfo>();
  for (const p of result.placed) chips.set(p.key, { chip: 'placed', reasons: [] });
  for (const f of result.flagged) {
    chips.set(f.pupil.key, { chip: f.level, reasons: f.reasons.map((r) => (r === 'no-application' && f.pupil.statusUnreadable !== undefined ? statusUnreadablePhrase(f.pupil.statusUnreadable) : REASON_WORDS[r] ?? r)) });
  }
  return chips;
}

const CHIP_RANK: Record<Chip, number> = { red: 0, amber: 1, placed: 2 };

export function mentorLogView(tracker: Tracker, email: string, today: Day): MentorLogView {
  const base = { today, schoolName: tracker.settings.schoolName };
  const access = mentorLogAccess(tracker, email);
  if (!access.ok) return { ...base, viewer: null, message: access.message, mentees: [] };
  const viewer = access.viewer;
  const pupils = tracker.pupils.filter((p) => canSee(viewer, p));
  const facts = factsFor(tracker, new Set(pupils.map((p) => p.key)), today);
  const assessed = assessUnplaced(tracker, today);
  const chips = chipsFrom(assessed);
  const tutorChips = pupils.some((p) => onlyAsFormTutor(viewer, p)) ? tutorChipsFrom(tracker, assessed) : chips;
  const mentees: MenteeListItem[] = pupils.map((p) => {
    const f = facts.get(p.key) ?? NO_FACTS;
    return {
      id: p.id, name: p.name, year: p.year, form: p.form, mentor: p.mentor,
      chip: (onlyAsFormTutor(viewer, p) ? tutorChips : chips).get(p.key)?.chip ?? null,
      daysSinceLastMeeting: f.lastMeeting ? daysBetween(f.lastMeeting, today) : null,
      nextMeeting: f.nextMeeting, overdueActions: f.overdueActions,
    };
  });
  mentees.sort(compareMentees);
  let message: string | null = null;
  if (mentees.length === 0) {
    message = viewer.seesEveryone
      ? 'There are no pupils on roll in the Pupils tab yet.'
      : viewer.roles.includes('Form tutor') && viewer.forms.length === 0 && !viewer.roles.includes('Mentor')
        ? `You are a form tutor in the Staff tab, but no form is given for you (${viewer.initials}) in its Form column, so the sidebar shows you no pupils. Ask the careers leader to add your form, e.g. 10B.`
        : viewer.forms.length > 0
          ? `No pupil on roll is in ${viewer.forms.join(', ')} or has ${viewer.initials} in the Mentor column of the Pupils tab.`
          : `No pupil on roll has ${viewer.initials} in the Mentor column of the Pupils tab. Ask the careers leader to allocate your mentees.`;
  }
  return { ...base, viewer, message, mentees };
}

/** Red first, then amber, then placed, then pupils with no chip; each by name. */
export function compareMentees(a: MenteeListItem, b: MenteeListItem): number {
  const rank = (m: MenteeListItem) => (m.chip ? CHIP_RANK[m.chip] : 3);
  return rank(a) - rank(b) || compareText(a.name, b.name) || compareText(a.id, b.id);
}

function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

export interface MeetingView {
  /** sheet row in Meetings */
  row: number;
  date: Day;
  type: MeetingType;
  staff: string;
  staffName: string | null;
  grades: string | null;
  needs: string | null;
  options: string | null;
  aspirations: string | null;
  motivation: string | null;
  notes: string | null;
  /** `Yes`, `No`, or the day it was shared */
  shared: string | null;
  nextMeeting: Day | null;
}

export interface ActionView {
  /** sheet row in Actions */
  row: number;
  action: string;
  due: Day;
  owner: string | null;
  ownerName: string | null;
  status: 'Open' | 'Done';
  doneOn: Day | null;
  overdue: boolean;
}

export interface MenteeView {
  viewer: Viewer;
  today: Day;
  pupil: {
    id: string;
    name: string;
    year: number | null;
    form: string | null;
    mentor: string | null;
    mentorName: string | null;
    planA: string | null;
    planB: string | null;
    status: ApplicationStatus | null;
    /** the cell's text when it is filled in but not a status */
    statusUnreadable?: string;
    provider: string | null;
    course: string | null;
  };
  chip: Chip | null;
  /** the unplaced reasons in words */
  reasons: string[];
  daysSinceLastMeeting: number | null;
  lastMeeting: Day | null;
  nextMeeting: Day | null;
  /** which of the pupil's cells the sidebar can update: the Pupils tab has the column */
  editable: { planA: boolean; planB: boolean; status: boolean };
  /** newest first */
  meetings: MeetingView[];
  /** open actions, soonest due first */
  openActions: ActionView[];
  /** the last few actions done, most recent first */
  doneActions: ActionView[];
  /** what the meeting form starts with */
  defaultType: MeetingType;
  /** the types the viewer may log for this pupil (a form tutor: Aspiration setting and Careers support) */
  meetingTypes: MeetingType[];
}

export const DONE_ACTIONS_SHOWN = 5;

export function menteeView(tracker: Tracker, viewer: Viewer, pupil: Pupil, today: Day, unplaced?: UnplacedResult): MenteeView {
  const f = factsFor(tracker, new Set([pupil.key]), today).get(pupil.key) ?? NO_FACTS;
  const tutorOnly = onlyAsFormTutor(viewer, pupil);
  const assessed = pupil.year === 11 ? unplaced ?? assessUnplaced(tracker, today) : null;
  const chip = assessed ? (tutorOnly ? tutorChipsFrom(tracker, assessed) : chipsFrom(assessed)).get(pupil.key) : undefined;
  const staffName = (initials: string | null) => (initials ? tracker.staffByInitials.get(initials)?.name ?? null : null);
  const actionView = (a: Action): ActionView => ({
    row: a.row, action: a.action, due: a.due, owner: a.owner,
    ownerName: a.owner === 'Pupil' ? null : staffName(a.owner),
    status: a.status, doneOn: a.doneOn, overdue: a.status === 'Open' && a.due < today,
  });
  const meetings = [...f.meetings]
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.row - a.row))
    .map((m): MeetingView => ({
      row: m.row, date: m.date, type: m.type, staff: m.staff, staffName: staffName(m.staff),
      grades: m.grades, needs: m.needs, options: m.options, aspirations: m.aspirations,
      motivation: m.motivation, notes: m.notes,
      shared: m.shared === null ? null : m.shared === true ? 'Yes' : m.shared === false ? 'No' : m.shared,
      nextMeeting: m.nextMeeting,
    }));
  const open = f.actions.filter((a) => a.status === 'Open').sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.row - b.row));
  const done = f.actions.filter((a) => a.status === 'Done')
    .sort((a, b) => ((b.doneOn ?? '') < (a.doneOn ?? '') ? -1 : (b.doneOn ?? '') > (a.doneOn ?? '') ? 1 : b.row - a.row))
    .slice(0, DONE_ACTIONS_SHOWN);
  const columns = tracker.pupilColumns;
  return {
    viewer, today,
    pupil: {
      id: pupil.id, name: pupil.name, year: pupil.year, form: pupil.form, mentor: pupil.mentor,
      mentorName: staffName(pupil.mentor), planA: pupil.planA, planB: pupil.planB, status: pupil.status,
      provider: pupil.provider, course: pupil.course,
      ...(pupil.statusUnreadable !== undefined ? { statusUnreadable: pupil.statusUnreadable } : {}),
    },
    chip: chip?.chip ?? null,
    reasons: (chip?.reasons ?? []).filter((r) => !tutorOnly || !SENSITIVE_REASON_WORDS.has(r)),
    daysSinceLastMeeting: f.lastMeeting ? daysBetween(f.lastMeeting, today) : null,
    lastMeeting: f.lastMeeting, nextMeeting: f.nextMeeting,
    editable: { planA: columns.has('planA'), planB: columns.has('planB'), status: columns.has('status') },
    meetings, openActions: open.map(actionView), doneActions: done.map(actionView),
    defaultType: tutorOnly ? (f.meetings.length === 0 ? 'Careers support' : 'Aspiration setting') : defaultMeetingType(viewer, f.meetings.length),
    meetingTypes: tutorOnly ? FORM_TUTOR_MEETING_TYPES : MEETING_TYPE_VALUES,
  };
}

/** The adviser logs guidance; a pupil's first meeting is the careers support meeting; then mentoring. */
export function defaultMeetingType(viewer: Viewer, meetingsSoFar: number): MeetingType {
  if (viewer.roles.includes('Careers adviser') && !viewer.roles.includes('Careers leader')) return 'Guidance';
  return meetingsSoFar === 0 ? 'Careers support' : 'Mentoring';
}

// ---- Logging a meeting ----

export const MEETING_TYPE_VALUES = MEETING_TYPES.map((t) => t.value) as MeetingType[];

export interface ActionInput {
  action: string;
  due: Day;
  /** the pupil, or the member of staff logging the meeting */
  owner: 'Pupil' | 'Me';
}

/** The pupil's own cells the meeting can update. `''` means blank. */
export interface PlanFields {
  planA: string;
  planB: string;
  status: ApplicationStatus | '';
}

export interface MeetingInput {
  pupilId: string;
  type: MeetingType;
  date: Day;
  grades: string;
  needs: string;
  options: string;
  aspirations: string;
  motivation: string;
  notes: string;
  sharedWithParents: boolean;
  nextMeeting: Day | '';
  actions: ActionInput[];
  /** as the form left them */
  plan: PlanFields;
  /** as the sidebar showed them when the form opened: only fields the user changed are written */
  shown: PlanFields;
}

/** How far back a meeting may be dated: the start of the previous academic year is plenty. */
export const OLDEST_MEETING_DAYS = 730;

/** Plain-English reasons the meeting cannot be saved as it is; empty when it can. */
export function meetingProblems(input: MeetingInput, today: Day, editable: MenteeView['editable']): string[] {
  const problems: string[] = [];
  if (!isDay(input.date)) problems.push('The meeting date is not a real date.');
  else if (input.date > today) problems.push('The meeting date is in the future. Log a meeting once it has happened; put a future date in Next meeting.');
  else if (input.date < addDays(today, -OLDEST_MEETING_DAYS)) problems.push('The meeting date is more than two years ago. Check the year.');
  if (input.nextMeeting !== '' && !isDay(input.nextMeeting)) problems.push('The next meeting is not a real date.');
  else if (input.nextMeeting !== '' && isDay(input.date) && input.nextMeeting < input.date) problems.push('The next meeting is before this meeting.');
  input.actions.forEach((a, i) => {
    const which = `Action ${i + 1}`;
    if (a.action.trim() === '') problems.push(`${which} has no text: write what was agreed, or remove the row.`);
    if (!isDay(a.due)) problems.push(`${which} needs a due date.`);
    else if (isDay(input.date) && a.due < input.date) problems.push(`${which} is due before the meeting date.`);
  });
  for (const key of ['planA', 'planB', 'status'] as const) {
    if (!editable[key] && input.plan[key].trim() !== input.shown[key].trim()) {
      problems.push(`The Pupils tab has no ${PLAN_HEADERS[key]} column, so it cannot be updated here. Ask the careers leader to run Set up tracker, which adds it.`);
    }
  }
  if (input.plan.status !== '' && !(APPLICATION_STATUSES as readonly string[]).includes(input.plan.status)) {
    problems.push(`"${input.plan.status}" is not an application status.`);
  }
  return problems;
}

export const PLAN_HEADERS: Record<keyof PlanFields, string> = { planA: 'Plan A', planB: 'Plan B', status: 'Application status' };

function isDay(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return !!m && makeDay(+m[1], +m[2], +m[3]) === v;
}

const day = (d: Day): CellValue => ({ day: d });

/** The Meetings row, by column key. */
export function meetingRecord(input: MeetingInput, pupil: Pupil, staffInitials: string): Record<string, CellValue> {
  return {
    date: day(input.date), pupil: pupil.id, staff: staffInitials, type: input.type,
    grades: input.grades.trim(), needs: input.needs.trim(), options: input.options.trim(),
    aspirations: input.aspirations.trim(), motivation: input.motivation.trim(), notes: input.notes.trim(),
    shared: input.sharedWithParents ? 'Yes' : '', nextMeeting: input.nextMeeting ? day(input.nextMeeting) : '',
  };
}

/** The Actions rows, by column key: open, created today. */
export function actionRecords(input: MeetingInput, pupil: Pupil, staffInitials: string, today: Day): Record<string, CellValue>[] {
  return input.actions.map((a) => ({
    pupil: pupil.id, action: a.action.trim(), due: day(a.due), owner: a.owner === 'Me' ? staffInitials : 'Pupil',
    status: 'Open', doneOn: '', created: day(today),
  }));
}

/**
 * The pupil's cells to write: only fields the user changed from what they were shown, and only
 * when the sheet does not already hold that value. An untouched field never overwrites a change
 * someone else made meanwhile.
 */
export function planChanges(input: MeetingInput, pupil: Pupil): { key: keyof PlanFields; value: string }[] {
  const current: PlanFields = { planA: pupil.planA ?? '', planB: pupil.planB ?? '', status: pupil.status ?? '' };
  const changes: { key: keyof PlanFields; value: string }[] = [];
  for (const key of ['planA', 'planB', 'status'] as const) {
    const value = input.plan[key].trim();
    if (value === input.shown[key].trim()) continue;
    if (value === current[key].trim()) continue;
    changes.push({ key, value });
  }
  return changes;
}

/** The Actions row the sidebar means, checked against what it showed; null when it is gone. */
export function findAction(tracker: Tracker, pupil: Pupil, ref: { row: number; action: string; due: Day }): Action | null {
  const same = (a: Action) => a.pupil === pupil.key && a.action === ref.action.trim() && a.due === ref.due;
  const atRow = tracker.actions.find((a) => a.row === ref.row);
  if (atRow && same(atRow)) return atRow;
  // The row moved (someone sorted the tab): accept one unambiguous match.
  const matches = tracker.actions.filter(same);
  const open = matches.filter((a) => a.status === 'Open');
  if (open.length === 1) return open[0];
  if (open.length === 0 && matches.length === 1) return matches[0];
  return null;
}
