/**
 * An independent, hand-worked check of `careers-tracker score --json` against the spec
 * (rules.md "Benchmark scores" as revised by activities-and-scores.md). Two trackers built
 * from scratch; every figure below was worked out by hand from the spec's words before the
 * job was run, and the working is in the comments.
 */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { workbookOf } from '../support/workbook';
import { main } from '../../src/node/cli';
import type { CellValue, DayCell } from '../../src/ports';

const d = (day: string): DayCell => ({ day });

async function score(file: string, today: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['score', '--workbook', file, '--today', today, '--json'], { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
  expect(err.join('')).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out.join(''));
}

async function saved(tabs: Record<string, CellValue[][]>): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hand-worked-')), 'tracker.xlsx');
  await workbookOf(tabs).save(file);
  return file;
}

type Crit = { key: string; met?: number; cohort?: number; value: number };
const criteria = (j: { benchmarks: { criteria: Crit[] }[] }) =>
  Object.fromEntries(j.benchmarks.flatMap((b) => b.criteria.filter((c) => c.key !== 'audit').map((c) => [c.key, [c.met ?? null, c.cohort ?? null, round(c.value)]])));
const round = (x: number) => Math.round(x * 1e6) / 1e6;
const breakdowns = (j: { breakdowns: { key: string; groups: { group: string; pupils: number; met: number | null; pct: number | null; gap: number | null }[] }[] }) =>
  Object.fromEntries(j.breakdowns.map((b) => [b.key, Object.fromEntries(b.groups.map((g) => [g.group, [g.pupils, g.met, g.pct, g.gap]]))]));

const PUPILS_HEADER = ['Pupil ID', 'Name', 'Year', 'Form', 'Leaver year', 'SEND', 'Looked after', 'Disadvantaged', 'Consent to track'];
const ACTIVITIES_HEADER = ['Date', 'Activity', 'Type', 'Provider', 'Year groups', 'Forms', 'Pupils', 'Absent', 'Provider access', 'Benchmarks', 'Evidence'];
const STAFF: CellValue[][] = [
  ['Initials', 'Name', 'Email', 'Role', 'Level 6', 'Form'],
  ['CL', 'Casey Leader', 'cl@school.example', 'Careers leader', 'No', ''],
  ['CA', 'Chris Adviser', 'ca@school.example', 'Careers adviser', 'Yes', ''],
  ['FT', 'Fran Tutor', 'ft@school.example', 'Form tutor', 'No', '11A'],
];

/*
 * Tracker A, run on Monday 2 March 2026. Academic year 2025-26 from 1 September 2025 (default);
 * S = 2025, recent leavers = Leaver year >= 2023.
 *
 * On roll (25): Y7 s1, s2 (LAC) | Y8 e1 | Y9 n1 (SEN support), n2, n3 | Y10 t1, t2 |
 *   Y11 k1..k12 (form 11A = k1..k6, 11B = k7..k12):
 *     k1 SEN support + PP, k2 EHCP, k3 EHCP + LAC, k4 SEN support, k5 EHCP + PP, k6 PP, k7 PP,
 *     k8..k12 none
 *   Y12 w1, w2 (form `12A`) | Y13 h1 (PP), h2, h3
 * Leavers: L1 2025 (SEN support, consent yes), L2 2025 (consent No), L3 2024 (consent blank),
 *   L4 2023, L5 2022 (not recent).
 */
const A_PUPILS: CellValue[][] = [
  PUPILS_HEADER,
  ['s1', 'S One', 7, '7A', '', '', '', '', ''],
  ['s2', 'S Two', 7, '7A', '', '', 'Yes', '', ''],
  ['e1', 'E One', 8, '8A', '', '', '', '', ''],
  ['n1', 'N One', 9, '9A', '', 'SEN support', '', '', ''],
  ['n2', 'N Two', 9, '9A', '', '', '', '', ''],
  ['n3', 'N Three', 9, '9A', '', '', '', '', ''],
  ['t1', 'T One', 10, '10A', '', '', '', '', ''],
  ['t2', 'T Two', 10, '10A', '', '', '', '', ''],
  ['k1', 'K One', 11, '11A', '', 'SEN support', '', 'Yes', ''],
  ['k2', 'K Two', 11, '11A', '', 'EHCP', '', '', ''],
  ['k3', 'K Three', 11, '11A', '', 'EHCP', 'Yes', '', ''],
  ['k4', 'K Four', 11, '11A', '', 'SEN support', '', '', ''],
  ['k5', 'K Five', 11, '11A', '', 'EHCP', '', 'Yes', ''],
  ['k6', 'K Six', 11, '11A', '', '', '', 'Yes', ''],
  ['k7', 'K Seven', 11, '11B', '', '', '', 'Yes', ''],
  ['k8', 'K Eight', 11, '11B', '', '', '', '', ''],
  ['k9', 'K Nine', 11, '11B', '', '', '', '', ''],
  ['k10', 'K Ten', 11, '11B', '', '', '', '', ''],
  ['k11', 'K Eleven', 11, '11B', '', '', '', '', ''],
  ['k12', 'K Twelve', 11, '11B', '', '', '', '', ''],
  ['w1', 'W One', 12, '12A', '', '', '', '', ''],
  ['w2', 'W Two', 12, '12A', '', '', '', '', ''],
  ['h1', 'H One', 13, '13A', '', '', '', 'Yes', ''],
  ['h2', 'H Two', 13, '13A', '', '', '', '', ''],
  ['h3', 'H Three', 13, '13A', '', '', '', '', ''],
  ['L1', 'L One', '', '', 2025, 'SEN support', '', '', 'Yes'],
  ['L2', 'L Two', '', '', 2025, '', '', '', 'No'],
  ['L3', 'L Three', '', '', 2024, '', '', '', ''],
  ['L4', 'L Four', '', '', 2023, '', '', '', ''],
  ['L5', 'L Five', '', '', 2022, '', '', '', ''],
];

