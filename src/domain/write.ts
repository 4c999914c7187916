/**
 * Writing rules shared by both adapters and the jobs.
 */
import type { CellValue, OutCell, Rag } from '../ports';
import type { HeaderMap } from './table';

/** Text that a spreadsheet would take for a formula gets a leading `'`, which Sheets shows as text. */
export function neutralise(v: CellValue): CellValue {
  if (typeof v === 'string' && /^[=+\-@\t\r\n]/.test(v)) return `'${v}`;
  return v;
}

export const RAG_COLOURS: Record<Rag | 'grey', string> = {
  red: '#f4c7c3',
  amber: '#fce8b2',
  green: '#b7e1cd',
  grey: '#e8eaed',
};

export function cellValue(c: OutCell): CellValue {
  return typeof c === 'object' && c !== null && 'value' in c ? c.value : (c as CellValue);
}

/** Lays out a record as a row in the tab's own column order; keys the tab has no column for are dropped. */
export function layoutRow(header: HeaderMap, record: Record<string, CellValue>): CellValue[] {
  const width = Math.max(header.headers.length, ...[...header.columns.values()].map((c) => c + 1));
  const row: CellValue[] = new Array(width).fill('');
  for (const [key, value] of Object.entries(record)) {
    const at = header.columns.get(key);
    if (at !== undefined) row[at] = value;
  }
  return row;
}
