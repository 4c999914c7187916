/**
 * The whole tracker read into typed records, with every problem found on the way.
 */
import type { CellValue } from '../ports';
import type { Day } from './calendar';
import {
  ACTIONS_TAB, ACTIVITIES_TAB, ACTIVITY_TYPES, AUDIT_TAB, type ApplicationStatus, type AuditRating,
  CHECKLISTS_TAB, DESTINATIONS_TAB, LOG_TAB, MEETINGS_TAB, type MeetingType, PROGRAMME_TAB, type ProgrammeStatus,
  PUPILS_TAB, type Role, STAFF_TAB, type Send, type TabSpec, VACANCIES_TAB,
} from './schema';
import { type Settings, readSettings } from './settings';
import { type HeaderMap, type ParsedRow, type Problem, type References, readTable } from './table';
import { displayCell, readText } from './values';
import { readNccisCode } from './nccis';

export interface StaffMember {
  row: number;
  initials: string;
  name: string;
  email: string;
  roles: Role[];
  level6: boolean;
  /** the forms they tutor (Staff `Form`), as written */
  forms: string[];
}

export interface Pupil {
  row: number;
  /** as written */
  id: string;
  /** trimmed, lower case: what references compare */
  key: string;
  name: string;
  year: number | null;
  form: string | null;
  mentor: string | null;
  leaverYear: number | null;
  send: Send | null;
  lookedAfter: boolean;
  disadvantaged: boolean;
  attendance: number | null;
  email: string | null;
  /** null when blank */
  bulletin: boolean | null;
  consent: boolean | null;
  platformLogin: boolean | null;
  planA: string | null;
  planB: string | null;
  status: ApplicationStatus | null;
  /** the Application status cell's text when it is filled in but not a status (read as blank) */
  statusUnreadable?: string;
  provider: string | null;
  course: string | null;
  /** Consent to share (the transition document); null when blank */
  shareConsent: boolean | null;
  dateOfBirth?: Day | null;
  postcode?: string | null;
  /** when the Pupils tab has separate forename and surname columns */
  forename?: string | null;
  surname?: string | null;
}

export interface Meeting {
  row: number;
  date: Day;
  pupil: string;
  staff: string;
  type: MeetingType;
  grades: string | null;
  needs: string | null;
  options: string | null;
  aspirations: string | null;
  motivation: string | null;
  notes: string | null;
  shared: Day | boolean | null;
  nextMeeting: Day | null;
  /** Staff only: never in the pupil's or the transition record */
  staffOnly: boolean;
}

export interface Action {
  row: number;
  pupil: string;
  action: string;
  due: Day;
  owner: string | null;
  status: 'Open' | 'Done';
  doneOn: Day | null;
  created: Day | null;
}

export interface Activity {
  row: number;
  date: Day;
  title: string;
  type: string;
  provider: string | null;
  yearGroups: number[];
  /** forms that attended as a whole, as written */
  forms: string[];
  pupils: string[];
  /** pupil keys who did not attend although in a listed year group or form */
  absent: string[];
  providerAccess: boolean;
  /** the benchmarks it counts for: its Benchmarks column, or its type's default */
  benchmarks: number[];
  evidence: string | null;
}

export interface Destination {
  row: number;
  pupil: string;
  checked: Day;
  status: string;
  provider: string | null;
  course: string | null;
  notes: string | null;
  /** the NCCIS code column, when it holds a valid code agreeing with the status */
  nccis?: number | null;
}

export interface AuditCriterion {
  row: number;
  benchmark: number;
  criterion: string;
  rating: AuditRating | null;
  evidence: string | null;
  owner: string | null;
  reviewed: Day | null;
  /** the action plan */
  action: string | null;
  cost: string | null;
  deadline: Day | null;
  success: string | null;
}

/** A Programme row: one action of the careers calendar. */
export interface ProgrammeAction {
  row: number;
  action: string;
  due: Day;
  term: string | null;
  /** staff initials known to the Staff tab */
  owners: string[];
  benchmarks: number[];
  status: ProgrammeStatus;
  doneOn: Day | null;
  evidence: string | null;
  review: string | null;
}

