/**
 * The tracker as a Google spreadsheet. Reading a tab is one range read; writing an output tab is
 * a constant number of calls, whatever the number of rows.
 */
import type { CellValue, ColumnFormat, DayCell, OutputSheet, WorkbookPort } from '../ports';
import { isDayCell } from '../ports';
import { RAG_COLOURS, cellValue, neutralise } from '../domain/write';
import { TabClashError } from '../domain/tab-names';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const DATE_FORMAT = 'dd/mm/yyyy';
const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';

/**
 * Text is formatted as text so Sheets keeps it as written (a Pupil ID "0123" stays "0123"), except
 * formula-looking text: that is written with a leading `'`, which Sheets only reads as "this is
 * text" in an automatic-format cell.
 */
function numberFormat(v: CellValue): string {
  if (isDayCell(v)) return v.time ? DATE_TIME_FORMAT : DATE_FORMAT;
  if (typeof v === 'string' && neutralise(v) === v) return '@';
  return 'General';
}

export class SheetsWorkbook implements WorkbookPort {
  private timeZone: string | null = null;
  private readonly dayCache = new Map<number, DayCell>();
  private readonly offsetCache = new Map<string, number>();

  constructor(private readonly ss: Spreadsheet) {}

  spreadsheetTimeZone(): string {
    if (this.timeZone === null) this.timeZone = this.ss.getSpreadsheetTimeZone();
    return this.timeZone;
  }

  url(): string {
    return this.ss.getUrl();
  }

  tabNames(): string[] {
    return this.ss.getSheets().map((s) => s.getName());
  }

  readTab(name: string): CellValue[][] | null {
    const sheet = this.ss.getSheetByName(name);
    if (!sheet) return null;
    return sheet.getDataRange().getValues().map((row) => row.map((v) => this.fromSheet(v)));
  }

  deleteTab(name: string): void {
    const sheet = this.ss.getSheetByName(name);
    if (sheet) this.ss.deleteSheet(sheet);
  }

  createTab(name: string): void {
    this.ss.insertSheet(name, this.ss.getSheets().length);
  }

  writeCells(tab: string, row: number, column: number, values: CellValue[][]): void {
    if (values.length === 0 || values[0].length === 0) return;
    const sheet = this.sheet(tab);
    this.ensureSize(sheet, row + values.length - 1, column + values[0].length - 1);
    this.setBlock(sheet.getRange(row, column, values.length, values[0].length), values);
  }

  formatTab(tab: string, headerRow: number, columns: ColumnFormat[]): void {
    const sheet = this.sheet(tab);
    const width = Math.max(sheet.getLastColumn(), 1);
    sheet.getRange(headerRow, 1, 1, width).setFontWeight('bold');
    sheet.setFrozenRows(headerRow);
    const rows = sheet.getMaxRows() - headerRow;
    if (rows < 1) return;
    for (const c of columns) {
      const range = sheet.getRange(headerRow + 1, c.column, rows, 1);
      if (c.dropdown) {
        const rule = SpreadsheetApp.newDataValidation()
          .requireValueInList(c.dropdown, true)
          .setAllowInvalid(true)
          .setHelpText(c.help ?? `Choose from the list: ${c.dropdown.join(', ')}`)
          .build();
        range.setDataValidation(rule);
      }
      if (c.date) range.setNumberFormat(DATE_FORMAT);
    }
  }

  appendRows(tab: string, rows: CellValue[][]): void {
    if (rows.length === 0) return;
    const sheet = this.sheet(tab);
    const width = Math.max(...rows.map((r) => r.length));
    const padded = rows.map((r) => [...r, ...new Array(width - r.length).fill('')]);
    const first = sheet.getLastRow() + 1;
    this.ensureSize(sheet, first + padded.length - 1, width);
    this.setBlock(sheet.getRange(first, 1, padded.length, width), padded);
  }

  writeOutputTab(tab: string, out: OutputSheet): void {
    const found = this.ss.getSheetByName(tab);
    // Sheets matches names ignoring case: a `scores` tab the jobs did not write is the school's own.
    if (found && found.getName() !== tab && found.getRange(1, 2).getValue() !== 'Generated') {
      throw new TabClashError(`The tracker has a tab of its own called "${found.getName()}", where the job writes its ${tab} tab. Rename that tab (the job never renames or overwrites a tab of yours) and run again.`);
    }
    const sheet = found ?? this.ss.insertSheet(tab, this.ss.getSheets().length);
    sheet.clear();
    for (const chart of sheet.getCharts()) sheet.removeChart(chart);
    const height = Math.max(out.rows.length, 1);
    const width = Math.max(1, ...out.rows.map((r) => r.length));
    this.ensureSize(sheet, height, width);
    const values: unknown[][] = [];
    const backgrounds: (string | null)[][] = [];
    const weights: GoogleAppsScript.Spreadsheet.FontWeight[][] = [];
    const formats: string[][] = [];
    const bold = new Set(out.boldRows ?? []);
    for (let r = 0; r < height; r++) {
      const row = out.rows[r] ?? [];
      values.push([]);
      backgrounds.push([]);
      weights.push([]);
      formats.push([]);
      for (let c = 0; c < width; c++) {
        const cell = row[c] ?? '';
        const v = cellValue(cell);
        const style = typeof cell === 'object' && !isDayCell(cell) ? cell : null;
        values[r].push(this.toSheet(v));
        backgrounds[r].push(style?.fill ? RAG_COLOURS[style.fill] : null);
        weights[r].push(bold.has(r) || style?.bold ? 'bold' : 'normal');
        formats[r].push(numberFormat(v));
      }
    }
    const range = sheet.getRange(1, 1, height, width);
    range.setNumberFormats(formats);
    range.setValues(values);
    range.setBackgrounds(backgrounds);
    range.setFontWeights(weights);
    sheet.setFrozenRows(out.frozenRows ?? 0);
    (out.columnWidths ?? []).forEach((w, i) => sheet.setColumnWidth(i + 1, w));
    if (out.chart) {
      const c = out.chart;
      const chart = sheet
        .newChart()
        .asLineChart()
        .addRange(sheet.getRange(c.headerRow + 1, c.firstColumn + 1, c.lastRow - c.headerRow + 1, c.lastColumn - c.firstColumn + 1))
        .setNumHeaders(1)
        .setPosition(1, width + 2, 0, 0)
        .setOption('title', c.title)
        .build();
      sheet.insertChart(chart);
    }
  }

