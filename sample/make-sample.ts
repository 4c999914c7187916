/**
 * Makes the bundled sample: a careers tracker for a fictional school, Oakfield Academy, as of
 * Monday 2 March 2026, and its Drive-like folder of benchmark evidence.
 *
 *   sample/tracker.xlsx          the workbook (tabs and columns as in spec/tracker.md)
 *   sample/evidence/             benchmark evidence folders, as on the school's Drive
 *   sample/evidence-dates.json   each evidence file's intended "last updated" day (git keeps no mtimes)
 *   sample/README.md             what the sample holds, its deliberate problems and what the jobs should find
 *
 * Deterministic: one seeded PRNG (mulberry32), every date fixed; no Math.random, no clock.
 * Run: npx tsx sample/make-sample.ts
 *
 * Everyone in here is fictional. Staff addresses use the reserved domain example.sch.uk, pupils
 * pupils.example.sch.uk, leavers' personal addresses example.com.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { addRecordsSample } from './records';
import { addDestinationsSample } from './destinations';
import { writeMisExport } from './pupils-import';
import { addProgramme, programmeReadme } from './programme';
import { mulberry32 } from './random';

const SAMPLE_DIR = __dirname;
const TODAY = '2026-03-02';
const YEAR_START = '2025-09-01';
const FIXED_TIME = new Date(Date.UTC(2026, 2, 2, 8, 0, 0));
const SEED = 20260302;

// ---------------------------------------------------------------------------------------------
// PRNG and small helpers
// ---------------------------------------------------------------------------------------------


const rand = mulberry32(SEED);
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const chance = (p: number): boolean => rand() < p;
function shuffle<T>(xs: readonly T[]): T[] {
  const a = xs.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}

// ---------------------------------------------------------------------------------------------
// Calendar days as ISO strings
// ---------------------------------------------------------------------------------------------

type Day = string;
const DAY_MS = 86_400_000;
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const toMs = (d: Day): number => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));
const fromMs = (ms: number): Day => {
  const x = new Date(ms);
  return `${x.getUTCFullYear()}-${pad2(x.getUTCMonth() + 1)}-${pad2(x.getUTCDate())}`;
};
const addDays = (d: Day, n: number): Day => fromMs(toMs(d) + n * DAY_MS);
const daysBetween = (a: Day, b: Day): number => Math.round((toMs(b) - toMs(a)) / DAY_MS);
/** 1 = Monday … 7 = Sunday */
const weekday = (d: Day): number => {
  const w = new Date(toMs(d)).getUTCDay();
  return w === 0 ? 7 : w;
};
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const longDay = (d: Day): string => `${+d.slice(8, 10)} ${MONTHS[+d.slice(5, 7) - 1]} ${d.slice(0, 4)}`;
const ukDay = (d: Day): string => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const maxDay = (a: Day, b: Day): Day => (a > b ? a : b);
/** Calendar year in which the academic year containing d started. */
const ayStart = (d: Day): number => (+d.slice(5, 7) >= 9 ? +d.slice(0, 4) : +d.slice(0, 4) - 1);

/** Kent-style term dates (half terms and holidays excluded). */
const TERMS: Array<[Day, Day]> = [
  ['2024-09-04', '2024-10-25'], ['2024-11-04', '2024-12-20'],
  ['2025-01-06', '2025-02-14'], ['2025-02-24', '2025-04-04'],
  ['2025-04-22', '2025-05-23'], ['2025-06-02', '2025-07-22'],
  ['2025-09-03', '2025-10-24'], ['2025-11-03', '2025-12-19'],
  ['2026-01-05', '2026-02-13'], ['2026-02-23', '2026-03-27'],
];
const isSchoolDay = (d: Day): boolean => weekday(d) <= 5 && TERMS.some(([a, b]) => d >= a && d <= b);
function assertSchoolDay(d: Day, what: string): Day {
  if (!isSchoolDay(d)) throw new Error(`${what}: ${d} is not a school day`);
  return d;
}
/** The nearest school day on or before d. */
function schoolDayOnOrBefore(d: Day): Day {
  let x = d;
  while (!isSchoolDay(x)) x = addDays(x, -1);
  return x;
}
function randomSchoolDay(from: Day, to: Day): Day {
  for (let i = 0; i < 1000; i++) {
    const d = addDays(from, int(0, daysBetween(from, to)));
    if (isSchoolDay(d)) return d;
  }
  throw new Error(`no school day between ${from} and ${to}`);
}
function randomWeekday(from: Day, to: Day): Day {
  for (let i = 0; i < 1000; i++) {
    const d = addDays(from, int(0, daysBetween(from, to)));
    if (weekday(d) <= 5) return d;
  }
  throw new Error(`no weekday between ${from} and ${to}`);
}

// ---------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------

/** A date cell (written as a real date). */
interface DateCell {
  date: Day;
}
type Cell = string | number | DateCell | null;
const D = (d: Day | null | undefined): Cell => (d ? { date: d } : null);
const isDateCell = (c: Cell): c is DateCell => typeof c === 'object' && c !== null;

function asciiFold(s: string): string {
  return s
    .replace(/[Łł]/g, (c) => (c === 'Ł' ? 'L' : 'l'))
    .replace(/[Øø]/g, (c) => (c === 'Ø' ? 'O' : 'o'))
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]/g, '');
}

/** A deliberate data problem, documented in the README. */
interface Problem {
  tab: string;
  row: number;
  column: string;
  value: string;
  why: string;
}
const problems: Problem[] = [];

// ---------------------------------------------------------------------------------------------
// Staff
// ---------------------------------------------------------------------------------------------

interface Staff {
  initials: string;
  name: string;
  role: string;
  level6: string;
}
const STAFF: Staff[] = [
  { initials: 'HO', name: 'Hannah Okafor', role: 'Careers leader, Mentor', level6: '' },
  { initials: 'DP', name: 'Daniel Price', role: 'Mentor, Form tutor', level6: '' },
  { initials: 'AK', name: 'Amrit Kaur', role: 'Mentor, Form tutor', level6: '' },
  { initials: 'MW', name: 'Megan Walsh', role: 'Mentor', level6: '' },
  { initials: 'TB', name: 'Tom Brennan', role: 'Mentor, Form tutor', level6: '' },
  { initials: 'SN', name: 'Sadia Nawaz', role: 'Mentor', level6: '' },
  { initials: 'LF', name: 'Lucy Fernandes', role: 'Mentor, Form tutor', level6: '' },
  { initials: 'RC', name: 'Rachel Coombes', role: 'Careers adviser', level6: 'Yes' },
  { initials: 'JA', name: 'Jordan Adeyemi', role: 'Careers adviser', level6: 'No' },
  { initials: 'KB', name: 'Karen Blake', role: 'Admin', level6: '' },
  { initials: 'NH', name: 'Nigel Hartley', role: 'Governor', level6: '' },
];
const staffEmail = (s: Staff): string => {
  const [first, ...rest] = s.name.split(' ');
  return `${first[0].toLowerCase()}.${asciiFold(rest.join('')).toLowerCase()}@example.sch.uk`;
};
const LEVEL6 = new Set(STAFF.filter((s) => s.level6 === 'Yes').map((s) => s.initials));
const CAREERS_LEADER = STAFF[0];

// ---------------------------------------------------------------------------------------------
// Pupils
// ---------------------------------------------------------------------------------------------

const LA_CODES = [886, 886, 886, 886, 886, 886, 887, 887, 212, 850, 316, 845];
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';
const usedUpns = new Set<string>();
/** A Unique Pupil Number: check letter, LA code, establishment number, year allocated, serial. */
function makeUpn(yearAllocated: number): string {
  for (;;) {
    const body = `${pick(LA_CODES)}${int(2000, 3999)}${pad2(yearAllocated % 100)}${String(int(1, 999)).padStart(3, '0')}`;
    let sum = 0;
    for (let i = 0; i < body.length; i++) sum += Number(body[i]) * (i + 2);
    const upn = UPN_LETTERS[sum % 23] + body;
    if (!usedUpns.has(upn)) {
      usedUpns.add(upn);
      return upn;
    }
  }
}

type Send = 'None' | 'SEN support' | 'EHCP';
type Status = '' | 'Not started' | 'Researching' | 'Applied' | 'Interview' | 'Offer' | 'Accepted' | 'Rejected' | 'Withdrawn';

interface Pupil {
  id: string;
  first: string;
  last: string;
  year: number | null;
  form: string;
  mentor: string;
  leaverYear: number | null;
  send: Send;
  lac: boolean;
  pp: boolean;
  attendance: number | string | null;
  email: string;
  bulletin: string;
  consent: string;
  login: string;
  planA: string;
  planB: string;
  /** as written in the sheet (may be a deliberate problem) */
  statusCell: string;
  provider: string;
  course: string;
}
const fullName = (p: Pupil): string => `${p.first} ${p.last}`;

/** A Year 11 pupil's design: the data, and the story the jobs should read from it. */
interface Y11 {
  n: number;
  first: string;
  last: string;
  form: string;
  mentor: string;
  send: Send;
  lac: boolean;
  pp: boolean;
  att: number | string;
  login: 'Yes' | 'No';
  consent: string;
  bulletin: string;
  planA: string;
  planB: string;
  status: string;
  provider: string;
  course: string;
  grades: string;
  needs: string;
  options: string;
  motivation: string;
  /** last Mentoring meeting (null: none) */
  mentorLast: Day | null;
  /** attended the Year 10 work experience week in October 2024 */
  wex: boolean;
}

