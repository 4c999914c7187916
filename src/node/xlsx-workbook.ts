/**
 * The tracker as a downloaded `.xlsx` file, read and written with ExcelJS. The user's other tabs,
 * columns and formatting are kept; only what a job writes changes.
 */
import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { CellValue, ColumnFormat, DayCell, OutputSheet, WorkbookPort } from '../ports';
import { isDayCell } from '../ports';
import { RAG_COLOURS, cellValue, neutralise } from '../domain/write';
import { pad2 } from '../domain/calendar';
import { LOG_TAB } from '../domain/schema';
import { TabClashError, findTab } from '../domain/tab-names';
import { writeFileAtomic } from './atomic-file';
import type { Journal } from './journal';
import { inspectXlsx, restoreNotes, restoreTables, type XlsxInspection } from './xlsx-parts';

const DATE_FORMAT = 'dd/mm/yyyy';
const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';

export class WorkbookReadError extends Error {}

/** Excel's last row: a row below it makes a file Excel and Sheets refuse. */
export const EXCEL_MAX_ROWS = 1_048_576;

/** A write the job cannot make (nothing is saved). */
export class WorkbookWriteError extends Error {}

export class XlsxWorkbook implements WorkbookPort {
  /** Counts reads and writes, so tests and the bench can compare with the Sheets adapter. */
  readonly calls = { reads: 0, writes: 0 };
  /** what the file has that a save leaves out (Excel 2010 drop-downs, data bars...): the command line says so when it saves */
  notKept: string[] = [];
  /** Where Log lines are made durable as they are appended (the command line's send journal). */
  journal: Journal | null = null;

  private constructor(
    private readonly book: ExcelJS.Workbook,
    private readonly file: string | null,
  ) {}

  static async open(file: string): Promise<XlsxWorkbook> {
    if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
      throw new WorkbookReadError(`${file} is a folder, not a workbook: give the tracker's .xlsx file.`);
    }
    const notXlsx = `${file} is not an Excel workbook (.xlsx), or it is damaged. In Google Sheets use File > Download > Microsoft Excel (.xlsx).`;
    const book = new ExcelJS.Workbook();
    let data: Buffer;
    try {
      data = fs.readFileSync(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new WorkbookReadError(`Cannot read the workbook ${file} (${code ?? (e as Error).message}).`);
    }
    // An encrypted workbook (a password to open) or an old .xls is a compound file, not a zip.
    if (data.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
      throw new WorkbookReadError(`${file} is protected with a password, or is an old Excel 97-2003 (.xls) file: save a copy as an Excel Workbook (.xlsx) without a password to open it.`);
    }
    // What ExcelJS cannot keep is named before anything is read or written.
    let parts: XlsxInspection | null = null;
    try {
      parts = await inspectXlsx(data);
    } catch {
      throw new WorkbookReadError(notXlsx);
    }
    if (parts.unsupported.length > 0) {
      throw new WorkbookReadError(`${file} has ${parts.unsupported.join('; ')}, which the command line cannot keep when it saves the workbook, so nothing was done. Keep the tracker in Google Sheets for these, or give the command line a copy without them.`);
    }
    try {
      await book.xlsx.load((parts.normalised ?? data) as unknown as ArrayBuffer);
    } catch {
      throw new WorkbookReadError(notXlsx);
    }
    // Any other zip (a .docx or .ods renamed) reads as a workbook without properties, which cannot be saved.
    if (!book.properties) throw new WorkbookReadError(notXlsx);
    restoreNotes(book, parts.notes);
    restoreTables(book, parts.tables);
    const workbook = new XlsxWorkbook(book, file);
    workbook.notKept = parts.notKept;
    return workbook;
  }

  static empty(): XlsxWorkbook {
    return new XlsxWorkbook(new ExcelJS.Workbook(), null);
  }