// [date, title, type, provider, years, forms, pupils, absent, provider access, benchmarks]
type Act = [string, string, string, string, string, string, string, string, string, string];
const A_ACTIVITIES: Act[] = [
  // A1 before the year start (2024-25: Y10 then = Y11 now): counts for 2 but not "this year"
  ['2025-08-29', 'Summer LMI', 'Careers information', '', 'Y10', '', '', '', '', ''],
  // A2 first day of the year: Y7, Y8 minus s2 = s1, e1. Absent k1 is no attendee: a problem, dropped
  ['2025-09-01', 'LMI assembly', 'LMI', '', 'Y7, Y8', '', '', 's2, k1', '', ''],
  // A3 form 11A minus k2 = k1, k3, k4, k5, k6 (BM4)
  ['2025-10-10', 'English careers lesson', 'Curriculum link', '', '', '11A', '', 'k2', '', ''],
  // A4 BM5: Y9, Y11, Y13 minus n2, k12 = n1, n3, k1..k11, h1..h3 (16)
  ['2025-11-03', 'Careers fair', 'Careers fair', '', 'Y9, Y11, Y13', '', '', 'n2; k12', '', ''],
  // A5, A6 two workplace experiences on one day (k1 is in both: one day)
  ['2025-11-20', 'Workplace visit', 'Workplace visit', 'Acme', '', '', 'k1, k2, k8', '', '', ''],
  ['2025-11-20', 'Work shadowing', 'Work shadowing', '', '', '', 'k1, k3', '', '', ''],
  // A7 last year, Y10 then = Y11 now, minus k1 and k4
  ['2025-01-15', 'Work experience week', 'Work experience', 'Various', 'Year 10', '', '', 'k4, k1', '', ''],
  // A8 2023-24: Y11 then = Y13 now (h1..h3) and the 2024 leaver L3
  ['2024-06-10', 'Work experience', 'Workplace experience', '', '11', '', '', '', '', ''],
  // A9, A10, A11: h1 three days, h2 three days, h3 two days (A10 and A11 on one day)
  ['2025-02-02', 'Site visit', 'Workplace visit', '', '', '', 'h1, h2', '', '', ''],
  ['2025-12-05', 'Taster day', 'Taster day', '', '', '', 'h1, h3', '', '', ''],
  ['2025-12-05', 'Shadowing', 'Work shadowing', '', '', '', 'h1, h2, h3', '', '', ''],
  // A13 FE for Y11 minus k10
  ['2025-10-15', 'College visit', 'College visit', 'Town College', 'Y11', '', '', 'k10', '', ''],
  // A14 HE for form 11B (k7..k12)
  ['2026-01-12', 'University visit', 'University visit', 'Uni of Kent', '', '11B', '', '', '', ''],
  // A15 technical provider, blank provider, provider access blank = yes (Technical provider)
  ['2026-02-10', 'Apprenticeship talk', 'Apprenticeship provider', '', '', '', 'k7, k8, k9, k1', '', '', ''],
  // A16 Other counting for 7: none of FE, HE, technical provider
  ['2025-12-01', 'Skills show', 'Other', '', '', '', 'k1, k2, k3', '', '', '7'],
  // A17 HE for k1 in Year 10
  ['2025-06-20', 'HE taster', 'Higher education', 'Uni of Kent', '', '', 'k1', '', '', ''],
  // A18 HE for Y12 then (2024-25) = Y13 now
  ['2025-03-10', 'University visit', 'HE', 'Uni A', 'Y12', '', '', '', '', ''],
  // A19, A20 HE on one day: h1, h2 and again h2
  ['2025-11-12', 'Open day', 'Higher education', 'Uni B', '', '', 'h1, h2', '', '', ''],
  ['2025-11-12', 'Open day talk', 'Higher education', 'Uni B', '', '', 'h2', '', '', ''],
  // A21 technical provider after the end of February: no provider access encounter for a Y11
  ['2026-03-01', 'Apprenticeship talk', 'Technical provider', 'BuildCo', '', '', 'k2', '', '', ''],
  // A22 PAL on the first day, ' Kent College ', Y9 and Y11 minus k12
  ['2025-09-01', 'College talk', 'Further education', ' Kent College ', 'Y9, Y11', '', '', 'k12', 'Yes', ''],
  // A23 last year: Y10 then = Y11 now, Y8 then = Y9 now; same provider, other case
  ['2025-08-31', 'ITP talk', 'ITP', 'kent college', 'Y10, Y8', '', '', '', '', ''],
  // A24 2023-24: Y9 then = Y11 now, outside a Year 11's key phase (Years 10-11)
  ['2024-07-01', 'Old talk', 'Further education', 'OldCo', 'Y9', '', '', '', 'Yes', ''],
  // A25 last year, Y10 then = Y11 now, blank provider, minus k2
  ['2025-02-01', 'Post-16 fair', 'Further education', '', 'Y10', '', '', 'k2', 'Yes', ''],
  // A26 last day of February: counts for a Year 9
  ['2026-02-28', 'Uni talk', 'Higher education', 'Uni of Kent', '', '', 'n1', '', 'Yes', ''],
  // A27 today, after February: does not count for a Year 9
  ['2026-03-02', 'Provider talk', 'Further education', 'X', '', '', 'n2', '', 'Yes', ''],
  // A28 post-16: before the start of last year (1 Sept 2024): out of the window
  ['2024-08-30', 'Apprenticeship talk', 'Technical provider', 'EarlyCo', 'Y12', '', '', '', '', ''],
  // A29, A30 post-16 in the window, one provider `TrainCo`
  ['2024-09-02', 'Apprenticeship talk', 'Technical provider', 'TrainCo', 'Y12', '', '', '', '', ''],
  ['2025-10-01', 'Training talk', 'Further education', 'trainco ', 'Y13', '', '', '', 'Yes', ''],
  // A32 counts for 2 and 4, form '12a' (case-insensitive) = w1, w2
  ['2025-12-01', 'Maths and careers', 'Subject link', '', '', '12a', '', '', '', '2, 4'],
  // A33 Other with blank Benchmarks: counts for nothing
  ['2025-12-02', 'Assembly', 'Other', '', 'Y13', '', '', '', '', ''],
];