// prettier-ignore
const Y11S: Y11[] = [
  { n: 1, first: 'Amelia', last: 'Hughes', form: '11A', mentor: 'DP', send: 'None', lac: false, pp: false, att: 96.2, login: 'Yes', consent: 'Yes', bulletin: '',
    planA: 'Nursing: Level 3 Health and Social Care at college', planB: 'Care apprenticeship with a local care home', status: 'Accepted', provider: 'Stour Valley College', course: 'Level 3 Health and Social Care (Extended Diploma)',
    grades: 'Y10: English 6, maths 5, science 5-5', needs: 'None noted; anxious before exams', options: 'Health and Social Care, Geography, Art', motivation: 'Helping people; her nan is a carer', mentorLast: '2026-02-09', wex: true },
  { n: 2, first: 'Łukasz', last: 'Nowak', form: '11A', mentor: 'AK', send: 'None', lac: false, pp: false, att: 97.8, login: 'Yes', consent: 'Yes', bulletin: 'No',
    planA: 'A levels in maths, physics and computer science, then engineering', planB: 'Level 3 engineering apprenticeship', status: 'Accepted', provider: 'Canterbury Vale Sixth Form', course: 'A levels: Maths, Physics, Computer Science',
    grades: 'Y10: English 5, maths 8, science 7-7', needs: 'EAL (Polish), fluent; no other needs', options: 'Computer Science, Geography, Polish', motivation: 'Challenge; maths competitions', mentorLast: '2025-12-10', wex: true },
  { n: 3, first: 'Siobhán', last: 'Murphy', form: '11B', mentor: 'MW', send: 'SEN support', lac: false, pp: false, att: 93.1, login: 'Yes', consent: 'Yes', bulletin: '',
    planA: 'A levels in English, history and sociology, then law', planB: 'Level 3 Business at college', status: 'Offer', provider: 'Whitstable Bay Sixth Form', course: 'A levels: English Literature, History, Sociology',
    grades: 'Y10: English 7, maths 5, science 5-4', needs: 'Dyslexia: reader and extra time in exams', options: 'History, Sociology, Drama', motivation: 'Debating; wants to be first in her family at university', mentorLast: '2026-01-26', wex: true },
  { n: 4, first: 'Tyler', last: 'Marsh', form: '11B', mentor: 'TB', send: 'SEN support', lac: false, pp: true, att: 84.5, login: 'Yes', consent: 'Yes', bulletin: '',
    planA: 'Motor vehicle apprenticeship', planB: '', status: 'Applied', provider: 'Downs Motor Vehicle Academy', course: 'Level 2 Motor Vehicle Service and Maintenance apprenticeship',
    grades: 'Y10: English 3, maths 3, science 3-3', needs: 'ADHD; struggles in afternoons; attendance plan in place', options: 'Engineering, PE, Construction', motivation: 'Cars; hands-on work; earning money', mentorLast: '2025-11-20', wex: true },
  { n: 5, first: 'Zoë', last: 'Clarke', form: '11A', mentor: 'SN', send: 'None', lac: false, pp: false, att: 95.0, login: 'Yes', consent: 'Yes', bulletin: '',
    planA: 'Hairdressing course at college', planB: 'Retail apprenticeship', status: 'Accepted', provider: 'Stour Valley College', course: 'Level 2 Hair and Beauty Studies',
    grades: 'Y10: English 5, maths 4, science 4-4', needs: 'None noted', options: 'Art, Textiles, Child Development', motivation: 'Creativity; her aunt owns a salon', mentorLast: '2026-01-28', wex: true },
  { n: 6, first: 'Mohammed', last: 'Hussain', form: '11B', mentor: 'HO', send: 'None', lac: false, pp: true, att: 95.4, login: 'Yes', consent: 'Yes', bulletin: '',
    planA: 'Rail engineering apprenticeship', planB: 'Level 3 Engineering at college', status: 'Interview', provider: 'Invicta Rail Maintenance', course: 'Level 3 Rail Engineering Technician apprenticeship',
    grades: 'Y10: English 5, maths 6, science 6-5', needs: 'Young carer for younger siblings', options: 'Engineering, Computer Science, Geography', motivation: 'Practical problem solving; family', mentorLast: '2026-02-09', wex: true },
  { n: 7, first: 'Kacper', last: 'Wiśniewski', form: '11A', mentor: 'DP', send: 'SEN support', lac: false, pp: true, att: 78.0, login: 'No', consent: 'Yes', bulletin: '',
    planA: 'Something with cars or motorbikes', planB: '', status: 'Researching', provider: '', course: '',
    grades: 'Y10: English 2, maths 3, science 2-2', needs: 'SEMH; low attendance; reduced timetable in Year 10', options: 'Construction, PE, Art', motivation: 'Motorbikes; 1:1 time with a trusted adult', mentorLast: '2026-02-26', wex: false },
  { n: 8, first: 'Grace', last: 'Thompson', form: '11B', mentor: 'LF', send: 'None', lac: false, pp: false, att: 98.1, login: 'Yes', consent: 'Yes', bulletin: '',
    planA: 'A levels in biology, chemistry and psychology', planB: 'Level 3 Applied Science at college', status: 'Accepted', provider: 'Whitstable Bay Sixth Form', course: 'A levels: Biology, Chemistry, Psychology',
    grades: 'Y10: English 7, maths 7, science 7-7', needs: 'None noted', options: 'Triple Science, Geography, French', motivation: 'Wants to be a vet or a doctor', mentorLast: '2025-11-19', wex: true },
  { n: 9, first: 'Jayden', last: 'Mensah', form: '11A', mentor: 'AK', send: 'None', lac: false, pp: true, att: 88.9, login: 'Yes', consent: 'Yes', bulletin: '',
    planA: 'Sport coaching course', planB: 'Public services course at college', status: 'Offer', provider: 'Stour Valley College', course: 'Level 2 Sport and Exercise Science',
    grades: 'Y10: English 4, maths 4, science 4-3', needs: 'Behaviour points in Year 10; responds well to sport', options: 'PE, Business, Geography', motivation: 'Football; being team captain', mentorLast: '2025-12-03', wex: true },
  { n: 10, first: 'Aisha', last: 'Begum', form: '11B', mentor: 'MW', send: 'None', lac: false, pp: false, att: 94.3, login: 'Yes', consent: 'Yes', bulletin: '',
    planA: 'A levels, then pharmacy', planB: 'Level 3 Applied Science at Stour Valley College', status: 'Applied', provider: 'Canterbury Vale Sixth Form', course: 'A levels: Chemistry, Biology, Maths',
    grades: 'Y10: English 6, maths 6, science 6-6', needs: 'None noted', options: 'Triple Science, Computer Science, Urdu', motivation: 'Family; likes clear targets', mentorLast: '2026-02-10', wex: true },
  { n: 11, first: 'Callum', last: 'Fletcher', form: '11A', mentor: 'TB', send: 'SEN support', lac: true, pp: true, att: 81.2, login: 'No', consent: '', bulletin: '',
    planA: 'Army', planB: '', status: 'Not started', provider: '', course: '',
    grades: 'Y10: English 3, maths 2, science 2-2', needs: 'SEMH; virtual school involved; see PEP', options: 'PE, Construction, Food', motivation: 'Fitness; praise in private, not in front of the class', mentorLast: '2026-01-13', wex: false },
  { n: 12, first: 'Poppy', last: 'Ward', form: '11B', mentor: 'SN', send: 'None', lac: false, pp: false, att: 92.7, login: 'Yes', consent: 'Yes', bulletin: '',
    planA: 'Childcare course at college', planB: 'Early years apprenticeship', status: 'Accepted', provider: 'Stour Valley College', course: 'Level 2 Early Years Practitioner',
    grades: 'Y10: English 5, maths 4, science 4-4', needs: 'Mild anxiety', options: 'Child Development, Art, Food', motivation: 'Loves working with children (helps at Brownies)', mentorLast: '2026-01-21', wex: true },
  { n: 13, first: 'Oluwaseun', last: 'Adebayo', form: '11A', mentor: 'LF', send: 'None', lac: false, pp: false, att: 96.5, login: 'Yes', consent: 'Yes', bulletin: '',
    planA: 'T Level in digital production, design and development', planB: 'Level 3 IT at Stour Valley College', status: 'Interview', provider: 'Swale Coast College', course: 'T Level: Digital Production, Design and Development',
    grades: 'Y10: English 5, maths 6, science 5-5', needs: 'None noted', options: 'Computer Science, Business, Music', motivation: 'Coding club; building games', mentorLast: '2026-02-23', wex: true },
  { n: 14, first: 'Ruby', last: 'Pearce', form: '11B', mentor: 'HO', send: 'EHCP', lac: false, pp: true, att: 91.0, login: 'Yes', consent: 'Yes', bulletin: '',
    planA: 'Animal care course at college', planB: '', status: 'Offer', provider: 'Swale Coast College', course: 'Level 2 Animal Care',
    grades: 'Y10: Entry Level 3 English and maths', needs: 'EHCP: speech, language and communication; visual timetable', options: 'Animal Care, Art, Food', motivation: 'Animals; helps at a riding stables at weekends', mentorLast: '2026-02-03', wex: true },
  { n: 15, first: 'Harry', last: 'Cooper', form: '11A', mentor: 'DP', send: 'None', lac: false, pp: true, att: 86.4, login: 'No', consent: 'Yes', bulletin: '',
    planA: 'Plumbing apprenticeship', planB: 'Level 1 Construction at college', status: 'Withdrawn', provider: 'Swale Coast College', course: 'Level 2 Plumbing',
    grades: 'Y10: English 4, maths 3, science 3-3', needs: 'Attendance; works weekends', options: 'Construction, PE, Business', motivation: 'Earning money; his uncle is a plumber', mentorLast: '2026-02-25', wex: true },
  { n: 16, first: 'Ellie', last: 'Robinson', form: '11B', mentor: 'AK', send: 'None', lac: false, pp: false, att: 97.2, login: 'Yes', consent: 'Yes', bulletin: 'No',
    planA: 'A levels in art, English and media', planB: 'Level 3 Art and Design at college', status: 'Accepted', provider: 'Canterbury Vale Sixth Form', course: 'A levels: Fine Art, English Language, Media Studies',
    grades: 'Y10: English 7, maths 6, science 6-6', needs: 'None noted', options: 'Art, Media Studies, History', motivation: 'Her art portfolio; exhibitions', mentorLast: '2025-12-03', wex: true },
  { n: 17, first: 'Arjun', last: 'Sharma', form: '11A', mentor: 'MW', send: 'None', lac: false, pp: false, att: 95.8, login: 'Yes', consent: 'Yes', bulletin: '',
    planA: 'A levels in maths, economics and business', planB: 'Level 3 Business at Stour Valley College', status: 'Applied', provider: 'Whitstable Bay Sixth Form', course: 'A levels: Maths, Economics, Business',
    grades: 'Y10: English 6, maths 7, science 6-6', needs: 'None noted', options: 'Business, Computer Science, Geography', motivation: 'Running his own business one day', mentorLast: '2026-01-19', wex: true },
  { n: 18, first: 'Chloé', last: 'Martin', form: '11B', mentor: 'TB', send: 'None', lac: false, pp: false, att: 94.0, login: 'Yes', consent: 'Yes', bulletin: '',
    planA: 'Art and design course at college', planB: 'A levels at Canterbury Vale Sixth Form', status: 'Offer', provider: 'Stour Valley College', course: 'Level 3 Art and Design (Extended Diploma)',
    grades: 'Y10: English 6, maths 5, science 5-5', needs: 'None noted', options: 'Art, Photography, French', motivation: 'Fashion; Instagram art account', mentorLast: '2026-01-16', wex: true },
  { n: 19, first: 'Riley', last: 'Baker', form: '11A', mentor: 'SN', send: 'SEN support', lac: false, pp: true, att: 83.7, login: 'Yes', consent: 'Yes', bulletin: '',
    planA: 'Motor vehicle apprenticeship', planB: 'Level 1 Motor Vehicle at Swale Coast College', status: 'Rejected', provider: 'Downs Motor Vehicle Academy', course: 'Level 2 Motor Vehicle apprenticeship',
    grades: 'Y10: English 3, maths 3, science 2-2', needs: 'Speech and language support; low confidence', options: 'Engineering, PE, Food', motivation: 'Go-karting with his dad', mentorLast: '2026-02-27', wex: false },
  { n: 20, first: 'Niamh', last: "O'Brien", form: '11B', mentor: 'LF', send: 'None', lac: false, pp: false, att: 93.6, login: 'Yes', consent: 'Yes', bulletin: '',
    planA: 'Teaching assistant or childcare', planB: 'Level 2 Childcare at Stour Valley College', status: 'Researching', provider: '', course: '',
    grades: 'Y10: English 5, maths 4, science 4-4', needs: 'None noted', options: 'Child Development, Drama, Geography', motivation: 'Helping younger pupils in reading club', mentorLast: '2026-02-09', wex: true },
  { n: 21, first: 'Dylan', last: 'Walker', form: '11A', mentor: '', send: 'SEN support', lac: false, pp: true, att: 72.5, login: 'No', consent: '', bulletin: '',
    planA: 'Undecided: likes gaming and music', planB: '', status: '', provider: '', course: '',
    grades: 'Joined 12 January 2026; predicted grades awaited', needs: 'Managed move; SEMH; attendance support', options: 'Music, PE, Computer Science', motivation: 'Music production', mentorLast: '2026-02-04', wex: false },
  { n: 22, first: 'Maja', last: 'Kowalska', form: '11B', mentor: 'DP', send: 'None', lac: false, pp: true, att: 92.4, login: 'Yes', consent: 'Yes', bulletin: '',
    planA: 'Professional cookery course', planB: 'Hospitality apprenticeship', status: 'Waiting', provider: 'Stour Valley College', course: 'Level 2 Professional Cookery',
    grades: 'Y10: English 4, maths 5, science 4-4', needs: 'EAL (Polish)', options: 'Food, Art, Geography', motivation: 'Cooking for her family; TV cookery shows', mentorLast: '2026-02-05', wex: true },
  { n: 23, first: 'Reuben', last: 'Ali', form: '11A', mentor: '', send: 'None', lac: false, pp: false, att: 91.8, login: 'Yes', consent: 'Yes', bulletin: '',
    planA: 'Bricklaying apprenticeship', planB: 'Level 1 Construction at Swale Coast College', status: 'Interview', provider: 'Garden of England Training', course: 'Level 2 Bricklayer apprenticeship',
    grades: 'Y10: English 4, maths 4, science 3-3', needs: 'None noted', options: 'Construction, PE, Geography', motivation: 'Working outdoors; building things', mentorLast: '2025-12-09', wex: false },
  { n: 24, first: 'Isla', last: 'Chen', form: '11B', mentor: 'AK', send: 'None', lac: false, pp: false, att: 'ninety', login: 'Yes', consent: 'Yes', bulletin: '',
    planA: 'A levels in psychology, sociology and biology', planB: 'Level 3 Health and Social Care at college', status: 'Offer', provider: 'Canterbury Vale Sixth Form', course: 'A levels: Psychology, Sociology, Biology',
    grades: 'Y10: English 6, maths 6, science 6-5', needs: 'None noted', options: 'Sociology, Geography, Music', motivation: 'Wants to be a psychologist', mentorLast: '2026-02-03', wex: true },
  { n: 25, first: 'Kai', last: 'Evans', form: '11A', mentor: 'MW', send: 'None', lac: false, pp: false, att: 90.4, login: 'Yes', consent: 'Yes', bulletin: '',
    planA: 'Carpentry apprenticeship', planB: 'Level 2 Carpentry at Swale Coast College', status: 'Accepted', provider: 'Blean Construction Ltd (with Garden of England Training)', course: 'Level 2 Carpentry and Joinery apprenticeship',
    grades: 'Y10: English 4, maths 4, science 4-4', needs: 'None noted', options: 'Construction, Engineering, PE', motivation: 'Making furniture with his grandad', mentorLast: '2026-01-27', wex: true },
];

const FIRST_NAMES = [
  'Oliver', 'Amelie', 'Muhammad', 'Isabelle', 'Harrison', 'Ava', 'Jack', 'Freya', 'Leo', 'Lily', 'Alfie', 'Evie',
  'Noah', 'Sophia', 'Charlie', 'Ivy', 'Oscar', 'Florence', 'Archie', 'Maisie', 'Theo', 'Sienna', 'Jacob', 'Daisy',
  'Finley', 'Willow', 'Rory', 'Hallie', 'Jaxon', 'Esme', 'Kayden', 'Layla', 'Ibrahim', 'Hafsa', 'Tomasz', 'Zofia',
  'Aoife', 'Seán', 'Kofi', 'Ama', 'Priya', 'Rohan', 'Mason', 'Keira', 'Bradley', 'Courtney', 'Elliot', 'Phoebe',
  'Yusuf', 'Maryam', 'Ciarán', 'Renée', 'Jamal', 'Tia', 'Ollie', 'Lacey', 'Ethan', 'Nadia', 'Dominik', 'Ola',
  'Hamza', 'Eden', 'Louis', 'Megan', 'Connor', 'Tegan', 'Ben', 'Holly', 'Sam', 'Ayesha', 'Jordan', 'Nia', 'Ryan',
  'Jade', 'Kyle', 'Liliana', 'Bartłomiej', 'Anaïs', 'Declan', 'Safiya',
];
const SURNAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Wright', 'Turner', 'White',
  'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clark', 'Khan', 'Ahmed', 'Kowalczyk', 'Novak', 'Kelly',
  'Okonkwo', 'Owusu', 'Singh', 'Gill', 'Nguyen', 'Hussein', 'Harris', 'Rowe', 'Stone', 'Palmer', 'Barker',
  'Hunt', 'Lamb', 'Frost', 'Doyle', 'Byrne', 'Campbell', 'Reid', 'Lewis', 'Young', 'King', 'Scott', 'Mitchell',
  'Bennett', 'Moss', 'Knight', 'Dawson', 'Gray', 'Webb', 'Ellis', 'Shaw', 'Lloyd', 'Fox', 'Adams', 'Osei',
  'Mahmood', 'Szabo', 'Popescu', 'da Silva', 'Nowicki', "O'Connor", 'Ó Briain', 'Sutherland', 'Quinn',
];
const usedNames = new Set<string>([...Y11S.map((y) => `${y.first} ${y.last}`), ...STAFF.map((s) => s.name)]);
function newName(): { first: string; last: string } {
  for (;;) {
    const first = pick(FIRST_NAMES);
    const last = pick(SURNAMES);
    const key = `${first} ${last}`;
    if (!usedNames.has(key)) {
      usedNames.add(key);
      return { first, last };
    }
  }
}
function randomSend(pEhcp = 0): Send {
  const r = rand();
  if (r < pEhcp) return 'EHCP';
  return r < pEhcp + 0.16 ? 'SEN support' : 'None';
}
function randomAttendance(): number {
  // mostly 90-99, a tail below the 90% threshold
  const base = chance(0.18) ? 76 + rand() * 14 : 90 + rand() * 9.6;
  return Math.round(base * 10) / 10;
}
const pupilEmail = (p: { first: string; last: string }, yearAllocated: number): string =>
  `${pad2(yearAllocated % 100)}${asciiFold(p.last).toLowerCase()}${asciiFold(p.first)[0].toLowerCase()}@pupils.example.sch.uk`;

/** Year allocated on the UPN: the year the pupil started Reception. */
const receptionYear = (year: number): number => 2025 - (year - 7) - 7; // Y7 in 2025-26 → 2018

const pupils: Pupil[] = [];

// Years 7–10: generated
const EHCP_AT = new Set(['8:3', '10:6']); // year:index → EHCP (with Ruby in Year 11: three on roll)
const LAC_AT = new Set(['9:4']);
const Y10_ASPIRATIONS = ['Electrician', 'Vet nurse', 'Police officer', 'Game designer', 'Beauty therapist', 'PE teacher', 'Mechanic', 'Chef'];
for (const [year, count] of [[7, 10], [8, 10], [9, 12], [10, 13]] as Array<[number, number]>) {
  for (let i = 0; i < count; i++) {
    const nm = newName();
    pupils.push({
      id: makeUpn(receptionYear(year)),
      ...nm,
      year,
      form: `${year}A`,
      mentor: '',
      leaverYear: null,
      send: EHCP_AT.has(`${year}:${i}`) ? 'EHCP' : randomSend(),
      lac: LAC_AT.has(`${year}:${i}`),
      pp: chance(0.3),
      attendance: randomAttendance(),
      email: '',
      bulletin: '',
      consent: '',
      login: '',
      planA: '',
      planB: '',
      statusCell: '',
      provider: '',
      course: '',
    });
  }
}
// Year 11: designed
const y11Pupils: Pupil[] = Y11S.map((y) => ({
  id: makeUpn(receptionYear(11)),
  first: y.first,
  last: y.last,
  year: 11,
  form: y.form,
  mentor: y.mentor,
  leaverYear: null,
  send: y.send,
  lac: y.lac,
  pp: y.pp,
  attendance: y.att,
  email: pupilEmail(y, receptionYear(11)),
  bulletin: y.bulletin,
  consent: y.consent,
  login: y.login,
  planA: y.planA,
  planB: y.planB,
  statusCell: y.status,
  provider: y.provider,
  course: y.course,
}));
pupils.push(...y11Pupils);
const y11ById = new Map<string, Y11>(y11Pupils.map((p, i) => [p.id, Y11S[i]]));
const y11 = (n: number): Pupil => y11Pupils[n - 1];
const onRoll = (year: number): Pupil[] => pupils.filter((p) => p.year === year);

