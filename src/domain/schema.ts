/**
 * The tracker workbook as tracker.md describes it: tabs, columns, aliases and vocabularies.
 * Jobs find columns by header name (or alias), never by position.
 */

/** A vocabulary value and the other words schools use for it. */
export interface Term {
  value: string;
  aliases?: string[];
}

export const ROLES = ['Careers leader', 'Mentor', 'Form tutor', 'Careers adviser', 'Admin', 'Governor', 'Destinations lead'] as const;
export type Role = (typeof ROLES)[number];

export const SEND_TERMS: Term[] = [
  { value: 'None', aliases: ['N', 'No SEN'] },
  { value: 'SEN support', aliases: ['K'] },
  { value: 'EHCP', aliases: ['EHC plan', 'E', 'S', 'Statement'] },
];
export type Send = 'None' | 'SEN support' | 'EHCP';

export const APPLICATION_STATUSES = [
  'Not started', 'Researching', 'Applied', 'Interview', 'Offer', 'Accepted', 'Rejected', 'Withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const MEETING_TYPES: Term[] = [
  { value: 'Careers support', aliases: ['Initial meeting'] },
  { value: 'Mentoring', aliases: ['1:1'] },
  { value: 'Guidance', aliases: ['Guidance meeting', 'Guidance interview', 'Careers adviser', 'IAG'] },
  { value: 'Aspiration setting', aliases: ['Aspirations'] },
  { value: 'Parent meeting', aliases: ['Parents'] },
  { value: 'Transition' },
];
export type MeetingType = 'Careers support' | 'Mentoring' | 'Guidance' | 'Aspiration setting' | 'Parent meeting' | 'Transition';

export const ACTION_STATUSES: Term[] = [{ value: 'Open' }, { value: 'Done' }];

export interface ActivityTypeTerm extends Term {
  /** the benchmarks it counts for when the Benchmarks column is blank */
  benchmarks: number[];
}

export const ACTIVITY_TYPES: ActivityTypeTerm[] = [
  { value: 'Careers information', aliases: ['LMI', 'Labour market information'], benchmarks: [2] },
  { value: 'Curriculum link', aliases: ['Subject link'], benchmarks: [4] },
  { value: 'Employer encounter', aliases: ['Employer talk', 'Careers fair', 'Mentoring by employer'], benchmarks: [5] },
  { value: 'Workplace experience', aliases: ['Work experience', 'Work shadowing', 'Workplace visit', 'Taster day'], benchmarks: [6] },
  { value: 'Further education', aliases: ['College visit', 'College talk', 'FE'], benchmarks: [7] },
  { value: 'Higher education', aliases: ['University visit', 'HE'], benchmarks: [7] },
  { value: 'Technical provider', aliases: ['Apprenticeship provider', 'ITP', 'Training provider'], benchmarks: [7] },
  { value: 'Other', benchmarks: [] },
];

/** The groups of destination statuses (destinations.md). */
export type DestinationGroup =
  | 'Education' | 'Education, not full time' | 'Employment with training' | 'Employment without training'
  | 'Training' | 'NEET' | 'Not known' | 'Other';

/** A destination status: its NCCIS activity code and group. */
export interface DestinationStatusTerm extends Term {
  code: number;
  group: DestinationGroup;
}

const dest = (value: string, code: number, group: DestinationGroup, aliases?: string[]): DestinationStatusTerm => ({ value, code, group, aliases });

/** The Destinations Status vocabulary, after the LA's NCCIS activity codes; older values are aliases. */
export const DESTINATION_STATUSES: DestinationStatusTerm[] = [
  dest('School sixth form', 210, 'Education', ['Sixth form']),
  dest('Sixth form college', 220, 'Education'),
  dest('Further education', 230, 'Education', ['FE', 'College']),
  dest('Higher education', 240, 'Education', ['HE', 'University']),
  dest('Other full-time education', 270, 'Education'),
  dest('Special post-16 institution', 280, 'Education', ['Specialist college']),
  dest('Part-time education', 250, 'Education, not full time'),
  dest('Gap year', 260, 'Other'),
  dest('Apprenticeship', 310, 'Employment with training'),
  dest('Employment with training', 320, 'Employment with training', ['Job with training']),
  dest('Employment without training', 330, 'Employment without training', ['Job without training', 'Employment']),
  dest('Part-time employment', 360, 'Employment without training'),
  dest('Self-employed', 380, 'Employment without training', ['Self-employment']),
  dest('Traineeship', 450, 'Training', ['Training']),
  dest('Supported internship', 460, 'Training'),
  dest('Re-engagement', 530, 'Training'),
  dest('Start date agreed', 616, 'NEET'),
  dest('NEET', 619, 'NEET', ['Not in education', 'NEET seeking', 'Seeking work']),
  dest('NEET not available', 680, 'NEET', ['NEET inactive', 'Illness', 'Young carer', 'Teenage parent']),
  dest('Custody', 710, 'Other'),
  dest('Not known', 810, 'Not known', ['Unknown']),
  dest('Cannot be contacted', 820, 'Not known'),
  dest('Refused to disclose', 830, 'Not known', ['Refused']),
];

