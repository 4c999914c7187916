/**
 * A small tracker for the records' tests: Ruby (R001) and four classmates who share an activity,
 * a Staff only meeting, a note that names a classmate, a leaver with destinations, Log lines.
 */
import type { CellValue, DayCell } from '../../src/ports';
import { INPUT_TABS } from '../../src/domain/schema';
import type { Tabs } from '../support/synthetic';

export const TODAY = '2026-03-02';
const d = (day: string): DayCell => ({ day });
type Row = Record<string, CellValue>;

export const STAFF = {
  leader: 'js@school.example', fr: 'fr@school.example', lg: 'lg@school.example', adviser: 'mh@school.example', admin: 'pt@school.example',
};

export const RUBY = { id: 'R001', name: 'Ruby Reed', email: 'ruby.reed@pupils.example' };
/** the four classmates on Ruby's shared activity */
export const OTHERS = [
  { id: 'R002', name: 'Sam Stone', email: 'sam.stone@pupils.example' },
  { id: 'R003', name: 'Tia Todd', email: 'tia@pupils.example' },
  { id: 'R004', name: 'Uma Underwood', email: 'uma@pupils.example' },
  { id: 'R005', name: 'Vic Vance', email: 'vic@pupils.example' },
];
export const STAFF_ONLY_NOTE = 'Disclosure passed to the DSL';

export function grid(tab: string, rows: Row[], extra: string[] = []): CellValue[][] {
  const headers = [...INPUT_TABS.find((t) => t.name === tab)!.columns.map((c) => c.header), ...extra];
  return [headers, ...rows.map((r) => headers.map((h) => r[h] ?? ''))];
}

export function pupilRows(extra: Row[] = []): Row[] {
  return [
    { 'Pupil ID': RUBY.id, Name: RUBY.name, Year: 11, Form: '11R', Mentor: 'FR', Email: RUBY.email, 'Consent to share': 'Yes', 'Plan A': 'A levels at Oakfield Sixth Form', 'Plan B': 'Level 3 business at college', 'Application status': 'Offer', Provider: 'Oakfield Sixth Form', Course: 'A levels: maths, economics', 'Date of birth': d('2010-05-14') },
    { 'Pupil ID': 'R002', Name: 'Sam Stone', Year: 11, Form: '11R', Mentor: 'LG', Email: OTHERS[0].email, 'Consent to share': 'Yes', 'Plan A': 'Apprenticeship' },
    { 'Pupil ID': 'R003', Name: 'Tia Todd', Year: 11, Form: '11R', Mentor: 'LG', Email: OTHERS[1].email },
    { 'Pupil ID': 'R004', Name: 'Uma Underwood', Year: 11, Form: '11S', Mentor: 'FR', Email: OTHERS[2].email, 'Consent to share': 'No' },
    { 'Pupil ID': 'R005', Name: 'Vic Vance', Year: 10, Form: '10S', Email: OTHERS[3].email },
    { 'Pupil ID': 'L001', Name: 'Wyn Walker', 'Leaver year': 2025, Mentor: 'FR', Email: 'wyn@pupils.example' },
    ...extra,
  ];
}

export function meetingRows(): Row[] {
  return [
    { Date: d('2025-10-01'), 'Pupil ID': 'R001', Staff: 'FR', Type: 'Careers support', Grades: 'Maths 7, English 6', Needs: 'Extra time in exams', Options: 'Maths, Economics', Aspirations: 'Accountancy', Motivation: 'Her aunt\'s business', Notes: 'Went to the open evening with Sam Stone (R002)', 'Next meeting': d('2025-11-05') },
    { Date: d('2025-11-05'), 'Pupil ID': 'R001', Staff: 'FR', Type: 'Mentoring', Notes: STAFF_ONLY_NOTE, 'Staff only': 'Yes' },
    { Date: d('2026-01-15'), 'Pupil ID': 'R001', Staff: 'MH', Type: 'Guidance', Aspirations: 'Accountancy degree apprenticeship', Notes: 'Talked through routes' },
    { Date: d('2026-01-20'), 'Pupil ID': 'R002', Staff: 'LG', Type: 'Mentoring', Notes: 'Sam: private note about Sam' },
    { Date: d('2026-01-22'), 'Pupil ID': 'L001', Staff: 'FR', Type: 'Mentoring', Notes: 'Leaver call' },
  ];
}