// Leavers
interface LeaverPlan {
  leaverYear: number;
  count: number;
}
const LEAVER_PLANS: LeaverPlan[] = [
  { leaverYear: 2025, count: 20 },
  { leaverYear: 2024, count: 20 },
  { leaverYear: 2023, count: 20 },
  { leaverYear: 2022, count: 2 },
  { leaverYear: 2021, count: 2 },
];
const PERSONAL_STYLES = [
  (f: string, l: string) => `${f}.${l}`,
  (f: string, l: string) => `${f}${l}${int(1, 99)}`,
  (f: string, l: string) => `${f[0]}${l}`,
  (f: string, l: string) => `${f}.${l}${int(2006, 2010)}`,
  (f: string, l: string) => `${f}_${l}`,
];
const leavers: Pupil[] = [];
for (const plan of LEAVER_PLANS) {
  for (let i = 0; i < plan.count; i++) {
    const nm = newName();
    const f = asciiFold(nm.first).toLowerCase();
    const l = asciiFold(nm.last).toLowerCase();
    const hasEmail = plan.leaverYear < 2023 || chance(0.86);
    leavers.push({
      id: makeUpn(plan.leaverYear - 12),
      ...nm,
      year: null,
      form: '',
      mentor: '',
      leaverYear: plan.leaverYear,
      send: randomSend(0.04),
      lac: chance(0.04),
      pp: chance(0.3),
      attendance: null,
      email: hasEmail ? `${pick(PERSONAL_STYLES)(f, l)}@example.com` : '',
      bulletin: '',
      consent: chance(0.08) ? 'No' : 'Yes',
      login: '',
      planA: '',
      planB: '',
      statusCell: '',
      provider: '',
      course: '',
    });
  }
}
const leaversOf = (year: number): Pupil[] => leavers.filter((p) => p.leaverYear === year);
// A few leavers asked to stop the bulletin.
for (const p of [leaversOf(2025)[3], leaversOf(2024)[7], leaversOf(2023)[12]]) p.bulletin = 'No';
// Siblings share a family address, typed with different capitals: the bulletin must send it once.
const siblingA = leaversOf(2023)[5];
const siblingB = leaversOf(2025)[9];
siblingB.last = siblingA.last;
siblingA.email = `The.${asciiFold(siblingA.last)}.Family@example.com`;
siblingB.email = `the.${asciiFold(siblingA.last).toLowerCase()}.family@example.com`;
siblingA.consent = 'Yes';
siblingB.consent = 'Yes';
// The 2025 leavers still carry last year's application fields from Year 11.
const LAST_YEAR_OFFERS: Array<[string, string]> = [
  ['Stour Valley College', 'Level 2 Engineering'],
  ['Canterbury Vale Sixth Form', 'A levels'],
  ['Swale Coast College', 'Level 1 Construction Multi-skills'],
  ['Whitstable Bay Sixth Form', 'A levels'],
  ['Stour Valley College', 'Level 3 Public Services'],
  ['Garden of England Training', 'Level 2 Hairdressing apprenticeship'],
  ['Swale Coast College', 'Level 2 Professional Cookery'],
];
for (const p of leaversOf(2025)) {
  const [prov, course] = pick(LAST_YEAR_OFFERS);
  p.statusCell = 'Accepted';
  p.provider = prov;
  p.course = course;
}

// ---------------------------------------------------------------------------------------------
// Meetings
// ---------------------------------------------------------------------------------------------

interface Meeting {
  date: Day;
  pupil: string;
  staff: string;
  type: string;
  grades?: string;
  needs?: string;
  options?: string;
  aspirations?: string;
  motivation?: string;
  notes?: string;
  shared?: Cell;
  next?: Day | null;
  problem?: string;
}
const meetings: Meeting[] = [];

const RC_WEDNESDAYS = ['2025-09-17', '2025-09-24', '2025-10-01', '2025-10-08', '2025-10-15', '2025-11-05', '2025-11-12', '2025-11-19'];
const MENTORING_NOTES = [
  'Checked Kent Choices: research tasks on track.',
  'Reviewed attendance and homework; agreed to go to revision club on Tuesdays.',
  'Talked through open evening dates; going with mum.',
  'Went through CV draft together; added volunteering and part-time job.',
  'Discussed mock results and a revision plan for English and maths.',
  'More confident about next year; talked about travel to college.',
  'Checked the application is submitted and the reference has gone.',
  'Practised two interview questions; talked about nerves.',
  'Looked at bursary and free travel support at the college.',
  'Set small weekly targets; celebrated good week of attendance.',
];
const GUIDANCE_NOTES = [
  'Explored routes into the Plan A career; compared college course and apprenticeship; set research task.',
  'Talked through entry requirements and predicted grades; agreed a realistic Plan B.',
  'Guidance meeting: reviewed interests and skills; looked at Kent Choices course list together.',
  'Discussed labour market demand locally; pupil to visit open evening before applying.',
];

const y11Extras: Record<number, Array<Omit<Meeting, 'pupil'>>> = {};
const addExtra = (n: number, m: Omit<Meeting, 'pupil'>): void => {
  (y11Extras[n] = y11Extras[n] || []).push(m);
};

// Guidance with the Level 6 adviser (RC), autumn term Wednesdays, as in the seed calendar.
const RC_FIRST = [1, 2, 3, 5, 6, 8, 10, 12, 13, 14, 15, 16, 17, 18, 20, 22, 23, 24, 25];
RC_FIRST.forEach((n, i) => {
  addExtra(n, { date: RC_WEDNESDAYS[i % RC_WEDNESDAYS.length], staff: 'RC', type: 'Guidance', aspirations: Y11S[n - 1].planA, notes: pick(GUIDANCE_NOTES) });
});
// Second guidance meetings this spring.
for (const [n, date] of [[6, '2026-02-25'], [13, '2026-02-11'], [10, '2026-01-21'], [22, '2026-01-21'], [20, '2026-02-04'], [3, '2026-02-04']] as Array<[number, Day]>) {
  addExtra(n, { date, staff: 'RC', type: 'Guidance', aspirations: Y11S[n - 1].planA, notes: 'Follow-up guidance: checked progress of applications and Plan B.' });
}
// Jayden saw the Level 6 adviser at the end of Year 10: it counts for Benchmark 8 ("ever").
addExtra(9, { date: '2025-06-18', staff: 'RC', type: 'Guidance', aspirations: 'Sport coaching', notes: 'Year 10 guidance meeting: sport and public services routes; visit college open evening in the autumn.' });
// Guidance with the adviser who is not Level 6 qualified: logged, but does not count for Benchmark 8.
for (const [n, date] of [[4, '2025-11-26'], [7, '2026-01-14'], [19, '2026-01-21'], [9, '2025-12-10']] as Array<[number, Day]>) {
  addExtra(n, { date, staff: 'JA', type: 'Guidance', aspirations: Y11S[n - 1].planA, notes: 'Careers conversation with trainee adviser; agreed to book a meeting with RC.' });
}
// Parent meetings: Academic review day, and one earlier meeting for a pupil at risk of NEET.
for (const [n, staff] of [[1, 'DP'], [3, 'MW'], [13, 'LF'], [20, 'LF'], [22, 'DP'], [24, 'AK'], [7, 'HO']] as Array<[number, string]>) {
  addExtra(n, { date: '2026-02-12', staff, type: 'Parent meeting', aspirations: Y11S[n - 1].planA, notes: 'Academic review day: parents know the intended destination and next deadlines.', shared: 'Yes' });
}
addExtra(11, { date: '2025-11-20', staff: 'HO', type: 'Parent meeting', notes: 'Meeting with carer and virtual school: at risk of NEET; extra mentoring agreed.', shared: 'Yes' });
// Transition meetings with the post-16 provider.
addExtra(14, { date: '2026-02-24', staff: 'HO', type: 'Transition', notes: 'Transition meeting with Swale Coast College learning support team; visit booked for March.', shared: 'Yes' });
addExtra(12, { date: '2026-02-26', staff: 'SN', type: 'Transition', notes: 'Transition document completed with Stour Valley College; enrolment date noted.' });
// A mentoring meeting logged by a supply teacher who is not on the Staff tab (deliberate problem).
addExtra(3, { date: '2026-02-05', staff: 'JW', type: 'Mentoring', notes: 'Covered for MW: checked sixth form offer letter received.', problem: 'Staff initials "JW" (a supply teacher) are not on the Staff tab: the row is skipped.' });

for (const y of Y11S) {
  const p = y11(y.n);
  const staff = y.mentor || (y.n === 21 ? 'HO' : 'DP');
  // The initial careers support meeting (Dylan joined in January).
  const cs = y.n === 21 ? '2026-01-14' : randomSchoolDay('2025-09-15', '2025-10-17');
  const sharedCell: Cell = chance(0.15) ? 'Yes' : chance(0.1) ? null : D(schoolDayOnOrBefore(addDays(cs, 5 - weekday(cs) + (weekday(cs) > 5 ? 7 : 0))));
  meetings.push({
    date: assertSchoolDay(cs, 'careers support'),
    pupil: p.id,
    staff,
    type: 'Careers support',
    grades: y.grades,
    needs: y.needs,
    options: y.options,
    aspirations: y.planA,
    motivation: y.motivation,
    notes: y.n === 21
      ? 'Initial meeting with careers leader after managed move; mentor to be allocated.'
      : 'Framework agreed: research courses by half term, CV before Christmas, applications by the end of January.',
    shared: sharedCell,
    next: schoolDayOnOrBefore(addDays(cs, 21)),
  });
  // Mentoring 1:1s, back from the last one at roughly three to five week gaps.
  if (y.mentorLast) {
    const dates: Day[] = [assertSchoolDay(y.mentorLast, `mentoring ${y.first}`)];
    let d = addDays(y.mentorLast, -int(24, 38));
    while (d > addDays(cs, 14)) {
      dates.unshift(schoolDayOnOrBefore(d));
      d = addDays(d, -int(24, 38));
    }
    dates.forEach((date, i) => {
      const last = i === dates.length - 1;
      const who = y.mentor && chance(0.1) ? 'HO' : staff;
      let notes = pick(MENTORING_NOTES);
      if (last && y.n === 15) notes = 'Withdrew college application after a job offer fell through; agreed to re-apply this week.';
      if (last && y.n === 19) notes = 'Apprenticeship application unsuccessful; Plan B application to Swale Coast College to be made.';
      if (last && y.n === 23) notes = 'Moving to a reduced timetable after Christmas; mentor to be reallocated.';
      if (last && y.n === 7) notes = 'Still undecided; looked at motor vehicle courses together. Application not yet made.';
      meetings.push({
        date,
        pupil: p.id,
        staff: who,
        type: 'Mentoring',
        aspirations: chance(0.3) ? y.planA : '',
        notes,
        next: schoolDayOnOrBefore(addDays(date, last && date >= '2026-01-19' ? int(14, 28) : 21)),
      });
    });
  }
  for (const m of y11Extras[y.n] || []) {
    assertSchoolDay(m.date, `${m.type} for ${y.first}`);
    meetings.push({ ...m, pupil: p.id });
  }
}
// Aspiration setting on Academic induction day (3 September 2025) by form tutors: Years 9 and 10.
for (const p of onRoll(10).slice(0, 6)) {
  p.planA = Y10_ASPIRATIONS[onRoll(10).indexOf(p)];
  meetings.push({ date: '2025-09-03', pupil: p.id, staff: 'TB', type: 'Aspiration setting', aspirations: p.planA, motivation: pick(['Earning money', 'Making family proud', 'Working outdoors', 'Helping people']), notes: 'Aspiration poster made for form room; review next term.', shared: 'Yes' });
}
for (const p of onRoll(9).slice(0, 3)) {
  meetings.push({ date: '2025-09-03', pupil: p.id, staff: 'AK', type: 'Aspiration setting', aspirations: pick(['Hairdresser', 'Footballer or coach', 'Nurse', 'Builder']), notes: 'Aspiration poster made; linked to option choices in Year 9.', shared: 'Yes' });
}
// Year 10 guidance meetings (small-group follow-ups, logged per pupil).
for (const p of onRoll(10).slice(4, 7)) {
  meetings.push({ date: '2026-02-25', pupil: p.id, staff: 'RC', type: 'Guidance', aspirations: p.planA || 'Undecided', notes: 'Year 10 guidance: interests and option pathways; work experience ideas.' });
}
meetings.push({ date: '2026-02-25', pupil: onRoll(10)[8].id, staff: 'JA', type: 'Guidance', aspirations: 'Undecided', notes: 'Year 10 careers conversation with trainee adviser.' });

const pupilOrder = new Map(pupils.map((p, i) => [p.id, i]));
meetings.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (pupilOrder.get(a.pupil) ?? 0) - (pupilOrder.get(b.pupil) ?? 0)));

// ---------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------

interface Action {
  pupil: string;
  action: string;
  due: Cell;
  owner: string;
  status: 'Open' | 'Done';
  doneOn: Day | null;
  created: Day;
  problem?: string;
}
const actions: Action[] = [];
/** Year 11s designed to have open actions past their due date: 4, 7, 9, 11, 15, 19, 21. */
const csDate = (id: string): Day => meetings.find((m) => m.pupil === id && m.type === 'Careers support')!.date;
const lastMeeting = (id: string): Day => meetings.filter((m) => m.pupil === id && m.staff !== 'JW').reduce((a, m) => maxDay(a, m.date), '0000-00-00');
const doneBetween = (a: Day, b: Day): Day => addDays(a, int(1, Math.max(1, daysBetween(a, b))));

