/**
 * The ports: what the jobs need from the world. Apps Script adapters live in `src/gas/`,
 * Node adapters in `src/node/`; the jobs in `src/jobs/` see only these interfaces.
 */
import type { Day } from './domain/calendar';

/** A date cell, as a calendar day (with an optional local time `HH:mm` for timestamps). */
export interface DayCell {
  readonly day: Day;
  readonly time?: string;
}

/** One cell's value. Empty cells are `''`, as Apps Script's `getValues()` gives them. */
export type CellValue = string | number | boolean | DayCell;

export function isDayCell(v: unknown): v is DayCell {
  return typeof v === 'object' && v !== null && typeof (v as DayCell).day === 'string';
}

export type Rag = 'red' | 'amber' | 'green';

/** A cell of an output tab, plain or styled. */
export type OutCell =
  | CellValue
  | { value: CellValue; fill?: Rag | 'grey'; bold?: boolean; italic?: boolean; wrap?: boolean };

export interface OutputChart {
  /** A line chart over a block of the output: header row plus data rows, first column the x axis. */
  title: string;
  /** 0-based row index of the block's header within `rows` */
  headerRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
}

export interface OutputSheet {
  rows: OutCell[][];
  /** 0-based indices of the rows written bold (headings and table headers) */
  boldRows?: number[];
  /** rows frozen at the top (the header) */
  frozenRows?: number;
  /** column widths in pixels, from column 1 */
  columnWidths?: number[];
  chart?: OutputChart;
}

export interface ColumnFormat {
  /** 1-based column */
  column: number;
  /** a drop-down of these values (invalid values allowed, with a warning) */
  dropdown?: string[];
  /** cells show as dates */
  date?: boolean;
  /** help shown with the drop-down */
  help?: string;
}

/** The tracker spreadsheet. Every read and write is a constant number of spreadsheet calls. */
export interface WorkbookPort {
  /** The spreadsheet's own time zone, or null when the caller must use the `Time zone` setting. */
  spreadsheetTimeZone(): string | null;
  /** A link to the tracker for emails, or null when there is none (a local file). */
  url(): string | null;
  tabNames(): string[];
  /** The tab's used range from A1, rectangular, `''` for empty cells; null when there is no such tab. */
  readTab(name: string): CellValue[][] | null;
  /** Adds an empty tab at the end. */
  createTab(name: string): void;
  /** Writes a block of cells (text neutralised against formulas) at a 1-based row and column. */
  writeCells(tab: string, row: number, column: number, values: CellValue[][]): void;
  /** Header bold and frozen, drop-downs, date formats: for `setup`. */
  formatTab(tab: string, headerRow: number, columns: ColumnFormat[]): void;
  /** Appends rows under the last row with content (text neutralised against formulas). */
  appendRows(tab: string, rows: CellValue[][]): void;
  /** Rewrites an output tab whole (creating it when missing). */
  writeOutputTab(tab: string, sheet: OutputSheet): void;
  /** Removes a tab the add-on made for its own use (the Evidence walk), when the adapter can. */
  deleteTab?(name: string): void;
  /** Commits pending writes now (Sheets buffers them), so a Log line lands before the next email goes. */
  flush?(): void;
  /**
   * Writes these cells of users' rows and no others (text neutralised), in a number of calls that
   * does not grow with the rows; without it, jobs write each cell with writeCells.
   */
  writeChangedCells?(tab: string, cells: { row: number; column: number; value: CellValue }[]): void;
}

export interface ClockPort {
  now(): Date;
  /** Today, and the local time, in the given time zone. */
  local(timeZone: string): { day: Day; hour: number; minute: number };
}

/** A string store: Apps Script document or user properties; a JSON file on the command line. */
export interface PropertiesPort {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
}

export class LockBusyError extends Error {
  constructor(message = 'Someone else is saving to the tracker right now. Please try again in a moment.') {
    super(message);
    this.name = 'LockBusyError';
  }
}

/** The document lock: one writer at a time per tracker. */
export interface LockPort {
  /** Runs `work` holding the lock; throws LockBusyError when it cannot be had within `waitMs`. */
  withLock<T>(work: () => T, waitMs?: number): T;
}

export interface MailMessage {
  /** exactly one recipient */
  to: string;
  subject: string;
  text: string;
  html: string;
  replyTo?: string;
  /** sender display name */
  name?: string;
}

export interface MailPort {
  /** Recipients that can still be sent to today. */
  remainingQuota(): number;
  /** Sends one message; returns an identifier (the outbox file on the command line). */
  send(message: MailMessage): string;
}

export interface HttpResponse {
  status: number;
  body: string;
}

export interface HttpPort {
  /** Throws on a network failure; HTTP error statuses come back as responses. */
  get(url: string, headers: Record<string, string>): HttpResponse;
}

export interface EvidenceFile {
  /** path below the benchmark folder, e.g. `2025-26/College visits/Register.pdf` */
  path: string;
  name: string;
  mimeType: string;
  updated: Day;
  url: string;
}

export interface EvidenceFolder {
  name: string;
  url: string;
  /** every file in the folder and its subfolders, to any depth */
  files: EvidenceFile[];
}

/** One step of a walk that may stop part-way (see FoldersPort.walkEvidence). */
export interface EvidenceWalkStep {
  /** the evidence folder's direct subfolders, in order */
  tops: { name: string; url: string }[];
  /** the files found in this step, each with the index of its top folder */
  files: { top: number; file: EvidenceFile }[];
  /** where to carry on, or null when the walk is complete */
  resume: string | null;
}

export interface FoldersPort {
  /**
   * As listEvidence, in steps: stops when `timeUp()` says so and returns what it found with a
   * `resume` text (Drive continuation tokens) from which the next step carries on.
   */
  walkEvidence?(folder: string, timeZone: string, resume: string | null, timeUp: () => boolean): EvidenceWalkStep;
  /**
   * The direct subfolders of the evidence folder, each with all its files. `updated` is the
   * file's last change as a day in `timeZone` (the spreadsheet's, or the `Time zone` setting).
   * Throws FolderNotFoundError when the folder is missing or cannot be opened.
   */
  listEvidence(folder: string, timeZone: string): EvidenceFolder[];
}

export class FolderNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FolderNotFoundError';
  }
}

/** Who is using the tracker. */
export interface UserPort {
  email(): string;
}

/** Progress for long runs (a bar on a terminal, a toast in Sheets, nothing in tests). */
export type Progress = (done: number, total: number, label: string) => void;