export function recordTabs(o: { pupils?: Row[]; meetings?: Row[] } = {}): Tabs {
  return {
    Settings: [['Setting', 'Value'], ['School name', 'Oakfield Test School'], ['Careers leader email', STAFF.leader]],
    Staff: grid('Staff', [
      { Initials: 'JS', Name: 'Jo Smith', Email: STAFF.leader, Role: 'Careers leader', 'Level 6': 'No' },
      { Initials: 'FR', Name: 'Fiona Reed', Email: STAFF.fr, Role: 'Mentor', 'Level 6': 'No' },
      { Initials: 'LG', Name: 'Lee Green', Email: STAFF.lg, Role: 'Mentor, Form tutor', 'Level 6': 'No' },
      { Initials: 'MH', Name: 'Mandy Hill', Email: STAFF.adviser, Role: 'Careers adviser', 'Level 6': 'Yes' },
      { Initials: 'PT', Name: 'Pat Taylor', Email: STAFF.admin, Role: 'Admin', 'Level 6': 'No' },
    ]),
    Pupils: grid('Pupils', o.pupils ?? pupilRows()),
    Meetings: grid('Meetings', o.meetings ?? meetingRows()),
    Actions: grid('Actions', [
      { 'Pupil ID': 'R001', Action: 'Draft personal statement', Due: d('2026-03-20'), Owner: 'Pupil', Status: 'Open', Created: d('2026-01-15') },
      { 'Pupil ID': 'R001', Action: 'Book open evening', Due: d('2025-10-20'), Owner: 'FR', Status: 'Done', 'Done on': d('2025-10-18') },
      { 'Pupil ID': 'R002', Action: 'Sam action: find apprenticeships', Due: d('2026-03-01'), Owner: 'Pupil', Status: 'Open' },
    ]),
    Activities: grid('Activities', [
      { Date: d('2025-11-20'), Activity: 'Visit to Kent Accountants', Type: 'Workplace experience', Provider: 'Kent Accountants LLP', Pupils: 'R001, R002\nR003; R004/R005' },
      { Date: d('2026-02-03'), Activity: 'Year 11 careers fair', Type: 'Employer encounter', Provider: '20 employers', 'Year groups': '11' },
      { Date: d('2026-02-10'), Activity: 'Motor vehicle taster', Type: 'Technical provider', Provider: 'Garage Training', Pupils: 'R002' },
    ]),
    Destinations: grid('Destinations', [
      { 'Pupil ID': 'L001', Checked: d('2025-10-01'), Status: 'Apprenticeship', Provider: 'Kent Rail', 'Course or role': 'Engineering' },
    ]),
    Log: grid('Log', [
      { Time: '2026-02-23 07:00', Job: 'bulletin', Outcome: 'sent', Recipient: RUBY.email, Week: '2026-W09' },
      { Time: '2026-02-23 07:00', Job: 'bulletin', Outcome: 'sent', Recipient: OTHERS[0].email, Week: '2026-W09' },
      { Time: '2026-02-23 07:05', Job: 'score', Outcome: 'ok', Details: '3 benchmarks achieved' },
    ]),
    Unplaced: [
      ['Unplaced Year 11s', 'Generated', d('2026-03-01')],
      [],
      ['Pupil ID', 'Name', 'Level', 'Reasons'],
      ['R001', 'Ruby Reed', 'amber', 'No accepted offer'],
      ['R002', 'Sam Stone', 'red', 'No application'],
    ],
  };
}

/** The tabs as an in-memory .xlsx workbook. */
export { workbookOf as workbookFrom } from '../support/workbook';

