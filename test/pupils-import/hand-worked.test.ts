/**
 * An independent, hand-worked check of pupils-import.md (import-pupils and new-year) through the
 * command line, on MIS exports and trackers built here from scratch. Every figure and every written
 * cell below was worked out by hand from the spec's words; the working is in the comments.
 *
 * The rules, as read from the spec (before reading the code):
 *  H1 headers: case, surrounding/repeated spaces, trailing ?*: ignored; `_` and `-` are spaces;
 *     `%` alone or in brackets. Aliases: tracker.md's then pupils-import.md's table.
 *  H2 two headers for one field: the first in the alias order listed wins (UPN before Adno), the
 *     other is ignored (a notice, not a problem).
 *  H3 no Name column: "Forename Surname", forename by preference Preferred forename, Forename,
 *     Legal forename, First name; surname Preferred surname, Surname, Legal surname, Last name.
 *  V1 SEND N/No SEN/None → None; K/SEN support → SEN support; E/S/EHCP/EHC plan/Statement → EHCP;
 *     `X - words` read by code X. Yes/no: Y/Yes/TRUE/✓/x, N/No/FALSE/blank, Eligible/Not eligible,
 *     T/F, 1/0. Year: Year 11, Yr 11, Y11, 11 (7–13). Percent 94, 94%, 0.94. Dates day-first.
 *     Postcode upper case with one space.
 *  I1 CSV UTF-8 (BOM or not) or Windows-1252; , ; or tab; quoted fields; .xlsx. Header row = first
 *     non-empty row. Blank rows skipped silently.
 *  I2 dry run by default (nothing written); --apply writes. Report: added, changed (old → new),
 *     absent (on roll in the tracker, not in the export; never changed), skipped (file row, column,
 *     value, message), unchanged.
 *  I3 matching on Pupil ID, trimmed, case-insensitive, nothing else.
 *  I4 writes only Pupil ID, Name, Year, Form, SEND, Looked after, Disadvantaged, Attendance, Date of
 *     birth, Postcode; Email only into a blank cell. Careers columns, Leaver year and the school's
 *     own columns never. A missing field's column is added at the end only when the export has
 *     values for it. New pupils appended.
 *  I5 an unreadable value is a row problem and the tracker keeps that field.
 *  I6 idempotent: the second import changes nothing and says so. Log: added/changed/unchanged/
 *     absent/skipped.
 *  N1 Tracker year (blank: the academic year containing today) → the next year; from 1 July of the
 *     year ending. 7–10 up one; 11 → leaver (Year blank, Leaver year = calendar year the finished
 *     academic year ended) or 12 with Sixth form; 12 → 13; 13 → leaver; a Leaver year already
 *     there is kept. Refused before 1 July, or when Tracker year is already the current or a later
 *     year. Writes only Year, Leaver year, Tracker year. JSON {from, to, applied, moved, leavers,
 *     refused?}. Exit 0 ran, 1 refused (nothing written), 2 bad command line.
 */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CellValue } from '../../src/ports';
import { runCli, tmpDir } from '../support/cli';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { tabsOf } from '../unplaced/build';
import { writeTracker } from './exports';

const cli = runCli;

const tmp = () => tmpDir('hand-worked-');

/** Windows-1252 bytes: Latin-1 characters are their own byte (all this test uses). */
function win1252(s: string): Buffer {
  return Buffer.from([...s].map((ch) => {
    const c = ch.codePointAt(0)!;
    if (c > 0xff) throw new Error(`not in the test's Windows-1252 subset: ${ch}`);
    return c;
  }));
}

async function writeBook(dir: string, pupils: CellValue[][], settings: Record<string, CellValue> = {}): Promise<string> {
  const tabs = tabsOf({ pupils: [], settings });
  tabs.Pupils = pupils;
  return writeTracker(dir, tabs);
}

const read = async (file: string, tab: string) => (await XlsxWorkbook.open(file)).readTab(tab)!;