// [date, pupil, staff, type]
const A_MEETINGS: [string, string, string, string][] = [
  ['2024-05-01', 'k1', 'CA', 'Guidance'], // ever: BM8 by 16
  ['2025-10-01', 'k2', 'CL', 'Guidance'], // not Level 6
  ['2025-10-02', 'k3', 'CA', 'Guidance interview'],
  ['2026-03-03', 'k4', 'CA', 'Guidance'], // after today
  ['2025-11-01', 'k5', 'CA', 'Mentoring'], // not guidance
  ['2024-11-01', 'h1', 'CA', 'Guidance'],
  ['2025-11-01', 'h1', 'CA', 'Guidance'],
  ['2025-12-01', 'h2', 'CA', 'Guidance'],
  ['2025-12-01', 'h2', 'CL', 'Guidance'], // not Level 6: h2 has one
  ['2025-09-01', 'n1', 'CL', 'Careers support'], // first day of the year
  ['2025-08-31', 't1', 'CL', 'Mentoring'], // last year
  ['2025-11-11', 's1', 'CL', 'Mentoring'], // Year 7: not in bm3.records' cohort
];

const A_TABS: Record<string, CellValue[][]> = {
  Settings: [['Setting', 'Value']],
  Staff: STAFF,
  Pupils: A_PUPILS,
  Meetings: [['Date', 'Pupil ID', 'Staff', 'Type'], ...A_MEETINGS.map(([date, p, s, t]) => [d(date), p, s, t])],
  Activities: [ACTIVITIES_HEADER, ...A_ACTIVITIES.map(([date, ...rest]) => [d(date), ...rest, ''])],
  Destinations: [
    ['Pupil ID', 'Checked', 'Status'],
    [ 'L1', d('2025-10-01'), 'Sixth form'],
    [ 'L2', d('2026-01-01'), 'Higher education'], // consent No: not in the cohort
    [ 'L3', d('2025-03-02'), 'Apprenticeship'], // exactly 365 days before today: counts
    [ 'L4', d('2026-01-10'), 'Cannot be contacted'], // group Not known
    [ 'L4', d('2025-03-01'), 'Further education'], // 366 days: too old
    [ 'L5', d('2026-01-10'), 'Sixth form'], // not a recent leaver
  ],
  Audit: [
    ['Benchmark', 'Criterion', 'Rating'],
    [1, 'Programme backed by governors', 'Achieved'],
    [1, 'Careers leader named', 'Partially achieved'],
    [1, 'Programme evaluated', ''],
    [3, 'Alumni used', 'N/A'],
    [4, 'Careers in staff development', 'Achieved'],
    [6, 'Work experience guarantee', 'Not achieved'],
    [7, 'Provider access policy published', 'Achieved'],
    [7, 'Providers meet pupils', 'Achieved'],
  ],
};