export const AUDIT_RATINGS: Term[] = [
  { value: 'Not achieved', aliases: ['Not started', 'No'] },
  { value: 'Partially achieved', aliases: ['Partially', 'In progress', 'Partial'] },
  { value: 'Achieved', aliases: ['Yes', 'Fully achieved'] },
  { value: 'N/A', aliases: ['Not applicable'] },
];
export type AuditRating = 'Not achieved' | 'Partially achieved' | 'Achieved' | 'N/A';

/** How a column's cells are read. */
export type ColumnKind =
  | { kind: 'text' }
  | { kind: 'date' }
  | { kind: 'dateOrYesNo' }
  | { kind: 'yesno' }
  | { kind: 'percent' }
  | { kind: 'number'; min: number; max: number }
  | { kind: 'yearGroup' }
  | { kind: 'calendarYear' }
  | { kind: 'benchmark' }
  | { kind: 'term'; terms: Term[]; multiple?: boolean }
  | { kind: 'email' }
  | { kind: 'url' }
  | { kind: 'textOrUrl' }
  | { kind: 'pupil' }
  | { kind: 'staff'; orPupil?: boolean }
  | { kind: 'yearGroups' }
  | { kind: 'pupils' }
  | { kind: 'benchmarks' }
  | { kind: 'list' }
  | { kind: 'postcode' }
  | { kind: 'staffList' };

export interface ColumnSpec {
  key: string;
  header: string;
  aliases?: string[];
  required?: boolean;
  /** later rows repeating a value of this column are problems, and skipped */
  unique?: boolean;
  type: ColumnKind;
  /** when the tab has no column for this one, its value is these columns' values joined by a space */
  from?: string[];
  /** read when present, but setup never adds it (an alternative to another column) */
  optionalOnly?: boolean;
  /** aliases that win over the header itself when both are present (the spec's order of preference) */
  preferred?: string[];
}

export interface TabSpec {
  name: string;
  columns: ColumnSpec[];
}

const text = { kind: 'text' } as const;
const date = { kind: 'date' } as const;
const yesno = { kind: 'yesno' } as const;
const term = (terms: Term[], multiple = false): ColumnKind => ({ kind: 'term', terms, multiple });
const plain = (values: readonly string[]): Term[] => values.map((value) => ({ value }));

export const SETTINGS_TAB: TabSpec = {
  name: 'Settings',
  columns: [
    { key: 'setting', header: 'Setting', required: true, type: text },
    { key: 'value', header: 'Value', type: text },
  ],
};

export const STAFF_TAB: TabSpec = {
  name: 'Staff',
  columns: [
    { key: 'initials', header: 'Initials', aliases: ['Staff', 'Code'], required: true, unique: true, type: text },
    { key: 'name', header: 'Name', required: true, type: text },
    { key: 'email', header: 'Email', required: true, type: { kind: 'email' } },
    { key: 'role', header: 'Role', required: true, type: term(plain(ROLES), true) },
    { key: 'level6', header: 'Level 6', aliases: ['L6', 'Qualified adviser'], type: yesno },
    { key: 'form', header: 'Form', aliases: ['Forms', 'Tutor group'], type: { kind: 'list' } },
  ],
};

