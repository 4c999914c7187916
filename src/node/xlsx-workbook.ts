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

const DATE_FORMAT = 'dd/mm/yyyy';
const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';

export class WorkbookReadError extends Error {}

export class XlsxWorkbook implements WorkbookPort {
  /** Counts reads and writes, so tests and the bench can compare with the Sheets adapter. */
  readonly calls = { reads: 0, writes: 0 };

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
    try {
      await book.xlsx.readFile(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new WorkbookReadError(code ? `Cannot read the workbook ${file} (${code}).` : notXlsx);
    }
    // Any other zip (a .docx or .ods renamed) reads as a workbook without properties, which cannot be saved.
    if (!book.properties) throw new WorkbookReadError(notXlsx);
    return new XlsxWorkbook(book, file);
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
    await this.book.xlsx.writeFile(file);
  }

  async toBuffer(): Promise<Buffer> {
    return Buffer.from(await this.book.xlsx.writeBuffer());
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
    const ws = this.book.getWorksheet(name);
    if (!ws) return null;
    this.calls.reads++;
    const height = ws.actualRowCount === 0 ? 0 : ws.rowCount;
    let width = 0;
    const grid: CellValue[][] = [];
    for (let r = 1; r <= height; r++) {
      const row = ws.getRow(r);
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
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
    rows.forEach((cells, r) => cells.forEach((v, c) => {
      if (v !== '') setCell(ws.getCell(last + 1 + r, c + 1), v);
    }));
  }

  writeOutputTab(tab: string, out: OutputSheet): void {
    this.calls.writes++;
    const existing = this.book.getWorksheet(tab);
    let ws: ExcelJS.Worksheet;
    if (existing) {
      // A fresh sheet in the same place: nothing of the previous run survives.
      const order = (existing as unknown as { orderNo: number }).orderNo;
      this.book.removeWorksheet(existing.id);
      ws = this.book.addWorksheet(tab);
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

  private sheet(tab: string): ExcelJS.Worksheet {
    const ws = this.book.getWorksheet(tab);
    if (!ws) throw new Error(`The tracker has no "${tab}" tab. Run setup first.`);
    return ws;
  }
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
      if (result === undefined || result === null || typeof result === 'object' && !(result instanceof Date)) return '';
      return fromCell(result as ExcelJS.CellValue);
    }
    if ('hyperlink' in value) {
      const text = (value as ExcelJS.CellHyperlinkValue).text;
      return typeof text === 'string' && text !== '' ? text : (value as ExcelJS.CellHyperlinkValue).hyperlink;
    }
    if ('error' in value) return '';
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
