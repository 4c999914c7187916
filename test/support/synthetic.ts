/**
 * A synthetic tracker of any size, for scale tests and the bench: N pupils on roll (a fifth in
 * each of Years 7–11), leavers, staff, meetings, actions, a year of activities (year-group and
 * named-pupil attendance), destinations, audit rows and vacancies. Deterministic.
 */
import type { CellValue, DayCell } from '../../src/ports';
import { addDays } from '../../src/domain/calendar';
import { INPUT_TABS } from '../../src/domain/schema';
import { SETTING_SPECS } from '../../src/domain/settings';
import { DEFAULT_AUDIT_CRITERIA } from '../../src/domain/benchmarks';
import { mulberry32 } from '../../sample/random';

export type Tabs = Record<string, CellValue[][]>;

export interface SyntheticOptions {
  pupils: number;
  activities?: number;
  leaversPerYear?: number;
  vacancies?: number;
  /** the run date the data is built around */
  today?: string;
}

const rng = mulberry32;

const d = (day: string): DayCell => ({ day });
const header = (name: string) => INPUT_TABS.find((t) => t.name === name)!.columns.map((c) => c.header);

export function syntheticTracker(o: SyntheticOptions): Tabs {
  const today = o.today ?? '2026-03-02';
  const random = rng(o.pupils * 31 + (o.activities ?? 60));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const staffInitials = ['CL', 'M1', 'M2', 'M3', 'M4', 'AD', 'CA'];
  const tabs: Tabs = {};
  tabs.Settings = [['Setting', 'Value'], ...SETTING_SPECS.map((s) => [s.label, s.key === 'schoolName' ? 'Synthetic School' : s.key === 'careersLeaderEmail' ? 'cl@school.example' : s.defaultText])];
  tabs.Staff = [
    header('Staff'),
    ['CL', 'Casey Leader', 'cl@school.example', 'Careers leader, Mentor', 'No'],
    ['M1', 'Morgan One', 'm1@school.example', 'Mentor', 'No'],
    ['M2', 'Morgan Two', 'm2@school.example', 'Mentor, Form tutor', 'No'],
    ['M3', 'Morgan Three', 'm3@school.example', 'Mentor', 'No'],
    ['M4', 'Morgan Four', 'm4@school.example', 'Mentor', 'No'],
    ['AD', 'Alex Admin', 'ad@school.example', 'Admin', 'No'],
    ['CA', 'Chris Adviser', 'ca@school.example', 'Careers adviser', 'Yes'],
  ];
  const statuses = ['', 'Not started', 'Researching', 'Applied', 'Interview', 'Offer', 'Accepted', 'Rejected', 'Withdrawn'];
  const pupils: CellValue[][] = [header('Pupils')];
  const ids: string[] = [];
  const y11: string[] = [];
  for (let i = 0; i < o.pupils; i++) {
    const year = 7 + (i % 5);
    const id = `P${String(i).padStart(6, '0')}`;
    ids.push(id);
    if (year === 11) y11.push(id);
    pupils.push([
      id, `Pupil ${i}`, year, `${year}A`, year === 11 ? pick(staffInitials.slice(0, 5)) : '', '', pick(['None', 'None', 'SEN support', 'EHCP']),
      random() < 0.05 ? 'Yes' : 'No', random() < 0.3 ? 'Yes' : 'No', Math.round(80 + random() * 20),
      `pupil${i}@pupils.example`, '', 'Yes', random() < 0.8 ? 'Yes' : 'No', 'College', random() < 0.7 ? 'Sixth form' : '',
      year === 11 ? pick(statuses) : '', '', '',
    ]);
  }
  const leavers: string[] = [];
  const perYear = o.leaversPerYear ?? Math.max(5, Math.round(o.pupils / 5));
  for (const leaverYear of [2023, 2024, 2025]) {
    for (let j = 0; j < perYear; j++) {
      const id = `L${leaverYear}${String(j).padStart(5, '0')}`;
      leavers.push(id);
      pupils.push([id, `Leaver ${leaverYear}-${j}`, '', '', '', leaverYear, 'None', 'No', 'No', '', `leaver${leaverYear}.${j}@example.com`, '', 'Yes', '', '', '', '', '', '']);
    }
  }
  tabs.Pupils = pupils;

  const meetings: CellValue[][] = [header('Meetings')];
  const actions: CellValue[][] = [header('Actions')];
  for (const id of y11) {
    meetings.push([d(addDays(today, -Math.floor(random() * 150))), id, pick(staffInitials.slice(0, 5)), 'Careers support', 'Grades', 'Needs', 'Options', 'Aspirations', 'Motivation', 'Notes', 'Yes', d(addDays(today, 14))]);
    meetings.push([d(addDays(today, -Math.floor(random() * 60))), id, 'CA', 'Guidance', '', '', '', '', '', 'Guidance', '', '']);
    actions.push([id, 'Complete college application', d(addDays(today, Math.floor(random() * 60) - 30)), 'Pupil', pick(['Open', 'Done']), '', d(addDays(today, -40))]);
  }
  tabs.Meetings = meetings;
  tabs.Actions = actions;

  const types = ['Careers information', 'Curriculum link', 'Employer encounter', 'Workplace experience', 'Further education', 'Higher education', 'Technical provider'];
  const activities: CellValue[][] = [header('Activities')];
  const count = o.activities ?? 60;
  for (let k = 0; k < count; k++) {
    const date = addDays('2025-09-03', Math.floor((k / count) * 178));
    const byYear = k % 3 !== 0;
    const named = byYear ? '' : Array.from({ length: 20 }, () => pick(ids)).join(', ');
    activities.push([d(date), `Activity ${k}`, types[k % types.length], `Provider ${k}`, byYear ? `Y${7 + (k % 5)}, Y${7 + ((k + 2) % 5)}` : '', named, '', '', k % 4 === 0 ? '' : `https://example.com/evidence/${k}`]);
  }
  tabs.Activities = activities;

  const destinations: CellValue[][] = [header('Destinations')];
  for (const id of leavers) destinations.push([id, d(addDays(today, -Math.floor(random() * 500))), pick(['Sixth form', 'Further education', 'Apprenticeship', 'NEET', 'Not known']), '', '', '']);
  tabs.Destinations = destinations;

  const audit: CellValue[][] = [header('Audit')];
  for (const [bm, criteria] of Object.entries(DEFAULT_AUDIT_CRITERIA)) for (const c of criteria) audit.push([Number(bm), c, pick(['Achieved', 'Partially achieved', 'Not achieved', '', 'N/A']), '', 'CL', '']);
  tabs.Audit = audit;

  const vacancies: CellValue[][] = [header('Vacancies')];
  for (let v = 0; v < (o.vacancies ?? 12); v++) {
    vacancies.push([`Apprentice ${v}`, `Employer ${v}`, 'Canterbury', 'Advanced', '£7.55 an hour', d(addDays(today, v * 3 - 5)), `https://example.com/vacancy/${v}`, d(addDays(today, -v)), `REF${v}`, 'Manual']);
  }
  tabs.Vacancies = vacancies;
  tabs.Log = [header('Log')];
  return tabs;
}

/** The tabs as Apps Script would hold them: date cells become Dates at local midnight in Europe/London. */
export function toSheetValues(grid: CellValue[][], timeZone = 'Europe/London'): unknown[][] {
  return grid.map((row) => row.map((c) => (typeof c === 'object' ? londonMidnight(c.day, timeZone) : c)));
}

function londonMidnight(day: string, timeZone: string): Date {
  const [y, m, dd] = day.split('-').map(Number);
  const noon = new Date(Date.UTC(y, m - 1, dd, 12));
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(noon));
  return new Date(Date.UTC(y, m - 1, dd) - (hour - 12) * 3_600_000);
}