describe('score --json, worked by hand: tracker A (2 March 2026)', () => {
  it('gives every criterion, benchmark, headline and breakdown the spec gives', async () => {
    const file = await saved(A_TABS);
    if (process.env.KEEP_A) fs.copyFileSync(file, process.env.KEEP_A);
    const j = await score(file, '2026-03-02');
    expect(j).toMatchObject({ asOf: '2026-03-02', academicYear: '2025-26' });

    expect(criteria(j)).toEqual({
      // on roll 25. Counting for 2 this year: A2 (s1, e1), A32 (w1, w2); A1 is last year
      'bm2.information': [4, 25, 4 / 25],
      // Years 9-13: 3 + 2 + 12 + 2 + 3 = 22. Meetings this year: k2, k3, k5, h1, h2, n1 (1 Sept);
      // t1's is 31 August, k4's after today, s1 is Year 7
      'bm3.records': [6, 22, round(6 / 22)],
      // recent leavers with consent not No: L1, L3, L4 (L2 No, L5 2022). Known within 365 days:
      // L1 (Sixth form), L3 (exactly 365 days); L4 Not known, and its FE is 366 days old
      'bm3.destinations': [2, 3, round(2 / 3)],
      // A3: k1, k3, k4, k5, k6; A32: w1, w2
      'bm4.curriculum': [7, 25, 7 / 25],
      // A4: n1, n3, k1..k11, h1, h2, h3
      'bm5.employers': [16, 25, 16 / 25],
      // days counting for 6: k1 20 Nov only (A5 + A6 one day; absent from A7); k2 20 Nov + 15 Jan;
      // k3 20 Nov + 15 Jan; k8 20 Nov + 15 Jan; k4 none; k5..k7, k9..k12 15 Jan only
      'bm6.by16': [3, 12, 0.25],
      // h1: 10 Jun 2024, 2 Feb 2025, 5 Dec 2025; h2: the same three; h3: 10 Jun 2024, 5 Dec (twice) = 2
      'bm6.by18': [2, 3, round(2 / 3)],
      // FE (A13: all but k10; A22: all but k12; A25: all but k2), HE (A14: k7..k12; A17: k1),
      // technical (A23 ITP for Y10 then: every Y11; A15). A16 (Other, for 7) is none of them.
      // k2..k6 have no HE: met k1, k7..k12
      'bm7.by16': [7, 12, round(7 / 12)],
      // HE activities: h1 A18, A19; h2 A18, A19, A20 (two on one day count); h3 A18 only
      'bm7.he-by18': [2, 3, round(2 / 3)],
      // Year 9 + Year 11 = 15. Y11 (Y10 any time + Y11 to 28 Feb): A15 (blank provider),
      // A22 (kent college), A23 (kent college), A25 (blank); A21 (1 March) and A24 (in Y9) do not count.
      // k2: A22, A23 only (absent from A25, A21 too late) = one provider: not met; k12: A23, A25: met;
      // every other Y11 met. Y9: A22, A23 (one provider) + n1's A26 (28 Feb, Uni of Kent): n1 only;
      // n2's A27 is in March. 11 + 1 = 12
      'bm7.provider-access': [12, 15, 0.8],
      // school: window 1 Sept 2024 - today; for Y12/13 with provider access: A29, A30 (TrainCo twice);
      // A28 (30 Aug 2024) is out. One provider: 0.5
      // (the JSON shows it as 1 provider of 2)
      'bm7.provider-access-post16': [1, 2, 0.5],
      // Level 6 guidance ever: k1 (2024), k3 (alias); k2 with CL, k4 after today, k5 mentoring
      'bm8.by16': [2, 12, round(1 / 6)],
      // two Level 6 guidance meetings: h1 only
      'bm8.by18': [1, 3, round(1 / 3)],
    });

    const bm = (n: number) => {
      const b = j.benchmarks[n - 1];
      return [b.measured, b.selfAssessed, b.score, b.status, b.rag];
    };
    // BM1: audit only, (1 + 0.5 + 0) / 3 = 50.0, amber at 50
    expect(bm(1)).toEqual([null, 50, 50, 'In progress', 'amber']);
    expect(bm(2)).toEqual([16, null, 16, 'In progress', 'red']);
    // (6/22 + 2/3) / 2 = 0.469697 -> 47.0; the audit row is N/A
    expect(bm(3)).toEqual([47, null, 47, 'In progress', 'red']);
    // (0.28 + 1) / 2 = 64.0
    expect(bm(4)).toEqual([28, 100, 64, 'In progress', 'amber']);
    expect(bm(5)).toEqual([64, null, 64, 'In progress', 'amber']);
    // measured (0.25 + 0.6667) / 2 = 45.83 -> 45.8; score (0.25 + 0.6667 + 0) / 3 = 30.56 -> 30.6
    expect(bm(6)).toEqual([45.8, 0, 30.6, 'In progress', 'red']);
    // measured (7/12 + 2/3 + 0.8 + 0.5) / 4 = 63.75 -> 63.8; score (2.55 + 2) / 6 = 75.83 -> 75.8
    expect(bm(7)).toEqual([63.8, 100, 75.8, 'In progress', 'amber']);
    // (1/6 + 1/3) / 2 = 25.0
    expect(bm(8)).toEqual([25, null, 25, 'In progress', 'red']);
    expect(j.achieved).toBe(0);
    expect(j.headline).toBe('0 of 8 benchmarks achieved (indicative, from this tracker)');
    expect(j.nationalAverage).toBe(5.96);
    // one problem: A2's Absent k1 is no attendee (dropped)
    expect(j.problems).toBe(1);
    expect(j.snapshot).toBeNull();
    expect(j.benchmarks.map((b: { change: number | null }) => b.change)).toEqual([null, null, null, null, null, null, null, null]);

    // [pupils, met, pct, gap]; a group of fewer than 5 shows no met/pct/gap; gap = pct - rest's pct
    const H = (n: number) => [n, null, null, null];
    expect(breakdowns(j)).toEqual({
      // whole school 25: send k1..k5, n1 = 6; ehcp k2, k3, k5; LAC k3, s2; PP k1, k5, k6, k7, h1 = 5;
      // rest 25 - 10 = 15. Met s1, e1, w1, w2 (all rest): rest 4/15 = 26.7
      'bm2.information': { all: [25, 4, 16, null], send: [6, 0, 0, -26.7], ehcp: H(3), lookedAfter: H(2), disadvantaged: [5, 0, 0, -26.7], rest: [15, 4, 26.7, null] },
      // Years 9-13 (22): send 6, ehcp 3, LAC 1 (k3), PP 5, rest 22 - 9 = 13. Met k2, k3, k5, n1 (send 4),
      // k5, h1 (PP 2), h2 (rest 1): 27.3, 66.7, 40.0, 7.7; gaps 66.7 - 7.7 = 59.0, 40.0 - 7.7 = 32.3
      'bm3.records': { all: [22, 6, 27.3, null], send: [6, 4, 66.7, 59], ehcp: H(3), lookedAfter: H(1), disadvantaged: [5, 2, 40, 32.3], rest: [13, 1, 7.7, null] },
      // L1 (SEN support), L3, L4: three leavers
      'bm3.destinations': { all: H(3), send: H(1), ehcp: H(0), lookedAfter: H(0), disadvantaged: H(0), rest: H(2) },
      // met k1, k3, k4, k5 (send 4/6 = 66.7), k1, k5, k6 (PP 3/5 = 60.0), w1, w2 (rest 2/15 = 13.3)
      'bm4.curriculum': { all: [25, 7, 28, null], send: [6, 4, 66.7, 53.4], ehcp: H(3), lookedAfter: H(2), disadvantaged: [5, 3, 60, 46.7], rest: [15, 2, 13.3, null] },
      // send 6/6, PP 5/5, rest k8..k11, n3, h2, h3 = 7/15 = 46.7
      'bm5.employers': { all: [25, 16, 64, null], send: [6, 6, 100, 53.3], ehcp: H(3), lookedAfter: H(2), disadvantaged: [5, 5, 100, 53.3], rest: [15, 7, 46.7, null] },
      // Y11 (12): send k1..k5 = 5 (exactly 5: shown), ehcp 3, LAC 1, PP k1, k5, k6, k7 = 4 (exactly 4:
      // hidden), rest k8..k12 = 5. Met k2, k3 (send 2/5 = 40.0), k8 (rest 1/5 = 20.0)
      'bm6.by16': { all: [12, 3, 25, null], send: [5, 2, 40, 20], ehcp: H(3), lookedAfter: H(1), disadvantaged: H(4), rest: [5, 1, 20, null] },
      'bm6.by18': { all: H(3), send: H(0), ehcp: H(0), lookedAfter: H(0), disadvantaged: H(1), rest: H(2) },
      // met k1 (send 1/5 = 20.0), k8..k12 (rest 5/5 = 100.0), k7: gap -80.0
      'bm7.by16': { all: [12, 7, 58.3, null], send: [5, 1, 20, -80], ehcp: H(3), lookedAfter: H(1), disadvantaged: H(4), rest: [5, 5, 100, null] },
      'bm7.he-by18': { all: H(3), send: H(0), ehcp: H(0), lookedAfter: H(0), disadvantaged: H(1), rest: H(2) },
      // Y9 + Y11 (15): send k1..k5, n1 = 6, met all but k2 = 5/6 = 83.3; rest n2, n3, k8..k12 = 7,
      // met k8..k12 = 5/7 = 71.4; gap 11.9
      'bm7.provider-access': { all: [15, 12, 80, null], send: [6, 5, 83.3, 11.9], ehcp: H(3), lookedAfter: H(1), disadvantaged: H(4), rest: [7, 5, 71.4, null] },
      // met k1, k3: send 2/5 = 40.0, rest 0/5
      'bm8.by16': { all: [12, 2, 16.7, null], send: [5, 2, 40, 40], ehcp: H(3), lookedAfter: H(1), disadvantaged: H(4), rest: [5, 0, 0, null] },
      'bm8.by18': { all: H(3), send: H(0), ehcp: H(0), lookedAfter: H(0), disadvantaged: H(1), rest: H(2) },
    });
  });
});