// The tracker: headers are the school's own aliases, in its own order (tracker.md: UPN = Pupil ID,
// Pupil name = Name, Year group = Year, Tutor group = Form, SEN = SEND, LAC = Looked after,
// FSM = Disadvantaged, Attendance % = Attendance, Contact email = Email), plus its own House column.
const TRACKER_HEADERS = ['UPN', 'Pupil name', 'Year group', 'Tutor group', 'Mentor', 'Leaver year', 'SEN', 'LAC', 'FSM', 'Attendance %', 'Contact email', 'Plan A', 'Application status', 'House'];
const TRACKER: CellValue[][] = [
  TRACKER_HEADERS,
  ['U100', 'Zoë Adams', 10, '10A', 'FR', '', 'None', 'No', 'No', 95, '', 'Plumber', 'Researching', 'Red'],
  ['U101', 'Siobhán Byrne', 'Y11', '11B', 'FR', '', 'SEN support', 'No', 'Yes', 88, 'sb@own.example', 'College', 'Applied', 'Blue'],
  ['U102', 'Tom Cole', 9, '9C', '', '', 'None', 'No', 'No', 97, '', '', '', 'Green'],
  ['L200', 'Lee Left', '', '', '', 2025, '', '', '', '', 'lee@own.example', '', '', 'Red'],
  ['U103', 'Ana Diaz', 'Year 8', '8A', 'JS', '', 'EHCP', 'Yes', 'No', 93, '', '', '', 'Blue'],
  ['U106', 'Kai Lee', 12, '12A', '', '', 'None', 'No', 'No', 99, 'kai@own.example', '', '', 'Green'],
];

// A SIMS-style export saved by Excel: Windows-1252, CRLF. Headers in other cases, `_` for a space,
// `%` first, Adno and UPN both (UPN wins), no Name column (Preferred Forename beats Forename, Legal
// Surname is the surname), an Ethnicity column the tracker has no field for.
const SIMS_1252 = [
  'Adno,upn,Legal Surname,Preferred Forename,Forename,NC_Year,Reg Group,SEN Provision,In Care,FSM Ever 6,% Attendance,Student Email,DOB,Home Postcode,Ethnicity',
  /* row 2 */ '001,U100,Adams,Zoë,Zoë,Year 10,10B,N - No Special Educational Need,N,F,95,za@pupils.example,3/2/2011,ct1  2ab,WBRI',
  /* row 3 */ '002, u101 ,Byrne,Siobhán,Siobhán,Yr 11,11B,K - SEN Support,0,1,88%,sb@pupils.example,12 September 2009,ME138PQ,WIRI',
  /* row 4 */ '003,U104,Nowak,Evie,Eve,Y7,7A,E - EHC plan,Y,T,0.9,,2014-09-01,,WOTH',
  /* row 5 */ ',,,,,,,,,,,,,,',
  /* row 6 */ '004,U105,Smith,Jo,Jo,Year 14,14A,N,N,N,90,,01/01/2008,,',
  /* row 7 */ '001,U100,Adams,Zoë,Zoë,Year 10,10C,N,N,N,95,,,,',
  /* row 8 */ '005,U103,Diaz,Ana,Ana,Year 8,8A,S - Statement,,Eligible,ninety,,,XYZ,',
  /* row 9 */ '006,U106,Lee,Kai,Kaito,12,12A,None,No,No,99,,,,',
  '',
].join('\r\n');

