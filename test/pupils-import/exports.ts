/**
 * MIS exports in the shapes schools save them, built here byte by byte, and a small tracker.
 * Column names follow the vendors' export reports (SIMS: UPN, Adno, Legal Surname, Preferred
 * Forename, Year, Reg Group, SEN Provision, In Care, FSM Eligible; Arbor: First Name, Last Name,
 * UPN, Year Group, Registration Group, SEN Status, Pupil Premium, Looked After Child, ...).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/ports';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { tabsOf, pupil, type Row } from '../unplaced/build';

/** Windows-1252 bytes of a string (only the characters the tests use beyond ASCII). */
export function cp1252(s: string): Buffer {
  const map: Record<string, number> = { 'ë': 0xeb, 'é': 0xe9, 'ö': 0xf6, '’': 0x92 };
  return Buffer.from([...s].map((ch) => map[ch] ?? ch.charCodeAt(0)));
}

export const BOM = '\uFEFF';

/** SIMS-style, UTF-8 with BOM, CRLF, quoted commas, a blank line at the end, a duplicate UPN, a Year 14, UPN and Adno both. */
export const SIMS_CSV = [
  'UPN,Adno,Legal Surname,Preferred Forename,Year,Reg Group,SEN Provision,In Care,FSM Eligible,Attendance %,DOB,Postcode',
  'A1,001,Rejected,Zoe,Year 11,11B,"E - Education, Health and Care Plan",No,Yes,95.5,03/02/2010,ct1 2ab',
  'A2,002,Applied,Ben,Year 11,11A,N - No Special Educational Need,No,No,96,14/11/2009,CT2 7NZ',
  'A3,003,Placed,Cara,Year 14,11A,K - SEN Support,Yes,No,96,01/01/2010,',
  'N1,010,"O\'Neill, Jr",Sam,Year 9,9C,N - No Special Educational Need,No,Yes,91.2,05/05/2012,me13 8pq',
  'N1,010,Duplicate,Sam,Year 9,9C,N,No,No,90,05/05/2012,',
  '',
  '',
].join('\r\n');

/** Arbor-style: first/last name, comma separated, quoted new line inside a field, no BOM. */
export const ARBOR_CSV = [
  'First Name,Last Name,UPN,Year Group,Registration Group,SEN Status,Pupil Premium,Looked After Child,Attendance (%),Date of Birth,Postcode,Email Address',
  'Zoe,Rejected,A1,11,11B,EHCP,Y,N,95.5,2010-02-03,CT1 2AB,zoe@pupils.example',
  'Ben,Applied,A2,11,11A,None,N,N,96,2009-11-14,CT2 7NZ,',
  '"Cara\nJane",Placed,A3,11,11A,SEN support,N,Y,96,2010-01-01,,',
  'Ana,Novak,N2,7,7A,None,Eligible,Not eligible,99,2014-06-30,ct3 1xy,ana@pupils.example',
].join('\n');

/** The tracker the imports run on: three Year 11s, a Year 10 absent from every export, a leaver, careers data and an extra column. */
export function trackerTabs(): Record<string, CellValue[][]> {
  const pupils: Row[] = [
    pupil('A1', { Name: 'Zoe Rejected', Form: '11A', 'Application status': 'Rejected', SEND: 'EHCP', Disadvantaged: 'Yes', Attendance: 95.5, Email: 'zoe.own@example.com', 'Plan A': 'Hairdressing' }),
    pupil('A2', { Name: 'Ben Applied', Form: '11A', SEND: 'None', Disadvantaged: 'No', Attendance: 96 }),
    pupil('A3', { Name: 'Cara Placed', Form: '11A', SEND: 'None', 'Looked after': 'No', Attendance: 96, 'Application status': 'Accepted' }),
    pupil('B1', { Name: 'Yasmin Ten', Year: 10, Form: '10A' }),
    { 'Pupil ID': 'L1', Name: 'Lee Leaver', 'Leaver year': 2025, Email: 'lee@example.com' },
  ];
  const tabs = tabsOf({ pupils, dropPupilColumns: ['Platform login', 'Date of birth', 'Postcode', 'Forename', 'Surname'] });
  // A school's own column, at the end.
  tabs.Pupils = tabs.Pupils.map((r, i) => [...r, i === 0 ? 'House' : ['Red', 'Blue', 'Green', 'Red', 'Blue'][i - 1]]);
  return tabs;
}

export async function writeTracker(dir: string, tabs = trackerTabs()): Promise<string> {
  const wb = XlsxWorkbook.empty();
  for (const [name, grid] of Object.entries(tabs)) {
    wb.createTab(name);
    wb.writeCells(name, 1, 1, grid);
  }
  const file = path.join(dir, 'tracker.xlsx');
  await wb.save(file);
  return file;
}

/** An .xlsx export (the first sheet is read), with a title row above the headers being the MIS's. */
export async function writeXlsxExport(file: string, rows: CellValue[][]): Promise<void> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Student List');
  for (const r of rows) ws.addRow(r.map((c) => (typeof c === 'object' ? new Date(`${c.day}T00:00:00Z`) : c)));
  book.addWorksheet('Other').addRow(['not read']);
  await book.xlsx.writeFile(file);
}

export function writeText(file: string, text: string | Buffer): string {
  fs.writeFileSync(file, text);
  return file;
}
