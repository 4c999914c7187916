/**
 * An independent, hand-worked check of destinations.md on trackers made here from scratch (not the
 * sample). Every expected figure below is worked out by hand from the spec's words, in the comments.
 *
 * The rules, as read from destinations.md:
 * - Check points: the first day of each listed month (`Destination checks`, default October, March)
 *   from the first one after 1 August of L, for `Track leavers (years)` (default 3) years; a leaver
 *   whose Application status is not Accepted has 1 August of L first of all.
 * - Check point i is done by a row dated in [cp i, cp i+1) (the last: any date on or after it);
 *   the latest reached (day <= today) is due when not done; earlier undone ones are missed (a count).
 *   Overdue = due for more than 30 days; days due = today - check point.
 * - Tracked: L >= S - Track + 1 (S: calendar year the academic year started). Past retention:
 *   L < S - Keep + 1. Consent No: never due, counted "no consent"; blank: due, "consent not recorded".
 * - years[]: cohort = all leavers of L; noConsent; eet/neet/notKnown/noCheck/sustained/notSustained of
 *   the rest only, by the group of the latest row; sustainedPct = 100*s/(s+ns), 1 dp, null if both 0.
 * - Sustained: checks dated 1 Oct L .. 31 Mar L+1 include one <= 31 Dec L and one >= 1 Jan L+1 and all
 *   are EET; any NEET check there: not sustained; otherwise unknown.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Papa from 'papaparse';
import { check, cli, d, leaver, tabsOf, writeWorkbook, type Spec } from './build';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { csvSafe } from '../../src/domain/la-return';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hand-worked-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(spec: Spec, args: string[], name = 't.xlsx') {
  const file = path.join(dir, name);
  await writeWorkbook(file, tabsOf(spec));
  const r = await cli([...args, '--workbook', file, '--json']);
  return { ...r, file, json: r.out ? JSON.parse(r.out) : null };
}

// Tracker 1: defaults (October, March; track 3 years; keep 3 years).
// Today 2026-10-31 -> academic year 2026-27, S = 2026: tracked L >= 2024 (2024, 2025, 2026);
// past retention L < 2024 (2023 and earlier).
// Check points, Accepted:   L=2026: 2026-10-01, 2027-03-01, ...   L=2025: 2025-10-01, 2026-03-01,
// 2026-10-01, 2027-03-01, ...   L=2024: 2024-10-01, 2025-03-01, 2025-10-01, 2026-03-01, 2026-10-01, 2027-03-01.
// Not Accepted: 1 August of L first. On 2026-10-31 the latest reached is 2026-10-01 for every year
// (days due 30: not overdue); on 2026-11-01 it is 31 days (overdue).
const T1: Spec = {
  pupils: [
    // 2026: A due (a 30 Sep check is before the 1 Oct check point), B not Accepted, its 1 Aug point
    // done on the day, consent blank; C not Accepted, no check: 1 Aug missed, 1 Oct due; D consent No.
    leaver('A', 2026, { Name: 'Amy Ash' }),
    leaver('B', 2026, { Name: 'Ben Birch', 'Application status': 'Applied', 'Consent to track': '' }),
    leaver('C', 2026, { Name: 'Cal Cedar', 'Application status': 'Applied' }),
    leaver('D', 2026, { Name: 'Dot Dogwood', 'Consent to track': 'No' }),
    // 2025
    leaver('E', 2025, { Name: 'Eli Elm' }),
    leaver('F', 2025, { Name: 'Fay Fir' }),
    leaver('G', 2025, { Name: 'Gus Gum' }),
    leaver('H', 2025, { Name: 'Hal Hazel' }),
    leaver('I', 2025, { Name: 'Ida Ivy' }),
    leaver('J', 2025, { Name: 'Jo Juniper' }),
    // 2024
    leaver('K', 2024, { Name: 'Kit Kauri' }),
    leaver('M', 2024, { Name: 'Mo Maple' }),
    // 2023: past retention, not tracked
    leaver('N', 2023, { Name: 'Nan Oak' }),
  ],
  destinations: [
    check('A', '2026-09-30', 'Further education'),
    check('B', '2026-08-01', 'NEET'),
    check('E', '2025-10-01', 'Apprenticeship'), check('E', '2026-02-28', 'Apprenticeship'), check('E', '2026-10-01', 'Employment with training'),
    check('F', '2025-12-31', 'Further education'), check('F', '2026-01-01', 'NEET'), check('F', '2026-10-15', 'Further education'),
    check('G', '2025-10-05', 'Further education'), check('G', '2026-03-31', 'Gap year'), check('G', '2026-04-01', 'NEET'),
    check('H', '2025-10-01', 'Not known'), check('H', '2026-01-10', 'Further education'),
    check('I', '2026-10-01', 'NEET not available', { 'NCCIS code': 640 }),
    check('J', '2025-10-02', 'Further education', { 'NCCIS code': 619 }), check('J', '2026-01-05', 'FE'), check('J', '2026-10-02', 'College'),
    check('K', '2024-10-01', 'Sixth form'), check('K', '2025-03-01', 'Sixth form'), check('K', '2025-10-01', 'HE'), check('K', '2026-03-01', 'HE'), check('K', '2026-10-01', 'HE'),
    check('M', '2026-10-31', 'Cannot be contacted'),
  ],
};

describe('tracker 1: defaults, three leaver years', () => {
  it('gives the hand-worked figures per leaver year', async () => {
    const { code, json } = await run(T1, ['destinations', '--today', '2026-10-31'], 't1.xlsx');
    expect(code).toBe(0);
    expect(json.asOf).toBe('2026-10-31');
    const y = (l: number) => json.years.find((r: { leaverYear: number }) => r.leaverYear === l);
    // 2026: cohort A,B,C,D = 4; no consent D; rest A (FE: EET), B (NEET), C (no row).
    // Sustained window 2026-10-01..2027-03-31: no checks (A's is 30 Sep) -> 0/0, null.
    expect(y(2026)).toMatchObject({ cohort: 4, noConsent: 1, eet: 1, neet: 1, notKnown: 0, noCheck: 1, sustained: 0, notSustained: 0, sustainedPct: null });
    // 2025: E (EwT), F (FE), H (FE), J (College = FE) EET = 4; G (NEET on 1 Apr), I (NEET not available) = 2.
    // Sustained (window 2025-10-01..2026-03-31): E 1 Oct + 28 Feb, all EET -> yes; J 2 Oct + 5 Jan, FE -> yes;
    // F 31 Dec FE + 1 Jan NEET -> no; G FE + Gap year (Other) -> unknown; H Not known + FE -> unknown;
    // I no check in the window -> unknown. 2 / 3 = 66.7.
    expect(y(2025)).toMatchObject({ cohort: 6, noConsent: 0, eet: 4, neet: 2, notKnown: 0, noCheck: 0, sustained: 2, notSustained: 1, sustainedPct: 66.7 });
    // 2024: K (HE) EET, M (Cannot be contacted) not known. K: 1 Oct 2024 + 1 Mar 2025 sixth form -> sustained. 1/1 = 100.
    expect(y(2024)).toMatchObject({ cohort: 2, noConsent: 0, eet: 1, neet: 0, notKnown: 1, noCheck: 0, sustained: 1, notSustained: 0, sustainedPct: 100 });
    expect(y(2023)).toBeUndefined();
    expect(json.pastRetention).toEqual(['N']);
  });

  it('lists the checks due and missed, by hand', async () => {
    const { json } = await run(T1, ['destinations', '--today', '2026-10-31'], 't1b.xlsx');
    // Due 2026-10-01 (30 days, not overdue): A (30 Sep check is before it), B, C, G (last 1 Apr), H.
    // E (1 Oct), F (15 Oct), I (1 Oct), J (2 Oct), K (1 Oct), M (31 Oct) are done. D: consent No.
    const due = json.due.map((x: Record<string, unknown>) => [x.pupilId, x.leaverYear, x.checkPoint, x.daysDue, x.overdue, x.consentRecorded]);
    expect(due).toEqual([
      ['A', 2026, '2026-10-01', 30, false, true],
      ['B', 2026, '2026-10-01', 30, false, false],
      ['C', 2026, '2026-10-01', 30, false, true],
      ['G', 2025, '2026-10-01', 30, false, true],
      ['H', 2025, '2026-10-01', 30, false, true],
    ]);
    // Missed: C 1 Aug 2026 (1); E 1 Mar 2026 (its 28 Feb check falls in the Oct window) (1);
    // F 1 Mar 2026 (1); H 1 Mar 2026 (1); I 1 Oct 2025 and 1 Mar 2026 (2); J 1 Mar 2026 (1);
    // M 2024-10, 2025-03, 2025-10, 2026-03 (4). G: 31 Mar/1 Apr do the March point; K: all done; B: 1 Aug done.
    const missed = Object.fromEntries(json.missed.map((m: { pupilId: string; count: number }) => [m.pupilId, m.count]));
    expect(missed).toEqual({ C: 1, E: 1, F: 1, H: 1, I: 2, J: 1, M: 4 });
  });

  it('is overdue on the 31st day', async () => {
    const { json } = await run(T1, ['destinations', '--today', '2026-11-01'], 't1c.xlsx');
    expect(json.due.map((x: Record<string, unknown>) => [x.pupilId, x.daysDue, x.overdue])).toEqual([
      ['A', 31, true], ['B', 31, true], ['C', 31, true], ['G', 31, true], ['H', 31, true],
    ]);
  });

  it('writes the same figures and percentages on the Leavers tab', async () => {
    const { file } = await run(T1, ['destinations', '--today', '2026-10-31'], 't1d.xlsx');
    const wb = await XlsxWorkbook.open(file);
    const rows = wb.readTab('Leavers')!;
    fs.writeFileSync('/tmp/w1/leavers-tab.json', JSON.stringify(rows, null, 1));
    const flat = rows.flat().map(String);
    // Percentages of the leavers with consent not No: 2026: EET 1/3 = 33.3, NEET 1/3 = 33.3;
    // 2025: EET 4/6 = 66.7, NEET 2/6 = 33.3; 2024: EET 1/2 = 50, not known 1/2 = 50; sustained 66.7, 100.
    expect(flat).toContain('Nan Oak'); // past retention listed
    expect(flat.join('|')).not.toContain('Dot Dogwood|2026|2026-10-01'); // consent No never due
  });
});

// Tracker 2: `Destination checks` January, September; `Track leavers (years)` 2. Today 2027-06-15 ->
// academic year 2026-27, S = 2026: tracked L >= 2025; past retention (keep 3) L < 2024.
// L=2025: first listed month after 1 Aug 2025 is September: 2025-09-01, 2026-01-01, 2026-09-01,
// 2027-01-01 (two a year for two years; the last is done by any date on or after it).
// L=2026 (not Accepted): 2026-08-01, 2026-09-01, 2027-01-01, 2027-09-01, ...
const T2: Spec = {
  settings: { 'Destination checks': 'January, September', 'Track leavers (years)': 2 },
  pupils: [
    leaver('P', 2025, { Name: 'Pam Pear' }),
    leaver('Q', 2025, { Name: 'Quin Quince' }),
    leaver('R', 2024, { Name: 'Rod Rowan' }),
    leaver('S', 2026, { Name: 'Sam Sloe', 'Application status': 'Offer' }),
  ],
  destinations: [
    check('P', '2025-09-01', 'Further education'), check('P', '2026-01-01', 'Further education'),
    check('P', '2026-09-01', 'Further education'), check('P', '2027-06-01', 'Further education'),
    check('Q', '2025-09-01', 'NEET'),
    check('R', '2024-09-01', 'NEET'),
    check('S', '2026-08-31', 'Apprenticeship'),
  ],
};

describe('tracker 2: other months, two years, the last check point', () => {
  it('gives the hand-worked checks and figures', async () => {
    const { json } = await run(T2, ['destinations', '--today', '2027-06-15'], 't2.xlsx');
    // P: every point done (the last, 2027-01-01, by 2027-06-01). Q: 2027-01-01 due, 2027-06-15 - 2027-01-01
    // = Jan 31 + Feb 28 + Mar 31 + Apr 30 + May 31 = 151 days to 1 June, + 14 = 165; overdue;
    // missed 2026-01-01 and 2026-09-01 (2). S: 1 Aug done by 31 Aug; 1 Sep missed; 2027-01-01 due (165).
    expect(json.due.map((x: Record<string, unknown>) => [x.pupilId, x.leaverYear, x.checkPoint, x.daysDue, x.overdue])).toEqual([
      ['Q', 2025, '2027-01-01', 165, true],
      ['S', 2026, '2027-01-01', 165, true],
    ]);
    expect(Object.fromEntries(json.missed.map((m: { pupilId: string; count: number }) => [m.pupilId, m.count]))).toEqual({ Q: 2, S: 1 });
    // R (2024) is neither tracked (2024 < 2025) nor past retention (2024 >= 2024).
    expect(json.years.map((y: { leaverYear: number }) => y.leaverYear)).toEqual([2026, 2025]);
    expect(json.pastRetention).toEqual([]);
    // Sustained windows: 2025: 2025-10-01..2026-03-31: P has only 2026-01-01 (nothing <= 31 Dec) -> unknown;
    // Q nothing -> unknown. 2026: S's 31 Aug check is before 1 Oct -> unknown.
    const y = (l: number) => json.years.find((r: { leaverYear: number }) => r.leaverYear === l);
    expect(y(2025)).toMatchObject({ cohort: 2, noConsent: 0, eet: 1, neet: 1, notKnown: 0, noCheck: 0, sustained: 0, notSustained: 0, sustainedPct: null });
    expect(y(2026)).toMatchObject({ cohort: 1, eet: 1, neet: 0, sustainedPct: null });
  });
});

describe('the weekly email on tracker 1', () => {
  it('goes to the destinations lead: count due and overdue, then name, leaver year and days due only', async () => {
    const outbox = path.join(dir, 'outbox1');
    const file = path.join(dir, 't1e.xlsx');
    const spec = { ...T1, pupils: T1.pupils.map((p) => (p['Pupil ID'] === 'G' ? { ...p, SEND: 'EHCP', 'Looked after': 'Yes', Disadvantaged: 'Yes' } : p)) };
    spec.destinations = [...T1.destinations!, check('H', '2026-01-11', 'Further education', { Notes: 'private remark' })];
    await writeWorkbook(file, tabsOf(spec));
    const r = await cli(['destinations', '--workbook', file, '--today', '2026-11-02', '--outbox', outbox, '--json']);
    expect(r.code).toBe(0);
    const emls = fs.readdirSync(outbox).filter((f) => f.endsWith('.eml'));
    expect(emls).toHaveLength(1);
    const eml = fs.readFileSync(path.join(outbox, emls[0]), 'utf8').replace(/=\r?\n/g, ''); // quoted-printable soft breaks
    fs.writeFileSync('/tmp/w1/email.eml', eml);
    expect(eml).toMatch(/^To: .*dl@school\.example/m);
    expect(eml).toContain('5 leavers have a destination check due, 5 overdue');
    // 5 due (A, B, C, G, H), all 32 days: 5 overdue.
    for (const [name, year] of [['Amy Ash', 2026], ['Ben Birch', 2026], ['Cal Cedar', 2026], ['Gus Gum', 2025], ['Hal Hazel', 2025]]) {
      expect(eml).toContain(name as string);
      expect(eml).toMatch(new RegExp(`${name}[^\\n]*${year}[^\\n]*32`));
    }
    expect(eml).not.toMatch(/EHCP|SEND|looked[ -]after|disadvantaged|private remark|@pupils\.example/i);
    expect(eml).not.toContain('Dot Dogwood');
  });
});

// Tracker 3: the LA returns on 2026-06-15 (academic year 2025-26, S = 2025; tracked L >= 2023; the
// previous academic year ended in 2025, so the Year 12 list is the leavers of 2025).
const T3: Spec = {
  pupils: [
    { 'Pupil ID': 'P1', Name: "Mary Ann O'Neil", Year: 11, 'Date of birth': d('2010-03-05'), Postcode: 'AB1 2CD', 'Plan A': '=HYPERLINK("x")', Provider: 'Kent College', Course: 'A levels, maths', 'Application status': 'Offer' },
    { 'Pupil ID': 'P2', Name: 'Zed Zulu', Year: 11, 'Application status': 'Accepted' },
    { 'Pupil ID': 'P3', Name: 'Ann Bee', Year: 11, 'Application status': 'Rejected' },
    { 'Pupil ID': 'P4', Name: 'Cat Dee', Year: 11 },
    { 'Pupil ID': 'P5', Name: 'Eve Fox', Year: 11, 'Application status': 'Maybe', 'Plan A': '-5 points' },
    { 'Pupil ID': 'P6', Name: 'Ten Year', Year: 10, 'Application status': 'Offer' },
    leaver('L1', 2025, { Name: 'Gil Hart', 'Date of birth': d('2009-12-31'), Postcode: 'CT1 2AB' }),
    leaver('L2', 2025, { Name: 'Ivy Jones' }),
    leaver('L3', 2025, { Name: 'Kay Lee' }),
    leaver('L4', 2025, { Name: 'Max Nye' }),
    leaver('L5', 2025, { Name: 'Ned Ode' }),
    leaver('L6', 2025, { Name: 'Pat Quinn', 'Consent to track': 'No' }),
    leaver('L8', 2025, { Name: 'Gail Gap' }),
    leaver('L9', 2025, { Name: 'Ola Pine' }),
    leaver('L10', 2025, { Name: 'Ria Teak' }),
    leaver('T', 2024, { Name: 'Tom Ure' }),
    leaver('U', 2023, { Name: 'Uma Vale' }),
    leaver('V', 2022, { Name: 'Vic Old' }),
  ],
  destinations: [
    check('L1', '2025-10-01', 'Further education', { Provider: 'Mid Kent College', 'Course or role': 'BTEC' }),
    check('L1', '2026-03-02', 'Apprenticeship', { Provider: '+Acme', 'Course or role': 'Level 3' }),
    check('L2', '2026-03-01', 'Employment without training'),
    check('L3', '2026-03-01', 'Start date agreed'),
    check('L4', '2026-03-01', 'Not known'),
    check('L6', '2026-03-01', 'NEET', { 'NCCIS code': 640 }),
    check('L8', '2026-03-01', 'Gap year'),
    check('L9', '2025-10-01', 'Further education', { 'NCCIS code': 619 }),
    check('L10', '2026-03-01', 'Supported internship'),
    check('T', '2024-10-01', 'Sixth form'), check('T', '2025-01-10', 'Sixth form'),
    check('U', '2023-10-01', 'NEET'), check('U', '2024-02-01', 'Further education'),
  ],
};

async function laReturn(kind: string, today = '2026-06-15'): Promise<{ head: string[]; rows: string[][] }> {
  const out = path.join(dir, `${kind}-${today}.csv`);
  const r = await run(T3, ['la-return', '--today', today, '--kind', kind, '--out', out], `t3-${kind}-${today}.xlsx`);
  expect(r.code).toBe(0);
  const text = fs.readFileSync(out, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff); // UTF-8 with BOM
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/); // CRLF line ends (no quoted new lines here)
  const data = Papa.parse<string[]>(text.slice(1), { newline: '\r\n', skipEmptyLines: true }).data;
  expect(r.json).toEqual({ kind, rows: data.length - 1, file: out });
  return { head: data[0], rows: data.slice(1).sort((a, b) => a[0].localeCompare(b[0])) };
}

describe('tracker 3: the returns to the local authority', () => {
  it('y11: every pupil now in Year 11, offer status from Application status', async () => {
    const { head, rows } = await laReturn('y11');
    expect(head).toEqual(['UPN', 'Surname', 'Forename', 'Date of birth', 'Postcode', expect.stringMatching(/^Intended destination/), 'Provider', 'Course', 'Offer status', 'Offer date']);
    // Offer -> Offer made; Accepted -> Offer made; Rejected -> No offer; blank and "Maybe" -> Not recorded.
    // Surname = last word of Name; formula-safe: '=... and '-5.
    expect(rows).toEqual([
      ['P1', "O'Neil", 'Mary Ann', '05/03/2010', 'AB1 2CD', `'=HYPERLINK("x")`, 'Kent College', 'A levels, maths', 'Offer made', ''],
      ['P2', 'Zulu', 'Zed', '', '', '', '', '', 'Offer made', ''],
      ['P3', 'Bee', 'Ann', '', '', '', '', '', 'No offer', ''],
      ['P4', 'Dee', 'Cat', '', '', '', '', '', 'Not recorded', ''],
      ['P5', 'Fox', 'Eve', '', '', "'-5 points", '', '', 'Not recorded', ''],
    ]);
  });

  it('y11 from 1 July: the leavers of this summer', async () => {
    const { rows } = await laReturn('y11', '2025-07-01');
    // On 2025-07-01 the leavers of 2025 (Leaver year 2025) left Year 11 this summer; older leavers
    // (T, 2024) did not. (P1-P5 are on roll in Year 11 with no Tracker year: see tracker 7.)
    for (const id of ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L8', 'L9', 'L10']) expect(rows.map((r) => r[0])).toContain(id);
    expect(rows.map((r) => r[0])).not.toContain('T');
  });

  it('y12: last summer\'s Year 11 leavers, offer status from the latest check', async () => {
    const { head, rows } = await laReturn('y12');
    expect(head).toEqual(['UPN', 'Surname', 'Forename', 'Date of birth', 'Postcode', expect.stringMatching(/Status/), 'NCCIS code', 'Provider', 'Course', 'Checked', 'Offer status']);
    // Offer made: Education / Employment with training / Training groups, or Start date agreed;
    // No offer: NEET, Employment without training; Not recorded: Not known, Other, no check.
    // NCCIS code: the row's code when valid (640 for L6), else the status's (619 on FE contradicts: 230).
    expect(rows).toEqual([
      ['L1', 'Hart', 'Gil', '31/12/2009', 'CT1 2AB', 'Apprenticeship', '310', "'+Acme", 'Level 3', '02/03/2026', 'Offer made'],
      ['L10', 'Teak', 'Ria', '', '', 'Supported internship', '460', '', '', '01/03/2026', 'Offer made'],
      ['L2', 'Jones', 'Ivy', '', '', 'Employment without training', '330', '', '', '01/03/2026', 'No offer'],
      ['L3', 'Lee', 'Kay', '', '', 'Start date agreed', '616', '', '', '01/03/2026', 'Offer made'],
      ['L4', 'Nye', 'Max', '', '', 'Not known', '810', '', '', '01/03/2026', 'Not recorded'],
      ['L5', 'Ode', 'Ned', '', '', '', '', '', '', '', 'Not recorded'],
      ['L6', 'Quinn', 'Pat', '', '', 'NEET', '640', '', '', '01/03/2026', 'No offer'],
      ['L8', 'Gap', 'Gail', '', '', 'Gap year', '260', '', '', '01/03/2026', 'Not recorded'],
      ['L9', 'Pine', 'Ola', '', '', 'Further education', '230', '', '', '01/10/2025', 'Offer made'],
    ]);
  });

  it('destinations: every leaver in the tracking window with consent not No', async () => {
    const { head, rows } = await laReturn('destinations');
    expect(head).toEqual(['UPN', 'Surname', 'Forename', 'Date of birth', 'Postcode', 'Leaver year', expect.stringMatching(/Status/), 'NCCIS code', expect.stringMatching(/^group$/i), 'Provider', 'Course or role', 'Checked', 'Sustained']);
    // Window 2023-2025; L6 (consent No) and V (2022) out. Sustained (1 Oct L .. 31 Mar L+1):
    // L1 1 Oct FE + 2 Mar Apprenticeship -> yes; L3 Start date agreed (NEET group) in the window -> no;
    // T 1 Oct 2024 + 10 Jan 2025 sixth form -> yes; U 1 Oct 2023 NEET -> no; the rest unknown.
    expect(rows).toEqual([
      ['L1', 'Hart', 'Gil', '31/12/2009', 'CT1 2AB', '2025', 'Apprenticeship', '310', 'Employment with training', "'+Acme", 'Level 3', '02/03/2026', 'yes'],
      ['L10', 'Teak', 'Ria', '', '', '2025', 'Supported internship', '460', 'Training', '', '', '01/03/2026', 'unknown'],
      ['L2', 'Jones', 'Ivy', '', '', '2025', 'Employment without training', '330', 'Employment without training', '', '', '01/03/2026', 'unknown'],
      ['L3', 'Lee', 'Kay', '', '', '2025', 'Start date agreed', '616', 'NEET', '', '', '01/03/2026', 'no'],
      ['L4', 'Nye', 'Max', '', '', '2025', 'Not known', '810', 'Not known', '', '', '01/03/2026', 'unknown'],
      ['L5', 'Ode', 'Ned', '', '', '2025', '', '', '', '', '', '', 'unknown'],
      ['L8', 'Gap', 'Gail', '', '', '2025', 'Gap year', '260', 'Other', '', '', '01/03/2026', 'unknown'],
      ['L9', 'Pine', 'Ola', '', '', '2025', 'Further education', '230', 'Education', '', '', '01/10/2025', 'unknown'],
      ['T', 'Ure', 'Tom', '', '', '2024', 'School sixth form', '210', 'Education', '', '', '10/01/2025', 'yes'],
      ['U', 'Vale', 'Uma', '', '', '2023', 'Further education', '230', 'Education', '', '', '01/02/2024', 'no'],
    ]);
  });
});

// Tracker 4: sustained on its boundary days, consent No with checks. Today 2026-10-31, defaults.
const T4: Spec = {
  pupils: [
    leaver('W1', 2025, { Name: 'Wes One' }), leaver('W2', 2025, { Name: 'Wes Two' }), leaver('W3', 2025, { Name: 'Wes Three' }),
    leaver('W4', 2025, { Name: 'Wes Four' }), leaver('W5', 2025, { Name: 'Wes Five' }),
    leaver('W6', 2025, { Name: 'Wes Six', 'Consent to track': 'No' }), leaver('W8', 2025, { Name: 'Wes Eight' }),
  ],
  destinations: [
    check('W1', '2025-10-01', 'Apprenticeship'), check('W1', '2026-03-31', 'Part-time employment'),
    check('W2', '2025-09-30', 'NEET'), check('W2', '2025-12-31', 'Further education'), check('W2', '2026-01-01', 'Further education'), check('W2', '2026-04-01', 'NEET'),
    check('W3', '2025-10-01', 'Further education'), check('W3', '2025-12-31', 'Further education'),
    check('W4', '2026-01-01', 'Further education'), check('W4', '2026-03-31', 'Further education'),
    check('W5', '2025-11-01', 'Further education'), check('W5', '2026-02-01', 'Custody'),
    check('W6', '2025-11-01', 'NEET'), check('W6', '2026-02-01', 'NEET'),
    check('W8', '2025-11-01', 'Further education'), check('W8', '2026-02-01', 'Refused to disclose'),
  ],
};

describe('tracker 4: sustained on the boundary days; consent No', () => {
  it('gives the hand-worked figures', async () => {
    const { json } = await run(T4, ['destinations', '--today', '2026-10-31'], 't4.xlsx');
    // Window 2025-10-01..2026-03-31. W1: 1 Oct + 31 Mar, both EET (Part-time employment is employment
    // without training: EET) -> sustained. W2: 30 Sep and 1 Apr NEET are outside; 31 Dec + 1 Jan FE ->
    // sustained. W3: only before 1 Jan; W4: only after -> unknown. W5: Custody (Other) -> unknown.
    // W8: Refused (Not known) -> unknown. W6: consent No, left out of everything but cohort/noConsent.
    // Latest groups: W1 EwoT, W3 FE, W4 FE -> EET 3; W2 NEET 1; W8 not known 1; W5 Other.
    // (2026 and 2024 are in the window with no leavers: cohort 0.)
    expect(json.years.find((y: { leaverYear: number }) => y.leaverYear === 2025)).toEqual(expect.objectContaining({ leaverYear: 2025, cohort: 7, noConsent: 1, eet: 3, neet: 1, notKnown: 1, noCheck: 0, sustained: 2, notSustained: 0, sustainedPct: 100 }));
    // Due 2026-10-01 for all six with consent (no check on or after it), 30 days. Missed 2026-03-01
    // ([1 Mar, 1 Oct) empty): W3, W5, W8. W6 (consent No): never due, nothing missed.
    expect(json.due.map((x: { pupilId: string }) => x.pupilId).sort()).toEqual(['W1', 'W2', 'W3', 'W4', 'W5', 'W8']);
    expect(json.due.every((x: { daysDue: number; overdue: boolean }) => x.daysDue === 30 && !x.overdue)).toBe(true);
    expect(Object.fromEntries(json.missed.map((m: { pupilId: string; count: number }) => [m.pupilId, m.count]))).toEqual({ W3: 1, W5: 1, W8: 1 });
  });

  it('emails once per ISO week', async () => {
    const outbox = path.join(dir, 'outbox4');
    const file = path.join(dir, 't4e.xlsx');
    await writeWorkbook(file, tabsOf(T4));
    await cli(['destinations', '--workbook', file, '--today', '2026-11-02', '--outbox', outbox, '--json']);
    const again = await cli(['destinations', '--workbook', file, '--today', '2026-11-08', '--outbox', outbox, '--json']);
    expect(JSON.parse(again.out)).toMatchObject({ emails: 0 });
    const next = await cli(['destinations', '--workbook', file, '--today', '2026-11-09', '--outbox', outbox, '--json']);
    expect(JSON.parse(next.out)).toMatchObject({ emails: 1 });
    expect(fs.readdirSync(outbox).filter((f) => f.endsWith('.eml'))).toHaveLength(2);
  });
});

describe('the command line contract', () => {
  it('exits 2 with one line on stderr for a bad command line or an unreadable workbook', async () => {
    const file = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(file, 'not a workbook');
    for (const args of [['destinations', '--workbook', file], ['la-return', '--workbook', file, '--kind', 'y11', '--out', path.join(dir, 'x.csv')],
      ['la-return', '--workbook', path.join(dir, 't1.xlsx'), '--kind', 'y13', '--out', path.join(dir, 'x.csv')],
      ['la-return', '--workbook', path.join(dir, 't1.xlsx'), '--kind', 'y11'], ['destinations', '--workbook', file, '--today', '2026-13-01']]) {
      const r = await cli([...args, '--json']);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('names, dates and escaping in the returns', () => {
  it('uses separate Forename and Surname columns, reads text dates day first, escapes tab, CR, @ and quotes', async () => {
    const spec: Spec = {
      pupils: [
        { 'Pupil ID': 'S1', Name: 'Anne-Marie de la Cruz', Forename: 'Anne-Marie', Surname: 'de la Cruz', Year: 11, 'Date of birth': '5/3/2010', 'Plan A': '\tTabbed', Provider: '@Provider', Course: 'Maths, "Further"' },
        { 'Pupil ID': 'S2', Name: 'Bob Brown', Forename: 'Robert', Surname: '-Brown', Year: 11, 'Date of birth': '12 September 2010', 'Plan A': '\rCR' },
      ],
    };
    const out = path.join(dir, 'names.csv');
    const r = await run(spec, ['la-return', '--today', '2026-03-02', '--kind', 'y11', '--out', out], 'names.xlsx');
    expect(r.code).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    const rows = Papa.parse<string[]>(text.slice(1), { newline: '\r\n', skipEmptyLines: true }).data.slice(1).sort((a, b) => a[0].localeCompare(b[0]));
    expect(rows.map((x) => x.slice(0, 8))).toEqual([
      // Text cells are read trimmed (a leading tab or CR is gone before the return is made).
      ['S1', 'de la Cruz', 'Anne-Marie', '05/03/2010', '', 'Tabbed', "'@Provider", 'Maths, "Further"'],
      ['S2', "'-Brown", 'Robert', '12/09/2010', '', 'CR', '', ''],
    ]);
    for (const c of ['=1', '+1', '-1', '@a', '\ta', '\ra']) expect(csvSafe(c)).toBe(`'${c}`);
    expect(csvSafe('a=1')).toBe('a=1');
  });
});

describe('pseudonymise on tracker 1', () => {
  it('counts first, then gives N the pseudonym X- + sha256(old ID, spreadsheet ID)[0..10] in every tab', async () => {
    const { createHash } = await import('node:crypto');
    const spec: Spec = {
      ...T1,
      pupils: T1.pupils.map((p) => (p['Pupil ID'] === 'N' ? { ...p, Form: '11N', Mentor: 'FR', 'Date of birth': d('2007-01-02'), Postcode: 'CT2 3DE', 'Plan A': 'College', SEND: 'EHCP' } : p)),
      destinations: [...T1.destinations!, check('N', '2023-10-02', 'Further education', { Provider: 'Kent College', 'Course or role': 'BTEC', Notes: 'Mum rang' })],
      meetings: [{ Date: d('2023-01-05'), 'Pupil ID': 'N', Staff: 'FR', Type: 'Mentoring', Grades: '5s', Notes: 'Fine' }],
      actions: [{ 'Pupil ID': 'N', Action: 'Ring Nan', Due: d('2023-02-01') }],
      activities: [{ Date: d('2023-03-01'), Activity: 'College visit', Type: 'Further education', Pupils: 'N, A' }],
    };
    const dry = await run(spec, ['pseudonymise', '--today', '2026-10-31'], 'p1.xlsx');
    // One leaver (N, 2023 < 2024); rows: Pupils 1, Meetings 1, Actions 1, Activities 1, Destinations 1.
    expect(dry.json).toMatchObject({ applied: false, leavers: 1, rows: { Pupils: 1, Meetings: 1, Actions: 1, Activities: 1, Destinations: 1 } });
    const r = await cli(['pseudonymise', '--workbook', dry.file, '--today', '2026-10-31', '--apply', '--json']);
    expect(JSON.parse(r.out)).toMatchObject({ applied: true, leavers: 1 });
    const id = `X-${createHash('sha256').update('N' + 'p1.xlsx').digest('hex').slice(0, 10)}`;
    const wb = await XlsxWorkbook.open(dry.file);
    const tab = (t: string) => { const g = wb.readTab(t)!; return g.slice(1).map((row) => Object.fromEntries(g[0].map((h, i) => [String(h), row[i]]))); };
    const n = tab('Pupils').find((p) => p['Pupil ID'] === id)!;
    expect(n).toMatchObject({ Name: 'Redacted', Email: '', Form: '', Mentor: '', 'Date of birth': '', Postcode: '', 'Plan A': 'College', SEND: 'EHCP', 'Leaver year': 2023, 'Application status': 'Accepted' });
    expect(tab('Meetings')[0]).toMatchObject({ 'Pupil ID': id, Grades: 'Redacted', Notes: 'Redacted', Staff: 'FR' });
    expect(tab('Actions')[0]).toMatchObject({ 'Pupil ID': id, Action: 'Redacted' });
    expect(tab('Activities')[0].Pupils).toContain(id);
    expect(tab('Destinations').find((x) => x['Pupil ID'] === id)).toMatchObject({ Notes: 'Redacted', Provider: 'Kent College', 'Course or role': 'BTEC' });
    // No cell anywhere still holds the name or the email; the Log has a line with the counts.
    const every = wb.tabNames().flatMap((t) => wb.readTab(t)!.flat().map((c) => (typeof c === 'object' ? c.day : String(c))));
    expect(every.filter((c) => /Nan Oak|n@pupils\.example|CT2 3DE|Ring Nan|Mum rang/.test(c))).toEqual([]);
    const log = tab('Log').filter((l) => l.Job === 'pseudonymise');
    expect(log.map((l) => `${l.Outcome} ${l.Details}`).join('\n')).toMatch(/1/);
  });
});

describe("the governors' report on tracker 1 (the fewer-than-5 rule)", () => {
  it('shows the destinations per leaver year with groups under 5 as "fewer than 5"', async () => {
    const out = path.join(dir, 'report.html');
    const r = await run(T1, ['report', '--today', '2026-10-31', '--out', out], 'r1.xlsx');
    expect(r.code).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    const section = html.slice(html.indexOf('Destinations of leavers'), html.indexOf('</table>', html.indexOf('Destinations of leavers')));
    fs.writeFileSync('/tmp/w1/report-dest.html', section);
    const cells = (year: number) => [...section.slice(section.indexOf(`>${year}<`)).split('</tr>')[0].matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
    // 2026: cohort 4 (<5), 3 with consent (<5): every figure hidden; sustained 0/0: none.
    expect(cells(2026)).toEqual(['fewer than 5', 'fewer than 5', 'fewer than 5', 'fewer than 5', '–']);
    // 2025: cohort 6, 6 with consent: EET 66.7, NEET 33.3, not known 0; sustained 2 of 3 (<5): hidden.
    expect(cells(2025)).toEqual(['6', '66.7', '33.3', '0', 'fewer than 5']); // the headers carry the %
    // 2024: cohort 2: hidden; sustained 1 of 1: hidden.
    expect(cells(2024)).toEqual(['fewer than 5', 'fewer than 5', 'fewer than 5', 'fewer than 5', 'fewer than 5']);
    expect(section).not.toMatch(/Amy|Nan Oak|\bA\b.*2026-10-01/);
  });
});

describe('tracker 5: settings and season boundaries', () => {
  // Academic year start 5 September; today 2026-09-04 -> still 2025-26, S = 2025: tracked L >= 2023,
  // past retention (Keep 2) L < 2024. Destination checks: October, January, March (3 a year), Track 1:
  // L=2025: 2025-10-01, 2026-01-01, 2026-03-01 (the last: any later date). Blank Application status is
  // not Accepted: 2025-08-01 first.
  const T5: Spec = {
    settings: { 'Academic year start': '5 September', 'Destination checks': 'October, January, March', 'Track leavers (years)': 1, 'Keep leavers (years)': 2 },
    pupils: [
      leaver('X1', 2025, { Name: 'Xan One', 'Application status': '' }),
      leaver('X2', 2025, { Name: 'Xan Two' }),
      leaver('X3', 2024, { Name: 'Xan Three' }),
      leaver('X4', 2023, { Name: 'Xan Four' }),
    ],
    destinations: [
      check('X1', '2025-08-01', 'NEET'), check('X1', '2026-01-15', 'Traineeship'),
      check('X2', '2025-10-01', 'Apprenticeship'), check('X2', '2026-08-31', 'Apprenticeship'),
    ],
  };
  it('gives the hand-worked checks', async () => {
    const { json } = await run(T5, ['destinations', '--today', '2026-09-04'], 't5.xlsx');
    // Tracked with Track 1: L >= 2025 - 1 + 1 = 2025 only. Past retention with Keep 2: L < 2024: X4.
    expect(json.years.map((y: { leaverYear: number }) => y.leaverYear)).toEqual([2025]);
    expect(json.pastRetention).toEqual(['X4']);
    // X1: 1 Aug done, 1 Oct missed (no row in [1 Oct, 1 Jan)), 1 Jan done (15 Jan), 1 Mar (last) not done:
    // due, 2026-09-04 - 2026-03-01 = 30+30+31+30+31+31+3 = 187 days... Mar 31 + Apr 30 + May 31 + Jun 30 +
    // Jul 31 + Aug 31 = 184 to 1 Sep, + 3 = 187; overdue. X2: 1 Oct done, 1 Jan missed, 1 Mar done by 31 Aug.
    expect(json.due.map((x: Record<string, unknown>) => [x.pupilId, x.checkPoint, x.daysDue, x.overdue])).toEqual([['X1', '2026-03-01', 187, true]]);
    expect(Object.fromEntries(json.missed.map((m: { pupilId: string; count: number }) => [m.pupilId, m.count]))).toEqual({ X1: 1, X2: 1 });
  });

  it('y11 and y12 lists on the season boundaries', async () => {
    const spec: Spec = {
      pupils: [
        { 'Pupil ID': 'Y11', Name: 'Yas Eleven', Year: 11 },
        leaver('L26', 2026, { Name: 'Lee Twentysix' }),
        leaver('L25', 2025, { Name: 'Lee Twentyfive' }),
        leaver('L24', 2024, { Name: 'Lee Twentyfour' }),
      ],
    };
    const ids = async (kind: string, today: string) => {
      const out = path.join(dir, `b-${kind}-${today}.csv`);
      await run(spec, ['la-return', '--today', today, '--kind', kind, '--out', out], `b-${kind}-${today}.xlsx`);
      return Papa.parse<string[]>(fs.readFileSync(out, 'utf8').slice(1), { newline: '\r\n', skipEmptyLines: true }).data.slice(1).map((r) => r[0]).sort();
    };
    // y11: 30 June: Year 11 on roll; 1 July..30 Sept: who left Year 11 this summer (L = 2026); 1 Oct: Year 11.
    expect(await ids('y11', '2026-06-30')).toEqual(['Y11']);
    expect(await ids('y11', '2026-09-30')).toContain('L26');
    expect(await ids('y11', '2026-09-30')).not.toContain('L25');
    expect(await ids('y11', '2026-10-01')).toEqual(['Y11']);
    // y12: the calendar year the previous academic year ended: 30 June 2026 (2025-26; previous 2024-25) -> 2025;
    // 1 Oct 2026 (2026-27; previous 2025-26) -> 2026.
    expect(await ids('y12', '2026-06-30')).toEqual(['L25']);
    expect(await ids('y12', '2026-08-31')).toEqual(['L25']);
    expect(await ids('y12', '2026-10-01')).toEqual(['L26']);
  });
});

describe('tracker 1 typed as a school would type it', () => {
  it('gives the same figures with text dates (D/M/YYYY, D Month YYYY), any case, aliases and IDs in another case', async () => {
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const typed: Spec = {
      ...T1,
      pupils: T1.pupils.map((p) => ({ ...p, 'Leaver year': String(p['Leaver year']), 'Consent to track': p['Consent to track'] === 'Yes' ? 'Y' : p['Consent to track'] === 'No' ? 'n' : '' })),
      destinations: T1.destinations!.map((r, i) => {
        const day = (r.Checked as { day: string }).day;
        const [y, m, dd] = day.split('-').map(Number);
        return { ...r, 'Pupil ID': ` ${String(r['Pupil ID']).toLowerCase()} `, Status: String(r.Status).toUpperCase(), Checked: i % 2 ? `${dd}/${m}/${y}` : `${dd} ${months[m - 1]} ${y}` };
      }),
    };
    const a = await run(T1, ['destinations', '--today', '2026-10-31'], 'typed-a.xlsx');
    const b = await run(typed, ['destinations', '--today', '2026-10-31'], 'typed-b.xlsx');
    const strip = (j: { years: unknown; due: { pupilId: string }[]; missed: unknown; pastRetention: unknown }) => ({ years: j.years, due: j.due.map((x) => ({ ...x, lastStatus: null })), missed: j.missed, pastRetention: j.pastRetention });
    expect(strip(b.json)).toEqual(strip(a.json));
  });
});

describe("the sidebar's Leavers view and the dialog's returns on the same trackers", () => {
  it('lists the due checks overdue first, every leaver with consent not No, the statuses in their groups; mentors see nothing', async () => {
    const { leaversView, leaversAccess } = await import('../../src/domain/leavers-view');
    const { trackerOf } = await import('./build');
    const t = trackerOf(T1);
    const v = leaversView(t, '2026-11-01');
    // Same as the command line on 2026-11-01: A, B, C, G, H, 31 days, overdue.
    expect(v.due.map((x) => [x.id, x.daysDue, x.overdue])).toEqual([['A', 31, true], ['B', 31, true], ['C', 31, true], ['G', 31, true], ['H', 31, true]]);
    // Tracked (2024-2026) with consent not No: all but D (No) and N (2023, not tracked).
    expect(v.leavers.map((x) => x.id).sort()).toEqual(['A', 'B', 'C', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'M']);
    const all = v.statuses.flatMap((g) => g.values.map((s) => `${g.group}: ${s}`));
    expect(all).toHaveLength(23);
    expect(all).toContain('Employment without training: Part-time employment');
    expect(all).toContain('NEET: Start date agreed');
    expect(leaversAccess(t, 'fr@school.example').ok).toBe(false); // Mentor
    for (const who of ['cl@school.example', 'dl@school.example', 'ca@school.example']) expect(leaversAccess(t, who).ok).toBe(true);
  });

  it("the dialog's CSV is the command line's, byte for byte", async () => {
    const { csvFor, tableFor } = await import('../../src/ui/la-return-dialog');
    for (const kind of ['y11', 'y12', 'destinations'] as const) {
      const out = path.join(dir, `same-${kind}.csv`);
      await run(T3, ['la-return', '--today', '2026-06-15', '--kind', kind, '--out', out], `same-${kind}.xlsx`);
      expect(csvFor(tableFor({ tabs: tabsOf(T3), today: '2026-06-15' }, kind))).toBe(fs.readFileSync(out, 'utf8'));
    }
  });
});

describe('formula text on the Leavers tab', () => {
  it('keeps a crafted name and ID as text, never a formula (tracker.md writing rules)', async () => {
    const spec: Spec = { pupils: [leaver('+44', 2026, { Name: '=HYPERLINK("x")', Email: '-x@pupils.example' })] };
    const { file } = await run(spec, ['destinations', '--today', '2026-10-31'], 'crafted.xlsx');
    // Due 2026-10-01 (30 days). Read back as Sheets would show it: the text itself.
    const rows = (await XlsxWorkbook.open(file)).readTab('Leavers')!;
    expect(rows.find((r) => r[0] === '+44')!.slice(0, 5)).toEqual(['+44', '=HYPERLINK("x")', 2026, { day: '2026-10-01' }, 30]);
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith('xl/worksheets/sheet'))) {
      expect(await zip.file(name)!.async('string')).not.toMatch(/<f[ >]/);
    }
  });
});

describe('tracker 6: results day, a leap year, due on the day', () => {
  const T6: Spec = {
    pupils: [
      leaver('Z1', 2026, { Name: 'Zia Applied', 'Application status': 'Applied' }),
      leaver('Z2', 2026, { Name: 'Zoe Accepted' }),
      leaver('Z3', 2026, { Name: 'Zac Leap' }),
    ],
    destinations: [check('Z3', '2026-10-05', 'Further education')],
  };
  it('on 15 August the unplaced leaver of this summer is due from 1 August', async () => {
    // 2026-08-15: academic year 2025-26, S = 2025; L = 2026 >= 2023 is tracked. Z1 (Applied): 1 Aug 2026
    // reached, not done: due 14 days. Z2 (Accepted): first point 1 Oct 2026, not reached. Z3 likewise.
    const { json } = await run(T6, ['destinations', '--today', '2026-08-15'], 't6a.xlsx');
    expect(json.due.map((x: Record<string, unknown>) => [x.pupilId, x.checkPoint, x.daysDue, x.overdue])).toEqual([['Z1', '2026-08-01', 14, false]]);
    // Z3's check dated 5 Oct 2026 is after today: not counted (docs/destinations.md), so no row yet for anyone.
    expect(json.years.find((y: { leaverYear: number }) => y.leaverYear === 2026)).toMatchObject({ cohort: 3, noCheck: 3, eet: 0 });
  });
  it('on 29 February 2028 and on 1 March 2028', async () => {
    // 2028-02-29: S = 2027, tracked L >= 2025. Z3: 1 Oct 2026 done (5 Oct), 1 Mar 2027 missed,
    // 1 Oct 2027 due: Oct 31 + Nov 30 + Dec 31 + Jan 31 + 28 (to 29 Feb) = 151 days, overdue.
    // Z1: 1 Aug 2026, 1 Oct 2026, 1 Mar 2027 missed (3), 1 Oct 2027 due 151. Z2: 2 missed, due 151.
    const a = await run(T6, ['destinations', '--today', '2028-02-29'], 't6b.xlsx');
    // All overdue, all 151 days: by name (Zac Leap, Zia Applied, Zoe Accepted).
    expect(a.json.due.map((x: Record<string, unknown>) => [x.pupilId, x.checkPoint, x.daysDue, x.overdue])).toEqual([
      ['Z3', '2027-10-01', 151, true], ['Z1', '2027-10-01', 151, true], ['Z2', '2027-10-01', 151, true],
    ]);
    expect(Object.fromEntries(a.json.missed.map((m: { pupilId: string; count: number }) => [m.pupilId, m.count]))).toEqual({ Z1: 3, Z2: 2, Z3: 1 });
    // 2028-03-01: the 1 Mar 2028 point is reached: due 0 days, not overdue; 1 Oct 2027 is now missed too.
    const b = await run(T6, ['destinations', '--today', '2028-03-01'], 't6c.xlsx');
    expect(b.json.due.map((x: Record<string, unknown>) => [x.pupilId, x.checkPoint, x.daysDue, x.overdue]).sort()).toEqual([
      ['Z1', '2028-03-01', 0, false], ['Z2', '2028-03-01', 0, false], ['Z3', '2028-03-01', 0, false],
    ]);
    expect(Object.fromEntries(b.json.missed.map((m: { pupilId: string; count: number }) => [m.pupilId, m.count]))).toEqual({ Z1: 4, Z2: 3, Z3: 2 });
  });
});

describe('tracker 7: the Year 11 September Guarantee list after a July roll-over', () => {
  // The roll-over may run from 1 July (pupils-import.md). Run on 2 July 2026 it set Tracker year 2026-27:
  // last year's Year 11s are leavers of 2026 (or, with Sixth form yes, Year 12s), and the Year 11s on roll
  // are last year's Year 10s. From 1 July to 30 September the list is "every pupil who left Year 11 this
  // summer": L26 and S12, never N11 (who is only starting Year 11).
  const rolled = (sixthForm: string): Spec => ({
    settings: { 'Tracker year': '2026-27', 'Sixth form': sixthForm },
    pupils: [
      { 'Pupil ID': 'N11', Name: 'Nia New', Year: 11 },
      { 'Pupil ID': 'S12', Name: 'Sol Stayer', Year: 12, 'Application status': 'Accepted' },
      { 'Pupil ID': 'S13', Name: 'Sue Older', Year: 13 },
      leaver('L26', 2026, { Name: 'Lou Left' }),
    ],
  });
  const ids = async (spec: Spec, today: string, name: string) => {
    const out = path.join(dir, `${name}.csv`);
    const r = await run(spec, ['la-return', '--today', today, '--kind', 'y11', '--out', out], `${name}.xlsx`);
    expect(r.code).toBe(0);
    return Papa.parse<string[]>(fs.readFileSync(out, 'utf8').slice(1), { newline: '\r\n', skipEmptyLines: true }).data.slice(1).map((x) => x[0]).sort();
  };
  it('lists who left Year 11 this summer, not the Year 11s who have just moved up', async () => {
    expect(await ids(rolled('Yes'), '2026-07-15', 'r1')).toEqual(['L26', 'S12']);
    expect(await ids(rolled('No'), '2026-08-31', 'r2')).toEqual(['L26', 'S12']);
    expect(await ids(rolled('Yes'), '2026-09-15', 'r3')).toEqual(['L26', 'S12']);
    // From 1 October: the Year 11s now on roll.
    expect(await ids(rolled('Yes'), '2026-10-01', 'r4')).toEqual(['N11']);
  });
  it('before the roll-over, the Year 11s still on roll in July are the ones who have just left', async () => {
    const notRolled: Spec = { settings: { 'Tracker year': '2025-26' }, pupils: [{ 'Pupil ID': 'Y11', Name: 'Yan Eleven', Year: 11 }, { 'Pupil ID': 'Y10', Name: 'Ten Pupil', Year: 10 }] };
    expect(await ids(notRolled, '2026-07-15', 'r5')).toEqual(['Y11']);
  });
});

describe('the weekly email lists every leaver due (a large school on 1 October)', () => {
  it('400 leavers due: all 400 named, none left out', async () => {
    // 400 leavers of 2026, Accepted, consent yes, no check: on 2026-10-31 each is due from 1 Oct (30 days).
    const spec: Spec = { pupils: Array.from({ length: 400 }, (_, i) => leaver(`B${i}`, 2026, { Name: `Big Leaver${String(i).padStart(3, '0')}` })) };
    const outbox = path.join(dir, 'outbox-big');
    const file = path.join(dir, 'big.xlsx');
    await writeWorkbook(file, tabsOf(spec));
    const r = await cli(['destinations', '--workbook', file, '--today', '2026-10-31', '--outbox', outbox, '--json']);
    expect(JSON.parse(r.out).due).toHaveLength(400);
    const eml = fs.readFileSync(path.join(outbox, fs.readdirSync(outbox).find((f) => f.endsWith('.eml'))!), 'utf8').replace(/=\r?\n/g, '');
    expect(eml).toContain('400 leavers have a destination check due, 0 overdue');
    for (let i = 0; i < 400; i++) expect(eml).toContain(`Big Leaver${String(i).padStart(3, '0')} (left 2026): due 30 days`);
    expect(eml).not.toContain('more in the tracker');
  });

  it('stays under the Apps Script body limit for a list too long to send whole', async () => {
    const { trackerOf } = await import('./build');
    const { assessDestinations } = await import('../../src/domain/destinations');
    const { buildDestinationsEmails } = await import('../../src/domain/destinations-email');
    const t = trackerOf({ pupils: Array.from({ length: 3000 }, (_, i) => leaver(`H${i}`, 2026, { Name: `Huge Leaver Number ${i}` })) });
    const [m] = buildDestinationsEmails(t, assessDestinations(t, '2026-10-31'), '2026-10-31', null);
    expect(Buffer.byteLength(m.text!) + Buffer.byteLength(m.html!)).toBeLessThan(200_000);
    expect(m.text).toMatch(/and \d+ more in the tracker/);
    expect(m.text).toContain('3000 leavers have a destination check due');
  });
});

describe('an NCCIS code that contradicts the status', () => {
  it('is a problem in check; the status\'s own code is exported (tracker 1, J: Further education with 619)', async () => {
    const spec: Spec = { ...T1, destinations: [...T1.destinations!, check('K', '2026-10-02', 'HE', { 'NCCIS code': 999 })] };
    const r = await run(spec, ['check'], 'codes.xlsx');
    expect(r.code).toBe(0);
    const dest = r.json.problems.filter((p: { tab: string }) => p.tab === 'Destinations');
    // Destinations rows: header on row 1; A, B, E×3, F×3, G×3, H×2, I come first, so J's first check is the 15th
    // data row (sheet row 16); T1 has 23 rows, so K's 999 is the 24th (sheet row 25).
    expect(dest.map((p: { row: number; column: string; value: unknown }) => [p.row, p.column, String(p.value)])).toEqual([[16, 'NCCIS code', '619'], [25, 'NCCIS code', '999']]);
  });
});