describe('import-pupils, worked by hand', () => {
  it('a Windows-1252 SIMS export: every figure of the dry run, every cell written, and the second run', async () => {
    const dir = tmp();
    const book = await writeBook(dir, TRACKER);
    const csv = path.join(dir, 'sims.csv');
    fs.writeFileSync(csv, win1252(SIMS_1252));
    const bytes = fs.readFileSync(book);

    const dry = await cli(['import-pupils', '--workbook', book, '--from-file', csv, '--today', '2026-12-01', '--json']);
    expect(dry.code).toBe(0);
    expect(fs.readFileSync(book).equals(bytes)).toBe(true); // I2: a dry run writes nothing
    // Row by row (I3 match on UPN, trimmed, any case):
    //  2 U100: Name "Zoë Adams" = "Zoë Adams"; Year 10 = 10; Form 10A → 10B; SEN N → None = None;
    //     In Care N = No; FSM F = No; 95 = 95; Email blank in the tracker → za@pupils.example;
    //     DOB 3/2/2011 = 3 February 2011 (day first); postcode "ct1  2ab" → "CT1 2AB".
    //  3 " u101 " = U101: Yr 11 = Y11; K → SEN support =; 0 = No; 1 = Yes; 88% = 88; Email kept
    //     (the tracker's cell is filled); DOB 12 September 2009; "ME138PQ" → "ME13 8PQ".
    //  4 U104 is new: "Evie Nowak" (Preferred Forename first), Year 7, 7A, E → EHCP, Y, T, 0.9 = 90.
    //  5 all blank: skipped silently.
    //  6 U105 is new, Year 14 unreadable: no Year, so not added: a skipped row.
    //  7 U100 again: the first row counts, this one is skipped.
    //  8 U103: S → EHCP =; In Care blank = No (tracker Yes → No); Eligible = Yes (No → Yes);
    //     "ninety" and "XYZ" unreadable: skipped values, the tracker keeps them.
    //  9 U106: "Kai Lee" (Preferred Forename Kai, not Forename Kaito) =; everything else = : unchanged.
    // Absent: U102 (Year 9, on roll, not in the export); L200 is a leaver, never absent.
    expect(dry.json).toMatchObject({
      applied: false,
      added: ['U104'],
      absent: ['U102'],
      unchanged: 1,
    });
    expect(dry.json.changed).toEqual([
      { id: 'U100', fields: { Form: ['10A', '10B'], Email: ['', 'za@pupils.example'], 'Date of birth': ['', '2011-02-03'], Postcode: ['', 'CT1 2AB'] } },
      { id: 'U101', fields: { 'Date of birth': ['', '2009-09-12'], Postcode: ['', 'ME13 8PQ'] } },
      { id: 'U103', fields: { 'Looked after': ['Yes', 'No'], Disadvantaged: ['No', 'Yes'] } },
    ]);
    expect(dry.json.skipped.map((s: { row: number; value: string }) => [s.row, s.value])).toEqual([
      [6, 'Year 14'], [7, 'U100'], [8, 'ninety'], [8, 'XYZ'],
    ]);
    // Row 6 is one entry, in the file's own column name, saying the pupil is not added (U105 has
    // no value in the tracker to keep).
    expect(dry.json.skipped[0]).toEqual({ row: 6, column: 'NC_Year', value: 'Year 14', message: expect.stringMatching(/not a year group.*U105 is not in the tracker and has no readable Year: not added\.$/) });
    expect(dry.json.skipped[0].message).not.toMatch(/keeps its value/);

    const done = await cli(['import-pupils', '--workbook', book, '--from-file', csv, '--today', '2026-12-01', '--apply', '--json']);
    expect(done.code).toBe(0);
    expect(done.json.applied).toBe(true);
    // Every cell after the apply: the MIS columns changed as above, Date of birth and Postcode added
    // at the end (the export has values for them; Ethnicity is no field and is not added), U104
    // appended, the careers columns (Mentor, Leaver year, Plan A, Application status) and House as
    // they were, Year 14 / ninety / XYZ left as the tracker had them.
    const after = await read(book, 'Pupils');
    expect(after).toEqual([
      [...TRACKER_HEADERS, 'Date of birth', 'Postcode'],
      ['U100', 'Zoë Adams', 10, '10B', 'FR', '', 'None', 'No', 'No', 95, 'za@pupils.example', 'Plumber', 'Researching', 'Red', { day: '2011-02-03' }, 'CT1 2AB'],
      ['U101', 'Siobhán Byrne', 'Y11', '11B', 'FR', '', 'SEN support', 'No', 'Yes', 88, 'sb@own.example', 'College', 'Applied', 'Blue', { day: '2009-09-12' }, 'ME13 8PQ'],
      ['U102', 'Tom Cole', 9, '9C', '', '', 'None', 'No', 'No', 97, '', '', '', 'Green', '', ''],
      ['L200', 'Lee Left', '', '', '', 2025, '', '', '', '', 'lee@own.example', '', '', 'Red', '', ''],
      ['U103', 'Ana Diaz', 'Year 8', '8A', 'JS', '', 'EHCP', 'No', 'Yes', 93, '', '', '', 'Blue', '', ''],
      ['U106', 'Kai Lee', 12, '12A', '', '', 'None', 'No', 'No', 99, 'kai@own.example', '', '', 'Green', '', ''],
      ['U104', 'Evie Nowak', 7, '7A', '', '', 'EHCP', 'Yes', 'Yes', 90, '', '', '', '', { day: '2014-09-01' }, ''],
    ]);
    expect((await read(book, 'Log')).at(-1)!.join(' ')).toMatch(/import-pupils.*added 1, changed 3, unchanged 1, absent 1, skipped 4/);

    // I6: the same file again changes nothing: U100, U101, U103, U104 and U106 unchanged.
    const again = await cli(['import-pupils', '--workbook', book, '--from-file', csv, '--today', '2026-12-01', '--apply', '--json']);
    expect(again.code).toBe(0);
    expect(again.json).toMatchObject({ added: [], changed: [], absent: ['U102'], unchanged: 5 });
    expect(again.json.skipped).toHaveLength(4);
    expect(await read(book, 'Pupils')).toEqual(after);
  });
});