export interface ChecklistItem {
  row: number;
  checklist: string;
  item: string;
  done: boolean;
  evidence: string | null;
  notes: string | null;
}

export interface Vacancy {
  row: number;
  title: string;
  employer: string;
  location: string | null;
  level: string | null;
  wage: string | null;
  closing: Day;
  link: string;
  posted: Day | null;
  reference: string | null;
  source: string | null;
  /** optional columns the import fills: start date, hours per week, miles from the Vacancy search point */
  starts?: Day | null;
  hours?: number | null;
  distance?: number | null;
}

export interface LogEntry {
  row: number;
  time: string;
  job: string;
  outcome: string;
  details: string;
  recipient: string;
  week: string;
}

export interface Tracker {
  settings: Settings;
  staff: StaffMember[];
  pupils: Pupil[];
  meetings: Meeting[];
  actions: Action[];
  activities: Activity[];
  destinations: Destination[];
  audit: AuditCriterion[];
  vacancies: Vacancy[];
  programme: ProgrammeAction[];
  checklists: ChecklistItem[];
  log: LogEntry[];
  problems: Problem[];
  /** where each tab's header is, for appending rows in the user's column order */
  headers: Record<string, HeaderMap>;
  /** which optional columns the Pupils tab has (a rule depends on the Platform login column) */
  pupilColumns: Set<string>;
  staffByInitials: Map<string, StaffMember>;
  pupilByKey: Map<string, Pupil>;
  /** set once the Absent lists have been checked against the attendees (attendees.ts) */
  absenteesChecked?: boolean;
}

/** The tabs a job reads, by name. Missing tabs are null. */
export type TrackerTabs = Record<string, CellValue[][] | null>;

export const TRACKER_TAB_NAMES = ['Settings', 'Staff', 'Pupils', 'Meetings', 'Actions', 'Activities', 'Destinations', 'Audit', 'Vacancies', 'Log', 'Programme', 'Checklists'];

const s = (v: unknown) => (v === null || v === undefined ? null : (v as string));
const b = (v: unknown) => v === true;