export const PUPILS_TAB: TabSpec = {
  name: 'Pupils',
  columns: [
    // Aliases: tracker.md's first, then pupils-import.md's; when two headers match one column the
    // canonical header wins, then the alias listed first (so UPN beats Adno).
    { key: 'id', header: 'Pupil ID', aliases: ['UPN', 'ID', 'Student ID', 'Adno', 'Admission number', 'Admission no', 'MIS ID'], required: true, unique: true, type: text },
    { key: 'name', header: 'Name', aliases: ['Pupil', 'Pupil name', 'Student', 'Student name', 'Preferred name', 'Full name'], required: true, type: text, from: ['forename', 'surname'] },
    // Required for pupils on roll; leavers have a Leaver year instead (checked in the reader).
    { key: 'year', header: 'Year', aliases: ['Year group', 'NC year', 'NC year actual', 'Yr'], type: { kind: 'yearGroup' } },
    { key: 'form', header: 'Form', aliases: ['Tutor group', 'Reg group', 'Registration group', 'Form group', 'Reg'], type: text },
    { key: 'mentor', header: 'Mentor', type: { kind: 'staff' } },
    { key: 'leaverYear', header: 'Leaver year', aliases: ['Year left', 'Left'], type: { kind: 'calendarYear' } },
    { key: 'send', header: 'SEND', aliases: ['SEN', 'SEN provision', 'SEN status', 'SEND status', 'SEN need'], type: term(SEND_TERMS) },
    { key: 'lookedAfter', header: 'Looked after', aliases: ['LAC', 'CLA', 'In care', 'In LA care', 'Looked after children', 'Looked after child', 'CiC'], type: yesno },
    { key: 'disadvantaged', header: 'Disadvantaged', aliases: ['PP', 'Pupil premium', 'FSM', 'FSM eligible', 'Eligible for FSM', 'Free school meals', 'FSM Ever 6', 'Pupil premium indicator'], type: yesno },
    { key: 'attendance', header: 'Attendance', aliases: ['Attendance %', '% attendance', '% present', 'Present %'], type: { kind: 'percent' } },
    { key: 'email', header: 'Email', aliases: ['Contact email', 'Pupil email', 'Student email', 'Email address'], type: { kind: 'email' } },
    { key: 'bulletin', header: 'Bulletin', aliases: ['Bulletin opt-in'], type: yesno },
    { key: 'consent', header: 'Consent to track', aliases: ['Destination consent'], type: yesno },
    { key: 'platformLogin', header: 'Platform login', aliases: ['Kent Choices login', 'Application platform'], type: yesno },
    { key: 'planA', header: 'Plan A', aliases: ['Aspiration', 'Intended destination'], type: text },
    { key: 'planB', header: 'Plan B', type: text },
    { key: 'status', header: 'Application status', aliases: ['Status'], type: term(plain(APPLICATION_STATUSES)) },
    { key: 'provider', header: 'Provider', aliases: ['College', 'Destination provider'], type: text },
    { key: 'course', header: 'Course', type: text },
    // records.md: consent to share the transition document with the next provider.
    { key: 'shareConsent', header: 'Consent to share', aliases: ['Transition consent'], type: yesno },
    { key: 'dateOfBirth', header: 'Date of birth', aliases: ['DOB', 'Birth date'], type: date },
    { key: 'postcode', header: 'Postcode', aliases: ['Post code', 'Home postcode'], type: { kind: 'postcode' } },
    // A school's MIS export names pupils in two columns; Name is built from them when there is no Name column.
    // pupils-import.md's order of preference: Preferred forename, Forename, Legal forename, First name.
    { key: 'forename', header: 'Forename', preferred: ['Preferred forename'], aliases: ['Legal forename', 'First name'], type: text, optionalOnly: true },
    { key: 'surname', header: 'Surname', preferred: ['Preferred surname'], aliases: ['Legal surname', 'Last name'], type: text, optionalOnly: true },
  ],
};

export const MEETINGS_TAB: TabSpec = {
  name: 'Meetings',
  columns: [
    { key: 'date', header: 'Date', required: true, type: date },
    { key: 'pupil', header: 'Pupil ID', required: true, type: { kind: 'pupil' } },
    { key: 'staff', header: 'Staff', aliases: ['With', 'Mentor'], required: true, type: { kind: 'staff' } },
    { key: 'type', header: 'Type', required: true, type: term(MEETING_TYPES) },
    { key: 'grades', header: 'Grades', type: text },
    { key: 'needs', header: 'Needs', type: text },
    { key: 'options', header: 'Options', type: text },
    { key: 'aspirations', header: 'Aspirations', type: text },
    { key: 'motivation', header: 'Motivation', type: text },
    { key: 'notes', header: 'Notes', type: text },
    { key: 'shared', header: 'Shared with parents', aliases: ['Shared'], type: { kind: 'dateOrYesNo' } },
    { key: 'nextMeeting', header: 'Next meeting', type: date },
    // records.md: a meeting staff chose not to share (left out of the pupil's and the transition record).
    { key: 'staffOnly', header: 'Staff only', aliases: ['Private', 'Confidential'], type: yesno },
  ],
};