// A second tracker: Forename and Surname instead of Name, no Email, Date of birth or Postcode
// column, a returning leaver, attendance written as a fraction, a school's own Notes column.
const B_HEADERS = ['Student ID', 'Forename', 'Surname', 'Year', 'Form', 'SEND', 'Looked after', 'Disadvantaged', 'Attendance', 'Leaver year', 'Mentor', 'Notes (school)'];
const B: CellValue[][] = [
  B_HEADERS,
  ['A1', 'Zoë', 'Ng', 10, '10A', 'None', 'No', 'No', 0.95, '', 'FR', 'keep'],
  ['A2', 'Siobhán', 'Ó Briain', 11, '11C', 'SEN support', 'No', 'Yes', 91, '', 'JS', ''],
  ['A3', 'Raj', 'Patel', '', '', '', '', '', '', 2026, '', 'left last summer'],
  ['A4', 'Mo', 'Khan', 7, '7B', 'EHCP', 'Yes', 'Yes', 85, '', '', ''],
];
// An Arbor-style export: UTF-8 with BOM, tab separated, two empty lines above the header, headers
// with a trailing * and :, MIS ID and Student ID both (Student ID is tracker.md's alias, so it wins).
const ARBOR_TSV = '\uFEFF' + [
  '',
  '\t\t',
  'MIS ID\tStudent ID*\tFirst Name\tLast Name\tYear Group:\tForm Group\tSEND Status\tLooked-after children\tPupil premium indicator\tPresent %\tBirth date\tPost code\tEmail address',
  /* row 4 */ 'M001\tA1\tZoë\tNg\tYear 10\t10A\tNo SEN\tFALSE\tx\t0.94\t12 Sept 2011\tct1 1aa\tzoe@pupils.example',
  /* row 5 */ 'M002\ta2\tSiobhán\tÓ Briain\t11\t"11C"\tStatement\t✓\tTRUE\t91%\t\t\t',
  /* row 6 */ 'M003\tA3\tRaj\tPatel\tYr 12\t12S\tN\tN\tN\t97\t\t\t',
  /* row 7 */ 'M004\tN9\tAnn\t"Lee, Jr"\tY9\t9A\tEHC plan\tno\tNot eligible\t1\t01/02/2012\tsw1a1aa\t',
].join('\r\n');