/** Reads every tab of the tracker. Never throws on bad data. */
export function readTracker(tabs: TrackerTabs): Tracker {
  const problems: Problem[] = [];
  const headers: Record<string, HeaderMap> = {};
  const settings = readSettings(tabs.Settings ?? null, problems).settings;

  const table = (spec: TabSpec, refs: References | null) => {
    const t = readTable(tabs[spec.name] ?? null, spec, refs, problems);
    headers[spec.name] = t.header;
    return t;
  };

  const staffTable = table(STAFF_TAB, null);
  const staff: StaffMember[] = staffTable.rows.map((r) => ({
    row: r.row,
    initials: r.v.initials as string,
    name: r.v.name as string,
    email: (r.v.email as string).toLowerCase(),
    roles: r.v.role as Role[],
    level6: b(r.v.level6),
    forms: (r.v.form as string[] | null) ?? [],
  }));
  for (const m of staff) m.initials = m.initials.toUpperCase();
  const staffByInitials = new Map(staff.map((m) => [m.initials, m]));

  // Mentor references are checked once Staff is known; pupils are checked against Pupils below.
  const pupilTable = table(PUPILS_TAB, { pupil: () => true, staff: (i) => staffByInitials.has(i) });
  const pupils: Pupil[] = [];
  for (const r of pupilTable.rows) {
    if (r.v.year === null && r.v.leaverYear === null) {
      problems.push({
        tab: 'Pupils', row: r.row, column: headerAt(pupilTable.header, 'year', 'Year'), value: displayCell(r.cell('year')),
        message: 'Year and Leaver year are both blank: give a Year for a pupil on roll, or a Leaver year for a leaver. This row is left out.',
      });
      continue;
    }
    pupils.push(toPupil(r));
  }
  const pupilByKey = new Map(pupils.map((p) => [p.key, p]));
  const refs: References = { pupil: (k) => pupilByKey.has(k), staff: (i) => staffByInitials.has(i) };

  const meetings: Meeting[] = table(MEETINGS_TAB, refs).rows.map((r) => ({
    row: r.row, date: r.v.date as Day, pupil: r.v.pupil as string, staff: r.v.staff as string,
    type: r.v.type as MeetingType, grades: s(r.v.grades), needs: s(r.v.needs), options: s(r.v.options),
    aspirations: s(r.v.aspirations), motivation: s(r.v.motivation), notes: s(r.v.notes),
    shared: (r.v.shared as Day | boolean | null) ?? null, nextMeeting: s(r.v.nextMeeting),
    // Fails closed: a Staff only cell filled in but not readable as yes or no ("Yes - DSL") keeps
    // the meeting out of pupils' and parents' documents (the problems check still names it).
    staffOnly: r.v.staffOnly === null ? !isBlankCell(r.cell('staffOnly')) : b(r.v.staffOnly),
  }));

  const actions: Action[] = table(ACTIONS_TAB, refs).rows.map((r) => ({
    row: r.row, pupil: r.v.pupil as string, action: r.v.action as string, due: r.v.due as Day,
    owner: s(r.v.owner), status: (r.v.status as 'Open' | 'Done' | null) ?? 'Open',
    doneOn: s(r.v.doneOn), created: s(r.v.created),
  }));

  const activities: Activity[] = [];
  for (const r of table(ACTIVITIES_TAB, refs).rows) {
    const yearGroups = (r.v.yearGroups as number[] | null) ?? [];
    const listed = (r.v.pupils as string[] | null) ?? [];
    const forms = (r.v.forms as string[] | null) ?? [];
    if (yearGroups.length === 0 && listed.length === 0 && forms.length === 0) {
      problems.push({
        tab: 'Activities', row: r.row, column: 'Year groups', value: displayCell(r.cell('yearGroups')),
        message: 'None of Year groups, Forms and Pupils says who attended: this activity is left out until one is filled in.',
      });
      continue;
    }
    const type = r.v.type as string;
    const typeDefault = ACTIVITY_TYPES.find((t) => t.value === type)?.benchmarks ?? [];
    const listedBenchmarks = (r.v.benchmarks as number[] | null) ?? [];
    activities.push({
      row: r.row, date: r.v.date as Day, title: r.v.title as string, type, provider: s(r.v.provider),
      yearGroups, forms, pupils: listed, absent: (r.v.absent as string[] | null) ?? [],
      // blank, or invalid (a problem, then read as blank: tracker.md reading rules) = yes for a technical provider
      providerAccess: r.v.providerAccess === null ? type === 'Technical provider' : b(r.v.providerAccess),
      benchmarks: listedBenchmarks.length > 0 ? listedBenchmarks : typeDefault,
      evidence: s(r.v.evidence),
    });
  }

  const destinations: Destination[] = [];
  for (const r of table(DESTINATIONS_TAB, refs).rows) {
    const pupil = pupilByKey.get(r.v.pupil as string);
    if (pupil && pupil.leaverYear === null) {
      problems.push({
        tab: 'Destinations', row: r.row, column: 'Pupil ID', value: displayCell(r.cell('pupil')),
        message: `${pupil.name} has no Leaver year in Pupils, so is not a leaver: this destination is left out.`,
      });
      continue;
    }
    const status = r.v.status as string;
    const code = readNccisCode(r.cell('nccis'), status);
    if (code.message) {
      problems.push({ tab: 'Destinations', row: r.row, column: headerAt(headers.Destinations, 'nccis', 'NCCIS code'), value: displayCell(r.cell('nccis')), message: code.message });
    }
    destinations.push({
      row: r.row, pupil: r.v.pupil as string, checked: r.v.checked as Day, status,
      provider: s(r.v.provider), course: s(r.v.course), notes: s(r.v.notes), nccis: code.code,
    });
  }

  const audit: AuditCriterion[] = table(AUDIT_TAB, refs).rows.map((r) => ({
    row: r.row, benchmark: r.v.benchmark as number, criterion: r.v.criterion as string,
    rating: (r.v.rating as AuditRating | null) ?? null, evidence: s(r.v.evidence), owner: s(r.v.owner),
    reviewed: s(r.v.reviewed), action: s(r.v.action), cost: s(r.v.cost), deadline: s(r.v.deadline), success: s(r.v.success),
  }));

  const vacancies: Vacancy[] = table(VACANCIES_TAB, refs).rows.map((r) => ({
    row: r.row, title: r.v.title as string, employer: r.v.employer as string, location: s(r.v.location),
    level: s(r.v.level), wage: s(r.v.wage), closing: r.v.closing as Day, link: r.v.link as string,
    posted: s(r.v.posted), reference: s(r.v.reference), source: s(r.v.source),
    starts: s(r.v.starts), hours: (r.v.hours as number | null) ?? null, distance: (r.v.distance as number | null) ?? null,
  }));

  const programme: ProgrammeAction[] = table(PROGRAMME_TAB, refs).rows.map((r) => ({
    row: r.row, action: r.v.action as string, due: r.v.due as Day, term: s(r.v.term),
    owners: (r.v.owner as string[] | null) ?? [], benchmarks: (r.v.benchmarks as number[] | null) ?? [],
    status: (r.v.status as ProgrammeStatus | null) ?? 'Planned', doneOn: s(r.v.doneOn), evidence: s(r.v.evidence), review: s(r.v.review),
  }));

  const checklists: ChecklistItem[] = table(CHECKLISTS_TAB, refs).rows.map((r) => ({
    row: r.row, checklist: r.v.checklist as string, item: r.v.item as string, done: b(r.v.done),
    evidence: s(r.v.evidence), notes: s(r.v.notes),
  }));

  // The Log is the add-on's own: it is read without problems.
  const logTable = readTable(tabs.Log ?? null, LOG_TAB, null, []);
  headers.Log = logTable.header;
  const log: LogEntry[] = logTable.rows.map((r) => ({
    row: r.row,
    time: readText(r.cell('time')), job: readText(r.cell('job')), outcome: readText(r.cell('outcome')),
    details: readText(r.cell('details')), recipient: readText(r.cell('recipient')), week: readText(r.cell('week')),
  }));

  return {
    settings, staff, pupils, meetings, actions, activities, destinations, audit, vacancies, programme, checklists, log, problems,
    headers, pupilColumns: new Set(pupilTable.header.columns.keys()), staffByInitials, pupilByKey,
  };
}