for (const y of Y11S) {
  const p = y11(y.n);
  const cs = csDate(p.id);
  const owner = y.mentor || 'HO';
  const add = (a: Omit<Action, 'pupil'>): void => {
    actions.push({ pupil: p.id, ...a });
  };
  // Kent Choices login
  if (y.login === 'No') {
    add({ action: 'Register on Kent Choices and log in', due: D(addDays(cs, 14)), owner: 'Pupil', status: 'Open', doneOn: null, created: cs });
  } else if (chance(0.4)) {
    add({ action: 'Register on Kent Choices and log in', due: D(addDays(cs, 14)), owner: 'Pupil', status: 'Done', doneOn: addDays(cs, int(2, 10)), created: cs });
  }
  // Research
  const researchOpen = [4, 7, 11, 21].includes(y.n);
  add({
    action: 'Research two post-16 courses (Plan A and Plan B)',
    due: D(addDays(cs, 28)),
    owner: 'Pupil',
    status: researchOpen ? 'Open' : 'Done',
    doneOn: researchOpen || y.n === 8 ? null : addDays(cs, int(10, 27)),
    created: cs,
  });
  // CV
  if (y.n !== 21) {
    const cvOpen = [4, 9, 15, 19].includes(y.n);
    add({ action: 'Draft CV', due: D('2025-12-12'), owner: 'Pupil', status: cvOpen ? 'Open' : 'Done', doneOn: cvOpen ? null : doneBetween('2025-11-03', '2025-12-11'), created: cs });
  } else {
    add({ action: 'Draft CV', due: D('2026-02-13'), owner: 'Pupil', status: 'Open', doneOn: null, created: cs });
  }
  // Personal statement for sixth form applicants
  if (/Sixth Form/.test(y.provider)) {
    add({ action: 'Draft personal statement', due: D('2025-11-28'), owner: 'Pupil', status: 'Done', doneOn: doneBetween('2025-11-03', '2025-11-27'), created: cs });
  }
  // The application
  if (['Applied', 'Interview', 'Offer', 'Accepted', 'Rejected', 'Withdrawn', 'Waiting'].includes(y.status)) {
    add({ action: 'Complete post-16 application on Kent Choices', due: D('2026-01-30'), owner, status: 'Done', doneOn: doneBetween('2025-11-10', '2026-01-28'), created: cs });
  } else if (y.n === 7 || y.n === 11) {
    add({ action: 'Complete post-16 application on Kent Choices', due: D('2026-01-30'), owner, status: 'Open', doneOn: null, created: cs });
  } else if (y.n === 21) {
    add({ action: 'Complete post-16 application on Kent Choices', due: D('2026-02-06'), owner: 'HO', status: 'Open', doneOn: null, created: cs });
  } else if (y.n === 20) {
    add({ action: 'Complete application for Level 2 Childcare at Stour Valley College', due: D('2026-03-13'), owner: 'LF', status: 'Open', doneOn: null, created: '2026-02-09' });
  }
  const last = lastMeeting(p.id);
  if (y.status === 'Interview') {
    add({ action: 'Practise interview questions with mentor', due: D('2026-03-06'), owner, status: 'Open', doneOn: null, created: last });
  }
  if (y.status === 'Offer') {
    add({ action: 'Accept offer on Kent Choices', due: D('2026-03-20'), owner: 'Pupil', status: 'Open', doneOn: null, created: last });
  }
  if (y.status === 'Accepted' && y.pp) {
    add({ action: 'Apply for 16 to 19 bursary', due: D('2026-05-29'), owner: 'HO', status: 'Open', doneOn: null, created: last });
  }
  if (y.status === 'Accepted' && chance(0.5)) {
    add({ action: 'Send acceptance confirmation to provider', due: D(addDays(last, 14)), owner: 'Pupil', status: 'Done', doneOn: addDays(last, int(1, 7)) <= TODAY ? addDays(last, int(1, 7)) : null, created: last });
  }
  if (y.n === 19) add({ action: 'Apply for Plan B: Level 1 Motor Vehicle at Swale Coast College', due: D('2026-02-13'), owner: 'SN', status: 'Open', doneOn: null, created: '2026-01-21' });
  if (y.n === 15) add({ action: 'Re-apply for Level 2 Plumbing or Plan B course', due: D('2026-02-27'), owner: 'DP', status: 'Open', doneOn: null, created: '2026-02-11' });
  if (y.n === 11) add({ action: 'Book armed forces careers information session', due: D('2026-02-27'), owner: 'TB', status: 'Open', doneOn: null, created: '2026-01-13' });
  if (y.n === 10) add({ action: 'Send predicted grades to sixth form', due: D(TODAY), owner: 'MW', status: 'Open', doneOn: null, created: '2026-02-10' });
  if (y.n === 14) add({ action: 'Transition visit to Swale Coast College with learning support team', due: D('2026-03-18'), owner: 'HO', status: 'Open', doneOn: null, created: '2026-02-24' });
  if (y.n === 13) {
    add({
      action: 'Bring art and coding portfolio to Swale Coast College interview',
      due: '03/25/2026',
      owner: 'Pupil',
      status: 'Open',
      doneOn: null,
      created: '2026-02-23',
      problem: 'A US-style (month first) date typed as text: dates are day first, so this is not a date; Due is required, so the row is skipped.',
    });
  }
}
for (const p of onRoll(10).slice(0, 3)) {
  actions.push({ pupil: p.id, action: 'Research three jobs linked to my aspiration poster', due: D('2025-10-10'), owner: 'Pupil', status: 'Done', doneOn: '2025-10-08', created: '2025-09-03' });
}
actions.push({ pupil: onRoll(10)[3].id, action: 'Research three jobs linked to my aspiration poster', due: D('2025-10-10'), owner: 'TB', status: 'Open', doneOn: null, created: '2025-09-03' });
actions.sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : (pupilOrder.get(a.pupil) ?? 0) - (pupilOrder.get(b.pupil) ?? 0)));

// ---------------------------------------------------------------------------------------------
// Activities
// ---------------------------------------------------------------------------------------------

