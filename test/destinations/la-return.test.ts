/**
 * The local authority's CSV files: opened with a real CSV parser (papaparse) and imported into the
 * spreadsheet (the Apps Script fake takes the cells as typed input, as File ▸ Import does), with a
 * crafted name arriving as text. The command line's file and the dialog's are the same bytes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Papa from 'papaparse';
import { check, cli, d, leaver, tabsOf, writeWorkbook } from './build';
import { csvFor, tableFor } from '../../src/ui/la-return-dialog';
import { installFake } from '../gas/helpers';
import { SheetsWorkbook } from '../../src/gas/workbook';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'la-return-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const CRAFTED = '=HYPERLINK("x")';
const spec = {
  pupils: [
    { 'Pupil ID': 'Y1', Name: CRAFTED, Year: 11, 'Application status': 'Applied', 'Plan A': '+44 college', 'Date of birth': d('2010-05-04'), Postcode: 'CT1 2AB' },
    { 'Pupil ID': 'Y2', Name: 'Amy de Souza', Year: 11, 'Application status': 'Accepted', Provider: 'Stour Valley College', Course: 'Level 3, Science' },
    { 'Pupil ID': 'Y3', Name: 'Ben Cole', Year: 11 },
    leaver('L1', 2025, { Name: 'Cara @Lee', 'Date of birth': d('2009-01-31') }),
    leaver('L2', 2025, { 'Consent to track': 'No' }),
    leaver('L3', 2024),
  ],
  destinations: [
    check('L1', '2025-10-02', 'Sixth form', { Provider: '-minus provider' }),
    check('L1', '2026-01-12', 'Employment without training', { 'Course or role': 'Kitchen porter' }),
    check('L2', '2025-10-02', 'NEET'),
    check('L3', '2024-10-02', 'Apprenticeship', { 'NCCIS code': 310 }), check('L3', '2025-01-10', 'Apprenticeship'),
  ],
};

async function csvOf(kind: string): Promise<string> {
  const file = path.join(dir, `t-${kind}.xlsx`);
  await writeWorkbook(file, tabsOf(spec));
  const out = path.join(dir, `${kind}.csv`);
  const r = await cli(['la-return', '--workbook', file, '--today', '2026-03-02', '--kind', kind, '--out', out, '--json']);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out)).toEqual({ kind, rows: expect.any(Number), file: out });
  return fs.readFileSync(out, 'utf8');
}

function parse(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n](?=[^"]*$)/); // every line ends CRLF
  const r = Papa.parse<string[]>(text.slice(1), { newline: '\r\n', skipEmptyLines: true });
  expect(r.errors).toEqual([]);
  return r.data;
}

/** Imports the rows into a sheet as typed input and reads them back as the tracker's adapter does. */
function importIntoSheet(rows: string[][]): { values: unknown[][]; formulas: string[][]; read: unknown[][] } {
  const fake = installFake({});
  const ss = fake.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.insertSheet('Import');
  sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
  const range = sheet.getRange(1, 1, rows.length, rows[0].length);
  const read = new SheetsWorkbook(ss as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet).readTab('Import')!;
  return { values: range.getValues(), formulas: range.getFormulas(), read };
}

describe('the September Guarantee list of Year 11s', () => {
  it('has the columns in order, offer statuses, and formula-safe cells; the crafted name arrives as text', async () => {
    const text = await csvOf('y11');
    const rows = parse(text);
    expect(rows[0]).toEqual(['UPN', 'Surname', 'Forename', 'Date of birth', 'Postcode', 'Intended destination (Plan A)'.replace(' (Plan A)', ''), 'Provider', 'Course', 'Offer status', 'Offer date']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[4], r[8], r[9]])).toEqual([
      ['Y1', `'${CRAFTED}`, '', '04/05/2010', 'CT1 2AB', 'No offer', ''],
      ['Y2', 'Souza', 'Amy de', '', '', 'Offer made', ''],
      ['Y3', 'Cole', 'Ben', '', '', 'Not recorded', ''],
    ]);
    expect(rows[1][5]).toBe("'+44 college");
    expect(rows[2][7]).toBe('Level 3, Science');
    const sheet = importIntoSheet(rows);
    expect(sheet.formulas.flat().every((f) => f === '')).toBe(true);
    expect(sheet.values[1][1]).toBe(CRAFTED);
    expect(sheet.read[1][1]).toBe(CRAFTED);
  });
});

describe('the September Guarantee list of Year 12s', () => {
  it('lists last summer\'s leavers with the latest status, code and offer status (a job without training is no offer)', async () => {
    const rows = parse(await csvOf('y12'));
    expect(rows[0]).toEqual(['UPN', 'Surname', 'Forename', 'Date of birth', 'Postcode', 'Status', 'NCCIS code', 'Provider', 'Course', 'Checked', 'Offer status']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[5], r[6], r[9], r[10]])).toEqual([
      ['L1', "'@Lee", 'Cara', '31/01/2009', 'Employment without training', '330', '12/01/2026', 'No offer'],
      ['L2', 'L2', 'Leaver', '', 'NEET', '619', '02/10/2025', 'No offer'],
    ]);
    expect(importIntoSheet(rows).read[1][1]).toBe('@Lee');
  });
});

describe('the destinations return', () => {
  it('lists every tracked leaver with consent, with group, code and sustained', async () => {
    const rows = parse(await csvOf('destinations'));
    expect(rows[0]).toEqual(['UPN', 'Surname', 'Forename', 'Date of birth', 'Postcode', 'Leaver year', 'Status', 'NCCIS code', 'Group', 'Provider', 'Course or role', 'Checked', 'Sustained']);
    expect(rows.slice(1).map((r) => [r[0], r[5], r[6], r[7], r[8], r[9], r[12]])).toEqual([
      ['L1', '2025', 'Employment without training', '330', 'Employment without training', '', 'yes'],
      ['L3', '2024', 'Apprenticeship', '310', 'Employment with training', '', 'yes'],
    ]);
  });

  it('is the same file from the dialog\'s browser code as from the command line', async () => {
    const text = await csvOf('destinations');
    const tabs = tabsOf(spec);
    expect(csvFor(tableFor({ tabs, today: '2026-03-02' }, 'destinations'))).toBe(text);
  });
});

describe('la-return on the command line', () => {
  it('refuses a missing or unknown --kind as a bad command line (exit 2), writing nothing', async () => {
    const file = path.join(dir, 'bad.xlsx');
    await writeWorkbook(file, tabsOf(spec));
    const out = path.join(dir, 'never.csv');
    const r = await cli(['la-return', '--workbook', file, '--kind', 'y13', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--kind y11, y12 or destinations/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
