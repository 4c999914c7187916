/**
 * Small trackers for the scoring tests, read through the real reading rules.
 */
import type { CellValue, DayCell } from '../../src/ports';
import { readTracker, type Tracker } from '../../src/domain/tracker';

export const TODAY = '2026-03-02';
export const d = (day: string): DayCell => ({ day });

export const STAFF: CellValue[][] = [
  ['Initials', 'Name', 'Email', 'Role', 'Level 6'],
  ['CL', 'Casey Leader', 'cl@school.example', 'Careers leader, Mentor', 'No'],
  ['CA', 'Chris Adviser', 'ca@school.example', 'Careers adviser', 'Yes'],
];

/** [id, year, leaverYear?, form?, SEND?, looked after?, disadvantaged?, consent to track?] */
export type PupilSpec = [string, number | '', (number | '')?, string?, string?, string?, string?, string?];

export interface Parts {
  pupils?: PupilSpec[];
  /** [date, title, type, yearGroups, pupils, providerAccess?, benchmarks?, provider?, forms?, absent?] */
  activities?: [string, string, string, string, string, string?, string?, string?, string?, string?][];
  /** [date, pupil, staff, type] */
  meetings?: [string, string, string, string][];
  /** [pupil, checked, status] */
  destinations?: [string, string, string][];
  /** [benchmark, criterion, rating] */
  audit?: [number, string, string][];
  settings?: [string, CellValue][];
}

export function makeTabs(p: Parts): Record<string, CellValue[][]> {
  return {
    Settings: [['Setting', 'Value'], ...(p.settings ?? [])],
    Staff: STAFF,
    Pupils: [
      ['Pupil ID', 'Name', 'Year', 'Form', 'Leaver year', 'SEND', 'Looked after', 'Disadvantaged', 'Consent to track'],
      ...(p.pupils ?? []).map(([id, year, left, form, send, lac, pp, consent]) => [
        id, `Name ${id}`, year, form ?? (year === '' ? '' : `${year}X`), left ?? '', send ?? '', lac ?? '', pp ?? '', consent ?? '',
      ]),
    ],
    Activities: [
      ['Date', 'Activity', 'Type', 'Year groups', 'Pupils', 'Provider access', 'Benchmarks', 'Provider', 'Forms', 'Absent'],
      ...(p.activities ?? []).map(([date, title, type, years, pupils, pa, bm, provider, forms, absent]) => [
        d(date), title, type, years, pupils, pa ?? '', bm ?? '', provider ?? '', forms ?? '', absent ?? '',
      ]),
    ],
    Meetings: [['Date', 'Pupil ID', 'Staff', 'Type'], ...(p.meetings ?? []).map(([date, pupil, staff, type]) => [d(date), pupil, staff, type])],
    Destinations: [['Pupil ID', 'Checked', 'Status'], ...(p.destinations ?? []).map(([pupil, checked, status]) => [pupil, d(checked), status])],
    Audit: [['Benchmark', 'Criterion', 'Rating'], ...(p.audit ?? [])],
  };
}

export function makeTracker(p: Parts): Tracker {
  const t = readTracker(makeTabs(p));
  if (t.problems.length > 0) throw new Error(`test tracker has problems: ${JSON.stringify(t.problems)}`);
  return t;
}

/** n pupils on roll in a year group, ids `${prefix}1..n` */
export function yearGroup(prefix: string, year: number, n: number): PupilSpec[] {
  return Array.from({ length: n }, (_, i) => [`${prefix}${i + 1}`, year] as PupilSpec);
}