  static async fromBuffer(buffer: Buffer): Promise<XlsxWorkbook> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    return new XlsxWorkbook(book, null);
  }

  async save(file = this.file): Promise<void> {
    if (!file) throw new Error('No file to save to');
    writeFileAtomic(file, await this.toBuffer());
  }

  async toBuffer(): Promise<Buffer> {
    // Text a user typed keeps its exact characters (a CR LF line break stays CR LF).
    const restore = escapeText(this.book);
    try {
      return Buffer.from(await this.book.xlsx.writeBuffer());
    } finally {
      restore();
    }
  }

  spreadsheetTimeZone(): null {
    return null;
  }

  url(): null {
    return null;
  }

  tabNames(): string[] {
    return this.book.worksheets.map((w) => w.name);
  }

  readTab(name: string): CellValue[][] | null {
    const ws = this.find(name);
    if (!ws) return null;
    this.calls.reads++;
    const height = ws.actualRowCount === 0 ? 0 : ws.rowCount;
    let width = 0;
    const grid: CellValue[][] = [];
    for (let r = 1; r <= height; r++) {
      const row = ws.getRow(r);
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        // A merged block's value is in its first cell only, as Sheets hands it over.
        if (cell.isMerged && cell.master.address !== cell.address) return;
        cells[col - 1] = fromCell(cell.value);
      });
      for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = '';
      // trailing blanks do not widen the range
      let last = cells.length;
      while (last > 0 && cells[last - 1] === '') last--;
      width = Math.max(width, last);
      grid.push(cells);
    }
    // Trailing empty rows are not part of the used range.
    while (grid.length > 0 && grid[grid.length - 1].every((c) => c === '')) grid.pop();
    if (grid.length === 0) return [['']];
    width = Math.max(width, 1);
    return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
  }

  createTab(name: string): void {
    this.calls.writes++;
    this.book.addWorksheet(name);
  }

  writeCells(tab: string, row: number, column: number, values: CellValue[][]): void {
    const ws = this.sheet(tab);
    checkRows(tab, row + values.length - 1);
    this.calls.writes++;
    values.forEach((cells, r) => cells.forEach((v, c) => setCell(ws.getCell(row + r, column + c), v)));
  }

  formatTab(tab: string, headerRow: number, columns: ColumnFormat[]): void {
    const ws = this.sheet(tab);
    this.calls.writes++;
    ws.getRow(headerRow).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: headerRow }];
    const last = Math.max(ws.rowCount, headerRow + 500);
    for (const c of columns) {
      const letter = ws.getColumn(c.column).letter;
      const range = `${letter}${headerRow + 1}:${letter}${last}`;
      if (c.dropdown) {
        // Excel limits an inline list to 255 characters.
        const list = `"${c.dropdown.map((d) => d.replace(/"/g, '')).join(',')}"`;
        if (list.length <= 255) {
          (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, {
            type: 'list', allowBlank: true, formulae: [list], showErrorMessage: false,
            promptTitle: '', prompt: c.help ?? '',
          } as ExcelJS.DataValidation);
        }
      }
      if (c.date) ws.getColumn(c.column).numFmt = DATE_FORMAT;
    }
  }

  appendRows(tab: string, rows: CellValue[][]): void {
    if (rows.length === 0) return;
    const ws = this.sheet(tab);
    this.calls.writes++;
    let last = ws.rowCount;
    while (last > 0 && rowIsEmpty(ws.getRow(last))) last--;
    checkRows(ws.name, last + rows.length);
    // Durable before it is in the workbook: a run killed after this line still counts it as sent.
    if (this.journal && findTab([ws.name], LOG_TAB.name) !== null) this.journal.appendLog(rows);
    rows.forEach((cells, r) => cells.forEach((v, c) => {
      if (v !== '') setCell(ws.getCell(last + 1 + r, c + 1), v);
    }));
  }

  writeOutputTab(tab: string, out: OutputSheet): void {
    this.calls.writes++;
    checkRows(tab, out.rows.length);
    const existing = this.find(tab);
    let ws: ExcelJS.Worksheet;
    if (existing) {
      // A tab whose name only matches ours (`problems`) is ours only when a run wrote it; else it is the school's.
      if (existing.name !== tab && existing.getCell(1, 2).value !== 'Generated') {
        throw new TabClashError(`The tracker has a tab of its own called "${existing.name}", where the job writes its ${tab} tab. Rename that tab (the job never renames or overwrites a tab of yours) and run again. Nothing was changed.`);
      }
      // A fresh sheet in the same place: nothing of the previous run survives.
      const order = (existing as unknown as { orderNo: number }).orderNo;
      const name = existing.name;
      this.book.removeWorksheet(existing.id);
      ws = this.book.addWorksheet(name);
      (ws as unknown as { orderNo: number }).orderNo = order;
    } else {
      ws = this.book.addWorksheet(tab);
    }
    const bold = new Set(out.boldRows ?? []);
    out.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        const target = ws.getCell(r + 1, c + 1);
        setCell(target, cellValue(cell));
        const style = typeof cell === 'object' && !isDayCell(cell) ? cell : null;
        if (style?.fill) {
          target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${RAG_COLOURS[style.fill].slice(1).toUpperCase()}` } };
        }
        if (bold.has(r) || style?.bold || style?.italic) target.font = { bold: bold.has(r) || !!style?.bold, italic: !!style?.italic };
        if (style?.wrap) target.alignment = { wrapText: true, vertical: 'top' };
      });
    });
    if (out.frozenRows) ws.views = [{ state: 'frozen', ySplit: out.frozenRows }];
    (out.columnWidths ?? []).forEach((w, i) => {
      ws.getColumn(i + 1).width = Math.round(w / 7);
    });
  }

  /** The tab that stands for `name`, matched as headers are (case and spaces). */
  private find(name: string): ExcelJS.Worksheet | undefined {
    const actual = findTab(this.tabNames(), name);
    return actual === null ? undefined : this.book.getWorksheet(actual);
  }

  private sheet(tab: string): ExcelJS.Worksheet {
    const ws = this.find(tab);
    if (!ws) throw new Error(`The tracker has no "${tab}" tab. Run setup first.`);
    return ws;
  }
}

function checkRows(tab: string, lastRow: number): void {
  if (lastRow > EXCEL_MAX_ROWS) {
    throw new WorkbookWriteError(`The ${tab} tab would go past row ${EXCEL_MAX_ROWS.toLocaleString('en-GB')}, the last row an Excel file can have, so nothing was saved. Move old rows of the ${tab} tab to another workbook and run again.`);
  }
}

/**
 * ExcelJS writes a CR inside text as it is, and every XML reader turns CR LF into LF; Excel writes
 * it as `_x000D_` (and a literal `_xHHHH_` as `_x005F_xHHHH_`). Escapes the workbook's text that way
 * for one write; the returned function puts the values back.
 */
function escapeText(book: ExcelJS.Workbook): () => void {
  const undo: (() => void)[] = [];
  const needs = /\r|_x[0-9A-F]{4}_/;
  const escape = (t: string) => t.replace(/_x([0-9A-F]{4})_/g, '_x005F_x$1_').replace(/\r/g, '_x000D_');
  for (const ws of book.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (typeof v === 'string' && needs.test(v)) {
          cell.value = escape(v);
          undo.push(() => { cell.value = v; });
        } else if (v && typeof v === 'object' && 'richText' in v && v.richText.some((r) => needs.test(r.text))) {
          cell.value = { richText: v.richText.map((r) => ({ ...r, text: escape(r.text) })) };
          undo.push(() => { cell.value = v; });
        }
      });
    });
  }
  return () => undo.forEach((u) => u());
}

function rowIsEmpty(row: ExcelJS.Row): boolean {
  let empty = true;
  row.eachCell({ includeEmpty: false }, (cell) => {
    if (fromCell(cell.value) !== '') empty = false;
  });
  return empty;
}

function setCell(cell: ExcelJS.Cell, v: CellValue): void {
  if (isDayCell(v)) {
    const [y, m, d] = v.day.split('-').map(Number);
    const [hh, mm] = (v.time ?? '00:00').split(':').map(Number);
    cell.value = new Date(Date.UTC(y, m - 1, d, hh, mm));
    cell.numFmt = v.time ? DATE_TIME_FORMAT : DATE_FORMAT;
    return;
  }
  cell.value = neutralise(v) as ExcelJS.CellValue;
}

/** An ExcelJS value as Apps Script's getValues() would give it. */
export function fromCell(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return toDayCell(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.startsWith("'") ? value.slice(1) : value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result && typeof result === 'object' && 'error' in result) return String((result as ExcelJS.CellErrorValue).error);
      if (result === undefined || result === null || typeof result === 'object' && !(result instanceof Date)) return '';
      return fromCell(result as ExcelJS.CellValue);
    }
    if ('hyperlink' in value) {
      const text = (value as ExcelJS.CellHyperlinkValue).text;
      return typeof text === 'string' && text !== '' ? text : (value as ExcelJS.CellHyperlinkValue).hyperlink;
    }
    // An error shows as its value (`#REF!`), as Sheets hands it over, never as a blank.
    if ('error' in value) return String((value as ExcelJS.CellErrorValue).error);
  }
  return String(value);
}

/** ExcelJS turns a day number into a Date at UTC midnight of that day. */
function toDayCell(d: Date): DayCell {
  const day = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const hh = d.getUTCHours();
  const mm = d.getUTCMinutes() + (d.getUTCSeconds() >= 30 ? 1 : 0);
  return hh === 0 && mm === 0 ? { day } : { day, time: `${pad2(hh)}:${pad2(Math.min(mm, 59))}` };
}
