/**
 * A small tracker for the mentor log's tests: a careers leader, two mentors, a Level 6 careers
 * adviser, an admin; five pupils on roll (one with a name that is HTML), a leaver; a few
 * meetings and actions. Rows are written by header name, so column order is the schema's.
 */
import * as fs from 'node:fs';
import type { CellValue, DayCell } from '../../src/ports';
import { INPUT_TABS } from '../../src/domain/schema';
import { workbookOf } from '../support/workbook';
import type { Tabs } from '../support/synthetic';

export const TODAY = '2026-03-02';
export const XSS_NAME = '<img src=x onerror=alert(1)>';
export const d = (day: string): DayCell => ({ day });

export const STAFF = {
  leader: 'js@school.example',
  fr: 'fr@school.example',
  lg: 'lg@school.example',
  adviser: 'mh@school.example',
  admin: 'pt@school.example',
  stranger: 'visitor@school.example',
};

type Row = Record<string, CellValue>;

function grid(tab: string, rows: Row[]): CellValue[][] {
  const headers = INPUT_TABS.find((t) => t.name === tab)!.columns.map((c) => c.header);
  return [headers, ...rows.map((r) => headers.map((h) => r[h] ?? ''))];
}

export interface FixtureOptions {
  pupils?: Row[];
  meetings?: Row[];
  actions?: Row[];
  /** leave these columns out of Pupils */
  withoutPupilColumns?: string[];
  /** more Staff rows (form tutors) */
  extraStaff?: Row[];
  /** an Activities tab with these rows */
  activities?: Row[];
}

/** Form tutors for the Log an activity tests: one tutors 11B, one has no Form. */
export const TUTORS = { kt: 'kt@school.example', nf: 'nf@school.example' };
export const TUTOR_STAFF: Row[] = [
  { Initials: 'KT', Name: 'Kim Tutor', Email: TUTORS.kt, Role: 'Form tutor', Form: '11B' },
  { Initials: 'NF', Name: 'Nat Formless', Email: TUTORS.nf, Role: 'Form tutor' },
];

export const PUPILS: Row[] = [
  { 'Pupil ID': 'P001', Name: 'Amy Ash', Year: 11, Form: '11A', Mentor: 'FR', Attendance: 95, 'Platform login': 'Yes', 'Plan A': 'College: health and social care', 'Application status': 'Applied' },
  { 'Pupil ID': 'P002', Name: 'Ben Booth', Year: 11, Form: '11A', Mentor: 'FR', Attendance: 97, 'Platform login': 'Yes', 'Plan A': 'Apprenticeship: motor vehicle', 'Plan B': 'College: engineering', 'Application status': 'Accepted' },
  { 'Pupil ID': 'P003', Name: XSS_NAME, Year: 11, Form: '11B', Mentor: 'FR', Attendance: 82, 'Application status': 'Rejected' },
  { 'Pupil ID': 'P004', Name: 'Cara Cole', Year: 11, Form: '11B', Mentor: 'LG', Attendance: 93, 'Platform login': 'Yes', 'Plan A': 'Sixth form', 'Plan B': 'College', 'Application status': 'Offer' },
  { 'Pupil ID': 'P005', Name: 'Dan Dale', Year: 10, Form: '10A', Attendance: 91 },
  { 'Pupil ID': 'L001', Name: 'Eve Early', 'Leaver year': 2025, Mentor: 'FR' },
];

export const MEETINGS: Row[] = [
  { Date: d('2025-10-01'), 'Pupil ID': 'P001', Staff: 'FR', Type: 'Careers support', Grades: '5s and 6s', Needs: 'Exam anxiety', Options: 'Health, Child development', Aspirations: 'Nursing', Motivation: 'Helping people', Notes: 'Keen', 'Shared with parents': 'Yes', 'Next meeting': d('2025-11-12') },
  { Date: d('2026-01-20'), 'Pupil ID': 'P001', Staff: 'MH', Type: 'Guidance', Notes: 'Applied to MidKent College' },
  { Date: d('2026-02-16'), 'Pupil ID': 'P004', Staff: 'LG', Type: 'Mentoring', Notes: 'Offer from sixth form' },
];

export const ACTIONS: Row[] = [
  { 'Pupil ID': 'P001', Action: 'Research college courses', Due: d('2026-02-01'), Owner: 'Pupil', Status: 'Open', Created: d('2025-10-01') },
  { 'Pupil ID': 'P001', Action: 'Write CV', Due: d('2026-03-20'), Owner: 'Pupil', Status: 'Open', Created: d('2026-01-20') },
  { 'Pupil ID': 'P002', Action: 'Accept the offer', Due: d('2026-02-10'), Owner: 'Pupil', Status: 'Done', 'Done on': d('2026-02-09'), Created: d('2025-12-01') },
];

export function mentorLogTabs(o: FixtureOptions = {}): Tabs {
  const tabs: Tabs = {
    Settings: [['Setting', 'Value'], ['School name', 'Oakfield Test School'], ['Careers leader email', STAFF.leader]],
    Staff: grid('Staff', [
      { Initials: 'JS', Name: 'Jo Smith', Email: STAFF.leader, Role: 'Careers leader', 'Level 6': 'No' },
      { Initials: 'FR', Name: 'Fiona Reed', Email: STAFF.fr, Role: 'Mentor', 'Level 6': 'No' },
      { Initials: 'LG', Name: 'Lee Green', Email: STAFF.lg, Role: 'Mentor, Form tutor', 'Level 6': 'No' },
      { Initials: 'MH', Name: 'Mandy Hill', Email: STAFF.adviser, Role: 'Careers adviser', 'Level 6': 'Yes' },
      { Initials: 'PT', Name: 'Pat Taylor', Email: STAFF.admin, Role: 'Admin', 'Level 6': 'No' },
      ...(o.extraStaff ?? []),
    ]),
    Pupils: grid('Pupils', o.pupils ?? PUPILS),
    Meetings: grid('Meetings', o.meetings ?? MEETINGS),
    Actions: grid('Actions', o.actions ?? ACTIONS),
  };
  if (o.activities) tabs.Activities = grid('Activities', o.activities);
  if (o.withoutPupilColumns?.length) {
    const drop = new Set(o.withoutPupilColumns);
    const keep = tabs.Pupils[0].map((h, i) => (drop.has(String(h)) ? -1 : i)).filter((i) => i >= 0);
    tabs.Pupils = tabs.Pupils.map((r) => keep.map((i) => r[i]));
  }
  return tabs;
}

export { workbookOf };

/** Writes the fixture as an .xlsx file, for the preview. */
export async function writeFixture(file: string, o: FixtureOptions = {}): Promise<void> {
  fs.writeFileSync(file, await workbookOf(mentorLogTabs(o)).toBuffer());
}

/** A meeting request as the sidebar sends it, with overrides. */
export function meetingRequest(over: Record<string, unknown> = {}) {
  return {
    requestId: `req-${Math.random().toString(36).slice(2, 12)}`,
    pupilId: 'P001', type: 'Mentoring', date: TODAY, grades: '', needs: '', options: '', aspirations: '',
    motivation: '', notes: 'Talked about the application', sharedWithParents: false, nextMeeting: '',
    actions: [] as { action: string; due: string; owner: 'Pupil' | 'Me' }[],
    plan: { planA: 'College: health and social care', planB: '', status: 'Applied' },
    shown: { planA: 'College: health and social care', planB: '', status: 'Applied' },
    ...over,
  };
}