export const ACTIONS_TAB: TabSpec = {
  name: 'Actions',
  columns: [
    { key: 'pupil', header: 'Pupil ID', required: true, type: { kind: 'pupil' } },
    { key: 'action', header: 'Action', required: true, type: text },
    { key: 'due', header: 'Due', required: true, type: date },
    { key: 'owner', header: 'Owner', type: { kind: 'staff', orPupil: true } },
    { key: 'status', header: 'Status', type: term(ACTION_STATUSES) },
    { key: 'doneOn', header: 'Done on', type: date },
    { key: 'created', header: 'Created', type: date },
  ],
};

export const ACTIVITIES_TAB: TabSpec = {
  name: 'Activities',
  columns: [
    { key: 'date', header: 'Date', required: true, type: date },
    { key: 'title', header: 'Activity', aliases: ['Event', 'Title'], required: true, type: text },
    { key: 'type', header: 'Type', required: true, type: term(ACTIVITY_TYPES) },
    { key: 'provider', header: 'Provider', aliases: ['Employer', 'Organisation'], type: text },
    { key: 'yearGroups', header: 'Year groups', aliases: ['Years'], type: { kind: 'yearGroups' } },
    { key: 'pupils', header: 'Pupils', aliases: ['Pupil IDs', 'Attendees'], type: { kind: 'pupils' } },
    { key: 'providerAccess', header: 'Provider access', aliases: ['PAL'], type: yesno },
    { key: 'benchmarks', header: 'Benchmarks', aliases: ['BM'], type: { kind: 'benchmarks' } },
    { key: 'evidence', header: 'Evidence', aliases: ['Link'], type: { kind: 'url' } },
    { key: 'forms', header: 'Forms', aliases: ['Tutor groups', 'Form groups', 'Classes'], type: { kind: 'list' } },
    { key: 'absent', header: 'Absent', aliases: ['Absentees', 'Did not attend'], type: { kind: 'pupils' } },
  ],
};

export const DESTINATIONS_TAB: TabSpec = {
  name: 'Destinations',
  columns: [
    { key: 'pupil', header: 'Pupil ID', required: true, type: { kind: 'pupil' } },
    { key: 'checked', header: 'Checked', aliases: ['Date', 'Check date'], required: true, type: date },
    { key: 'status', header: 'Status', required: true, type: term(DESTINATION_STATUSES) },
    { key: 'provider', header: 'Provider', type: text },
    { key: 'course', header: 'Course or role', aliases: ['Course', 'Role'], type: text },
    { key: 'notes', header: 'Notes', type: text },
    { key: 'nccis', header: 'NCCIS code', aliases: ['Code', 'Activity code'], type: text },
  ],
};

export const AUDIT_TAB: TabSpec = {
  name: 'Audit',
  columns: [
    { key: 'benchmark', header: 'Benchmark', aliases: ['BM'], required: true, type: { kind: 'benchmark' } },
    { key: 'criterion', header: 'Criterion', aliases: ['Question', 'Statement'], required: true, type: text },
    { key: 'rating', header: 'Rating', type: term(AUDIT_RATINGS) },
    { key: 'evidence', header: 'Evidence', type: { kind: 'textOrUrl' } },
    { key: 'owner', header: 'Owner', type: { kind: 'staff' } },
    { key: 'reviewed', header: 'Reviewed', type: date },
    // The action plan (programme.md)
    { key: 'action', header: 'Action', aliases: ['Next step'], type: text },
    { key: 'cost', header: 'Cost', type: text },
    { key: 'deadline', header: 'Deadline', type: date },
    { key: 'success', header: 'Success criteria', type: text },
  ],
};

export const PROGRAMME_STATUSES: Term[] = [
  { value: 'Planned' },
  { value: 'In progress' },
  { value: 'Done', aliases: ['Actioned', 'Complete'] },
  { value: 'Dropped', aliases: ['Cancelled'] },
];
export type ProgrammeStatus = 'Planned' | 'In progress' | 'Done' | 'Dropped';

/** The careers calendar (programme.md). */
export const PROGRAMME_TAB: TabSpec = {
  name: 'Programme',
  columns: [
    { key: 'action', header: 'Action', aliases: ['Task'], required: true, type: text },
    { key: 'due', header: 'Due', aliases: ['Deadline', 'By'], required: true, type: date },
    { key: 'term', header: 'Term', aliases: ['Half term'], type: text },
    { key: 'owner', header: 'Owner', aliases: ['Lead', 'Who'], type: { kind: 'staffList' } },
    { key: 'benchmarks', header: 'Benchmarks', aliases: ['BM'], type: { kind: 'benchmarks' } },
    { key: 'status', header: 'Status', type: term(PROGRAMME_STATUSES) },
    { key: 'doneOn', header: 'Done on', type: date },
    { key: 'evidence', header: 'Evidence', type: { kind: 'textOrUrl' } },
    { key: 'review', header: 'Review', aliases: ['Notes', 'Impact'], type: text },
  ],
};

