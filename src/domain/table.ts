/**
 * Reading one tab by header name: find the header row, map headers through aliases, read each
 * row's cells with the column's reader, and report every bad value as a problem.
 */
import type { CellValue } from '../ports';
import { type ColumnSpec, type TabSpec, columnNames, normaliseHeader } from './schema';
import { findHeaderRow } from './header-row';
import { errorCellMessage, isErrorCell } from './error-cells';
import {
  type Read, displayCell, isBlank, pupilKey, readBenchmark, readCalendarYear, readDate, readEmail,
  readNumber, readPercent, readPostcode, readTerm, readText, readUrl, readYearGroup, readYesNo, splitList, staffKey,
} from './values';

export interface Problem {
  tab: string;
  /** the sheet row as the user sees it */
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface HeaderMap {
  /** 1-based sheet row of the header, 0 when the tab is empty or missing */
  headerRow: number;
  /** the header cells as written */
  headers: string[];
  /** 0-based column of each known column key */
  columns: Map<string, number>;
  /** headers that also match a column another header already gives: ignored (never read, never written) */
  ignored?: { at: number; key: string; used: number }[];
  /** 0-based columns whose header matches no known column */
  unknown?: number[];
}

/**
 * Finds the header row (the first non-empty row) and the columns it names. When two headers
 * match one column, the canonical header wins, then the alias listed first, then the leftmost;
 * the other is ignored. A header is used for one column only.
 */
export function mapHeaders(grid: CellValue[][] | null, spec: TabSpec): HeaderMap {
  const columns = new Map<string, number>();
  if (!grid) return { headerRow: 0, headers: [], columns };
  const index = findHeaderRow(grid, spec);
  if (index < 0) return { headerRow: 0, headers: [], columns };
  const headers = grid[index].map((c) => displayCell(c));
  const normalised = headers.map(normaliseHeader);
  const claimed = new Set<number>();
  const ignored: { at: number; key: string; used: number }[] = [];
  for (const col of spec.columns) {
    const names = columnNames(col).map(normaliseHeader);
    const matches: { at: number; rank: number }[] = [];
    normalised.forEach((h, at) => {
      const rank = names.indexOf(h);
      if (rank >= 0 && h !== '' && !claimed.has(at)) matches.push({ at, rank });
    });
    if (matches.length === 0) continue;
    matches.sort((a, b) => a.rank - b.rank || a.at - b.at);
    columns.set(col.key, matches[0].at);
    for (const m of matches) claimed.add(m.at);
    for (const m of matches.slice(1)) ignored.push({ at: m.at, key: col.key, used: matches[0].at });
  }
  const unknown = normalised.map((h, at) => (h !== '' && !claimed.has(at) ? at : -1)).filter((at) => at >= 0);
  return { headerRow: index + 1, headers, columns, ignored, unknown };
}

/** What a row's references can be checked against. */
export interface References {
  pupil(key: string): boolean;
  staff(initials: string): boolean;
}

export interface ParsedRow {
  row: number;
  /** parsed values by column key; null for blank or invalid optional cells */
  v: Record<string, unknown>;
  /** the raw cell of a column, by key ('' when the tab lacks the column) */
  cell(key: string): CellValue;
}

interface ColumnAt {
  col: ColumnSpec;
  /** the sheet column it is read from */
  at: number | undefined;
  /** the sheet columns a derived column joins (Name from Forename and Surname) */
  parts: number[] | undefined;
  name: string;
  /** each text already read in this column and what it read as, for the kinds with few values */
  memo: Map<CellValue, Read<unknown>> | undefined;
}

/**
 * The kinds whose reading depends only on the cell and reports nothing itself: Yes/No, Year,
 * SEND and mentor repeat down a column, so each distinct text is read once per tab.
 */
const MEMO_KINDS = new Set<string>(['yesno', 'percent', 'number', 'yearGroup', 'calendarYear', 'benchmark', 'term', 'staff', 'date', 'dateOrYesNo']);
const MEMO_LIMIT = 500;
const isMultiple = (col: ColumnSpec) => col.type.kind === 'term' && col.type.multiple === true;

function cellFor(cells: CellValue[], { at, parts }: ColumnAt): CellValue {
  if (parts) return parts.map((p) => readText(cells[p] ?? '')).filter(Boolean).join(' ');
  return at === undefined ? '' : cells[at] ?? '';
}

/**
 * A read row. Every row of a tab starts as a copy of one template holding all the column keys, so
 * all rows share one object shape: at 16,000 rows × 24 columns, adding keys one by one to each row
 * cost more than reading the cells. The raw cells are looked up only when asked for.
 */
class TableRow implements ParsedRow {
  constructor(
    readonly row: number,
    readonly v: Record<string, unknown>,
    private readonly cells: CellValue[],
    private readonly columns: Map<string, ColumnAt>,
  ) {}