/*
 * Tracker B: six Year 11s (b1..b5 SEN support, b6 none), no other years, no leavers; Green at 90,
 * Amber at 40. Run on 15 November 2025, then twice on 5 January 2026, then on 1 April 2026.
 */
const B_TABS: Record<string, CellValue[][]> = {
  Settings: [['Setting', 'Value'], ['Green at', 90], ['Amber at', 40]],
  Staff: STAFF,
  Pupils: [PUPILS_HEADER, ...[1, 2, 3, 4, 5, 6].map((i) => [`b${i}`, `B ${i}`, 11, '11A', '', i <= 5 ? 'SEN support' : 'None', '', '', ''])],
  Meetings: [['Date', 'Pupil ID', 'Staff', 'Type'], ...[1, 2, 3, 4, 5, 6].map((i) => [d('2025-11-01'), `b${i}`, 'CA', 'Guidance'])],
  Activities: [
    ACTIVITIES_HEADER,
    ...([
      ['2025-09-10', 'LMI', 'Careers information', '', 'Y11', '', '', '', '', ''],
      ['2025-10-01', 'Job shadow', 'Other', '', 'Y11', '', '', '', '', '6'], // Other counting for 6
      ['2025-10-02', 'Work experience', 'Workplace experience', '', 'Y11', '', '', '', '', ''],
      ['2025-10-05', 'College talk', 'FE', 'A', 'Y11', '', '', '', 'Yes', ''],
      ['2025-10-06', 'Uni visit', 'HE', '', 'Y11', '', '', '', '', ''],
      ['2025-10-07', 'ITP talk', 'Technical provider', 'B', 'Y11', '', '', '', '', ''],
      ['2025-10-08', 'ITP talk 2', 'Technical provider', 'C', '', '', 'b6', '', 'No', ''], // not provider access
      ['2025-12-01', 'Careers fair', 'Employer encounter', '', 'Y11', '', '', 'b6', '', ''],
    ] as Act[]).map(([date, ...rest]) => [d(date), ...rest, '']),
  ],
  Destinations: [['Pupil ID', 'Checked', 'Status']],
  Audit: [['Benchmark', 'Criterion', 'Rating'], [1, 'Programme', 'N/A'], [4, 'Staff development', 'Not achieved']],
};

