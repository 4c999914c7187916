/**
 * Making sure a tab and its columns exist, without touching what the user has written.
 */
import type { CellValue, ColumnFormat, WorkbookPort } from '../ports';
import { isBlank } from '../domain/values';
import { type TabSpec } from '../domain/schema';
import { type HeaderMap, mapHeaders } from '../domain/table';

export interface EnsureResult {
  header: HeaderMap;
  created: boolean;
  addedColumns: string[];
}

/**
 * Adds the tab when missing and any missing column headers at the end of the header row.
 * Existing headers (under any alias) and data are left as they are.
 */
export function ensureTabDetailed(workbook: WorkbookPort, spec: TabSpec): EnsureResult {
  let created = false;
  let grid = workbook.readTab(spec.name);
  if (grid === null) {
    workbook.createTab(spec.name);
    created = true;
    grid = [['']];
  }
  let header = mapHeaders(grid, spec);
  const missing = spec.columns.filter((c) => !header.columns.has(c.key));
  if (missing.length > 0) {
    const headerRow = header.columns.size === 0 ? belowTitles(grid) ?? (header.headerRow || 1) : header.headerRow || 1;
    let next = headerRow === header.headerRow ? header.headers.length : 0;
    while (next > 0 && header.headers[next - 1].trim() === '') next--;
    workbook.writeCells(spec.name, headerRow, next + 1, [missing.map((c) => c.header)]);
    const headers = [...header.headers.slice(0, next), ...missing.map((c) => c.header)];
    header = mapHeaders([...grid.slice(0, headerRow - 1), headers], spec);
  }
  return { header, created, addedColumns: missing.map((c) => c.header) };
}

/**
 * A tab holding only title lines (one cell each: a title, a note) and no header yet gets its
 * headers on the row below them, not beside the title.
 */
function belowTitles(grid: CellValue[][]): number | null {
  let last = 0;
  for (let i = 0; i < grid.length; i++) {
    const filled = grid[i].filter((c) => !isBlank(c)).length;
    if (filled > 1) return null;
    if (filled === 1) last = i + 1;
  }
  return last > 0 ? last + 1 : null;
}

export function ensureTab(workbook: WorkbookPort, spec: TabSpec): HeaderMap {
  return ensureTabDetailed(workbook, spec).header;
}

/** Drop-downs for vocabularies and date formats for date columns. */
export function columnFormats(spec: TabSpec, header: HeaderMap): ColumnFormat[] {
  const formats: ColumnFormat[] = [];
  for (const col of spec.columns) {
    const at = header.columns.get(col.key);
    if (at === undefined) continue;
    if (col.type.kind === 'term' && !col.type.multiple) {
      formats.push({ column: at + 1, dropdown: col.type.terms.map((t) => t.value) });
    } else if (col.type.kind === 'yesno') {
      formats.push({ column: at + 1, dropdown: ['Yes', 'No'] });
    } else if (col.type.kind === 'benchmark') {
      formats.push({ column: at + 1, dropdown: ['1', '2', '3', '4', '5', '6', '7', '8'] });
    } else if (col.type.kind === 'date') {
      formats.push({ column: at + 1, date: true });
    }
  }
  return formats;
}
