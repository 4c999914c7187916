/**
 * Hand-made trackers for the bulletin tests: pupils, vacancies and settings written as records
 * keyed by header, laid out under the schema's headers; and the same tabs in either adapter.
 */
import type { CellValue } from '../../src/ports';
import { INPUT_TABS } from '../../src/domain/schema';
import { addDays } from '../../src/domain/calendar';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';

export type Row = Record<string, CellValue>;
export type Tabs = Record<string, CellValue[][]>;

export const MONDAY = '2026-03-02';
export const d = (day: string) => ({ day });

export function grid(tab: string, rows: Row[]): CellValue[][] {
  const headers = INPUT_TABS.find((t) => t.name === tab)!.columns.map((c) => c.header);
  return [headers, ...rows.map((r) => headers.map((h) => r[h] ?? ''))];
}

export const STAFF: Row[] = [
  { Initials: 'FR', Name: 'Fran Reed', Email: 'fr@school.example', Role: 'Careers leader, Mentor', 'Level 6': 'No' },
  { Initials: 'AD', Name: 'Alex Admin', Email: 'ad@school.example', Role: 'Admin', 'Level 6': 'No' },
  { Initials: 'GM', Name: 'Gus Mentor', Email: 'gm@school.example', Role: 'Mentor', 'Level 6': 'No' },
];

/** A Year 11 pupil with an email. */
export function y11(n: number, extra: Row = {}): Row {
  return { 'Pupil ID': `Y${n}`, Name: `Pupil${n} Surname`, Year: 11, Email: `pupil${n}@pupils.example`, ...extra };
}

export function vacancy(n: number, today: string, extra: Row = {}): Row {
  return {
    Title: `Apprentice ${String(n).padStart(3, '0')}`, Employer: `Employer ${n}`, Location: 'Canterbury', Level: '3',
    Wage: '£7.55 an hour', 'Closing date': d(addDays(today, 10 + n)), Link: `https://example.org/v/${n}`,
    Posted: d(addDays(today, -2)), Reference: `R${n}`, Source: 'Manual', ...extra,
  };
}

export interface Spec {
  pupils: Row[];
  vacancies: Row[];
  settings?: Record<string, CellValue>;
  staff?: Row[];
  log?: Row[];
}

export function tabsOf(spec: Spec): Tabs {
  const settings: CellValue[][] = [['Setting', 'Value'], ['School name', 'Oakfield Academy'], ['Careers leader email', 'fr@school.example']];
  for (const [k, v] of Object.entries(spec.settings ?? {})) {
    const at = settings.findIndex((r) => r[0] === k);
    if (at >= 0) settings[at] = [k, v];
    else settings.push([k, v]);
  }
  return {
    Settings: settings,
    Staff: grid('Staff', spec.staff ?? STAFF),
    Pupils: grid('Pupils', spec.pupils),
    Vacancies: grid('Vacancies', spec.vacancies),
    Log: grid('Log', spec.log ?? []),
  };
}

/** `n` Year 11 pupils and `v` open vacancies. */
export function simpleSpec(n: number, v = 3, today = MONDAY): Spec {
  return {
    pupils: Array.from({ length: n }, (_, i) => y11(i + 1)),
    vacancies: Array.from({ length: v }, (_, i) => vacancy(i + 1, today)),
  };
}

export function xlsxOf(tabs: Tabs): XlsxWorkbook {
  const wb = XlsxWorkbook.empty();
  for (const [name, rows] of Object.entries(tabs)) {
    wb.createTab(name);
    wb.writeCells(name, 1, 1, rows);
  }
  return wb;
}