describe('score --json, worked by hand: tracker B (history and snapshots)', () => {
  it('gives achieved, green, not started, not assessed, and the change since the snapshot', async () => {
    const file = await saved(B_TABS);
    const nov = await score(file, '2025-11-15');
    const view = (j: { benchmarks: { measured: number | null; selfAssessed: number | null; score: number | null; status: string; rag: string | null; change: number | null }[] }) =>
      j.benchmarks.map((b) => [b.measured, b.selfAssessed, b.score, b.status, b.rag, b.change]);
    // 15 Nov: the careers fair (1 Dec) is in the future: BM5 0 of 6
    expect(view(nov)).toEqual([
      [null, null, null, 'Not assessed', null, null], // BM1: only an N/A row
      [100, null, 100, 'Achieved', 'green', null], // 6 of 6 had LMI
      [100, null, 100, 'Achieved', 'green', null], // bm3.records 6/6; no leavers: bm3.destinations n/a
      [0, 0, 0, 'Not started', 'red', null], // nobody; audit Not achieved
      [0, null, 0, 'Not started', 'red', null],
      [100, null, 100, 'Achieved', 'green', null], // two days: Other for 6 (1 Oct), workplace (2 Oct)
      [100, null, 100, 'Achieved', 'green', null], // FE, HE, technical; PAL: A and B (C is not PAL); no Y12/13: post-16 n/a
      [100, null, 100, 'Achieved', 'green', null],
    ]);
    expect(nov.achieved).toBe(5);
    expect(nov.headline).toBe('5 of 8 benchmarks achieved (indicative, from this tracker)');
    expect(nov.snapshot).toBeNull(); // no run on or before 31 July 2025
    expect(nov.benchmarks[6].notApplicable.map((c: { key: string }) => c.key)).toEqual(['bm7.he-by18', 'bm7.provider-access-post16']);

    await score(file, '2026-01-05');
    const jan = await score(file, '2026-01-05'); // a second run the same day replaces the first
    // BM5: 5 of 6 = 83.3, amber (Green at 90); snapshot 31 Dec 2025 = the run of 15 Nov: change +83.3
    expect(view(jan)[4]).toEqual([83.3, null, 83.3, 'In progress', 'amber', 83.3]);
    expect(jan.benchmarks.map((b: { change: number | null }) => b.change)).toEqual([null, 0, 0, 0, 83.3, 0, 0, 0]);
    expect(jan.snapshot?.date).toBe('2025-12-31');
    expect(jan.history.map((h: { date: string }) => h.date)).toEqual(['2025-11-15', '2026-01-05']);
    expect(breakdowns(jan)['bm5.employers']).toEqual({
      // send b1..b5 all met (5, shown), rest b6 alone: hidden, so no gap
      all: [6, 5, 83.3, null], send: [5, 5, 100, null], ehcp: [0, null, null, null], lookedAfter: [0, null, null, null], disadvantaged: [0, null, null, null], rest: [1, null, null, null],
    });

    // 1 April 2026: the most recent of 31 Dec / 31 Mar / 31 Jul is 31 March; the latest run on or
    // before it is 5 January: BM5 83.3 then and now, change 0
    const apr = await score(file, '2026-04-01');
    expect(apr.snapshot?.date).toBe('2026-03-31');
    expect(apr.benchmarks[4].change).toBe(0);
    expect(apr.history).toHaveLength(3);
  });
});