  flush(): void {
    SpreadsheetApp.flush();
  }

  /**
   * Per column: one block from the first to the last changed row, read afresh and written back
   * with only the changed cells replaced (5 calls a column). A block holding a formula is written
   * cell by cell instead, so no formula is ever turned into its value.
   */
  writeChangedCells(tab: string, cells: { row: number; column: number; value: CellValue }[]): void {
    const sheet = this.sheet(tab);
    const byColumn = new Map<number, { row: number; value: CellValue }[]>();
    for (const c of cells) {
      let list = byColumn.get(c.column);
      if (!list) byColumn.set(c.column, (list = []));
      list.push(c);
    }
    for (const [column, list] of byColumn) {
      const first = Math.min(...list.map((c) => c.row));
      const last = Math.max(...list.map((c) => c.row));
      const range = sheet.getRange(first, column, last - first + 1, 1);
      if (range.getFormulas().some((r) => r[0] !== '')) {
        for (const c of list) this.writeCells(tab, c.row, column, [[c.value]]);
        continue;
      }
      const values = range.getValues();
      const formats = range.getNumberFormats();
      for (const c of list) {
        values[c.row - first][0] = this.toSheet(c.value);
        formats[c.row - first][0] = numberFormat(c.value);
      }
      range.setNumberFormats(formats);
      range.setValues(values);
    }
  }

  private sheet(tab: string): Sheet {
    const sheet = this.ss.getSheetByName(tab);
    if (!sheet) throw new Error(`The tracker has no "${tab}" tab. Run Set up tracker first.`);
    return sheet;
  }

  /** Sheets refuses ranges outside the grid, so grow it first. */
  private ensureSize(sheet: Sheet, rows: number, columns: number): void {
    const maxRows = sheet.getMaxRows();
    if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
    const maxColumns = sheet.getMaxColumns();
    if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  }

  private setBlock(range: GoogleAppsScript.Spreadsheet.Range, values: CellValue[][]): void {
    range.setNumberFormats(values.map((r) => r.map(numberFormat)));
    range.setValues(values.map((r) => r.map((v) => this.toSheet(v))));
  }

  private toSheet(v: CellValue): unknown {
    if (isDayCell(v)) return this.toDate(v);
    return neutralise(v);
  }

  /**
   * A date cell holds the instant of that local day and time in the spreadsheet's time zone. The
   * offset is the one in force at that instant (not at noon: on a clock-change day they differ),
   * found by trying the offset at the wall time read as UTC, then the offset at the result.
   */
  private toDate(v: DayCell): Date {
    const [y, m, d] = v.day.split('-').map(Number);
    const [hh, mm] = (v.time ?? '00:00').split(':').map(Number);
    const wall = Date.UTC(y, m - 1, d, hh, mm);
    const first = wall - this.offsetAt(wall) * 60_000;
    const second = wall - this.offsetAt(first) * 60_000;
    // In a gap (clocks went forward at that time) the second guess lands before it, on the day before: keep the first.
    return new Date(this.offsetAt(second) === this.offsetAt(first) || second > first ? second : first);
  }

  /** The zone's offset from UTC in minutes at an instant. */
  private offsetAt(t: number): number {
    const key = String(t);
    let offset = this.offsetCache.get(key);
    if (offset === undefined) {
      const z = Utilities.formatDate(new Date(t), this.spreadsheetTimeZone(), 'Z');
      const sign = z.startsWith('-') ? -1 : 1;
      offset = sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
      this.offsetCache.set(key, offset);
    }
    return offset;
  }

  private fromSheet(v: unknown): CellValue {
    if (v instanceof Date) {
      const key = v.getTime();
      let cell = this.dayCache.get(key);
      if (!cell) {
        const [day, time] = Utilities.formatDate(v, this.spreadsheetTimeZone(), "yyyy-MM-dd'T'HH:mm").split('T');
        cell = time === '00:00' ? { day } : { day, time };
        this.dayCache.set(key, cell);
      }
      return cell;
    }
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
    return v === null || v === undefined ? '' : String(v);
  }
}