interface Activity {
  date: Day;
  activity: string;
  type: string;
  provider: string;
  years: string;
  pupils: string[];
  pupilsSep?: string;
  pal: string;
  bm: string;
  evidence: boolean;
}
const ids = (ns: number[]): string[] => ns.map((n) => y11(n).id);
const Y11_PAL_GROUP = [1, 2, 3, 5, 6, 8, 10, 12, 13, 14, 17, 18, 20, 23, 24]; // 15 of 25
const Y9_PAL_GROUP = onRoll(9).slice(0, 8).map((p) => p.id);
// prettier-ignore
const ACTIVITIES: Activity[] = [
  // 2024-25: history, so that the "ever" rules and provider access in Years 8 and 10 have something to count
  { date: '2024-09-25', activity: 'Year 10 assembly: jobs and growth sectors in Kent', type: 'Careers information', provider: 'Garden of England Careers Hub', years: 'Y10', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2024-10-14', activity: 'Year 10 work experience week (14 to 18 October 2024)', type: 'Workplace experience', provider: 'Stour Education Business Partnership', years: '', pupils: ids(Y11S.filter((y) => y.wex).map((y) => y.n)), pal: '', bm: '', evidence: true },
  { date: '2024-11-13', activity: 'Year 9 options: careers adviser talk on pathways', type: 'Careers information', provider: 'Stour Careers Guidance', years: 'Year 9', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2025-01-29', activity: 'Oakfield careers fair 2025', type: 'Employer encounter', provider: '18 employers and providers (see register)', years: 'Y7, Y8, Y9, Y10', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2025-02-05', activity: 'Apprenticeship assembly: Garden of England Training', type: 'Technical provider', provider: 'Garden of England Training', years: 'Y10', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2025-03-05', activity: 'Year 10 campus visit: East Kent University', type: 'Higher education', provider: 'East Kent University', years: 'Y10', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2025-06-18', activity: 'Year 8 assembly: apprenticeships and T levels at Stour Valley College', type: 'Further education', provider: 'Stour Valley College', years: 'Year 8', pupils: [], pal: 'Yes', bm: '', evidence: true },
  { date: '2025-07-09', activity: 'Year 10 taster day at Stour Valley College', type: 'Further education', provider: 'Stour Valley College', years: 'Y10', pupils: [], pal: '', bm: '', evidence: true },
  // 2025-26, autumn term
  { date: '2025-09-03', activity: 'Academic induction day: aspiration setting with form tutors', type: 'Other', provider: 'Oakfield Academy', years: 'Y7, Y8, Y9, Y10, Y11', pupils: [], pal: '', bm: 'BM3', evidence: true },
  { date: '2025-09-10', activity: 'KS4 assembly: the Kent labour market in 2025', type: 'Careers information', provider: 'Garden of England Careers Hub', years: 'Y10, Y11', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2025-09-11', activity: 'KS3 assembly: what is labour market information?', type: 'Careers information', provider: 'Oakfield Academy careers team', years: 'Y8, Y9', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2025-09-17', activity: 'Stour Valley College information assembly (KS4)', type: 'Further education', provider: 'Stour Valley College', years: 'Y10, Y11', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2025-09-18', activity: 'Stour Valley College information assembly (KS3)', type: 'Further education', provider: 'Stour Valley College', years: 'Y7, Y8, Y9', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2025-09-24', activity: 'Maths: careers that use maths', type: 'Curriculum link', provider: 'Oakfield maths department', years: 'Year 10', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2025-09-25', activity: 'English: interviewing a local journalist', type: 'Curriculum link', provider: 'Stour Valley Gazette', years: 'Y9', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2025-09-30', activity: 'Year 11 Kent Choices launch session', type: 'Careers information', provider: 'Oakfield Academy careers team', years: 'Y11', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2025-10-01', activity: 'Year 11 CV writing workshop', type: 'Employer encounter', provider: 'Harbour Bank plc volunteers', years: 'Y11', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2025-10-02', activity: 'Year 9 workplace visit: Weald Veterinary Practice', type: 'Workplace experience', provider: 'Weald Veterinary Practice', years: '', pupils: onRoll(9).slice(4, 8).map((p) => p.id), pal: '', bm: '', evidence: true },
  { date: '2025-10-08', activity: 'Geography: careers in river and coastal management', type: 'Curriculum link', provider: 'Stour Rivers Trust', years: 'Y8', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2025-10-13', activity: 'Year 10 work experience week (13 to 17 October 2025)', type: 'Workplace experience', provider: 'Stour Education Business Partnership', years: 'Y10', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2025-10-15', activity: 'Year 11 drop-down careers carousel: mock interviews, CV clinic, teambuilding', type: 'Employer encounter', provider: 'Oakfield business volunteers', years: 'Y11', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2025-10-16', activity: 'Year 8 trip: behind the scenes at Canterbury Heritage Trust', type: 'Workplace experience', provider: 'Canterbury Heritage Trust', years: 'Y8', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2025-10-22', activity: 'Science: healthcare science careers talk', type: 'Curriculum link', provider: 'Canterbury Downs Hospital Trust', years: 'Y10', pupils: [], pal: '', bm: '4, 5', evidence: true },
  { date: '2025-11-04', activity: 'Year 10 LMI lesson: Kent growth sectors and wages', type: 'Careers information', provider: 'Oakfield Academy careers team', years: 'Y10', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2025-11-05', activity: 'Apprenticeships workshop (small group)', type: 'Technical provider', provider: 'Garden of England Training', years: '', pupils: ids(Y11_PAL_GROUP), pal: '', bm: '', evidence: true },
  { date: '2025-11-12', activity: 'Year 11 college tour: Stour Valley College', type: 'College visit', provider: 'Stour Valley College', years: '', pupils: ids([1, 5, 7, 9, 12, 18, 20, 22, 4, 19]), pupilsSep: '\n', pal: '', bm: '', evidence: true },
  { date: '2025-11-13', activity: 'Year 11 college tour: Swale Coast College', type: 'Further education', provider: 'Swale Coast College', years: '', pupils: ids([13, 14, 15, 23, 25, 19]), pal: '', bm: '', evidence: true },
  { date: '2025-11-18', activity: 'PSHE: challenging stereotypes about jobs', type: 'Curriculum link', provider: 'Oakfield PSHE team', years: 'Y8, Y9', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2025-11-19', activity: 'History: careers in heritage and museums', type: 'Curriculum link', provider: 'Canterbury Heritage Trust', years: 'Y9', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2025-11-26', activity: 'Art: talk by a freelance animator', type: 'Curriculum link', provider: 'Freelance animator (parent volunteer)', years: '', pupils: ids([1, 3, 5, 16, 18, 12]), pal: '', bm: '', evidence: true },
  { date: '2025-11-27', activity: 'Year 11 armed forces careers presentation', type: 'Employer encounter', provider: 'Armed forces careers team', years: 'Y11', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2025-12-02', activity: 'Year 10 mock interviews', type: 'Employer encounter', provider: 'Harbour Bank plc volunteers', years: 'Y10', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2025-12-03', activity: 'Computing: careers in cyber security', type: 'Curriculum link', provider: 'Oast Digital Ltd', years: 'Y8', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2025-12-04', activity: 'Year 7: people who help us (fire crew visit)', type: 'Employer encounter', provider: 'Canterbury fire station crew', years: 'Y7', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2025-12-10', activity: 'Year 10 construction taster day', type: 'Workplace experience', provider: 'Swale Coast College construction centre', years: '', pupils: onRoll(10).slice(7, 12).map((p) => p.id), pal: '', bm: '', evidence: true },
  { date: '2025-12-11', activity: 'Food technology: hotel chef cooking demonstration', type: 'Curriculum link', provider: 'Kentish Coast Hotels', years: 'Y9, Y10', pupils: [], pal: '', bm: 'BM4; BM5', evidence: true },
  { date: '2025-12-17', activity: 'Christmas enterprise market', type: 'Other', provider: 'Oakfield Academy', years: 'Y9, Y10', pupils: [], pal: '', bm: '', evidence: true },
  // spring term
  { date: '2026-01-07', activity: 'Year 11 mock interview morning', type: 'Employer encounter', provider: 'Rotary volunteers and local employers', years: 'Y11', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2026-01-14', activity: 'Year 9 options: apprenticeship pathways workshop', type: 'Technical provider', provider: 'Channel Apprenticeships Ltd', years: '', pupils: Y9_PAL_GROUP, pal: '', bm: '', evidence: true },
  { date: '2026-01-15', activity: 'Year 9 options evening: college and apprenticeship stands (after school)', type: 'Technical provider', provider: 'Stour Valley College; Channel Apprenticeships Ltd', years: 'Y9', pupils: [], pal: 'No', bm: '', evidence: true },
  { date: '2026-01-20', activity: 'Year 10 CV workshop', type: 'Employer encounter', provider: 'Castle Care Homes', years: 'Y10', pupils: [], pal: '', bm: '', evidence: false },
  { date: '2026-01-21', activity: 'D&T: engineering careers with Stourmouth Engineering', type: 'Curriculum link', provider: 'Stourmouth Engineering Ltd', years: 'Y10, Y11', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2026-01-22', activity: 'Music: careers in the creative industries', type: 'Curriculum link', provider: 'Oakfield music department', years: 'Y9', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2026-01-28', activity: 'Oakfield careers fair 2026', type: 'Careers fair', provider: '16 employers and providers (see register)', years: 'Y9, Y10, Y11', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2026-02-02', activity: 'National Apprenticeship Week assembly: apprentices from Invicta Rail Maintenance', type: 'Employer encounter', provider: 'Invicta Rail Maintenance', years: 'Y10, Y11', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2026-02-03', activity: 'Year 11 college application clinic', type: 'Further education', provider: 'Stour Valley College admissions team', years: '', pupils: ids([7, 11, 20, 22]), pal: '', bm: '', evidence: true },
  { date: '2026-02-04', activity: 'Business studies: running your own café (self-employment)', type: 'Curriculum link', provider: 'The Blean Bean café', years: 'Y10, Y11', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2026-02-05', activity: 'National Apprenticeship Week: apprenticeships and T levels at Stour Valley College', type: 'Further education', provider: 'Stour Valley College', years: 'Y10', pupils: [], pal: 'Yes', bm: '', evidence: true },
  { date: '2026-02-09', activity: 'Year 11 workplace visit: Blean Construction site', type: 'Workplace experience', provider: 'Blean Construction Ltd', years: '', pupils: ids([23, 15, 25, 4]), pal: '', bm: '', evidence: true },
  { date: '2026-02-10', activity: 'Year 10 university visit: East Kent University', type: 'University visit', provider: 'East Kent University', years: 'Y10', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2026-02-11', activity: 'Year 11 taster day: Invicta Hair Academy', type: 'Workplace experience', provider: 'Invicta Hair Academy', years: '', pupils: ids([5, 18]), pal: '', bm: '', evidence: true },
  { date: '2026-02-12', activity: 'Academic review day: careers adviser drop-in for parents', type: 'Other', provider: 'Stour Careers Guidance', years: 'Y11', pupils: [], pal: '', bm: 'BM8, BM3', evidence: false },
  { date: '2026-02-24', activity: 'Year 11 summer youth programme talk and sign-up stand', type: 'Other', provider: 'Canterbury Youth Trust', years: 'Y11', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2026-02-25', activity: 'English: writing a personal statement', type: 'Curriculum link', provider: 'Oakfield English department', years: 'Y11', pupils: [], pal: '', bm: '', evidence: true },
  { date: '2026-02-26', activity: 'Year 8 careers lesson: jobs in my area', type: 'Careers information', provider: 'Oakfield Academy careers team', years: 'Y8', pupils: [], pal: '', bm: '', evidence: false },
  { date: '2026-02-27', activity: 'Careers library drop-in (Year 7 lunchtime club)', type: 'Other', provider: 'Oakfield library', years: '', pupils: onRoll(7).slice(0, 4).map((p) => p.id), pal: '', bm: 'BM2', evidence: true },
  // today, and planned
  { date: '2026-03-02', activity: 'National Careers Week launch: apprenticeships assembly', type: 'Technical provider', provider: 'Channel Apprenticeships Ltd', years: 'Y9, Y11', pupils: [], pal: '', bm: '', evidence: false },
  { date: '2026-03-12', activity: 'British Science Week: STEM careers carousel (planned)', type: 'Curriculum link', provider: 'Stourmouth Engineering Ltd; East Kent University', years: 'Y7, Y8', pupils: [], pal: '', bm: '', evidence: false },
];
for (const a of ACTIVITIES) assertSchoolDay(a.date, a.activity);

const DRIVE_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
function driveId(): string {
  let s = '1';
  for (let i = 0; i < 32; i++) s += DRIVE_CHARS[int(0, DRIVE_CHARS.length - 1)];
  return s;
}

// ---------------------------------------------------------------------------------------------
// Destinations
// ---------------------------------------------------------------------------------------------

interface Destination {
  pupil: string;
  checked: Day;
  status: string;
  provider: string;
  course: string;
  notes: string;
}
const destinations: Destination[] = [];
type Dest = [string, string, string]; // status, provider, course or role
const SIXTH: Dest[] = [
  ['Sixth form', 'Canterbury Vale Sixth Form', 'A levels'],
  ['Sixth form', 'Whitstable Bay Sixth Form', 'A levels'],
  ['Sixth form', 'Whitstable Bay Sixth Form', 'BTEC Level 3 Business'],
];
const FE: Dest[] = [
  ['Further education', 'Stour Valley College', 'Level 2 Engineering'],
  ['Further education', 'Stour Valley College', 'Level 3 Public Services'],
  ['Further education', 'Swale Coast College', 'Level 1 Construction Multi-skills'],
  ['Further education', 'Swale Coast College', 'Level 2 Animal Care'],
  ['Further education', 'Stour Valley College', 'Level 2 Hair and Beauty Studies'],
];
const APPR: Dest[] = [
  ['Apprenticeship', 'Blean Construction Ltd (Garden of England Training)', 'Level 2 Bricklayer'],
  ['Apprenticeship', 'Castle Garage Canterbury Ltd (Downs Motor Vehicle Academy)', 'Level 2 Motor Vehicle Technician'],
  ['Apprenticeship', 'Little Acorns Day Nursery (Garden of England Training)', 'Level 2 Early Years Practitioner'],
];
const EMP_T: Dest = ['Employment with training', 'Castle Care Homes', 'Care assistant with Level 2 Adult Care'];
const EMP_NT: Dest = ['Employment without training', 'Kentish Coast Hotels', 'Kitchen porter'];
const TRAIN: Dest = ['Traineeship', 'Canterbury Downs Hospital Trust', 'Supported internship'];
const NEET: Dest = ['NEET', '', ''];
const UNKNOWN: Dest = ['Not known', '', ''];
const HE: Dest[] = [
  ['Higher education', 'East Kent University', 'BSc Nursing'],
  ['Higher education', 'University of the South Downs', 'BA Primary Education'],
];

function destinationPaths(year: number, n: number): Dest[][] {
  // Each leaver's statuses at successive annual checks: October after leaving, then October each year.
  const paths: Dest[][] = [];
  for (let i = 0; i < n; i++) {
    const r = i % 10;
    const first: Dest = r < 3 ? pick(SIXTH) : r < 7 ? pick(FE) : r < 9 ? pick(APPR) : pick([EMP_T, NEET]);
    const path = [first];
    if (year <= 2024) {
      // a second year: most carry on, a few move
      const second: Dest = first[0] === 'NEET' ? pick(FE) : chance(0.15) ? pick([EMP_NT, pick(APPR)]) : first;
      path.push(second);
    }
    if (year <= 2023) {
      const second = path[1];
      const third: Dest = second[0] === 'Sixth form' ? pick([HE[0], HE[1], pick(APPR), EMP_T]) : chance(0.2) ? pick([EMP_T, TRAIN]) : second;
      path.push(third);
    }
    paths.push(path);
  }
  return paths;
}

const CHECK_DAY = (year: number): Day => randomWeekday(`${year}-10-01`, `${year}-10-31`);
for (const year of [2025, 2024, 2023]) {
  const group = leaversOf(year).filter((p) => p.consent === 'Yes');
  const paths = destinationPaths(year, group.length);
  group.forEach((p, i) => {
    const path = paths[i];
    for (let k = 0; k < path.length; k++) {
      const checkYear = year + k;
      // Not everyone has had this year's re-check yet.
      if (checkYear === 2025 && year === 2024 && i % 3 === 2) continue; // 2024 leavers: a third not re-checked in 2025
      if (checkYear === 2025 && year === 2023 && i % 2 === 1) continue; // 2023 leavers: half not re-checked in 2025
      let [status, provider, course] = path[k];
      let notes = k === 0 ? 'October check after leaving' : 'Annual re-check';
      if (checkYear === 2025 && ((year === 2025 && i === 6) || (year === 2023 && i === 4) || (year === 2024 && i === 10))) {
        [status, provider, course] = UNKNOWN;
        notes = 'No reply to texts or calls; passed to the local authority';
      }
      if (status === 'NEET') notes = 'Looking for work; referred to the local authority NEET team';
      destinations.push({ pupil: p.id, checked: checkYear === 2025 && k > 0 ? randomWeekday('2025-10-06', '2025-11-28') : CHECK_DAY(checkYear), status, provider, course, notes });
    }
  });
}
// Older leavers' last rows (beyond the three-year window).
for (const p of leaversOf(2022)) {
  destinations.push({ pupil: p.id, checked: CHECK_DAY(2022), status: 'Further education', provider: 'Stour Valley College', course: 'Level 2 Engineering', notes: 'October check after leaving' });
  destinations.push({ pupil: p.id, checked: CHECK_DAY(2023), status: 'Apprenticeship', provider: 'Stourmouth Engineering Ltd', course: 'Level 3 Engineering Technician', notes: 'Annual re-check' });
}
destinations.sort((a, b) => (a.checked < b.checked ? -1 : a.checked > b.checked ? 1 : (pupilOrder.get(a.pupil) ?? 0) - (pupilOrder.get(b.pupil) ?? 0)));

// ---------------------------------------------------------------------------------------------
// Audit (school-level criteria of the updated benchmarks, in the school's own words)
// ---------------------------------------------------------------------------------------------

type AuditRow = [number, string, string, string, string, Day | null];
// prettier-ignore
const AUDIT: AuditRow[] = [
  [1, 'Written careers programme backed by governors, the headteacher and senior leaders', 'Achieved', 'Careers programme 2025-26 approved by governors on 14 October 2025', 'HO', '2025-10-15'],
  [1, 'Trained careers leader named on the school website', 'Achieved', 'HO completed careers leader training in 2024; named on the Careers page', 'HO', '2025-09-12'],
  [1, 'Careers programme published on the website, with its review date', 'Achieved', 'https://www.example.sch.uk/careers', 'KB', '2025-09-30'],
  [1, 'Programme evaluated each year with feedback from pupils, parents and carers, staff and employers', 'Achieved', 'Surveys of pupils, parents and carers, staff and employers, July 2025; actions in the 2025-26 programme', 'HO', '2025-09-12'],
  [1, 'Provider access policy statement published', 'Achieved', 'Provider access policy statement on the website, reviewed September 2025', 'HO', '2025-09-30'],
  [2, 'Every pupil uses careers and labour market information in each key stage', 'Partially achieved', 'KS4 and Year 8-9 LMI assemblies done; Year 7 LMI lesson not yet delivered', 'HO', '2026-02-02'],
  [2, 'Parents and carers are encouraged and supported to use labour market information', 'Not achieved', 'Parent LMI newsletter planned for National Careers Week', 'HO', '2026-02-02'],
  [2, 'Information adapted for pupils with SEND and their families', 'Partially achieved', 'Easy-read LMI sheets for EHCP pupils; more needed for SEN support', 'HO', '2026-02-02'],
  [3, 'Systematic records of advice given and actions agreed with each pupil', 'Achieved', 'Mentor log in this tracker (Meetings and Actions tabs)', 'HO', '2026-02-02'],
  [3, 'Programme tailored to vulnerable and disadvantaged pupils, pupils with SEND and those who are absent', 'Partially achieved', 'EHCP reviews include careers; persistent absentees not yet prioritised for guidance', 'HO', '2026-01-20'],
  [3, 'Destinations tracked for three years after Year 11 and used to evaluate the programme', 'Partially achieved', 'Destinations tab; 2024 leavers\' annual re-checks incomplete', 'KB', '2025-12-01'],
  [3, 'Alumni help with the careers programme', 'Not achieved', '', 'HO', '2026-01-20'],
  [3, 'Activities challenge stereotypes and show a diverse range of role models', '', '', '', null],
  [4, 'Every subject links its learning to careers every year', 'Partially achieved', 'Maths, science, D&T, English, geography, history, computing, music done; PE, RE and languages not yet', 'HO', '2026-02-02'],
  [4, 'Careers is part of staff development', 'Achieved', 'INSET on 2 September 2025: careers in the curriculum', 'HO', '2025-09-02'],
  [4, 'Careers displays in every classroom', 'Partially achieved', 'Displays in 9 of 14 classrooms', 'DP', '2025-11-10'],
  [5, 'Every pupil has at least one meaningful employer encounter each year', 'Partially achieved', 'Year 8 employer encounter to be arranged for the summer term', 'HO', '2026-02-02'],
  [5, 'Encounters include employers of different sizes, including small businesses and the self-employed', 'Achieved', 'Careers fair 2026: 16 employers and providers, incl. sole traders', 'HO', '2026-01-30'],
  [5, 'Encounters have a clear purpose, two-way interaction and time to reflect afterwards', 'Partially achieved', 'Reflection sheets used at the careers fair only', 'MW', '2026-01-30'],
  [6, 'Every pupil has meaningful experiences of workplaces by 16', 'Partially achieved', 'Year 10 work experience week; four Year 11s still without a workplace experience', 'LF', '2025-11-03'],
  [6, 'Experiences include a task set by the employer and feedback from the employer', 'Partially achieved', 'Employer feedback forms returned for 14 of 20 placements (2024)', 'LF', '2025-11-03'],
  [6, 'Work experience activities in Years 7 to 9', 'Not achieved', 'Small group visits only so far', 'LF', '2026-01-12'],
  [6, 'A further workplace experience by 18', 'N/A', 'No sixth form', 'HO', '2025-09-12'],
  [7, 'Every pupil meets sixth forms, colleges, universities and training providers by 16', 'Achieved', 'College assemblies and tours, university visit, apprenticeship workshops', 'HO', '2026-02-11'],
  [7, 'Two provider access encounters for every pupil in Years 8-9 and again in Years 10-11', 'Partially achieved', 'Second Year 11 encounter only for a small group; National Careers Week assembly on 2 March is after the February window', 'HO', '2026-02-27'],
  [7, 'Encounters include two-way interaction with staff and learners', 'Achieved', 'Tours include Q&A with current students', 'TB', '2025-11-14'],
  [7, 'Pupils considering higher education have two visits to higher education providers by 18', 'N/A', 'No sixth form', 'HO', '2025-09-12'],
  [8, 'Every pupil has a guidance meeting with a qualified (Level 6) careers adviser by 16', 'Partially achieved', 'RC has seen most of Year 11; five still to see a qualified adviser', 'HO', '2026-02-27'],
  [8, 'Careers leader works closely with the careers adviser and the SENCO', 'Achieved', 'Half-termly meetings with RC and the SENCO', 'HO', '2025-12-15'],
  [8, 'Guidance offer explained to pupils, parents and carers, including on the website', 'Achieved', 'https://www.example.sch.uk/careers/guidance', 'KB', '2025-09-30'],
  [8, 'A further guidance meeting by 18', 'N/A', 'No sixth form', 'HO', '2025-09-12'],
  [8, 'Pupils can see the records of their guidance meetings', '', '', '', null],
];

// ---------------------------------------------------------------------------------------------
// Vacancies
// ---------------------------------------------------------------------------------------------

interface Vacancy {
  title: string;
  employer: string;
  location: string;
  level: string;
  wage: string;
  closes: Day;
  posted: Day;
  source: string;
}
// prettier-ignore
const VACANCIES: Vacancy[] = [
  { title: 'Apprentice Motor Vehicle Technician', employer: 'Castle Garage Canterbury Ltd', location: 'Canterbury', level: '2 (Intermediate)', wage: '£7.55 an hour', closes: '2026-02-13', posted: '2026-01-20', source: 'Find an apprenticeship' },
  { title: 'Apprentice Hairdresser', employer: 'Snips & Co Salon', location: 'Whitstable', level: '2 (Intermediate)', wage: '£7.55 an hour', closes: '2026-02-20', posted: '2026-01-28', source: 'Manual' },
  { title: 'Business Administration Apprentice', employer: 'Bramley & Cox Solicitors', location: 'Canterbury', level: '3 (Advanced)', wage: '£15,704 a year', closes: '2026-03-02', posted: '2026-02-02', source: 'Find an apprenticeship' },
  { title: 'Retail Team Member Apprentice', employer: 'Westgate Home & Garden', location: 'Canterbury', level: '2 (Intermediate)', wage: '£7.55 an hour', closes: '2026-03-04', posted: '2026-02-06', source: 'Manual' },
  { title: 'Early Years Practitioner Apprentice', employer: 'Little Acorns Day Nursery', location: 'Herne Bay', level: '3 (Advanced)', wage: '£7.55 an hour', closes: '2026-03-06', posted: '2026-02-26', source: 'Find an apprenticeship' },
  { title: 'Electrical Installation Apprentice', employer: 'Brightwire Electrical Services', location: 'Faversham', level: '2 (Intermediate)', wage: '£280 a week', closes: '2026-03-13', posted: '2026-02-11', source: 'Find an apprenticeship' },
  { title: 'Rail Engineering Technician Apprentice', employer: 'Invicta Rail Maintenance', location: 'Ashford', level: '3 (Advanced)', wage: '£21,000 a year', closes: '2026-03-16', posted: '2026-01-30', source: 'Find an apprenticeship' },
  { title: 'Customer Service Apprentice', employer: 'Harbour Bank plc', location: 'Canterbury', level: '2 (Intermediate)', wage: '£16,500 a year', closes: '2026-03-20', posted: '2026-02-25', source: 'Find an apprenticeship' },
  { title: 'Commis Chef Apprentice', employer: 'Kentish Coast Hotels', location: 'Margate', level: '2 (Intermediate)', wage: '£8.00 an hour plus tips', closes: '2026-03-27', posted: '2026-02-12', source: 'Manual' },
  { title: 'Maintenance Engineering Apprentice', employer: 'Stourmouth Engineering Ltd', location: 'Sandwich', level: '3 (Advanced)', wage: '£18,500 a year', closes: '2026-03-31', posted: '2026-02-09', source: 'Find an apprenticeship' },
  { title: 'IT Support Technician Apprentice', employer: 'Oast Digital Ltd', location: 'Canterbury', level: '3 (Advanced)', wage: '£17,000 a year', closes: '2026-04-03', posted: '2026-02-20', source: 'Find an apprenticeship' },
  { title: 'Carpentry and Joinery Apprentice', employer: 'Blean Construction Ltd', location: 'Canterbury', level: '2 (Intermediate)', wage: '£300 a week', closes: '2026-04-10', posted: '2026-03-02', source: 'Find an apprenticeship' },
  { title: 'Adult Care Worker Apprentice', employer: 'Castle Care Homes', location: 'Canterbury', level: '2 (Intermediate)', wage: '£7.55 an hour', closes: '2026-04-17', posted: '2026-02-27', source: 'Find an apprenticeship' },
  { title: 'Veterinary Care Assistant Apprentice', employer: 'Weald Veterinary Practice', location: 'Whitstable', level: '2 (Intermediate)', wage: '£7.55 an hour', closes: '2026-04-24', posted: '2026-02-18', source: 'Manual' },
];
const usedRefs = new Set<string>();
function vacancyRef(): string {
  for (;;) {
    const ref = `VAC${1000000000 + int(200000, 499999)}`;
    if (!usedRefs.has(ref)) {
      usedRefs.add(ref);
      return ref;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

const SETTINGS: Array<[string, string | number]> = [
  ['School name', 'Oakfield Academy'],
  ['Time zone', 'Europe/London'],
  ['Careers leader email', staffEmail(CAREERS_LEADER)],
  ['Academic year start', '1 September'],
  ['Application deadline', '31 January'],
  ['Offer deadline', '31 March'],
  ['Attendance threshold', 90],
  ['Meeting gap days', 42],
  ['Risk factors for red', 3],
  ['Bulletin new days', 7],
  ['Bulletin leaver years', 3],
  ['Evidence folder', 'https://drive.google.com/drive/folders/1OakfieldCareersEvidenceSAMPLE0000'],
  ['Evidence stale days', 120],
  ['Green at', 100],
  ['Amber at', 50],
  ['Vacancy search', '51.2798, 1.0789, 15'],
  ['Include national vacancies', 'No'],
];

// ---------------------------------------------------------------------------------------------
// Build the tab grids (and note the deliberate problems with their sheet rows)
// ---------------------------------------------------------------------------------------------

interface Tab {
  name: string;
  headers: string[];
  rows: Cell[][];
  /** fixed column widths (otherwise fitted to the content) */
  widths?: number[];
}
const yn = (b: boolean): string => (b ? 'Yes' : '');

// Pupils: on roll by year then surname; the duplicate goes at the end of Year 8; then leavers, newest first.
const byName = (a: Pupil, b: Pupil): number => (a.last === b.last ? (a.first < b.first ? -1 : 1) : a.last < b.last ? -1 : 1);
const pupilRows: Pupil[] = [];
for (const year of [7, 8, 9, 10, 11]) {
  pupilRows.push(...onRoll(year).slice().sort(byName));
  if (year === 8) {
    const original = onRoll(8).slice().sort(byName)[2];
    pupilRows.push({ ...original, first: original.first, last: `${original.last}-${pick(['Lewis', 'Reid', 'Moss'])}`, attendance: randomAttendance() });
  }
}
for (const year of [2025, 2024, 2023, 2022, 2021]) pupilRows.push(...leaversOf(year).slice().sort(byName));
// the invalid email: a leaver of 2024 with a comma for a dot
const badEmailPupil = leaversOf(2024).filter((p) => p.email).slice().sort(byName)[4];
badEmailPupil.email = badEmailPupil.email.replace('@example.com', '@example,com');
badEmailPupil.bulletin = '';

const PUPIL_HEADERS = ['Pupil ID', 'Name', 'Year', 'Form', 'Mentor', 'Leaver year', 'SEND', 'Looked after', 'Disadvantaged', 'Attendance', 'Email', 'Bulletin', 'Consent to track', 'Platform login', 'Plan A', 'Plan B', 'Application status', 'Provider', 'Course'];
const pupilsTab: Tab = {
  name: 'Pupils',
  headers: PUPIL_HEADERS,
  rows: pupilRows.map((p) => [
    p.id, fullName(p), p.year, p.form || null, p.mentor || null, p.leaverYear, p.send, yn(p.lac) || (p.year ? 'No' : null), yn(p.pp) || 'No',
    p.attendance, p.email || null, p.bulletin || null, p.consent || null, p.login || null, p.planA || null, p.planB || null,
    p.statusCell || null, p.provider || null, p.course || null,
  ]),
};
{
  const seen = new Set<string>();
  pupilRows.forEach((p, i) => {
    const row = i + 2;
    if (seen.has(p.id)) problems.push({ tab: 'Pupils', row, column: 'Pupil ID', value: p.id, why: `Duplicate Pupil ID: the pupil was added a second time (as "${fullName(p)}"). The first row wins; this row is skipped.` });
    seen.add(p.id);
    if (p.attendance === 'ninety') problems.push({ tab: 'Pupils', row, column: 'Attendance', value: 'ninety', why: `Attendance typed in words for ${fullName(p)} (Year 11): not a percentage, so it is treated as blank (not a risk factor).` });
    if (p.statusCell === 'Waiting') problems.push({ tab: 'Pupils', row, column: 'Application status', value: 'Waiting', why: `Not one of the application statuses for ${fullName(p)} (she has applied and is waiting to hear): treated as blank, so she counts as having no application.` });
    if (p === badEmailPupil) problems.push({ tab: 'Pupils', row, column: 'Email', value: p.email, why: `Invalid email (a comma instead of a dot) for ${fullName(p)}, a 2024 leaver: the bulletin skips this recipient.` });
  });
}

const staffTab: Tab = {
  name: 'Staff',
  headers: ['Initials', 'Name', 'Email', 'Role', 'Level 6'],
  rows: STAFF.map((s) => [s.initials, s.name, staffEmail(s), s.role, s.level6 || null]),
};

const meetingsTab: Tab = {
  name: 'Meetings',
  headers: ['Date', 'Pupil ID', 'Staff', 'Type', 'Grades', 'Needs', 'Options', 'Aspirations', 'Motivation', 'Notes', 'Shared with parents', 'Next meeting'],
  rows: meetings.map((m) => [
    D(m.date), m.pupil, m.staff, m.type, m.grades || null, m.needs || null, m.options || null, m.aspirations || null, m.motivation || null,
    m.notes || null, m.shared ?? null, D(m.next),
  ]),
};
meetings.forEach((m, i) => {
  if (m.problem) problems.push({ tab: 'Meetings', row: i + 2, column: 'Staff', value: m.staff, why: m.problem });
});

const actionsTab: Tab = {
  name: 'Actions',
  headers: ['Pupil ID', 'Action', 'Due', 'Owner', 'Status', 'Done on', 'Created'],
  rows: actions.map((a) => [a.pupil, a.action, a.due, a.owner, a.status, D(a.doneOn), D(a.created)]),
};
actions.forEach((a, i) => {
  if (a.problem) problems.push({ tab: 'Actions', row: i + 2, column: 'Due', value: String(a.due), why: a.problem });
});

const activitiesTab: Tab = {
  name: 'Activities',
  headers: ['Date', 'Activity', 'Type', 'Provider', 'Year groups', 'Pupils', 'Provider access', 'Benchmarks', 'Evidence'],
  rows: ACTIVITIES.map((a) => [
    D(a.date), a.activity, a.type, a.provider || null, a.years || null, a.pupils.length ? a.pupils.join(a.pupilsSep ?? ', ') : null,
    a.pal || null, a.bm || null, a.evidence ? `https://drive.google.com/file/d/${driveId()}/view` : null,
  ]),
};

const destinationsTab: Tab = {
  name: 'Destinations',
  headers: ['Pupil ID', 'Checked', 'Status', 'Provider', 'Course or role', 'Notes'],
  rows: destinations.map((d) => [d.pupil, D(d.checked), d.status, d.provider || null, d.course || null, d.notes || null]),
};

const auditTab: Tab = {
  name: 'Audit',
  headers: ['Benchmark', 'Criterion', 'Rating', 'Evidence', 'Owner', 'Reviewed'],
  rows: AUDIT.map(([bm, crit, rating, ev, owner, reviewed]) => [bm, crit, rating || null, ev || null, owner || null, D(reviewed)]),
};

const vacanciesTab: Tab = {
  name: 'Vacancies',
  headers: ['Title', 'Employer', 'Location', 'Level', 'Wage', 'Closing date', 'Link', 'Posted', 'Reference', 'Source'],
  rows: VACANCIES.map((v) => {
    const ref = vacancyRef();
    return [v.title, v.employer, v.location, v.level, v.wage, D(v.closes), `https://www.findapprenticeship.service.gov.uk/apprenticeship/${ref}`, D(v.posted), ref, v.source];
  }),
};

const settingsTab: Tab = { name: 'Settings', headers: ['Setting', 'Value'], rows: SETTINGS.map(([k, v]) => [k, v]) };
const logTab: Tab = { name: 'Log', headers: ['Time', 'Job', 'Outcome', 'Details', 'Recipient', 'Week'], rows: [], widths: [18, 16, 12, 60, 32, 10] };

// Leavers' destinations: settings, January checks, consent not recorded, dates of birth and postcodes (sample/destinations.ts).
const destinationsSample = addDestinationsSample({ settings: settingsTab, staff: staffTab, pupils: pupilsTab, destinations: destinationsTab });
const TABS: Tab[] = [settingsTab, staffTab, pupilsTab, meetingsTab, actionsTab, activitiesTab, destinationsTab, auditTab, vacanciesTab, logTab];
addRecordsSample(TABS); // Pupils Consent to share, Meetings Staff only (records.md)
addProgramme(TABS, problems);
problems.sort((a, b) => TABS.findIndex((t) => t.name === a.tab) - TABS.findIndex((t) => t.name === b.tab) || a.row - b.row);

// ---------------------------------------------------------------------------------------------
// Write the workbook
// ---------------------------------------------------------------------------------------------

function cellText(c: Cell): string {
  if (c === null) return '';
  if (isDateCell(c)) return '00/00/0000';
  return String(c);
}

async function writeWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Careers Tracker sample';
  wb.lastModifiedBy = 'Careers Tracker sample';
  wb.created = FIXED_TIME;
  wb.modified = FIXED_TIME;
  for (const tab of TABS) {
    const ws = wb.addWorksheet(tab.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = ws.addRow(tab.headers);
    header.font = { bold: true };
    for (const r of tab.rows) {
      const row = ws.addRow(r.map((c) => (c === null ? null : isDateCell(c) ? new Date(toMs(c.date)) : c)));
      r.forEach((c, i) => {
        if (isDateCell(c)) row.getCell(i + 1).numFmt = 'dd/mm/yyyy';
        if (typeof c === 'string' && c.includes('\n')) row.getCell(i + 1).alignment = { wrapText: true, vertical: 'top' };
      });
    }
    tab.headers.forEach((h, i) => {
      let w = h.length + 2;
      for (const r of tab.rows) {
        const lines = cellText(r[i]).split('\n');
        for (const line of lines) w = Math.max(w, line.length + 2);
      }
      ws.getColumn(i + 1).width = tab.widths ? tab.widths[i] : Math.min(Math.max(w, 8), 60);
    });
  }
  await wb.xlsx.writeFile(file);
}

// ---------------------------------------------------------------------------------------------
// Evidence folder
// ---------------------------------------------------------------------------------------------

interface EvidenceFile {
  path: string;
  day: Day | null; // null: hidden placeholder, not in the manifest
  text: string;
}
// prettier-ignore
const EVIDENCE: EvidenceFile[] = [
  { path: 'BM1 Stable careers programme/Careers programme 2025-26.txt', day: '2025-09-08', text: 'Oakfield Academy careers programme 2025-26.\nTermly calendar of careers actions, each tagged BM1 to BM8. Approved by governors 14 October 2025.\n' },
  { path: 'BM1 Stable careers programme/Careers policy (ratified October 2025).txt', day: '2025-10-15', text: 'Careers education, information, advice and guidance policy.\nRatified by the governing body, October 2025. Review date: October 2026.\n' },
  { path: 'BM1 Stable careers programme/Provider access policy statement.txt', day: '2025-09-30', text: 'Provider access policy statement: how education and training providers can speak to pupils in Years 8 to 11.\n' },
  { path: 'BM1 Stable careers programme/Careers report to governors January 2026.txt', day: '2026-01-26', text: 'Termly careers report to the governing body: progress against the benchmarks, Year 11 destinations so far.\n' },
  { path: 'BM1 Stable careers programme/Compass evaluation summer 2025.txt', day: '2025-07-10', text: 'Notes from the summer 2025 Compass evaluation and review meeting with the careers hub.\n' },
  { path: 'BM2 - Labour market information/Year 10 LMI lesson plan.txt', day: '2025-11-18', text: 'Year 10 LMI lesson: Kent growth sectors, typical wages, routes in.\nResources: hub LMI slides, job adverts from the bulletin.\n' },
  { path: 'BM2 - Labour market information/Kent growth sectors assembly.md', day: '2025-09-10', text: '# KS4 assembly: the Kent labour market in 2025\n\nSlides and script from the Garden of England Careers Hub.\n' },
  { path: 'BM2 - Labour market information/LMI noticeboard.txt', day: '2024-11-04', text: 'Careers noticeboard outside the library: LMI posters, updated each half term.\n' },
  { path: 'Benchmark 3 Needs of each pupil/Year 11 mentor allocations 2025-26.txt', day: '2025-09-05', text: 'Year 11 mentor allocations by staff initials. See the Pupils tab of the tracker for the live list.\n' },
  { path: 'Benchmark 3 Needs of each pupil/Leaver destinations 2023-2025.csv', day: '2025-11-28', text: 'Leaver year,Leavers,Checked this year,Not known\n2023,20,9,1\n2024,20,13,1\n2025,20,19,1\n' },
  { path: 'Benchmark 3 Needs of each pupil/Aspiration setting proforma.txt', day: '2024-09-04', text: 'Aspiration setting proforma for form tutors: my goal, my steps, who can help, our school values.\n' },
  { path: 'Benchmark 3 Needs of each pupil/Careers support meeting agenda.md', day: '2025-09-12', text: '# Careers support meeting\n\n- Grades achieved in Year 10\n- Emotional, behavioural and academic needs\n- Option choices\n- Post-16 aspirations\n- Motivation triggers\n' },
  { path: '4. Curriculum links/Subject careers links map.csv', day: '2025-12-12', text: 'Subject,Year,Activity,Term\nMaths,10,Careers that use maths,1\nScience,10,Healthcare science talk,1\nGeography,8,River and coastal management,1\nComputing,8,Cyber security,2\n' },
  { path: '4. Curriculum links/Science healthcare talk feedback.txt', day: '2025-10-23', text: 'Pupil feedback from the healthcare science careers talk: 11 of 13 found it useful.\n' },
  { path: 'BM5 Employer encounters/Employer talk register.csv', day: '2026-01-29', text: 'Date,Employer,Year groups,Pupils\n2025-10-01,Harbour Bank plc,Y11,25\n2026-01-07,Rotary volunteers,Y11,24\n2026-01-28,Careers fair (16 employers),Y9-Y11,48\n' },
  { path: 'BM5 Employer encounters/Careers fair photos.md', day: '2026-01-30', text: '# Careers fair 2026 photos\n\nPhotos are in the shared album; consent checked against the photo list.\n' },
  { path: 'BM5 Employer encounters/Careers fair 2025 feedback.txt', day: '2025-02-10', text: 'Employer and pupil feedback from the 2025 careers fair.\n' },
  { path: '6) Workplace experiences/Work experience week 2024 placements.csv', day: '2024-10-25', text: 'Placement,Sector,Pupils\nCastle Care Homes,Care,3\nBlean Construction Ltd,Construction,2\nWeald Veterinary Practice,Animal care,2\n' },
  { path: '6) Workplace experiences/Health and safety checks 2024.txt', day: '2024-10-07', text: 'Placement health and safety checks completed by the work experience coordinator, October 2024.\n' },
  { path: 'BM7 FE and HE encounters/University visit risk assessment 2025.txt', day: '2025-03-01', text: 'Risk assessment for the Year 10 visit to East Kent University, March 2025.\n' },
  { path: 'BM7 FE and HE encounters/2025-26/College visits/Stour Valley College tour register.csv', day: '2025-11-12', text: 'Date,College,Pupils\n2025-11-12,Stour Valley College,10\n' },
  { path: 'BM7 FE and HE encounters/2025-26/College visits/Swale Coast College tour notes.txt', day: '2025-11-13', text: 'Swale Coast College tour: construction, animal care and digital departments; Q&A with students.\n' },
  { path: 'BM7 FE and HE encounters/2025-26/Apprenticeship workshop slides.md', day: '2025-11-05', text: '# Apprenticeships workshop\n\nGarden of England Training: what an apprenticeship is, levels, wages, how to apply.\n' },
  { path: 'BM8 Personal guidance/.keep', day: null, text: '' },
  { path: 'Old stuff 2019/Careers fair 2019 flyer.txt', day: '2024-05-14', text: 'Flyer for the 2019 careers fair.\n' },
  { path: 'Old stuff 2019/Old careers plan.txt', day: '2024-05-14', text: 'Careers plan 2018-19 (superseded).\n' },
  { path: 'BM10 Archive/Archived careers plan 2021-22.txt', day: '2024-03-20', text: 'Careers plan 2021-22, archived.\n' },
];
/** Which benchmark a direct subfolder belongs to (rules.md, Evidence report). */
function folderBenchmark(name: string): number | null {
  const m = /^(?:bm\s?|benchmark\s?)?([1-8])(?![0-9])(.?)/i.exec(name);
  if (!m) return null;
  const prefixed = /^(bm|benchmark)/i.test(name);
  if (prefixed) return Number(m[1]);
  return /^[.\-) ]$/.test(m[2]) ? Number(m[1]) : null;
}

function writeEvidence(): Record<string, string> {
  const root = path.join(SAMPLE_DIR, 'evidence');
  fs.rmSync(root, { recursive: true, force: true });
  const manifest: Record<string, string> = {};
  for (const f of EVIDENCE) {
    const file = path.join(root, ...f.path.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, f.text);
    if (f.day) {
      manifest[f.path] = f.day;
      const when = new Date(`${f.day}T12:00:00Z`);
      fs.utimesSync(file, when, when);
    }
  }
  const sorted: Record<string, string> = {};
  for (const k of Object.keys(manifest).sort()) sorted[k] = manifest[k];
  fs.writeFileSync(path.join(SAMPLE_DIR, 'evidence-dates.json'), `${JSON.stringify(sorted, null, 2)}\n`);
  return sorted;
}

// ---------------------------------------------------------------------------------------------
// What the jobs should find (a small, independent reading of rules.md over the designed data)
// ---------------------------------------------------------------------------------------------

const validPupils = (() => {
  const seen = new Set<string>();
  return pupilRows.filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
})();
const rollNow = validPupils.filter((p) => p.year !== null);
const validMeetings = meetings.filter((m) => !m.problem);
const validActions = actions.filter((a) => !a.problem);
const yearAt = (p: Pupil, d: Day): number => (p.year as number) - (ayStart(TODAY) - ayStart(d));
const attendees = (a: Activity): Set<string> => {
  const years = a.years ? a.years.split(/[,;/\n]+/).map((s) => Number(s.replace(/[^0-9]/g, ''))) : [];
  const out = new Set<string>(a.pupils);
  for (const p of rollNow) if (years.includes(yearAt(p, a.date))) out.add(p.id);
  return out;
};
const TYPE_DEFAULT: Record<string, number[]> = {
  'Careers information': [2], 'Curriculum link': [4], 'Employer encounter': [5], 'Careers fair': [5], 'Workplace experience': [6],
  'Further education': [7], 'College visit': [7], 'Higher education': [7], 'University visit': [7], 'Technical provider': [7], Other: [],
};
const countsFor = (a: Activity, n: number): boolean => {
  const listed = a.bm ? a.bm.split(/[,;/\n]+/).map((s) => Number(s.replace(/[^0-9]/g, ''))) : [];
  return listed.length ? listed.includes(n) : (TYPE_DEFAULT[a.type] || []).includes(n);
};
const isPal = (a: Activity): boolean => (a.pal ? a.pal === 'Yes' : a.type === 'Technical provider');
const pastActs = ACTIVITIES.filter((a) => a.date <= TODAY);
const thisYearActs = pastActs.filter((a) => a.date >= YEAR_START);

interface Measured {
  key: string;
  bm: number;
  met: number;
  cohort: number;
}
function measured(): Measured[] {
  const count = (cohort: Pupil[], test: (p: Pupil) => boolean): [number, number] => [cohort.filter(test).length, cohort.length];
  const attendedAny = (acts: Activity[], n: number) => {
    const s = new Set<string>();
    for (const a of acts) if (countsFor(a, n)) for (const id of attendees(a)) s.add(id);
    return s;
  };
  const out: Measured[] = [];
  const push = (key: string, bm: number, [met, cohort]: [number, number]) => {
    if (cohort > 0) out.push({ key, bm, met, cohort });
  };
  const bm2 = attendedAny(thisYearActs, 2);
  push('bm2.information', 2, count(rollNow, (p) => bm2.has(p.id)));
  const metThisYear = new Set(validMeetings.filter((m) => m.date >= YEAR_START && m.date <= TODAY).map((m) => m.pupil));
  push('bm3.records', 3, count(rollNow.filter((p) => (p.year as number) >= 9), (p) => metThisYear.has(p.id)));
  // activities-and-scores.md: recent leavers with consent to track (not No)
  // sample/destinations.ts blanks the consent of the first 2025 leaver whose consent was No (blank counts as consent)
  const blanked = validPupils.find((p) => p.leaverYear === 2025 && p.consent === 'No');
  const recent = validPupils.filter((p) => p.leaverYear !== null && p.leaverYear >= ayStart(TODAY) - 3 + 1 && (p.consent !== 'No' || p === blanked));
  const from = addDays(TODAY, -365);
  push('bm3.destinations', 3, count(recent, (p) => destinations.some((d) => d.pupil === p.id && d.status !== 'Not known' && d.checked >= from && d.checked <= TODAY)));
  const bm4 = attendedAny(thisYearActs, 4);
  push('bm4.curriculum', 4, count(rollNow, (p) => bm4.has(p.id)));
  const bm5 = attendedAny(thisYearActs, 5);
  push('bm5.employers', 5, count(rollNow, (p) => bm5.has(p.id)));
  const y11s = rollNow.filter((p) => p.year === 11);
  // Revised criteria (activities-and-scores.md): workplace experiences on 2 different days by 16;
  // one encounter of each of FE, HE and a technical provider by 16; provider access from 2 providers.
  const workplaceDays = (p: Pupil) => new Set(pastActs.filter((a) => countsFor(a, 6) && attendees(a).has(p.id)).map((a) => a.date)).size;
  push('bm6.by16', 6, count(y11s, (p) => workplaceDays(p) >= 2));
  push('bm6.by18', 6, count(rollNow.filter((p) => p.year === 13), (p) => workplaceDays(p) >= 3));
  const CANONICAL: Record<string, string> = { 'College visit': 'Further education', 'University visit': 'Higher education' };
  const ofType = (type: string) => {
    const s = new Set<string>();
    for (const a of pastActs) if (countsFor(a, 7) && (CANONICAL[a.type] ?? a.type) === type) for (const id of attendees(a)) s.add(id);
    return s;
  };
  const fe = ofType('Further education');
  const he = ofType('Higher education');
  const tp = ofType('Technical provider');
  push('bm7.by16', 7, count(y11s, (p) => fe.has(p.id) && he.has(p.id) && tp.has(p.id)));
  const pal = (p: Pupil): Activity[] =>
    pastActs.filter((a) => {
      if (!isPal(a) || !attendees(a).has(p.id)) return false;
      const y = yearAt(p, a.date);
      const phase = p.year === 9 ? [8, 9] : [10, 11];
      if (!phase.includes(y)) return false;
      if (y === p.year) {
        const m = +a.date.slice(5, 7);
        return m >= 9 || m <= 2;
      }
      return true;
    });
  const providers = (acts: Activity[]) => new Set(acts.map((a) => a.provider.trim().replace(/\s+/g, ' ').toLowerCase())).size;
  push('bm7.provider-access', 7, count(rollNow.filter((p) => p.year === 9 || p.year === 11), (p) => pal(p).length >= 2 && providers(pal(p)) >= 2));
  push('bm8.by16', 8, count(y11s, (p) => validMeetings.some((m) => m.pupil === p.id && m.type === 'Guidance' && LEVEL6.has(m.staff) && m.date <= TODAY)));
  return out;
}

interface Flag {
  name: string;
  mentor: string;
  status: string;
  level: 'red' | 'amber';
  reasons: string[];
  daysSinceMeeting: number | null;
}
function unplaced(): { placed: number; flags: Flag[]; septemberGuarantee: number } {
  const flags: Flag[] = [];
  let placed = 0;
  let sg = 0;
  const gapFrom = addDays(TODAY, -42);
  for (const p of rollNow.filter((x) => x.year === 11)) {
    const known = ['Not started', 'Researching', 'Applied', 'Interview', 'Offer', 'Accepted', 'Rejected', 'Withdrawn'];
    const status = known.includes(p.statusCell) ? p.statusCell : '';
    if (status !== 'Offer' && status !== 'Accepted') sg++;
    if (status === 'Accepted') {
      placed++;
      continue;
    }
    const reasons: string[] = [];
    let red = false;
    if (status === '' || status === 'Not started' || status === 'Researching') {
      reasons.push('no-application');
      red = TODAY >= '2026-01-31';
    } else if (status === 'Applied' || status === 'Interview') {
      reasons.push('no-offer');
      red = TODAY >= '2026-03-31';
    } else if (status === 'Offer') {
      reasons.push('offer-not-accepted');
      red = TODAY >= '2026-03-31';
    } else {
      reasons.push('no-live-application');
      red = true;
    }
    const mine = validMeetings.filter((m) => m.pupil === p.id && m.date <= TODAY);
    const last = mine.reduce<Day | null>((a, m) => (a === null || m.date > a ? m.date : a), null);
    const risks: string[] = [];
    if (!p.planB) risks.push('no-plan-b');
    if (typeof p.attendance === 'number' && p.attendance < 90) risks.push('low-attendance');
    if (!p.mentor) risks.push('no-mentor');
    if (!mine.some((m) => m.date >= gapFrom)) risks.push('no-recent-meeting');
    if (validActions.some((a) => a.pupil === p.id && a.status === 'Open' && isDateCell(a.due) && a.due.date < TODAY)) risks.push('overdue-actions');
    if (!mine.some((m) => m.type === 'Guidance' && LEVEL6.has(m.staff))) risks.push('no-guidance');
    if (p.login !== 'Yes') risks.push('no-platform-login');
    if (p.send === 'EHCP') risks.push('ehcp');
    if (p.lac) risks.push('looked-after');
    reasons.push(...risks);
    flags.push({ name: fullName(p), mentor: p.mentor, status: p.statusCell || '(blank)', level: red || risks.length >= 3 ? 'red' : 'amber', reasons, daysSinceMeeting: last ? daysBetween(last, TODAY) : null });
  }
  flags.sort((a, b) => (a.level === b.level ? (a.name < b.name ? -1 : 1) : a.level === 'red' ? -1 : 1));
  return { placed, flags, septemberGuarantee: sg };
}

const EMAIL_RE = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[A-Za-z]{2,}$/;
function bulletin(): { open: number; isNew: number; closingSoon: number; recipients: number; invalid: number; duplicates: number; oldLeaversWithEmail: number } {
  const open = VACANCIES.filter((v) => v.closes >= TODAY);
  const recentFrom = ayStart(TODAY) - 3 + 1;
  const candidates = validPupils.filter((p) => p.email && p.bulletin !== 'No' && (p.year === 11 || (p.leaverYear !== null && p.leaverYear >= recentFrom)));
  const valid = candidates.filter((p) => EMAIL_RE.test(p.email));
  const unique = new Set(valid.map((p) => p.email.toLowerCase()));
  return {
    open: open.length,
    isNew: open.filter((v) => v.posted > addDays(TODAY, -7) && v.posted <= TODAY).length,
    closingSoon: open.filter((v) => v.closes <= addDays(TODAY, 6)).length,
    recipients: unique.size,
    invalid: candidates.length - valid.length,
    duplicates: valid.length - unique.size,
    oldLeaversWithEmail: validPupils.filter((p) => p.leaverYear !== null && p.leaverYear < recentFrom && p.email).length,
  };
}

function evidenceReport(): Array<{ folder: string; bm: number | null; files: number; thisYear: number; latest: Day | null; status: string }> {
  const folders = Array.from(new Set(EVIDENCE.map((f) => f.path.split('/')[0])));
  const staleFrom = addDays(TODAY, -120);
  return folders.map((folder) => {
    const files = EVIDENCE.filter((f) => f.path.split('/')[0] === folder && f.day && !f.path.split('/').some((s) => s.startsWith('.')));
    const latest = files.reduce<Day | null>((a, f) => (a === null || (f.day as Day) > a ? (f.day as Day) : a), null);
    const bm = folderBenchmark(folder);
    const status = files.length === 0 ? 'Empty' : latest !== null && latest >= staleFrom ? 'OK' : 'Stale';
    return { folder, bm, files: files.length, thisYear: files.filter((f) => (f.day as Day) >= YEAR_START).length, latest, status };
  });
}

// ---------------------------------------------------------------------------------------------
// README
// ---------------------------------------------------------------------------------------------

const BM_NAMES = [
  '', 'A stable careers programme', 'Learning from career and labour market information', 'Addressing the needs of each young person',
  'Linking curriculum learning to careers', 'Encounters with employers and employees', 'Experiences of workplaces',
  'Encounters with further and higher education', 'Personal guidance',
];
const round1 = (x: number): number => Math.floor(x * 10 + 0.5 + 1e-9) / 10;
const pct = (met: number, cohort: number): string => `${round1((100 * met) / cohort).toFixed(1)}%`;

function readme(manifest: Record<string, string>): string {
  const L: string[] = [];
  const count = (pred: (p: Pupil) => boolean) => pupilRows.filter(pred).length;
  const m = measured();
  const u = unplaced();
  const b = bulletin();
  const ev = evidenceReport();
  const typeCounts = (rows: Meeting[]) => {
    const c: Record<string, number> = {};
    for (const r of rows) c[r.type] = (c[r.type] || 0) + 1;
    return Object.keys(c).sort().map((k) => `${k} ${c[k]}`).join(', ');
  };
  const actOpenOverdue = validActions.filter((a) => a.status === 'Open' && isDateCell(a.due) && a.due.date < TODAY).length;
  const actOpenLater = validActions.filter((a) => a.status === 'Open' && isDateCell(a.due) && a.due.date >= TODAY).length;
  const actDone = actions.filter((a) => a.status === 'Done').length;
  const destLatest = new Map<string, Destination>();
  for (const d of destinations) {
    const cur = destLatest.get(d.pupil);
    if (!cur || d.checked > cur.checked) destLatest.set(d.pupil, d);
  }
  const recentLeavers = validPupils.filter((p) => p.leaverYear !== null && p.leaverYear >= 2023);
  const staleLeavers = recentLeavers.filter((p) => {
    const d = destLatest.get(p.id);
    return d && d.checked < addDays(TODAY, -365);
  }).length;
  const noDest = recentLeavers.filter((p) => !destLatest.has(p.id)).length;
  const ratingCounts: Record<string, number> = {};
  for (const a of AUDIT) ratingCounts[a[2] || '(blank)'] = (ratingCounts[a[2] || '(blank)'] || 0) + 1;

  // Indicative benchmark scores (measured + audit criteria)
  const scoreRows: string[] = [];
  let achieved = 0;
  for (let bm = 1; bm <= 8; bm++) {
    const values: number[] = [];
    const parts: string[] = [];
    for (const c of m.filter((x) => x.bm === bm)) {
      values.push(c.met / c.cohort);
      parts.push(`\`${c.key}\` ${c.met}/${c.cohort}`);
    }
    const audit = AUDIT.filter((a) => a[0] === bm && a[2] !== 'N/A');
    for (const a of audit) values.push(a[2] === 'Achieved' ? 1 : a[2] === 'Partially achieved' ? 0.5 : 0);
    parts.push(`${audit.length} audit (${AUDIT.filter((a) => a[0] === bm && a[2] === 'N/A').length} N/A)`);
    const score = values.length ? (100 * values.reduce((s, v) => s + v, 0)) / values.length : null;
    const status = !values.length ? 'Not assessed' : values.every((v) => v === 1) ? 'Achieved' : values.every((v) => v === 0) ? 'Not started' : 'In progress';
    if (status === 'Achieved') achieved++;
    const rag = score === null ? '' : score >= 100 ? 'green' : score >= 50 ? 'amber' : 'red';
    scoreRows.push(`| ${bm} ${BM_NAMES[bm]} | ${parts.join('; ')} | ${score === null ? '–' : round1(score).toFixed(1)} | ${status} | ${rag} |`);
  }

  L.push('# Sample tracker: Oakfield Academy (fictional)');
  L.push('');
  L.push('The bundled sample for `careers-tracker demo` and for trying the jobs by hand: the careers tracker of');
  L.push('**Oakfield Academy**, a small fictional 11-16 school near Canterbury, Kent, in the academic year 2025-26, **as of');
  L.push('Monday 2 March 2026** (run the jobs with `--today 2026-03-02`). It is modelled on the seed documents (an');
  L.push('alternative-provision academy\'s careers programme: Year 11 mentors by staff initials, careers support meetings,');
  L.push('the termly calendar tagged BM1-BM8, the weekly apprenticeship email, the September Guarantee, three-year leaver');
  L.push('tracking and Drive benchmark folders). The school, the people, the colleges, providers and employers are all');
  L.push('invented. Staff addresses use `example.sch.uk`, pupils\' `pupils.example.sch.uk`, leavers\' `example.com`.');
  L.push('');
  L.push('| File | What it is |');
  L.push('|---|---|');
  L.push('| `tracker.xlsx` | the workbook, tabs and canonical column names as in `spec/tracker.md` |');
  L.push('| `evidence/` | the benchmark evidence folders, as on the school\'s Drive |');
  L.push('| `evidence-dates.json` | each evidence file\'s intended last-updated day; git keeps no modification times, so the `demo` command applies it after copying (noon UTC) |');
  L.push('| `make-sample.ts` | the script that makes all of the above, and this README |');
  L.push('');
  L.push('A `vacancies-response.json` beside them, if present, is not made by this script: it is a saved Find an');
  L.push('apprenticeship response that `demo` gives to `import-vacancies`, so the demo\'s bulletin lists those vacancies too,');
  L.push('on top of the ones open in the workbook. Five of its six adverts start after Friday 26 June 2026, when Year 11');
  L.push('may leave school; the dental nurse post starts on 20 April, so only leavers\' emails list it.');
  L.push('');
  L.push('## Regenerate');
  L.push('');
  L.push('```');
  L.push('npx tsx sample/make-sample.ts');
  L.push('```');
  L.push('');
  L.push(`Deterministic: one seeded PRNG (mulberry32, seed ${SEED}) and fixed dates; the workbook's created and modified`);
  L.push('times are fixed at 2026-03-02 08:00 UTC. Two runs give the same cell values, the same evidence files and the same');
  L.push('manifest and README; only the zip container bytes of the `.xlsx` may differ. Do not edit the outputs by hand:');
  L.push('change the script and rerun it.');
  L.push('');
  L.push('## What the tabs hold');
  L.push('');
  L.push('Every tab has its header in row 1 (bold, frozen); dates are real date cells (`dd/mm/yyyy`).');
  L.push('');
  L.push('| Tab | Rows | Contents |');
  L.push('|---|---|---|');
  L.push(`| Settings | ${settingsTab.rows.length} | every setting of \`tracker.md\`; Vacancy search \`51.2798, 1.0789, 15\` (Canterbury, 15 miles) |`);
  L.push(`| Staff | ${staffTab.rows.length} | careers leader (also a mentor), ${STAFF.filter((s) => /Mentor/.test(s.role)).length - 1} more mentors (some also form tutors), a Level 6 careers adviser (RC), a careers adviser without Level 6 (JA), an admin, a governor |`);
  L.push(`| Pupils | ${pupilsTab.rows.length} | ${rollNow.length} on roll (Y7 ${count((p) => p.year === 7)}, Y8 ${count((p) => p.year === 8) - 1}, Y9 ${count((p) => p.year === 9)}, Y10 ${count((p) => p.year === 10)}, Y11 ${count((p) => p.year === 11)}), plus 1 duplicate row; ${leavers.length} leavers (2025: ${leaversOf(2025).length}, 2024: ${leaversOf(2024).length}, 2023: ${leaversOf(2023).length}, 2022: ${leaversOf(2022).length}, 2021: ${leaversOf(2021).length}) |`);
  L.push(`| Meetings | ${meetingsTab.rows.length} | ${typeCounts(meetings)}; 1 September 2025 to 27 February 2026, plus one Year 10 guidance meeting in June 2025 |`);
  L.push(`| Actions | ${actionsTab.rows.length} | ${actDone} done, ${actOpenOverdue} open and overdue on 2 March 2026, ${actOpenLater} open and due on or after 2 March, 1 with an unreadable date |`);
  L.push(`| Activities | ${activitiesTab.rows.length} | ${ACTIVITIES.filter((a) => a.date < YEAR_START).length} in 2024-25, ${thisYearActs.length} from September 2025 to 2 March 2026, ${ACTIVITIES.filter((a) => a.date > TODAY).length} planned; ${ACTIVITIES.filter((a) => !a.evidence).length} without an Evidence link |`);
  L.push(`| Destinations | ${destinationsTab.rows.length} | checks for ${new Set(destinations.map((d) => d.pupil)).size} leavers: October after leaving, then an annual re-check; ${staleLeavers} recent leavers whose latest check is more than 365 days old, ${noDest} recent leavers with no check (no consent) |`);
  L.push(`| Audit | ${auditTab.rows.length} | 3-5 school-level criteria per benchmark (updated 2025 benchmarks); ratings: ${Object.keys(ratingCounts).sort().map((k) => `${k} ${ratingCounts[k]}`).join(', ')} |`);
  L.push(`| Vacancies | ${vacanciesTab.rows.length} | Kent apprenticeships; ${b.open} open on 2 March 2026 (${VACANCIES.length - b.open} already closed), ${b.closingSoon} closing within 7 days, ${b.isNew} posted within the last 7 days |`);
  L.push('| Log | 0 | header only |');
  L.push('');
  L.push('## Deliberate problems');
  L.push('');
  L.push(`Exactly ${problems.length}, the kind a real tracker has. \`careers-tracker check\` should report each of them (and nothing`);
  L.push('else); every other value is valid per `tracker.md`.');
  L.push('');
  L.push('| Tab | Row | Column | Value | Why |');
  L.push('|---|---|---|---|---|');
  for (const p of problems) L.push(`| ${p.tab} | ${p.row} | ${p.column} | \`${p.value}\` | ${p.why} |`);
  L.push('');
  L.push('## What the jobs should find on 2 March 2026');
  L.push('');
  L.push('Worked out by `make-sample.ts` from the data it designs, following `rules.md` (skipped rows left out, invalid');
  L.push('optional values read as blank). If a job disagrees, check both.');
  L.push('');
  L.push('### Unplaced Year 11');
  L.push('');
  L.push(`Cohort 25, placed (Accepted) ${u.placed}, flagged ${u.flags.length}: ${u.flags.filter((f) => f.level === 'red').length} red and ${u.flags.filter((f) => f.level === 'amber').length} amber. September Guarantee list (neither Offer nor Accepted): ${u.septemberGuarantee}.`);
  L.push('');
  L.push('| Level | Pupil | Mentor | Status cell | Days since last meeting | Reasons |');
  L.push('|---|---|---|---|---|---|');
  for (const f of u.flags) L.push(`| ${f.level} | ${f.name} | ${f.mentor || '–'} | ${f.status} | ${f.daysSinceMeeting ?? '–'} | ${f.reasons.join(', ')} |`);
  L.push('');
  L.push('### Benchmark scores (indicative)');
  L.push('');
  L.push(`Achieved: ${achieved} of 8.`);
  L.push('');
  L.push('| Benchmark | Criteria | Score | Status | RAG |');
  L.push('|---|---|---|---|---|');
  L.push(...scoreRows);
  L.push('');
  L.push('### Bulletin');
  L.push('');
  L.push(`${b.open} open vacancies (week key \`2026-W10\`, subject "Apprenticeship vacancies – week of 2 March 2026"), ${b.recipients} recipients:`);
  L.push('Year 11s and 2023-2025 leavers with a valid Email whose Bulletin is not No, addresses de-duplicated ignoring case.');
  L.push(`${b.invalid} invalid address skipped (a deliberate problem); ${b.duplicates} address shared by two siblings with different capitals, sent once;`);
  L.push(`${b.oldLeaversWithEmail} leavers of 2021 and 2022 have an Email but are outside the three leaver years and get nothing.`);
  L.push('');
  L.push('### Evidence folder');
  L.push('');
  L.push('Statuses on 2 March 2026 with `Evidence stale days` 120 (so a file counts as recent from 2 November 2025), once');
  L.push('`evidence-dates.json` has been applied. Hidden files (names starting with `.`) are not evidence: the evidence job');
  L.push('must ignore them. `BM8 Personal guidance/` holds only `.keep`, because git cannot keep an empty folder, and is meant to');
  L.push('be **Empty**.');
  L.push('');
  L.push('| Folder | Benchmark | Files | Updated this year | Latest | Status |');
  L.push('|---|---|---|---|---|---|');
  for (const e of ev) L.push(`| \`${e.folder}\` | ${e.bm ?? 'none (unmatched)'} | ${e.files} | ${e.thisYear} | ${e.latest ?? '–'} | ${e.bm ? e.status : 'listed as unmatched'} |`);
  L.push('');
  L.push(`Unmatched folders: ${ev.filter((e) => !e.bm).map((e) => `\`${e.folder}\``).join(', ')} (\`BM10\` matches nothing: the 1 is followed by another digit).`);
  const noEvidence = ACTIVITIES.filter((a) => !a.evidence);
  L.push(`Activities without evidence: ${noEvidence.filter((a) => a.date <= TODAY).length} dated up to 2 March 2026 (${noEvidence.length} rows with a blank Evidence link, one of them the planned activity of 12 March).`);
  L.push(`The manifest lists ${Object.keys(manifest).length} files.`);
  L.push('');
  L.push('## Edge cases on purpose');
  L.push('');
  L.push('- Arjun Sharma\'s last meeting is on 19 January 2026, exactly 42 days before 2 March: it still counts as recent. Chloé Martin\'s is on 16 January (45 days): `no-recent-meeting`.');
  L.push('- Jayden Mensah\'s only meeting with the Level 6 adviser was in June 2025 (Year 10): it counts for Benchmark 8 and `no-guidance` ("ever"). His meeting with JA (not Level 6) counts for neither.');
  L.push('- Guidance meetings by JA (Careers adviser, Level 6 `No`) are valid rows that do not count for Benchmark 8.');
  L.push('- Aisha Begum has an open action due on 2 March 2026 itself: not overdue.');
  L.push('- Provider access: a college talk marked `Provider access` Yes (type Further education); an after-school options evening of type Technical provider marked No; the National Careers Week apprenticeship assembly on 2 March 2026 is in Year 11 (and Year 9) after the end of February, so it does not count for provider access, though it counts for `bm7.by16`.');
  L.push('- Benchmarks overriding the type: `4, 5` on a science talk and `BM4; BM5` on a food technology demonstration; `BM2` on an Other activity; `BM3` and `BM8, BM3` on Other activities (no measured criterion); an Other activity with no Benchmarks counts for nothing.');
  L.push('- Type aliases in Activities: `Careers fair`, `College visit`, `University visit`. Pupil IDs in one activity are separated by new lines.');
  L.push('- A planned activity after today (12 March 2026) must not count.');
  L.push('- Vacancies: one closes on 2 March 2026 (still open, closing soon), one was posted on 2 March 2026 (new); employers with `&` in their names (HTML escaping).');
  L.push('- Names with non-ASCII letters (Łukasz, Siobhán, Zoë, Chloé, Kacper Wiśniewski, and more among the generated names) and apostrophes (Niamh O\'Brien).');
  L.push('- Two Year 11s (Dylan Walker, a January managed move, and Reuben Ali) have no mentor.');
  L.push('- `mis-export.csv` (made by `pupils-import.ts`): the pupils on roll as a SIMS report exports them (BOM, CRLF, `K - SEN Support` codes, forename and surname), with 2 joiners, 3 form changes in Year 8, 1 Year 10 who left, a `Year 14` and a UPN exported twice. `npm start` imports it after the other jobs.');
  L.push(...destinationsSample.readme);
  L.push('');
  return L.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  await writeWorkbook(path.join(SAMPLE_DIR, 'tracker.xlsx'));
  await writeMisExport(SAMPLE_DIR);
  const manifest = writeEvidence();
  fs.writeFileSync(path.join(SAMPLE_DIR, 'README.md'), readme(manifest) + programmeReadme());
  const u = unplaced();
  console.log(
    `sample: ${TABS.map((t) => `${t.name} ${t.rows.length}`).join(', ')}; ` +
      `${problems.length} deliberate problems; unplaced ${u.flags.length} (${u.flags.filter((f) => f.level === 'red').length} red); ` +
      `${Object.keys(manifest).length} evidence files`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