/*
 * Tracker C, run on Wednesday 1 March 2028 (2028 is a leap year; academic year 2027-28 from
 * 1 September 2027). On roll: Y9 p1..p5 (all disadvantaged), Y11 q1..q4 (looked after) and q5,
 * Y12 r1. Leavers z1 (2027), z2 (2026). No meetings.
 */
const C_TABS: Record<string, CellValue[][]> = {
  Settings: [['Setting', 'Value']],
  Staff: STAFF,
  Pupils: [
    PUPILS_HEADER,
    ...[1, 2, 3, 4, 5].map((i) => [`p${i}`, `P ${i}`, 9, '9P', '', '', '', 'Yes', '']),
    ...[1, 2, 3, 4, 5].map((i) => [`q${i}`, `Q ${i}`, 11, '11Q', '', '', i <= 4 ? 'Yes' : '', '', '']),
    ['r1', 'R One', 12, '12R', '', '', '', '', ''],
    ['z1', 'Z One', '', '', 2027, '', '', '', ''],
    ['z2', 'Z Two', '', '', 2026, '', '', '', ''],
  ],
  Meetings: [['Date', 'Pupil ID', 'Staff', 'Type']],
  Activities: [
    ACTIVITIES_HEADER,
    ...([
      // C1 on 29 February (the last day of February in 2028). Provider access `maybe` is invalid: a
      // problem, and treated as blank (tracker.md reading rules), and blank = yes for a technical provider
      ['2028-02-29', 'Apprenticeship talk', 'Technical provider', 'Alpha', 'Y11', '', '', '', 'maybe', ''],
      ['2027-09-01', 'College talk', 'FE', 'Beta', 'Y11', '', '', '', 'Yes', ''], // C2
      ['2027-10-01', 'University visit', 'HE', '', '', '', 'q1', '', '', ''], // C3
      ['2025-10-01', 'Provider talk', 'FE', 'Gamma', 'Y7', '', '', '', 'Yes', ''], // C4: Y7 then = Y9 now: not in Years 8-9
      ['2026-10-01', 'Provider talk', 'FE', 'Delta', 'Y8', '', '', '', 'Yes', ''], // C5: Y8 then = Y9 now
      // C6: Benchmarks 6 replaces the type's 5; not provider access
      ['2028-02-29', 'Employer visit', 'Employer encounter', 'Gamma', 'Y9', '', '', '', '', '6'],
      ['2028-02-10', 'University talk', 'HE', 'Gamma', '', '', 'p1, p2', '', 'Yes', ''], // C7
      ['2027-11-01', 'Careers fair', 'Careers fair', '', 'Y12', '', '', '', '', ''], // C8: r1
      // C9: Y11 then (2026-27) = r1, but not for Year 12 or 13
      ['2026-09-01', 'Apprenticeship talk', 'Technical provider', 'Omega', 'Y11', '', '', '', '', ''],
      ['2027-12-01', 'Apprenticeship talk', 'Technical provider', '', '', '', 'r1', '', '', ''], // C10: unknown provider, r1 in Y12
      ['2028-01-10', 'University talk', 'HE', 'Uni', 'Y12, Y13', '', '', '', 'Yes', ''], // C11
    ] as Act[]).map(([date, ...rest]) => [d(date), ...rest, '']),
  ],
  Destinations: [['Pupil ID', 'Checked', 'Status'], ['z1', d('2028-01-01'), 'NEET'], ['z2', d('2028-03-02'), 'Sixth form']],
  Audit: [['Benchmark', 'Criterion', 'Rating'], [1, 'Programme', '']],
};