/** The column's header as the sheet writes it (an alias such as "NC year"), or the canonical one. */
function headerAt(header: HeaderMap, key: string, fallback: string): string {
  const at = header.columns.get(key);
  return at === undefined ? fallback : header.headers[at] || fallback;
}

function isBlankCell(v: CellValue | undefined): boolean {
  return v === undefined || (typeof v === 'string' && v.trim() === '');
}

function toPupil(r: ParsedRow): Pupil {
  const id = r.v.id as string;
  const pupil: Pupil = {
    row: r.row, id, key: id.trim().toLowerCase(), name: r.v.name as string,
    year: (r.v.year as number | null) ?? null, form: s(r.v.form), mentor: s(r.v.mentor),
    leaverYear: (r.v.leaverYear as number | null) ?? null, send: (r.v.send as Send | null) ?? null,
    lookedAfter: b(r.v.lookedAfter), disadvantaged: b(r.v.disadvantaged),
    attendance: (r.v.attendance as number | null) ?? null, email: s(r.v.email),
    bulletin: (r.v.bulletin as boolean | null) ?? null, consent: (r.v.consent as boolean | null) ?? null,
    platformLogin: (r.v.platformLogin as boolean | null) ?? null, planA: s(r.v.planA), planB: s(r.v.planB),
    status: (r.v.status as ApplicationStatus | null) ?? null, provider: s(r.v.provider), course: s(r.v.course),
    shareConsent: (r.v.shareConsent as boolean | null) ?? null,
    dateOfBirth: s(r.v.dateOfBirth), postcode: s(r.v.postcode), forename: s(r.v.forename), surname: s(r.v.surname),
  };
  if (r.v.status == null && !isBlankCell(r.cell('status'))) pupil.statusUnreadable = displayCell(r.cell('status'));
  return pupil;
}

/** Staff by email, case-insensitive. */
export function staffByEmail(tracker: Tracker, email: string): StaffMember | undefined {
  const wanted = email.trim().toLowerCase();
  return tracker.staff.find((m) => m.email === wanted);
}