describe('import-pupils, worked by hand (2)', () => {
  it('a UTF-8 tab-separated Arbor export into a Forename/Surname tracker, then an .xlsx export', async () => {
    const dir = tmp();
    const book = await writeBook(dir, B);
    const tsv = path.join(dir, 'arbor.txt');
    fs.writeFileSync(tsv, ARBOR_TSV, 'utf8');
    // Row 4 A1: Year 10 =; 10A =; No SEN = None =; FALSE = No =; x = Yes (No → Yes); 0.94 = 94%
    //   (the tracker's 0.95 = 95%: 95 → 94); new columns: 12 Sept 2011, "CT1 1AA", the email.
    // Row 5 a2 = A2: Statement = EHCP (SEN support → EHCP); ✓ = Yes (No → Yes); TRUE = Yes =; 91% =.
    // Row 6 A3, a leaver coming back to the sixth form: Year blank → 12, Form → 12S, SEND → None,
    //   N = No = the tracker's blank (which reads No), 97. Leaver year 2026 is never touched.
    // Row 7 N9 is new: "Ann Lee, Jr", Year 9, EHCP, No, No, 1 = 100% (a number ≤ 1 is a fraction),
    //   1 February 2012, "SW1A 1AA".
    // A4 (Year 7) is absent.
    const r = await cli(['import-pupils', '--workbook', book, '--from-file', tsv, '--today', '2027-01-10', '--apply', '--json']);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ applied: true, added: ['N9'], absent: ['A4'], skipped: [], unchanged: 0 });
    expect(r.json.changed).toEqual([
      { id: 'A1', fields: { Disadvantaged: ['No', 'Yes'], Attendance: ['95', '94'], 'Date of birth': ['', '2011-09-12'], Postcode: ['', 'CT1 1AA'], Email: ['', 'zoe@pupils.example'] } },
      { id: 'A2', fields: { SEND: ['SEN support', 'EHCP'], 'Looked after': ['No', 'Yes'] } },
      { id: 'A3', fields: { Year: ['', '12'], Form: ['', '12S'], SEND: ['', 'None'], Attendance: ['', '97'] } },
    ]);
    const after = await read(book, 'Pupils');
    expect(after).toEqual([
      [...B_HEADERS, 'Date of birth', 'Postcode', 'Email'],
      ['A1', 'Zoë', 'Ng', 10, '10A', 'None', 'No', 'Yes', 94, '', 'FR', 'keep', { day: '2011-09-12' }, 'CT1 1AA', 'zoe@pupils.example'],
      ['A2', 'Siobhán', 'Ó Briain', 11, '11C', 'EHCP', 'Yes', 'Yes', 91, '', 'JS', '', '', '', ''],
      ['A3', 'Raj', 'Patel', 12, '12S', 'None', '', '', 97, 2026, '', 'left last summer', '', '', ''],
      ['A4', 'Mo', 'Khan', 7, '7B', 'EHCP', 'Yes', 'Yes', 85, '', '', '', '', '', ''],
      ['N9', 'Ann', 'Lee, Jr', 9, '9A', 'EHCP', 'No', 'No', 100, '', '', '', { day: '2012-02-01' }, 'SW1A 1AA', ''],
    ]);

    // An .xlsx export (a title row, then headers; numbers and a real date cell). The tracker has no
    // Name column, so `Full name` is read but not written. A4: 7 =, 7B =, "EHCP - Education, Health
    // and Care Plan" is read by its code EHCP =, CiC Y =,
    // FSM Y =, 0.85 = 85 =; Date of birth blank → 2014-03-04. On roll and not in it: A1, A2, A3
    // (now Year 12), N9.
    const xlsx = path.join(dir, 'export.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const wbx = new ExcelJS.Workbook();
    const ws = wbx.addWorksheet('Students');
    ws.addRow(['Student list, January 2027']);
    ws.addRow(['UPN', 'Full name', 'NC Year Actual', 'Reg', 'SEN need', 'CiC', 'FSM', 'Attendance', 'DOB']);
    ws.addRow(['A4', 'Mo Khan', 7, '7B', 'EHCP - Education, Health and Care Plan', 'Y', 'Y', 0.85, new Date('2014-03-04T00:00:00Z')]);
    await wbx.xlsx.writeFile(xlsx);
    const x = await cli(['import-pupils', '--workbook', book, '--from-file', xlsx, '--today', '2027-01-10', '--json']);
    expect(x.code).toBe(0);
    expect(x.json).toMatchObject({
      applied: false, added: [], absent: ['A1', 'A2', 'A3', 'N9'], skipped: [], unchanged: 0,
      changed: [{ id: 'A4', fields: { 'Date of birth': ['', '2014-03-04'] } }],
    });
  });
});