/** Checklists such as the county's annual careers plan (programme.md). */
export const CHECKLISTS_TAB: TabSpec = {
  name: 'Checklists',
  columns: [
    { key: 'checklist', header: 'Checklist', required: true, type: text },
    { key: 'item', header: 'Item', required: true, type: text },
    { key: 'done', header: 'Done', type: yesno },
    { key: 'evidence', header: 'Evidence', type: { kind: 'textOrUrl' } },
    { key: 'notes', header: 'Notes', type: text },
  ],
};

export const VACANCIES_TAB: TabSpec = {
  name: 'Vacancies',
  columns: [
    { key: 'title', header: 'Title', required: true, type: text },
    { key: 'employer', header: 'Employer', required: true, type: text },
    { key: 'location', header: 'Location', aliases: ['Town', 'Area'], type: text },
    { key: 'level', header: 'Level', type: text },
    { key: 'wage', header: 'Wage', type: text },
    { key: 'closing', header: 'Closing date', aliases: ['Closes'], required: true, type: date },
    { key: 'link', header: 'Link', aliases: ['URL'], required: true, type: { kind: 'url' } },
    { key: 'posted', header: 'Posted', aliases: ['Added'], type: date },
    { key: 'reference', header: 'Reference', aliases: ['Ref'], unique: true, type: text },
    { key: 'source', header: 'Source', type: text },
    { key: 'starts', header: 'Starts', aliases: ['Start date'], type: date },
    { key: 'hours', header: 'Hours', aliases: ['Hours per week'], type: { kind: 'number', min: 0, max: 168 } },
    { key: 'distance', header: 'Distance', aliases: ['Miles'], type: { kind: 'number', min: 0, max: 1000 } },
  ],
};

export const LOG_TAB: TabSpec = {
  name: 'Log',
  columns: [
    { key: 'time', header: 'Time', type: text },
    { key: 'job', header: 'Job', type: text },
    { key: 'outcome', header: 'Outcome', type: text },
    { key: 'details', header: 'Details', type: text },
    { key: 'recipient', header: 'Recipient', type: text },
    { key: 'week', header: 'Week', type: text },
  ],
};

/** The user's tabs, in the order setup creates them. */
export const INPUT_TABS: TabSpec[] = [
  SETTINGS_TAB, STAFF_TAB, PUPILS_TAB, MEETINGS_TAB, ACTIONS_TAB, ACTIVITIES_TAB,
  DESTINATIONS_TAB, AUDIT_TAB, VACANCIES_TAB, LOG_TAB, PROGRAMME_TAB, CHECKLISTS_TAB,
];

export const OUTPUT_TABS = ['Scores', 'Coverage', 'Unplaced', 'September Guarantee', 'Evidence', 'Problems', 'Leavers'] as const;
export type OutputTabName = (typeof OUTPUT_TABS)[number];

/**
 * Header matching ignores case, surrounding and repeated spaces and a trailing `?`, `*` or `:`;
 * `_` and `-` count as spaces, and `%` may stand alone or in brackets (`Attendance (%)`).
 */
export function normaliseHeader(text: string): string {
  return String(text).trim().replace(/[?*:]+$/, '').replace(/[_-]/g, ' ').replace(/\(\s*%\s*\)/g, '%')
    .replace(/%/g, ' % ').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Vocabulary matching: case-insensitive, spaces folded. */
export function normaliseTerm(text: string): string {
  return String(text).trim().replace(/\s+/g, ' ').toLowerCase();
}

const TERM_INDEX = new WeakMap<Term[], Map<string, Term>>();

/** The term a text names (its value or an alias); each vocabulary is indexed once, not per cell. */
export function findTerm<T extends Term>(terms: T[], text: string): T | undefined {
  let index = TERM_INDEX.get(terms);
  if (!index) {
    index = new Map();
    for (const t of terms) {
      for (const name of [t.value, ...(t.aliases ?? [])]) {
        const k = normaliseTerm(name);
        if (!index.has(k)) index.set(k, t);
      }
    }
    TERM_INDEX.set(terms, index);
  }
  return index.get(normaliseTerm(text)) as T | undefined;
}

/** The names a column is known by, in the order that wins when two headers match it. */
export function columnNames(spec: ColumnSpec): string[] {
  return [...(spec.preferred ?? []), spec.header, ...(spec.aliases ?? [])];
}

export function tabSpec(name: string): TabSpec | undefined {
  return INPUT_TABS.find((t) => t.name === name);
}