describe('score --json, worked by hand: tracker C (1 March 2028, a leap year)', () => {
  it('reads an invalid Provider access as blank, and counts 29 February', async () => {
    const file = await saved(C_TABS);
    const j = await score(file, '2028-03-01');
    const text: string[] = [];
    expect(await main(['score', '--workbook', file, '--today', '2028-03-01'], { stdout: (s) => text.push(s), stderr: () => undefined })).toBe(0);
    expect(text.join('')).toMatch(/The tracker has 1 problem; run "careers-tracker check"/);
    expect(criteria(j)).toEqual({
      'bm2.information': [0, 11, 0],
      'bm3.records': [0, 11, 0],
      // recent leavers: 2025 onwards: z1 (NEET is a known destination), z2 (checked after today)
      'bm3.destinations': [1, 2, 0.5],
      'bm4.curriculum': [0, 11, 0],
      // C8 only: C6 counts for 6 alone
      'bm5.employers': [1, 11, round(1 / 11)],
      'bm6.by16': [0, 5, 0],
      // q1: FE (C2), HE (C3), technical (C1)
      'bm7.by16': [1, 5, 0.2],
      // Y11: C2 (Beta, 1 Sept) + C1 (Alpha, 29 Feb, provider access by default): all five.
      // Y9: C5 (Delta, in Y8) + C7 (Gamma, Feb): p1, p2; C4 was in Y7; C6 is not provider access. 7 of 10
      'bm7.provider-access': [7, 10, 0.7],
      // since 1 Sept 2026, for Y12/13: C10 (unknown provider), C11 (Uni): two providers
      'bm7.provider-access-post16': [2, 2, 1],
      'bm8.by16': [0, 5, 0],
    });
    const bm = (n: number) => {
      const b = j.benchmarks[n - 1];
      return [b.measured, b.selfAssessed, b.score, b.status, b.rag];
    };
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(bm)).toEqual([
      [null, 0, 0, 'Not started', 'red'], // not yet rated = 0
      [0, null, 0, 'Not started', 'red'],
      [25, null, 25, 'In progress', 'red'], // (0 + 0.5) / 2
      [0, null, 0, 'Not started', 'red'],
      [9.1, null, 9.1, 'In progress', 'red'], // 1/11 = 9.09
      [0, null, 0, 'Not started', 'red'],
      [63.3, null, 63.3, 'In progress', 'amber'], // (0.2 + 0.7 + 1) / 3 = 63.33
      [0, null, 0, 'Not started', 'red'],
    ]);
    expect(j.problems).toBe(1); // Provider access `maybe`
    expect(breakdowns(j)['bm7.provider-access']).toEqual({
      // disadvantaged p1..p5: 2 of 5 = 40.0, but the rest (q5 alone) is hidden, so no gap
      all: [10, 7, 70, null], send: [0, null, null, null], ehcp: [0, null, null, null],
      lookedAfter: [4, null, null, null], disadvantaged: [5, 2, 40, null], rest: [1, null, null, null],
    });
  });
});

/*
 * Tracker D: Academic year start 20 August; run on 2 March 2026 (2025-26 from 20 August 2025).
 * Year 11 d1, d2, d3. rules.md: in Year 11 itself only encounters dated 1 September to the end of
 * February count, whatever the school's year start; Year 10 counts at any time.
 */
const D_TABS: Record<string, CellValue[][]> = {
  Settings: [['Setting', 'Value'], ['Academic year start', '20 August']],
  Staff: STAFF,
  Pupils: [PUPILS_HEADER, ...[1, 2, 3].map((i) => [`d${i}`, `D ${i}`, 11, '11D', '', '', '', '', ''])],
  Meetings: [['Date', 'Pupil ID', 'Staff', 'Type']],
  Activities: [
    ACTIVITIES_HEADER,
    ...([
      ['2025-08-25', 'College talk', 'FE', 'P1', 'Y11', '', '', 'd3', 'Yes', ''], // D1: Year 11, before 1 September: no
      ['2025-09-01', 'College talk', 'FE', 'P2', 'Y11', '', '', '', 'Yes', ''], // D2: yes
      ['2025-08-19', 'College talk', 'FE', 'P3', 'Y10', '', '', 'd2, d3', 'Yes', ''], // D3: Year 10 (2024-25 ends 19 Aug): yes
      ['2025-08-21', 'LMI', 'LMI', '', 'Y11', '', '', '', '', ''], // D4: this year (from 20 August)
    ] as Act[]).map(([date, ...rest]) => [d(date), ...rest, '']),
  ],
  Destinations: [['Pupil ID', 'Checked', 'Status']],
  Audit: [['Benchmark', 'Criterion', 'Rating']],
};

describe('score --json, worked by hand: tracker D (Academic year start 20 August)', () => {
  it('counts Year 11 provider access encounters from 1 September only, and "this year" from the school\'s start', async () => {
    const j = await score(await saved(D_TABS), '2026-03-02');
    expect(j.academicYear).toBe('2025-26');
    const c = criteria(j);
    // d1: D2 (P2), D3 (P3): met; d2: D2 only (D1 is before 1 September): not met; d3: D2 only
    expect(c['bm7.provider-access']).toEqual([1, 3, round(1 / 3)]);
    expect(c['bm2.information']).toEqual([3, 3, 1]);
  });
});
