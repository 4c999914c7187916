/**
 * An MIS export (SIMS headers, every cell text as a CSV gives it) of a synthetic tracker's pupils
 * on roll: every 10th pupil changes form, every 50th has left, and one new pupil joins per 100.
 */
import type { CellValue } from '../../src/ports';
import type { Tabs } from '../support/synthetic';

export function misExportFor(tabs: Tabs): string[][] {
  const [header, ...rows] = tabs.Pupils as CellValue[][];
  const at = (name: string) => (header as string[]).indexOf(name);
  const out: string[][] = [['UPN', 'Preferred Forename', 'Legal Surname', 'Year', 'Reg Group', 'SEN Provision', 'In Care', 'FSM Eligible', 'Attendance %']];
  const code: Record<string, string> = { None: 'N - No Special Educational Need', 'SEN support': 'K - SEN Support', EHCP: 'E - Education, Health and Care Plan' };
  let n = 0;
  rows.forEach((r) => {
    if (r[at('Year')] === '' || r[at('Year')] === undefined) return;
    n++;
    if (n % 100 === 0) out.push([`NEW${n}`, 'New', `Pupil ${n}`, 'Year 7', '7A', '', 'No', 'No', '97']);
    if (n % 50 === 0) return;
    const [fore, ...sur] = String(r[at('Name')]).split(' ');
    out.push([
      String(r[at('Pupil ID')]), fore, sur.join(' '), `Year ${r[at('Year')]}`, n % 10 === 0 ? `${r[at('Year')]}Z` : String(r[at('Form')]),
      code[String(r[at('SEND')])] ?? '', String(r[at('Looked after')]), String(r[at('Disadvantaged')]), String(r[at('Attendance')]),
    ]);
  });
  return out;
}
