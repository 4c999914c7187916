/**
 * The sample MIS export: sample/mis-export.csv, the Oakfield Academy pupils on roll as a SIMS
 * report would export them (UTF-8 with a BOM, CRLF, SIMS headers and coded values), with the
 * changes of a real term: two pupils who joined, three form changes, one pupil who left, one
 * attendance figure, a `Year 14` typed by mistake and a pupil exported twice. Fictional pupils.
 * Made from sample/tracker.xlsx by make-sample.ts; `npm start` imports it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Papa from 'papaparse';
import { XlsxWorkbook } from '../src/node/xlsx-workbook';
import { loadTracker } from '../src/jobs/context';

const SEN_CODES: Record<string, string> = { None: 'N - No Special Educational Need', 'SEN support': 'K - SEN Support', EHCP: 'E - Education, Health and Care Plan' };

export async function writeMisExport(dir: string): Promise<{ rows: number }> {
  const book = await XlsxWorkbook.open(path.join(dir, 'tracker.xlsx'));
  const tracker = loadTracker(book);
  const onRoll = tracker.pupils.filter((p) => p.year !== null);
  const rows: string[][] = [['UPN', 'Legal Surname', 'Preferred Forename', 'Year', 'Reg Group', 'SEN Provision', 'In Care', 'FSM Eligible', 'Attendance %', 'Pupil Email']];
  const leaving = onRoll.filter((p) => p.year === 10)[3];
  const formChanges = new Set(onRoll.filter((p) => p.year === 8).slice(0, 3).map((p) => p.id));
  const typo = onRoll.filter((p) => p.year === 9)[5];
  onRoll.forEach((p) => {
    if (p === leaving) return;
    const space = p.name.indexOf(' ');
    const forename = space < 0 ? p.name : p.name.slice(0, space);
    const surname = space < 0 ? '' : p.name.slice(space + 1);
    const form = formChanges.has(p.id) ? `${p.year}${p.form?.endsWith('B') ? 'C' : 'B'}` : p.form ?? '';
    const attendance = p.attendance === null && p.year === 11 && tracker.pupils.indexOf(p) % 2 === 0 ? '93.1' : p.attendance === null ? '' : String(p.attendance);
    rows.push([
      p.id, surname, forename, p === typo ? 'Year 14' : `Year ${p.year}`, form, p.send ? SEN_CODES[p.send] : '',
      p.lookedAfter ? 'Yes' : 'No', p.disadvantaged ? 'Yes' : 'No', attendance, p.email ?? '',
    ]);
  });
  rows.push(['Z823456789012', 'Kowalczyk', 'Zofia', 'Year 9', '9B', 'N - No Special Educational Need', 'No', 'No', '97.2', '']);
  rows.push(['Z823456789013', 'Adeyemi', 'Tobi', 'Year 7', '7A', 'K - SEN Support', 'No', 'Yes', '91.5', '']);
  rows.push([...rows[1]]);
  const csv = `\uFEFF${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
  fs.writeFileSync(path.join(dir, 'mis-export.csv'), csv);
  return { rows: rows.length - 1 };
}