  cell(key: string): CellValue {
    const column = this.columns.get(key);
    return column ? cellFor(this.cells, column) : '';
  }
}

export interface TableRead {
  spec: TabSpec;
  present: boolean;
  header: HeaderMap;
  rows: ParsedRow[];
}

/**
 * Reads the tab's data rows. Rows with a missing or invalid required value, a duplicate key,
 * or an unknown reference in a required column are reported and left out; an invalid optional
 * value is reported and read as blank; in list columns only the bad items are dropped.
 */
export function readTable(
  grid: CellValue[][] | null,
  spec: TabSpec,
  refs: References | null,
  problems: Problem[],
): TableRead {
  const header = mapHeaders(grid, spec);
  const read: TableRead = { spec, present: grid !== null, header, rows: [] };
  if (!grid || header.headerRow === 0) return read;

  const derived = (c: ColumnSpec) => !header.columns.has(c.key) && (c.from ?? []).some((k) => header.columns.has(k));
  const missingRequired = spec.columns.filter((c) => c.required && !header.columns.has(c.key) && !derived(c));
  for (const col of missingRequired) {
    problems.push({
      tab: spec.name, row: header.headerRow, column: col.header, value: '',
      message: `The ${spec.name} tab has no "${col.header}" column, so its rows cannot be used. Add the column (Set up tracker adds it).`,
    });
  }
  if (missingRequired.length > 0) return read;

  // The hot path at 10,000 rows: each column's position and header are looked up once, and one
  // reporter is shared by every cell (no closure per cell).
  const columns: ColumnAt[] = spec.columns.map((col) => {
    const own = header.columns.get(col.key);
    // A column built from others (Name from Forename and Surname) when the tab lacks its own.
    const parts = own === undefined && col.from && derived(col)
      ? col.from.map((k) => header.columns.get(k)).filter((x): x is number => x !== undefined)
      : undefined;
    const at = own ?? parts?.[0];
    return { col, at, parts, name: header.headers[at ?? 0] || col.header, memo: MEMO_KINDS.has(col.type.kind) && !isMultiple(col) && !col.unique ? new Map() : undefined };
  });
  // Made by JSON.parse, not by adding keys in a loop: V8 turns an object given more than a dozen
  // keys one at a time into a slow dictionary, and every copy of it with it.
  const template = JSON.parse(`{${columns.map(({ col }) => `${JSON.stringify(col.key)}:null`).join(',')}}`) as Record<string, unknown>;
  const columnsByKey = new Map(columns.map((c) => [c.col.key, c]));
  const here = { row: 0, name: '', cell: '' as CellValue };
  const report = (message: string) => problems.push({ tab: spec.name, row: here.row, column: here.name, value: displayCell(here.cell), message });
  const seen = new Map<string, Set<string>>();
  for (let i = header.headerRow; i < grid.length; i++) {
    const cells = grid[i];
    let empty = true;
    for (let k = 0; k < cells.length && empty; k++) empty = blank(cells[k]);
    if (empty) continue;
    const row = i + 1;
    const parsed = new TableRow(row, { ...template }, cells, columnsByKey);
    let keep = true;
    for (let k = 0; k < columns.length; k++) {
      const column = columns[k];
      const { col, at, name } = column;
      if (at === undefined && !col.required) continue;
      const cell = cellFor(cells, column);
      if (isErrorCell(cell)) {
        here.row = row; here.name = name; here.cell = cell;
        report(col.required ? `${errorCellMessage(col.header, cell)} This row is left out until it is corrected.` : errorCellMessage(col.header, cell));
        if (col.required) keep = false;
        continue;
      }
      if (blank(cell)) {
        if (col.required) {
          here.row = row; here.name = name; here.cell = cell;
          report(`${col.header} is missing: this row is left out until it is filled in.`);
          keep = false;
        }
        continue;
      }
      if (col.type.kind === 'text' && !col.unique) {
        // Text never fails: no result object per cell.
        parsed.v[col.key] = typeof cell === 'string' ? (cell as string).trim() : readText(cell);
        continue;
      }
      here.row = row; here.name = name; here.cell = cell;
      const { memo } = column;
      let result = memo && typeof cell !== 'object' ? memo.get(cell) : undefined;
      if (!result) {
        result = readCell(cell, col, refs, report);
        if (memo && typeof cell !== 'object' && memo.size < MEMO_LIMIT) memo.set(cell, result);
      }
      if (!result.ok) {
        report(col.required ? `${result.message} This row is left out until it is corrected.` : result.message);
        if (col.required) keep = false;
        continue;
      }
      parsed.v[col.key] = result.value;
      if (col.unique && keep) {
        const key = String(result.value).trim().toLowerCase();
        let set = seen.get(col.key);
        if (!set) {
          set = new Set<string>();
          seen.set(col.key, set);
        }
        if (set.has(key)) {
          report(`${col.header} "${displayCell(cell)}" is already used on an earlier row: this row is left out (the first one counts).`);
          keep = false;
        }
        set.add(key);
      }
    }
    if (keep) read.rows.push(parsed);
  }
  return read;
}

/** isBlank, kept local to the hot loop (a cell that is not text is never blank). */
function blank(v: CellValue | undefined): boolean {
  if (typeof v !== 'string') return v === undefined || v === null;
  return v.length === 0 || v.trim().length === 0;
}

export function readCell(
  cell: CellValue,
  col: ColumnSpec,
  refs: References | null,
  report: (message: string) => void,
): Read<unknown> {
  const t = col.type;
  switch (t.kind) {
    case 'text':
      return { ok: true, value: readText(cell) };
    case 'date':
      return readDate(cell);
    case 'dateOrYesNo': {
      const asDate = readDate(cell);
      if (asDate.ok) return asDate;
      const asYes = readYesNo(cell);
      return asYes.ok ? asYes : { ok: false, message: `"${displayCell(cell)}" is not a date or yes/no.` };
    }
    case 'yesno':
      return readYesNo(cell);
    case 'percent':
      return readPercent(cell);
    case 'number':
      return readNumber(cell, t.min, t.max);
    case 'yearGroup':
      return readYearGroup(cell);
    case 'calendarYear':
      return readCalendarYear(cell);
    case 'benchmark':
      return readBenchmark(cell);
    case 'email':
      return readEmail(cell);
    case 'url':
      return readUrl(cell);
    case 'textOrUrl':
      return { ok: true, value: readText(cell) };
    case 'postcode':
      return readPostcode(cell);
    case 'term': {
      if (!t.multiple) return readTerm(cell, t.terms);
      const values: string[] = [];
      for (const item of splitList(cell)) {
        const r = readTerm(item, t.terms);
        if (r.ok) values.push(r.value);
        else report(r.message);
      }
      return values.length > 0 ? { ok: true, value: values } : { ok: false, message: `No valid ${col.header.toLowerCase()} in "${displayCell(cell)}".` };
    }
    case 'pupil': {
      const id = readText(cell);
      if (refs && !refs.pupil(pupilKey(id))) return { ok: false, message: `No pupil has the ID "${id}" in the Pupils tab.` };
      return { ok: true, value: pupilKey(id) };
    }
    case 'staff': {
      const initials = readText(cell);
      if (t.orPupil && initials.toLowerCase() === 'pupil') return { ok: true, value: 'Pupil' };
      if (refs && !refs.staff(staffKey(initials))) {
        return { ok: false, message: `No staff member has the initials "${initials}" in the Staff tab.` };
      }
      return { ok: true, value: staffKey(initials) };
    }
    case 'staffList':
      return readListItems(cell, col, (item) => {
        const initials = staffKey(item);
        return refs && !refs.staff(initials) ? { ok: false, message: `No staff member has the initials "${item}" in the Staff tab; they are left out.` } : { ok: true, value: initials };
      }, report);
    case 'yearGroups':
      return readListItems(cell, col, readYearGroup, report);
    case 'benchmarks':
      return readListItems(cell, col, readBenchmark, report);
    case 'list':
      return readListItems(cell, col, (item) => ({ ok: true, value: item }), report);
    case 'pupils':
      return readListItems(
        cell, col,
        (item) => {
          const id = readText(item);
          if (refs && !refs.pupil(pupilKey(id))) return { ok: false, message: `No pupil has the ID "${id}" in the Pupils tab; it is left out.` };
          return { ok: true, value: pupilKey(id) };
        },
        report,
      );
  }
}

function readListItems<T>(
  cell: CellValue,
  col: ColumnSpec,
  reader: (item: string) => Read<T>,
  report: (message: string) => void,
): Read<T[]> {
  const values: T[] = [];
  for (const item of splitList(cell)) {
    const r = reader(item);
    if (r.ok) {
      if (!values.includes(r.value)) values.push(r.value);
    } else {
      report(r.message);
    }
  }
  return { ok: true, value: values };
}