// A tracker for the roll-over: Year written every way the rules read it, `Year left` for Leaver
// year, a leaver, a Year 11 whose Leaver year is already filled, an unreadable Year, a duplicate ID.
const NY_HEADERS = ['Pupil ID', 'Name', 'NC year', 'Form', 'Year left', 'Plan A'];
const NY: CellValue[][] = [
  NY_HEADERS,
  ['S7', 'Amy Seven', 7, '7A', '', 'Vet'],
  ['S8', 'Ben Eight', 'Y8', '8A', '', ''],
  ['S9', 'Cat Nine', 'Year 9', '9A', '', ''],
  ['S10', 'Dan Ten', 10, '10A', '', ''],
  ['S11A', 'Eve Eleven', 11, '11A', '', 'College'],
  ['S11B', 'Fay Eleven', 11, '11B', 2026, ''],
  ['S12', 'Gus Twelve', 12, '12A', '', ''],
  ['S13', 'Hal Thirteen', 'Yr 13', '13A', '', 'University'],
  ['L1', 'Ian Left', '', '', 2025, ''],
  ['BAD', 'Jo Fourteen', 'Year 14', '', '', ''],
  ['S7', 'Kim Duplicate', 9, '9B', '', ''],
];
const cells = (grid: CellValue[][]) => grid.slice(1).map((r) => [r[0], r[2], r[4]]);

