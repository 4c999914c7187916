/**
 * Importing pupils from the school's MIS export (pupils-import.md): the pure diff between the
 * export and the Pupils tab. Both the command line and Google Sheets parse the file their own way
 * and hand the rows here; the job applies the plan.
 */
import type { CellValue, DayCell } from '../ports';
import { type ColumnSpec, PUPILS_TAB } from './schema';
import { type HeaderMap, mapHeaders, readCell } from './table';
import { displayCell, isBlank, pupilKey, readText, readYearGroup } from './values';

/** The columns the MIS owns, in the order a new row is written. Email only fills a blank cell. */
export const MIS_FIELDS = [
  'id', 'name', 'forename', 'surname', 'year', 'form', 'send', 'lookedAfter', 'disadvantaged', 'attendance',
  'dateOfBirth', 'postcode', 'email',
] as const;
export type MisField = (typeof MIS_FIELDS)[number];

/** Fields the import adds a column for when the Pupils tab lacks one and the export has values. */
const ADDABLE: MisField[] = ['year', 'form', 'send', 'lookedAfter', 'disadvantaged', 'attendance', 'dateOfBirth', 'postcode', 'email'];

export class PupilImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PupilImportError';
  }
}

export interface SkippedValue {
  /** the row of the file (1-based, as a spreadsheet program shows it) */
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface PupilChange {
  id: string;
  name: string;
  /** by field, named as pupils-import.md's table names it (Form, not the tab's "Tutor group"): [old, new] as the user reads them */
  fields: Record<string, [string, string]>;
}

export interface CellWrite {
  /** 1-based sheet row */
  row: number;
  /** 0-based column key in the final header */
  key: MisField;
  value: CellValue;
}

export interface ImportPlan {
  added: { id: string; name: string; year: number | null }[];
  changed: PupilChange[];
  /** pupils on roll in the tracker but not in the export: listed, never changed */
  absent: { id: string; name: string }[];
  skipped: SkippedValue[];
  unchanged: number;
  /** headers the import adds at the end of the Pupils header row */
  newColumns: string[];
  /** what applying writes: cells of existing rows, and whole new rows */
  writes: CellWrite[];
  newRows: Record<string, CellValue>[];
}

const FIELD_SPECS = new Map(PUPILS_TAB.columns.map((c) => [c.key, c]));
const spec = (key: MisField): ColumnSpec => FIELD_SPECS.get(key)!;

/** The value a parsed field is written as, and how it is shown. */
function toCell(key: MisField, value: unknown): CellValue {
  const kind = spec(key).type.kind;
  if (kind === 'yesno') return value ? 'Yes' : 'No';
  if (kind === 'date') return { day: value as string } as DayCell;
  return value as CellValue;
}

function show(key: MisField, value: unknown): string {
  if (value === null || value === undefined) return '';
  return displayCell(toCell(key, value));
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 0.05;
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  return a === b;
}

type Values = Partial<Record<MisField, unknown>>;

interface ExportRow {
  row: number;
  id: string;
  values: Values;
}

/** Reads the export's rows: each pupil's readable MIS values; what cannot be read is skipped. */
export function readExport(grid: CellValue[][]): { rows: ExportRow[]; skipped: SkippedValue[]; header: HeaderMap; filled: Set<MisField> } {
  const header = mapHeaders(grid, PUPILS_TAB);
  if (header.headerRow === 0) throw new PupilImportError('The export is empty: there is no header row. Nothing was imported.');
  if (!header.columns.has('id')) {
    throw new PupilImportError(`The export has no pupil ID column (UPN, Adno, Admission number or Pupil ID): its headers are ${header.headers.filter(Boolean).slice(0, 12).join(', ')}. Nothing was imported.`);
  }
  const hasName = header.columns.has('name') || header.columns.has('forename') || header.columns.has('surname');
  if (!hasName) throw new PupilImportError('The export has no name column (Name, or Forename and Surname). Nothing was imported.');
  const skipped: SkippedValue[] = [];
  const rows: ExportRow[] = [];
  const seen = new Set<string>();
  const filled = new Set<MisField>();
  const headerOf = (key: MisField) => header.headers[header.columns.get(key) ?? -1] ?? spec(key).header;
  for (let i = header.headerRow; i < grid.length; i++) {
    const cells = grid[i];
    if (cells.every((c) => isBlank(c))) continue;
    const row = i + 1;
    const idCell = cells[header.columns.get('id')!] ?? '';
    const id = readText(idCell);
    if (id === '') {
      skipped.push({ row, column: headerOf('id'), value: '', message: 'No pupil ID: this row is skipped.' });
      continue;
    }
    if (seen.has(pupilKey(id))) {
      skipped.push({ row, column: headerOf('id'), value: id, message: `${headerOf('id')} "${id}" is already on an earlier row of the export: this row is skipped (the first one counts).` });
      continue;
    }
    seen.add(pupilKey(id));
    const values: Values = { id };
    for (const key of MIS_FIELDS) {
      if (key === 'id') continue;
      const col = spec(key);
      let cell: CellValue;
      const at = header.columns.get(key);
      if (key === 'name' && at === undefined) {
        cell = ['forename', 'surname'].map((k) => header.columns.get(k)).filter((x): x is number => x !== undefined)
          .map((x) => readText(cells[x] ?? '')).filter(Boolean).join(' ');
      } else if (at === undefined) {
        continue;
      } else {
        cell = cells[at] ?? '';
      }
      if (isBlank(cell)) {
        // Blank never clears the tracker, except yes/no columns, where blank means No.
        if (col.type.kind === 'yesno') values[key] = false;
        continue;
      }
      filled.add(key);
      const read = readCell(cell, col, null, () => undefined);
      if (read.ok) values[key] = read.value;
      else skipped.push({ row, column: at === undefined ? headerOf('forename') : header.headers[at], value: displayCell(cell), message: `${read.message} The tracker keeps its value.` });
    }
    rows.push({ row, id, values });
  }
  return { rows, skipped, header, filled };
}

/**
 * Compares the export with the Pupils tab as read (`pupilsGrid`, null when there is no tab).
 * Matching is on Pupil ID alone (trimmed, case-insensitive).
 */
export function planImport(exportGrid: CellValue[][], pupilsGrid: CellValue[][] | null): ImportPlan {
  const ex = readExport(exportGrid);
  const tracker = mapHeaders(pupilsGrid, PUPILS_TAB);
  if (!pupilsGrid || tracker.headerRow === 0 || !tracker.columns.has('id')) {
    throw new PupilImportError('The Pupils tab has no Pupil ID column. Run Set up tracker first. Nothing was imported.');
  }
  const grid = pupilsGrid;
  const plan: ImportPlan = { added: [], changed: [], absent: [], skipped: ex.skipped, unchanged: 0, newColumns: [], writes: [], newRows: [] };

  // The tracker's pupils: the first row of each ID.
  const rowByKey = new Map<string, number>();
  const idAt = tracker.columns.get('id')!;
  for (let i = tracker.headerRow; i < grid.length; i++) {
    const id = readText(grid[i][idAt] ?? '');
    if (id !== '' && !rowByKey.has(pupilKey(id))) rowByKey.set(pupilKey(id), i);
  }

  // Which fields this import writes, and where.
  const trackerHasName = tracker.columns.has('name');
  const fields = MIS_FIELDS.filter((k) => {
    if (k === 'id') return false;
    if (tracker.columns.has(k)) return k !== 'name' || trackerHasName;
    return false;
  });
  for (const k of ADDABLE) {
    if (!tracker.columns.has(k) && ex.filled.has(k)) {
      plan.newColumns.push(spec(k).header);
      fields.push(k);
    }
  }
  const cellOf = (i: number, k: MisField): CellValue => {
    const at = tracker.columns.get(k);
    return at === undefined ? '' : grid[i]?.[at] ?? '';
  };

  const inExport = new Set<string>();
  for (const r of ex.rows) {
    const key = pupilKey(r.id);
    inExport.add(key);
    const i = rowByKey.get(key);
    const name = String(r.values.name ?? '');
    if (i === undefined) {
      if (!name) {
        plan.skipped.push({ row: r.row, column: 'Name', value: '', message: `Pupil ${r.id} is not in the tracker and has no name: not added.` });
        continue;
      }
      if (r.values.year === undefined) {
        const column = ex.header.headers[ex.header.columns.get('year') ?? -1] ?? 'Year';
        const message = `Pupil ${r.id} is not in the tracker and has no readable Year: not added.`;
        // An unreadable Year (`Year 14`) is already listed: that one entry says the row is not added
        // (there is no tracker value to keep), with the value the file holds.
        const listed = plan.skipped.find((s) => s.row === r.row && s.column === column);
        if (listed) listed.message = `${listed.message.replace(/ The tracker keeps its value\.$/, '')} ${message}`;
        else plan.skipped.push({ row: r.row, column, value: '', message });
        continue;
      }
      const record: Record<string, CellValue> = { id: r.id };
      for (const k of MIS_FIELDS) if (k !== 'id' && r.values[k] !== undefined) record[k] = toCell(k, r.values[k]);
      plan.newRows.push(record);
      plan.added.push({ id: r.id, name, year: (r.values.year as number | undefined) ?? null });
      continue;
    }
    const change: PupilChange = { id: readText(grid[i][idAt]), name: name || readText(cellOf(i, 'name')), fields: {} };
    for (const k of fields) {
      const next = r.values[k];
      if (next === undefined) continue;
      const cell = cellOf(i, k);
      if (k === 'email' && !isBlank(cell)) continue;
      const old = isBlank(cell) ? { ok: true as const, value: spec(k).type.kind === 'yesno' ? false : null } : readCell(cell, spec(k), null, () => undefined);
      if (old.ok && same(old.value, next)) continue;
      // A yes/no the tracker leaves blank already reads as No.
      change.fields[spec(k).header] = [old.ok ? show(k, old.value) : displayCell(cell), show(k, next)];
      plan.writes.push({ row: i + 1, key: k, value: toCell(k, next) });
    }
    if (Object.keys(change.fields).length > 0) plan.changed.push(change);
    else plan.unchanged++;
  }

  for (const [key, i] of rowByKey) {
    if (inExport.has(key)) continue;
    if (!readYearGroup(cellOf(i, 'year')).ok || isBlank(cellOf(i, 'year'))) continue;
    plan.absent.push({ id: readText(grid[i][idAt]), name: readText(cellOf(i, 'name')) || [readText(cellOf(i, 'forename')), readText(cellOf(i, 'surname'))].filter(Boolean).join(' ') });
  }
  plan.skipped.sort((a, b) => a.row - b.row);
  return plan;
}