describe('new-year, worked by hand', () => {
  it('Tracker year 2026-27, no sixth form: refused on 30 June 2027, runs on 1 July, refused once done', async () => {
    const dir = tmp();
    const book = await writeBook(dir, NY, { 'Tracker year': '2026-27', 'Sixth form': 'No' });
    const bytes = fs.readFileSync(book);

    // 30 June 2027 is before 1 July of 2027, the year 2026-27 ends: refused, exit 1, nothing written.
    const early = await cli(['new-year', '--workbook', book, '--today', '2027-06-30', '--apply', '--json']);
    expect(early.code).toBe(1);
    expect(early.json.refused).toMatch(/1 July 2027/);
    expect(early.err.trim().split('\n')).toHaveLength(1);
    expect(fs.readFileSync(book).equals(bytes)).toBe(true);

    // 1 July 2027: 2026-27 → 2027-28. S7 7→8, S8 Y8→9, S9 Year 9→10, S10 10→11, S12 12→13;
    // S11A and S11B (no sixth form) and S13 (Yr 13) leave. The duplicate S7 row and BAD are not
    // read, so not moved; L1 is not on roll.
    const dry = await cli(['new-year', '--workbook', book, '--today', '2027-07-01', '--json']);
    expect(dry.code).toBe(0);
    expect(dry.json.refused).toBeUndefined();
    expect({ ...dry.json, leavers: [...dry.json.leavers].sort() }).toEqual({
      from: '2026-27', to: '2027-28', applied: false,
      moved: { '7→8': 1, '8→9': 1, '9→10': 1, '10→11': 1, '12→13': 1 },
      leavers: ['S11A', 'S11B', 'S13'],
    });
    expect(fs.readFileSync(book).equals(bytes)).toBe(true);

    const done = await cli(['new-year', '--workbook', book, '--today', '2027-07-01', '--apply', '--json']);
    expect(done.code).toBe(0);
    expect(done.json.applied).toBe(true);
    // Leaver year = 2027, the calendar year 2026-27 ended in; S11B keeps its 2026.
    const after = await read(book, 'Pupils');
    expect(cells(after)).toEqual([
      ['S7', 8, ''], ['S8', 9, ''], ['S9', 10, ''], ['S10', 11, ''], ['S11A', '', 2027], ['S11B', '', 2026],
      ['S12', 13, ''], ['S13', '', 2027], ['L1', '', 2025], ['BAD', 'Year 14', ''], ['S7', 9, ''],
    ]);
    // Only Year and Leaver year: Name, Form and Plan A as they were.
    expect(after.map((r) => [r[0], r[1], r[3], r[5]])).toEqual(NY.map((r) => [r[0], r[1], r[3], r[5]]));
    expect((await read(book, 'Settings')).find((r) => r[0] === 'Tracker year')?.[1]).toBe('2027-28');

    // Done already: 2027-28 is later than 2026-27, the year containing 2 July 2027.
    const copy = fs.readFileSync(book);
    const again = await cli(['new-year', '--workbook', book, '--today', '2027-07-02', '--apply', '--json']);
    expect(again.code).toBe(1);
    expect(again.json.refused).toMatch(/2027-28/);
    expect(fs.readFileSync(book).equals(copy)).toBe(true);
    // And in September 2027-28 is the current year: still refused.
    expect((await cli(['new-year', '--workbook', book, '--today', '2027-09-06', '--apply', '--json'])).code).toBe(1);

    // pupils-import.md: after new-year, a September import shows only genuine changes. The MIS now
    // has S7 in 8 ... S12 in 13 (the roll-over's own figures), S9 in a new form 10B, a joiner J7;
    // S11A, S11B and S13 have left it (leavers, so not absent). BAD (Year 14) is not on roll.
    const sept = path.join(dir, 'september.csv');
    fs.writeFileSync(sept, 'UPN,Forename,Surname,Year,Form\nS7,Amy,Seven,8,7A\nS8,Ben,Eight,9,8A\nS9,Cat,Nine,10,10B\nS10,Dan,Ten,11,10A\nS12,Gus,Twelve,13,12A\nJ7,Jay,Joiner,7,7C\n');
    const imp = await cli(['import-pupils', '--workbook', book, '--from-file', sept, '--today', '2027-09-06', '--json']);
    expect(imp.code).toBe(0);
    expect(imp.json).toMatchObject({ applied: false, added: ['J7'], changed: [{ id: 'S9', fields: { Form: ['9A', '10B'] } }], absent: [], skipped: [], unchanged: 4 });
  });

  it('with Sixth form yes, Year 11 moves to 12 and keeps a Leaver year already there; only Year 13 leaves', async () => {
    const dir = tmp();
    const book = await writeBook(dir, NY, { 'Tracker year': '2026-27', 'Sixth form': 'Yes' });
    const done = await cli(['new-year', '--workbook', book, '--today', '2027-08-15', '--apply', '--json']);
    expect(done.code).toBe(0);
    expect(done.json).toEqual({
      from: '2026-27', to: '2027-28', applied: true,
      moved: { '7→8': 1, '8→9': 1, '9→10': 1, '10→11': 1, '11→12': 2, '12→13': 1 },
      leavers: ['S13'],
    });
    expect(cells(await read(book, 'Pupils'))).toEqual([
      ['S7', 8, ''], ['S8', 9, ''], ['S9', 10, ''], ['S10', 11, ''], ['S11A', 12, ''], ['S11B', 12, 2026],
      ['S12', 13, ''], ['S13', '', 2027], ['L1', '', 2025], ['BAD', 'Year 14', ''], ['S7', 9, ''],
    ]);
  });

  it('without Tracker year the tracker is right for the year containing today; a stale one moves one year', async () => {
    const dir = tmp();
    // No setting, 1 July 2027: taken as 2026-27, which ends in 2027: runs, 2026-27 → 2027-28.
    let book = await writeBook(dir, NY);
    let r = await cli(['new-year', '--workbook', book, '--today', '2027-07-01', '--json']);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ from: '2026-27', to: '2027-28' });
    expect(r.json.refused).toBeUndefined();
    // No setting, 6 September 2027: taken as 2027-28 (the current year): refused.
    r = await cli(['new-year', '--workbook', book, '--today', '2027-09-06', '--apply', '--json']);
    expect(r.code).toBe(1);
    expect(r.json.refused).toBeTruthy();
    // Tracker year 2027-28 on 15 July 2027: later than the current 2026-27: refused.
    book = await writeBook(dir, NY, { 'Tracker year': '2027-28' });
    r = await cli(['new-year', '--workbook', book, '--today', '2027-07-15', '--apply', '--json']);
    expect(r.code).toBe(1);
    // Tracker year 2025-26 still on 10 September 2027: 2025-26 → 2026-27, leavers of 2026.
    book = await writeBook(dir, NY, { 'Tracker year': '2025-26' });
    r = await cli(['new-year', '--workbook', book, '--today', '2027-09-10', '--apply', '--json']);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ from: '2025-26', to: '2026-27', applied: true });
    expect(cells(await read(book, 'Pupils')).filter((c) => c[1] === '')).toEqual([
      ['S11A', '', 2026], ['S11B', '', 2026], ['S13', '', 2026], ['L1', '', 2025],
    ]);
    expect((await read(book, 'Settings')).find((x) => x[0] === 'Tracker year')?.[1]).toBe('2026-27');
  });
});
