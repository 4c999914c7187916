/**
 * In-memory fake of the Google Apps Script services used by Careers Tracker.
 *
 * Every method call made by code under test on a fake object is counted (see CallCounter);
 * the test helpers on GasFake (setSheet, sheetValues, ui.respondWith, drive.addFile, ...) are not.
 *
 * Two ways to use it:
 *   1. vitest: `const fake = createGasFake(); for (const [k, v] of Object.entries(fake.globals)) vi.stubGlobal(k, v);`
 *   2. node:vm: `const ctx = vm.createContext({ ...fake.globals, Date }); vm.runInContext(code, ctx);`
 *      Pass the host `Date` (as shown) if the script does `x instanceof Date` on values read from the sheet:
 *      the fake hands out host-realm Dates. (Dates the script writes are recognised from any realm.)
 *      Likewise errors thrown by the fake are host-realm Errors (`e instanceof Error` is false in a vm script;
 *      `e.message` works).
 *
 * Errors: service errors are `GasException` with `name === 'Exception'` and the message WITHOUT the
 * "Exception: " prefix, as in the V8 Apps Script runtime (`String(e)` gives "Exception: <message>").
 *
 * Behaviour chosen where Sheets is subtle (documented so tests are not surprised):
 *  - New sheets are 1000 rows x 26 columns. getRange beyond maxRows/maxColumns throws
 *    "Those rows are out of bounds." / "Those columns are out of bounds." Sheets grow with setSheet(),
 *    appendRow(), insertRows*, insertColumns*.
 *  - Strings written with setValue/setValues/appendRow are parsed like typed input (unless the cell's
 *    number format is '@' or opts.parseStrings === false): '=…' -> formula (reads back as its result,
 *    '' unless fake.setFormulaResult was used), "'…" -> text without the quote, '12' / '1.5e3' / '50%'
 *    -> number, 'true'/'FALSE' -> boolean, '2024-01-31' and (en_GB) '31/01/2024' -> Date at midnight in
 *    the spreadsheet time zone. setSheet() stores values verbatim (no parsing).
 *  - getSheetByName / insertSheet compare sheet names case-insensitively (as Sheets does).
 *  - Range.clear() clears contents, formats and data validations (not notes).
 *  - Scripts writing values are NOT checked against data validation rules (Sheets does not either).
 *  - limited(): enum-like properties (capitalised, e.g. ScriptApp.AuthMode) stay readable, because the
 *    documented add-on onOpen pattern reads ScriptApp.AuthMode.NONE in AuthMode.NONE.
 *  - Triggers (editor add-on rules): one trigger per event type per user per document; time-driven
 *    triggers may not run more often than hourly; everyHours accepts 1, 2, 4, 6, 8, 12.
 */
import { createHash, randomUUID } from 'node:crypto';

// ───────────────────────────── shared types ─────────────────────────────

export type Service =
  | 'spreadsheet' | 'ui' | 'properties' | 'lock' | 'session' | 'utilities' | 'mail'
  | 'drive' | 'urlfetch' | 'script' | 'html' | 'logger' | 'console';
export type CellValue = string | number | boolean | Date;
export type UiButton = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
export type UiButtonSet = 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL';
export type UiAnswer = UiButton | { text: string; button?: UiButton };
export type LockScope = 'document' | 'script' | `user:${string}`;

export interface FetchResult { code: number; body: string; headers?: Record<string, string> }
export interface GasFakeOptions {
  timeZone?: string;
  scriptTimeZone?: string;
  locale?: string; // spreadsheet locale, default 'en_GB'
  user?: string;
  mailQuota?: number;
  spreadsheetId?: string;
  url?: string;
  name?: string;
  files?: Record<string, string>;
  fetch?: (url: string, params: Record<string, unknown>) => FetchResult;
  parseStrings?: boolean; // default true, see header
  uiAvailable?: boolean; // false simulates a trigger context: getUi() throws
}
export interface SentMessage {
  from: string; to: string[]; cc: string[]; bcc: string[]; subject: string; body: string;
  htmlBody?: string; name?: string; replyTo?: string; noReply?: boolean; attachments?: unknown[];
}
export type MenuItemRecord = { caption: string; functionName: string } | { separator: true } | { submenu: MenuRecord };
export interface MenuRecord { name: string | null; addon: boolean; items: MenuItemRecord[] }
export interface AlertRecord { title: string | null; prompt: string; buttons: UiButtonSet; response: UiButton }
export interface PromptRecord { title: string | null; prompt: string; buttons: UiButtonSet; response: { text: string; button: UiButton } }
export interface ShownHtml { kind: 'sidebar' | 'modal' | 'modeless'; title: string; content: string; width?: number; height?: number }
export interface ToastRecord { message: string; title: string | null; timeoutSeconds: number | null }
export interface FakeTrigger {
  id: string; handler: string; eventType: string; source: string; sourceId: string | null;
  owner: string; documentId: string; schedule: Record<string, unknown>;
}
export interface ValidationRecord { criteria: string; values: unknown[]; allowInvalid: boolean; helpText: string | null }
export interface ChartRecord {
  id: number; type: string; ranges: string[]; options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
}
export interface SheetFormats {
  backgrounds: string[][]; fontWeights: string[][]; fontColors: string[][]; numberFormats: string[][];
  wraps: boolean[][]; horizontalAlignments: string[][]; notes: string[][]; links: (string | null)[][];
  validations: (ValidationRecord | null)[][]; formulas: string[][];
  frozenRows: number; frozenColumns: number; columnWidths: Record<number, number>; autoResized: number[];
  hidden: boolean; tabColor: string | null; charts: ChartRecord[];
}
export interface LockEvent { scope: LockScope; event: 'acquired' | 'released' | 'refused' }
export interface LogRecord { source: 'Logger' | 'console'; level: string; message: string }

export class GasException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}
const ex = (m: string) => new GasException(m);

// ───────────────────────────── call counting ─────────────────────────────

export class CallCounter {
  private readonly counts = new Map<string, { service: Service; n: number }>();
  /** Every counted call in order, e.g. 'Range.getValues'. */
  readonly log: string[] = [];
  /** @internal used by the fakes; tests should not call it. */
  _record(service: Service, method: string): void {
    const e = this.counts.get(method) ?? { service, n: 0 };
    e.n++;
    this.counts.set(method, e);
    this.log.push(method);
  }
  /** Calls on one service, or on all services when omitted. */
  total(service?: Service): number {
    let t = 0;
    for (const e of this.counts.values()) if (!service || e.service === service) t += e.n;
    return t;
  }
  /** { 'Range.getValues': 3, ... }, optionally for one service. */
  byMethod(service?: Service): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, e] of this.counts) if (!service || e.service === service) out[k] = e.n;
    return out;
  }
  /** Calls of one method, e.g. count('Range.setValues'). */
  count(method: string): number {
    return this.counts.get(method)?.n ?? 0;
  }
  reset(): void {
    this.counts.clear();
    this.log.length = 0;
  }
}

abstract class Counted {
  constructor(protected readonly $: GasFakeImpl, private readonly svc: Service, private readonly type: string) {}
  protected c(method: string): void {
    this.$.count(this.svc, `${this.type}.${method}`);
  }
}

// ───────────────────────────── helpers ─────────────────────────────

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
const copyDate = (d: Date) => new Date(d.getTime());
const pad = (n: number, w: number) => String(Math.abs(Math.trunc(n))).padStart(w, '0');
const grid = <T>(rows: number, cols: number, f: (r: number, c: number) => T): T[][] =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(r, c)));
const signed = (buf: Buffer) => Array.from(buf, (b) => (b > 127 ? b - 256 : b));
const toBuffer = (d: unknown) => (Array.isArray(d) ? Buffer.from(d.map((b: number) => b & 255)) : Buffer.from(String(d), 'utf8'));
const typeName = (v: unknown) =>
  v === null || v === undefined ? 'null' : Array.isArray(v) ? 'Object[]' : isDate(v) ? 'Date' : typeof v === 'object' ? 'Object' : typeof v === 'string' ? 'String' : typeof v;
const mismatch = (args: unknown[], method: string) =>
  ex(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`);

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
export function a1(row: number, col: number, numRows = 1, numCols = 1): string {
  const tl = `${columnLetter(col)}${row}`;
  return numRows === 1 && numCols === 1 ? tl : `${tl}:${columnLetter(col + numCols - 1)}${row + numRows - 1}`;
}

// ─── time zones / Utilities.formatDate (Java SimpleDateFormat subset) ───

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const dtfCache = new Map<string, Intl.DateTimeFormat | null>();
interface Zoned { y: number; M: number; d: number; H: number; m: number; s: number; ms: number; dow: number; offsetMin: number; tz: string | null }

function dtfFor(tz: string): Intl.DateTimeFormat | null {
  if (!dtfCache.has(tz)) {
    try {
      dtfCache.set(tz, new Intl.DateTimeFormat('en-US', {
        timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
        hour: 'numeric', minute: 'numeric', second: 'numeric',
      }));
    } catch {
      dtfCache.set(tz, null);
    }
  }
  return dtfCache.get(tz) ?? null;
}
/** Broken-down time of `date` in `tz`; unknown zones fall back to 'GMT±hh:mm' parsing, then GMT (like Java). */
function zoned(date: Date, tz: string): Zoned {
  const t = date.getTime();
  if (Number.isNaN(t)) throw ex('Invalid argument: date');
  const ms = ((t % 1000) + 1000) % 1000;
  const dtf = dtfFor(tz);
  let offsetMin = 0;
  if (dtf) {
    const p: Record<string, number> = {};
    for (const part of dtf.formatToParts(new Date(t - ms))) p[part.type] = Number(part.value);
    offsetMin = Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second) - (t - ms)) / 60000);
  } else {
    const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(tz);
    if (m) offsetMin = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  }
  const u = new Date(t + offsetMin * 60000);
  return {
    y: u.getUTCFullYear(), M: u.getUTCMonth() + 1, d: u.getUTCDate(), H: u.getUTCHours(), m: u.getUTCMinutes(),
    s: u.getUTCSeconds(), ms, dow: u.getUTCDay(), offsetMin, tz: dtf ? tz : null,
  };
}
/** The instant at which the wall-clock time y-M-d H:m:s occurs in `tz`. */
export function zonedDate(y: number, M: number, d: number, tz: string, H = 0, m = 0, s = 0): Date {
  const guess = Date.UTC(y, M - 1, d, H, m, s);
  const off1 = zoned(new Date(guess), tz).offsetMin;
  let t = guess - off1 * 60000;
  const off2 = zoned(new Date(t), tz).offsetMin;
  if (off2 !== off1) t = guess - off2 * 60000;
  return new Date(t);
}
function tzName(date: Date, z: Zoned, long: boolean): string {
  if (!z.tz) return 'GMT';
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: z.tz, timeZoneName: long ? 'long' : 'short' }).formatToParts(date);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
}
export function formatDate(date: Date, tz: string, pattern: string): string {
  const z = zoned(date, tz);
  const off = (sep: string, withMin: boolean) => {
    const a = Math.abs(z.offsetMin);
    return `${z.offsetMin < 0 ? '-' : '+'}${pad(a / 60, 2)}${withMin ? sep + pad(a % 60, 2) : ''}`;
  };
  const token = (ch: string, n: number): string => {
    switch (ch) {
      case 'G': return 'AD';
      case 'y': case 'Y': return n === 2 ? pad(z.y % 100, 2) : pad(z.y, n);
      case 'M': case 'L': return n >= 4 ? MONTHS[z.M - 1] : n === 3 ? MONTHS[z.M - 1].slice(0, 3) : pad(z.M, n);
      case 'd': return pad(z.d, n);
      case 'D': return pad((Date.UTC(z.y, z.M - 1, z.d) - Date.UTC(z.y, 0, 1)) / 86400000 + 1, n);
      case 'E': return n >= 4 ? DAYS[z.dow] : DAYS[z.dow].slice(0, 3);
      case 'u': return pad(z.dow === 0 ? 7 : z.dow, n);
      case 'a': return z.H < 12 ? 'AM' : 'PM';
      case 'H': return pad(z.H, n);
      case 'k': return pad(z.H === 0 ? 24 : z.H, n);
      case 'K': return pad(z.H % 12, n);
      case 'h': return pad(z.H % 12 || 12, n);
      case 'm': return pad(z.m, n);
      case 's': return pad(z.s, n);
      case 'S': return pad(z.ms, n);
      case 'Z': return off('', true);
      case 'X': return z.offsetMin === 0 ? 'Z' : off(n === 3 ? ':' : '', n >= 2);
      case 'z': return tzName(date, z, n >= 4);
      default: throw ex(`Illegal pattern character '${ch}'`);
    }
  };
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) { out += "'"; i += 2; continue; }
      if (end < 0) throw ex('Unterminated quote');
      out += pattern.slice(i + 1, end);
      i = end + 1;
    } else if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (pattern[j] === ch) j++;
      out += token(ch, j - i);
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Sheets number format ('dd/mm/yyyy', 'd mmm yyyy hh:mm') -> SimpleDateFormat pattern, or null if not a date format. */
function sheetsDatePattern(nf: string): string | null {
  if (!/[dy]|h|mmm/i.test(nf.replace(/"[^"]*"/g, ''))) return null;
  const ampm = /am\/pm/i.test(nf);
  let out = '';
  let lastWasHour = false;
  for (let i = 0; i < nf.length;) {
    const ch = nf[i].toLowerCase();
    if (nf[i] === '"') { const e = nf.indexOf('"', i + 1); out += `'${nf.slice(i + 1, e)}'`; i = e + 1; continue; }
    if (nf.slice(i, i + 5).toLowerCase() === 'am/pm') { out += 'a'; i += 5; continue; }
    let j = i;
    while (j < nf.length && nf[j].toLowerCase() === ch) j++;
    const n = j - i;
    if (ch === 'y') out += n <= 2 ? 'yy' : 'yyyy';
    else if (ch === 'd') out += n >= 4 ? 'EEEE' : n === 3 ? 'EEE' : 'd'.repeat(n);
    else if (ch === 'h') out += (ampm ? 'h' : 'H').repeat(n);
    else if (ch === 's') out += 's'.repeat(n);
    else if (ch === 'm') out += lastWasHour || /^:?s/i.test(nf.slice(j)) ? 'm'.repeat(n) : 'M'.repeat(n);
    else out += /[a-z]/i.test(ch) ? `'${nf.slice(i, j)}'` : nf.slice(i, j);
    if (/[a-z]/.test(ch)) lastWasHour = ch === 'h';
    i = j;
  }
  return out;
}

// ───────────────────────────── Sheets model ─────────────────────────────

const STYLE_DEFAULTS = {
  background: '#ffffff', fontWeight: 'normal', fontColor: '#000000', numberFormat: 'General', wrap: false,
  horizontalAlignment: 'general', verticalAlignment: 'bottom', fontSize: 10, fontStyle: 'normal',
  fontLine: 'none', fontFamily: 'Arial', border: '',
};
type StyleKey = keyof typeof STYLE_DEFAULTS;
interface Cell { v: CellValue; f?: string; link?: string | null; note?: string; dv?: DataValidation | null; st?: Partial<Record<StyleKey, unknown>> }
const hasContent = (c: Cell | undefined) => !!c && (c.v !== '' || !!c.f);
const hasAnything = (c: Cell | undefined) => !!c && (hasContent(c) || !!c.dv || !!c.link || !!c.note || (!!c.st && Object.keys(c.st).length > 0));

interface ChartData { id: number; type: string; ranges: { sheet: SheetData; r: number; c: number; nr: number; nc: number }[]; options: Record<string, unknown>; position: ChartRecord['position'] }

class SheetData {
  cells: (Cell | undefined)[][] = [];
  maxRows = 1000;
  maxCols = 26;
  frozenRows = 0;
  frozenCols = 0;
  colWidths: Record<number, number> = {};
  autoResized = new Set<number>();
  hidden = false;
  tabColor: string | null = null;
  charts: ChartData[] = [];
  constructor(public name: string, public readonly id: number) {}
  get(r: number, c: number): Cell | undefined {
    return this.cells[r - 1]?.[c - 1];
  }
  cell(r: number, c: number): Cell {
    const row = (this.cells[r - 1] ??= []);
    return (row[c - 1] ??= { v: '' });
  }
  lastRow(pred = hasContent): number {
    for (let r = this.cells.length; r > 0; r--) if (this.cells[r - 1]?.some(pred)) return r;
    return 0;
  }
  lastCol(pred = hasContent): number {
    let m = 0;
    for (const row of this.cells) if (row) for (let c = row.length; c > m; c--) if (pred(row[c - 1])) { m = c; break; }
    return m;
  }
  insertRows(before: number, n: number): void {
    if (this.cells.length >= before) this.cells.splice(before - 1, 0, ...Array.from({ length: n }, () => []));
    this.maxRows += n;
  }
  deleteRows(start: number, n: number): void {
    this.cells.splice(start - 1, n);
    this.maxRows -= n;
  }
  insertCols(before: number, n: number): void {
    for (const row of this.cells) if (row && row.length >= before) row.splice(before - 1, 0, ...new Array<undefined>(n));
    this.maxCols += n;
  }
  deleteCols(start: number, n: number): void {
    for (const row of this.cells) if (row) row.splice(start - 1, n);
    this.maxCols -= n;
  }
}

const SHEETS_BUTTONS: Record<UiButtonSet, UiButton[]> = {
  OK: ['OK', 'CLOSE'], OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'], YES_NO: ['YES', 'NO', 'CLOSE'], YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
};
const enumOf = <K extends string>(...keys: K[]) => Object.freeze(Object.fromEntries(keys.map((k) => [k, k])) as { [P in K]: P });
const DataValidationCriteria = enumOf('DATE_AFTER', 'DATE_BEFORE', 'DATE_BETWEEN', 'DATE_EQUAL_TO', 'DATE_IS_VALID_DATE', 'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER', 'DATE_ON_OR_BEFORE', 'NUMBER_BETWEEN', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'TEXT_IS_VALID_EMAIL', 'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST', 'VALUE_IN_RANGE', 'CHECKBOX', 'CUSTOM_FORMULA');
const ChartType = enumOf('AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO', 'HISTOGRAM', 'LINE', 'ORG', 'PIE',
  'SCATTER', 'SPARKLINE', 'STEPPED_AREA', 'TABLE', 'TIMELINE', 'TREEMAP', 'WATERFALL');

export class FakeSpreadsheetApp extends Counted {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly WrapStrategy = enumOf('WRAP', 'OVERFLOW', 'CLIP');
  readonly BorderStyle = enumOf('DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE');
  constructor($: GasFakeImpl) { super($, 'spreadsheet', 'SpreadsheetApp'); }
  getActiveSpreadsheet() { this.c('getActiveSpreadsheet'); return this.$.spreadsheet; }
  getActive() { this.c('getActive'); return this.$.spreadsheet; }
  getActiveSheet() { this.c('getActiveSheet'); return this.$.spreadsheet._activeSheet(); }
  openById(id: string) {
    this.c('openById');
    if (id !== this.$.spreadsheet._id) throw ex('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    return this.$.spreadsheet;
  }
  openByUrl(url: string) {
    this.c('openByUrl');
    if (url !== this.$.spreadsheet._url) throw ex('Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.');
    return this.$.spreadsheet;
  }
  getUi() {
    this.c('getUi');
    if (!this.$.uiAvailable) throw ex('Cannot call SpreadsheetApp.getUi() from this context.');
    return this.$.uiService;
  }
  flush() { this.c('flush'); }
  newDataValidation() { this.c('newDataValidation'); return new DataValidationBuilder(this.$); }
  newRichTextValue() { this.c('newRichTextValue'); return new RichTextValueBuilder(this.$); }
}

export class FakeSpreadsheet extends Counted {
  _sheets: SheetData[] = [];
  _active = 0;
  private nextSheetId = 1;
  constructor($: GasFakeImpl, readonly _id: string, readonly _url: string, public _name: string, public _tz: string) {
    super($, 'spreadsheet', 'Spreadsheet');
  }
  _find(name: string): SheetData | undefined {
    const n = String(name).toLowerCase();
    return this._sheets.find((s) => s.name.toLowerCase() === n);
  }
  _add(name: string, index = this._sheets.length): SheetData {
    const data = new SheetData(name, this._sheets.length === 0 ? 0 : 1000000 + this.nextSheetId++);
    this._sheets.splice(index, 0, data);
    return data;
  }
  _wrap(d: SheetData) { return new FakeSheet(this.$, this, d); }
  _activeSheet() { return this._wrap(this._sheets[Math.min(this._active, this._sheets.length - 1)]); }
  getId() { this.c('getId'); return this._id; }
  getUrl() { this.c('getUrl'); return this._url; }
  getName() { this.c('getName'); return this._name; }
  rename(name: string) { this.c('rename'); this._name = name; }
  getSpreadsheetTimeZone() { this.c('getSpreadsheetTimeZone'); return this._tz; }
  setSpreadsheetTimeZone(tz: string) { this.c('setSpreadsheetTimeZone'); this._tz = tz; }
  getSpreadsheetLocale() { this.c('getSpreadsheetLocale'); return this.$.locale; }
  getSheets() { this.c('getSheets'); return this._sheets.map((d) => this._wrap(d)); }
  getNumSheets() { this.c('getNumSheets'); return this._sheets.length; }
  getSheetByName(name: string) { this.c('getSheetByName'); const d = this._find(name); return d ? this._wrap(d) : null; }
  getSheetById(id: number) { this.c('getSheetById'); const d = this._sheets.find((s) => s.id === id); return d ? this._wrap(d) : null; }
  getActiveSheet() { this.c('getActiveSheet'); return this._activeSheet(); }
  setActiveSheet(sheet: FakeSheet) { this.c('setActiveSheet'); this._active = Math.max(0, this._sheets.indexOf(sheet._d)); return sheet; }
  insertSheet(name?: string | number, index?: number) {
    this.c('insertSheet');
    if (typeof name === 'number') { index = name; name = undefined; }
    let n = name === undefined ? '' : String(name);
    if (!n) { let i = this._sheets.length + 1; while (this._find(`Sheet${i}`)) i++; n = `Sheet${i}`; }
    if (this._find(n)) throw ex(`A sheet with the name "${n}" already exists. Please enter another name.`);
    const d = this._add(n, index ?? this._sheets.length);
    this._active = this._sheets.indexOf(d); // Sheets activates the inserted sheet
    return this._wrap(d);
  }
  deleteSheet(sheet: FakeSheet) {
    this.c('deleteSheet');
    const i = this._sheets.indexOf(sheet._d);
    if (i < 0) throw ex('Sheet not found');
    if (this._sheets.length === 1) throw ex("You can't remove all the sheets in a document.");
    this._sheets.splice(i, 1);
    this._active = 0;
  }
  getRange(a1Notation: string) {
    this.c('getRange');
    const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(a1Notation);
    const d = m ? this._find((m[1] ?? m[2]).replace(/''/g, "'")) : this._sheets[this._active];
    if (!d) throw ex('Range not found');
    return this._wrap(d)._a1(m ? m[3] : a1Notation);
  }
  toast(message: unknown, title?: string, timeoutSeconds?: number) {
    this.c('toast');
    this.$.ui.toasts.push({ message: String(message), title: title ?? null, timeoutSeconds: timeoutSeconds ?? null });
  }
}

export class FakeSheet extends Counted {
  constructor($: GasFakeImpl, readonly _ss: FakeSpreadsheet, readonly _d: SheetData) { super($, 'spreadsheet', 'Sheet'); }
  private checkRows(first: number, n: number) {
    if (!(first >= 1) || first + n - 1 > this._d.maxRows) throw ex('Those rows are out of bounds.');
  }
  private checkCols(first: number, n: number) {
    if (!(first >= 1) || first + n - 1 > this._d.maxCols) throw ex('Those columns are out of bounds.');
  }
  /** @internal range from A1 notation, no counting. */
  _a1(ref: string): FakeRange {
    const m = /^\$?([A-Z]*)\$?(\d*)(?::\$?([A-Z]*)\$?(\d*))?$/i.exec(ref.trim());
    if (!m || (!m[1] && !m[2]) || (m[3] === undefined && (!m[1] || !m[2]))) throw ex('Range not found');
    const [c1, r1] = [m[1] ? columnNumber(m[1]) : 1, m[2] ? Number(m[2]) : 1];
    const c2 = m[3] === undefined ? c1 : m[3] ? columnNumber(m[3]) : m[1] && !m[2] ? c1 : this._d.maxCols;
    const r2 = m[4] === undefined ? (m[3] === undefined ? r1 : this._d.maxRows) : m[4] ? Number(m[4]) : this._d.maxRows;
    const [r, c] = [Math.min(r1, r2), Math.min(c1, c2)];
    const [nr, nc] = [Math.abs(r2 - r1) + 1, Math.abs(c2 - c1) + 1];
    if (r < 1 || c < 1 || r + nr - 1 > this._d.maxRows || c + nc - 1 > this._d.maxCols) throw ex('Range not found');
    return new FakeRange(this.$, this, r, c, nr, nc);
  }
  getName() { this.c('getName'); return this._d.name; }
  setName(name: string) {
    this.c('setName');
    const other = this._ss._find(name);
    if (other && other !== this._d) throw ex(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this._d.name = name;
    return this;
  }
  getSheetId() { this.c('getSheetId'); return this._d.id; }
  getIndex() { this.c('getIndex'); return this._ss._sheets.indexOf(this._d) + 1; }
  getParent() { this.c('getParent'); return this._ss; }
  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): FakeRange {
    this.c('getRange');
    if (typeof rowOrA1 === 'string' && column === undefined) return this._a1(rowOrA1);
    const args = [rowOrA1, column, numRows, numColumns].filter((a, i) => i < 2 || a !== undefined);
    if (args.some((a) => typeof a !== 'number' || !Number.isFinite(a))) throw mismatch(args, 'SpreadsheetApp.Sheet.getRange');
    const [r, c, nr, nc] = [rowOrA1 as number, column as number, numRows ?? 1, numColumns ?? 1].map(Math.trunc);
    if (r < 1) throw ex('The starting row of the range is too small.');
    if (c < 1) throw ex('The starting column of the range is too small.');
    if (nr < 1) throw ex('The number of rows in the range must be at least 1.');
    if (nc < 1) throw ex('The number of columns in the range must be at least 1.');
    this.checkRows(r, nr);
    this.checkCols(c, nc);
    return new FakeRange(this.$, this, r, c, nr, nc);
  }
  getDataRange() {
    this.c('getDataRange');
    return new FakeRange(this.$, this, 1, 1, Math.max(1, this._d.lastRow()), Math.max(1, this._d.lastCol()));
  }
  getLastRow() { this.c('getLastRow'); return this._d.lastRow(); }
  getLastColumn() { this.c('getLastColumn'); return this._d.lastCol(); }
  getMaxRows() { this.c('getMaxRows'); return this._d.maxRows; }
  getMaxColumns() { this.c('getMaxColumns'); return this._d.maxCols; }
  clear(options?: ClearOptions) { this.c('clear'); clearCells(this._d, 1, 1, this._d.maxRows, this._d.maxCols, options); return this; }
  clearContents() { this.c('clearContents'); clearCells(this._d, 1, 1, this._d.maxRows, this._d.maxCols, { contentsOnly: true }); return this; }
  clearFormats() { this.c('clearFormats'); clearCells(this._d, 1, 1, this._d.maxRows, this._d.maxCols, { formatOnly: true }); return this; }
  setFrozenRows(n: number) { this.c('setFrozenRows'); this._d.frozenRows = n; }
  getFrozenRows() { this.c('getFrozenRows'); return this._d.frozenRows; }
  setFrozenColumns(n: number) { this.c('setFrozenColumns'); this._d.frozenCols = n; }
  getFrozenColumns() { this.c('getFrozenColumns'); return this._d.frozenCols; }
  appendRow(rowContents: unknown[]) {
    this.c('appendRow');
    if (!Array.isArray(rowContents)) throw mismatch([rowContents], 'SpreadsheetApp.Sheet.appendRow');
    const r = this._d.lastRow() + 1;
    this._d.maxRows = Math.max(this._d.maxRows, r);
    this._d.maxCols = Math.max(this._d.maxCols, rowContents.length);
    rowContents.forEach((v, i) => this.$.writeCell(this._d.cell(r, i + 1), v));
    return this;
  }
  insertRowsAfter(afterPosition: number, howMany: number) { this.c('insertRowsAfter'); this.checkRows(afterPosition, 1); this._d.insertRows(afterPosition + 1, howMany); return this; }
  insertRowsBefore(beforePosition: number, howMany: number) { this.c('insertRowsBefore'); this.checkRows(beforePosition, 1); this._d.insertRows(beforePosition, howMany); return this; }
  insertRowAfter(afterPosition: number) { this.c('insertRowAfter'); this.checkRows(afterPosition, 1); this._d.insertRows(afterPosition + 1, 1); return this; }
  insertRowBefore(beforePosition: number) { this.c('insertRowBefore'); this.checkRows(beforePosition, 1); this._d.insertRows(beforePosition, 1); return this; }
  insertRows(rowIndex: number, numRows = 1) { this.c('insertRows'); this.checkRows(rowIndex, 1); this._d.insertRows(rowIndex, numRows); }
  deleteRow(rowPosition: number) { this.c('deleteRow'); return this._deleteRows(rowPosition, 1); }
  deleteRows(rowPosition: number, howMany: number) { this.c('deleteRows'); this._deleteRows(rowPosition, howMany); }
  private _deleteRows(start: number, n: number) {
    this.checkRows(start, n);
    if (n >= this._d.maxRows - this._d.frozenRows) throw ex('Sorry, it is not possible to delete all non-frozen rows.');
    this._d.deleteRows(start, n);
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number) { this.c('insertColumnsAfter'); this.checkCols(afterPosition, 1); this._d.insertCols(afterPosition + 1, howMany); return this; }
  insertColumnsBefore(beforePosition: number, howMany: number) { this.c('insertColumnsBefore'); this.checkCols(beforePosition, 1); this._d.insertCols(beforePosition, howMany); return this; }
  insertColumnAfter(afterPosition: number) { this.c('insertColumnAfter'); this.checkCols(afterPosition, 1); this._d.insertCols(afterPosition + 1, 1); return this; }
  insertColumns(columnIndex: number, numColumns = 1) { this.c('insertColumns'); this.checkCols(columnIndex, 1); this._d.insertCols(columnIndex, numColumns); }
  deleteColumns(columnPosition: number, howMany: number) {
    this.c('deleteColumns');
    this.checkCols(columnPosition, howMany);
    if (howMany >= this._d.maxCols - this._d.frozenCols) throw ex('Sorry, it is not possible to delete all non-frozen columns.');
    this._d.deleteCols(columnPosition, howMany);
  }
  setColumnWidth(columnPosition: number, width: number) { this.c('setColumnWidth'); this.checkCols(columnPosition, 1); this._d.colWidths[columnPosition] = width; return this; }
  setColumnWidths(startColumn: number, numColumns: number, width: number) {
    this.c('setColumnWidths');
    this.checkCols(startColumn, numColumns);
    for (let i = 0; i < numColumns; i++) this._d.colWidths[startColumn + i] = width;
    return this;
  }
  getColumnWidth(columnPosition: number) { this.c('getColumnWidth'); return this._d.colWidths[columnPosition] ?? 100; }
  autoResizeColumns(startColumn: number, numColumns: number) {
    this.c('autoResizeColumns');
    this.checkCols(startColumn, numColumns);
    for (let i = 0; i < numColumns; i++) this._d.autoResized.add(startColumn + i);
    return this;
  }
  autoResizeColumn(columnPosition: number) { this.c('autoResizeColumn'); this.checkCols(columnPosition, 1); this._d.autoResized.add(columnPosition); return this; }
  activate() { this.c('activate'); this._ss._active = this._ss._sheets.indexOf(this._d); return this; }
  hideSheet() {
    this.c('hideSheet');
    if (this._ss._sheets.every((s) => s === this._d || s.hidden)) throw ex("You can't hide all the sheets in a document.");
    this._d.hidden = true;
    return this;
  }
  showSheet() { this.c('showSheet'); this._d.hidden = false; return this; }
  isSheetHidden() { this.c('isSheetHidden'); return this._d.hidden; }
  setTabColor(color: string | null) { this.c('setTabColor'); this._d.tabColor = color; return this; }
  getTabColor() { this.c('getTabColor'); return this._d.tabColor; }
  getCharts() { this.c('getCharts'); return this._d.charts.map((d) => new EmbeddedChart(this.$, d)); }
  newChart() { this.c('newChart'); return new EmbeddedChartBuilder(this.$); }
  insertChart(chart: EmbeddedChart) {
    this.c('insertChart');
    const d = { ...chart._d, id: this.$.nextChartId++ };
    this._d.charts.push(d);
    chart._d = d;
  }
  updateChart(chart: EmbeddedChart) {
    this.c('updateChart');
    const i = this._d.charts.findIndex((c) => c.id === chart._d.id);
    if (i < 0) throw ex('Chart not found');
    this._d.charts[i] = { ...chart._d };
  }
  removeChart(chart: EmbeddedChart) {
    this.c('removeChart');
    const i = this._d.charts.findIndex((c) => c.id === chart._d.id);
    if (i < 0) throw ex('Chart not found');
    this._d.charts.splice(i, 1);
  }
}

interface ClearOptions { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; commentsOnly?: boolean }
function clearCells(d: SheetData, r: number, c: number, nr: number, nc: number, o: ClearOptions = {}) {
  const any = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
  for (let i = r; i < r + nr && i <= d.cells.length; i++) {
    for (let j = c; j < c + nc; j++) {
      const cell = d.get(i, j);
      if (!cell) continue;
      if (!any || o.contentsOnly) { cell.v = ''; delete cell.f; delete cell.link; }
      if (!any || o.formatOnly) delete cell.st;
      if (!any || o.validationsOnly) delete cell.dv;
      if (o.commentsOnly) delete cell.note;
    }
  }
}

export class FakeRange extends Counted {
  constructor($: GasFakeImpl, readonly _sheet: FakeSheet, readonly _r: number, readonly _c: number, readonly _nr: number, readonly _nc: number) {
    super($, 'spreadsheet', 'Range');
  }
  private get d() { return this._sheet._d; }
  private map<T>(f: (cell: Cell | undefined) => T): T[][] {
    return grid(this._nr, this._nc, (i, j) => f(this.d.get(this._r + i, this._c + j)));
  }
  private each(f: (cell: Cell, i: number, j: number) => void) {
    for (let i = 0; i < this._nr; i++) for (let j = 0; j < this._nc; j++) f(this.d.cell(this._r + i, this._c + j), i, j);
  }
  private checkGrid(data: unknown, method: string): asserts data is unknown[][] {
    if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) throw mismatch([data], `SpreadsheetApp.Range.${method}`);
    if (data.length !== this._nr) throw ex(`The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this._nr}.`);
    for (const row of data as unknown[][]) {
      if (row.length !== this._nc) throw ex(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this._nc}.`);
    }
  }
  private setStyle(method: string, key: StyleKey, value: unknown) {
    this.c(method);
    this.each((cell) => applyStyle(cell, key, value));
    return this;
  }
  private setStyles(method: string, key: StyleKey, data: unknown) {
    this.c(method);
    this.checkGrid(data, method);
    this.each((cell, i, j) => applyStyle(cell, key, data[i][j]));
    return this;
  }
  private styles<T>(method: string, key: StyleKey): T[][] {
    this.c(method);
    return this.map((cell) => (cell?.st?.[key] ?? STYLE_DEFAULTS[key]) as T);
  }
  getValues() { this.c('getValues'); return this.map((cell) => readValue(cell)); }
  getValue() { this.c('getValue'); return readValue(this.d.get(this._r, this._c)); }
  getDisplayValues() { this.c('getDisplayValues'); return this.map((cell) => this.$.display(cell)); }
  getDisplayValue() { this.c('getDisplayValue'); return this.$.display(this.d.get(this._r, this._c)); }
  setValues(values: unknown[][]) {
    this.c('setValues');
    this.checkGrid(values, 'setValues');
    this.each((cell, i, j) => this.$.writeCell(cell, values[i][j]));
    return this;
  }
  setValue(value: unknown) { this.c('setValue'); this.each((cell) => this.$.writeCell(cell, value)); return this; }
  getFormulas() { this.c('getFormulas'); return this.map((cell) => cell?.f ?? ''); }
  getFormula() { this.c('getFormula'); return this.d.get(this._r, this._c)?.f ?? ''; }
  setFormula(formula: string) { this.c('setFormula'); this.each((cell) => this.$.writeCell(cell, formula)); return this; }
  setFormulas(formulas: string[][]) {
    this.c('setFormulas');
    this.checkGrid(formulas, 'setFormulas');
    this.each((cell, i, j) => this.$.writeCell(cell, formulas[i][j]));
    return this;
  }
  getNumRows() { this.c('getNumRows'); return this._nr; }
  getNumColumns() { this.c('getNumColumns'); return this._nc; }
  getHeight() { this.c('getHeight'); return this._nr; }
  getWidth() { this.c('getWidth'); return this._nc; }
  getRow() { this.c('getRow'); return this._r; }
  getRowIndex() { this.c('getRowIndex'); return this._r; }
  getColumn() { this.c('getColumn'); return this._c; }
  getLastRow() { this.c('getLastRow'); return this._r + this._nr - 1; }
  getLastColumn() { this.c('getLastColumn'); return this._c + this._nc - 1; }
  getA1Notation() { this.c('getA1Notation'); return a1(this._r, this._c, this._nr, this._nc); }
  getSheet() { this.c('getSheet'); return this._sheet; }
  getCell(row: number, column: number) {
    this.c('getCell');
    if (row < 1 || column < 1 || row > this._nr || column > this._nc) throw ex('Cell reference out of range');
    return new FakeRange(this.$, this._sheet, this._r + row - 1, this._c + column - 1, 1, 1);
  }
  offset(rowOffset: number, columnOffset: number, numRows = this._nr, numColumns = this._nc) {
    this.c('offset');
    const r = this._r + rowOffset;
    const c = this._c + columnOffset;
    if (r < 1 || c < 1 || r + numRows - 1 > this.d.maxRows || c + numColumns - 1 > this.d.maxCols) throw ex('The coordinates of the range are outside the dimensions of the sheet.');
    return new FakeRange(this.$, this._sheet, r, c, numRows, numColumns);
  }
  setBackground(color: string | null) { return this.setStyle('setBackground', 'background', color); }
  setBackgrounds(colors: (string | null)[][]) { return this.setStyles('setBackgrounds', 'background', colors); }
  getBackground() { return this.styles<string>('getBackground', 'background')[0][0]; }
  getBackgrounds() { return this.styles<string>('getBackgrounds', 'background'); }
  setFontWeight(w: string | null) { return this.setStyle('setFontWeight', 'fontWeight', w); }
  setFontWeights(w: (string | null)[][]) { return this.setStyles('setFontWeights', 'fontWeight', w); }
  getFontWeights() { return this.styles<string>('getFontWeights', 'fontWeight'); }
  setFontColor(color: string | null) { return this.setStyle('setFontColor', 'fontColor', color); }
  setFontColors(colors: (string | null)[][]) { return this.setStyles('setFontColors', 'fontColor', colors); }
  setFontSize(size: number) { return this.setStyle('setFontSize', 'fontSize', size); }
  setFontStyle(style: string | null) { return this.setStyle('setFontStyle', 'fontStyle', style); }
  setFontLine(line: string | null) { return this.setStyle('setFontLine', 'fontLine', line); }
  setFontFamily(family: string | null) { return this.setStyle('setFontFamily', 'fontFamily', family); }
  setNumberFormat(format: string) { return this.setStyle('setNumberFormat', 'numberFormat', format); }
  setNumberFormats(formats: string[][]) { return this.setStyles('setNumberFormats', 'numberFormat', formats); }
  getNumberFormats() { return this.styles<string>('getNumberFormats', 'numberFormat'); }
  setWrap(wrap: boolean) { return this.setStyle('setWrap', 'wrap', wrap); }
  setWraps(wraps: boolean[][]) { return this.setStyles('setWraps', 'wrap', wraps); }
  setHorizontalAlignment(a: string | null) { return this.setStyle('setHorizontalAlignment', 'horizontalAlignment', a); }
  setHorizontalAlignments(a: (string | null)[][]) { return this.setStyles('setHorizontalAlignments', 'horizontalAlignment', a); }
  setVerticalAlignment(a: string | null) { return this.setStyle('setVerticalAlignment', 'verticalAlignment', a); }
  setBorder(...args: unknown[]) { return this.setStyle('setBorder', 'border', JSON.stringify(args)); }
  setNote(note: string | null) { this.c('setNote'); this.each((cell) => { cell.note = note ? String(note) : undefined; }); return this; }
  setNotes(notes: (string | null)[][]) {
    this.c('setNotes');
    this.checkGrid(notes, 'setNotes');
    this.each((cell, i, j) => { cell.note = notes[i][j] ? String(notes[i][j]) : undefined; });
    return this;
  }
  getNote() { this.c('getNote'); return this.d.get(this._r, this._c)?.note ?? ''; }
  setDataValidation(rule: DataValidation | null) { this.c('setDataValidation'); this.each((cell) => { cell.dv = rule; }); return this; }
  setDataValidations(rules: (DataValidation | null)[][]) {
    this.c('setDataValidations');
    this.checkGrid(rules, 'setDataValidations');
    this.each((cell, i, j) => { cell.dv = rules[i][j]; });
    return this;
  }
  clearDataValidations() { this.c('clearDataValidations'); this.each((cell) => { cell.dv = null; }); return this; }
  getDataValidation() { this.c('getDataValidation'); return this.d.get(this._r, this._c)?.dv ?? null; }
  getDataValidations() { this.c('getDataValidations'); return this.map((cell) => cell?.dv ?? null); }
  setRichTextValue(value: RichTextValue) { this.c('setRichTextValue'); this.each((cell) => writeRich(cell, value)); return this; }
  setRichTextValues(values: RichTextValue[][]) {
    this.c('setRichTextValues');
    this.checkGrid(values, 'setRichTextValues');
    this.each((cell, i, j) => writeRich(cell, values[i][j]));
    return this;
  }
  getRichTextValue() { this.c('getRichTextValue'); return richOf(this.$, this.d.get(this._r, this._c)); }
  getRichTextValues() { this.c('getRichTextValues'); return this.map((cell) => richOf(this.$, cell)); }
  clearContent() { this.c('clearContent'); clearCells(this.d, this._r, this._c, this._nr, this._nc, { contentsOnly: true }); return this; }
  clearFormat() { this.c('clearFormat'); clearCells(this.d, this._r, this._c, this._nr, this._nc, { formatOnly: true }); return this; }
  clear(options?: ClearOptions) { this.c('clear'); clearCells(this.d, this._r, this._c, this._nr, this._nc, options); return this; }
  isBlank() { this.c('isBlank'); return this.map((cell) => hasContent(cell)).every((row) => row.every((x) => !x)); }
  activate() { this.c('activate'); return this; }
}

function applyStyle(cell: Cell, key: StyleKey, value: unknown) {
  if (value === null || value === undefined) { if (cell.st) delete cell.st[key]; return; }
  (cell.st ??= {})[key] = value;
}
function readValue(cell: Cell | undefined): CellValue {
  const v = cell?.v ?? '';
  return isDate(v) ? copyDate(v) : v;
}
function writeRich(cell: Cell, value: RichTextValue) {
  if (!(value instanceof RichTextValue)) throw mismatch([value], 'SpreadsheetApp.Range.setRichTextValue');
  cell.v = value._text;
  delete cell.f;
  cell.link = value._link;
}
function richOf($: GasFakeImpl, cell: Cell | undefined): RichTextValue | null {
  if (cell && (isDate(cell.v) || typeof cell.v === 'number' || typeof cell.v === 'boolean')) return null; // Sheets: only text cells
  return new RichTextValue($, cell ? String(cell.v) : '', cell?.link ?? null);
}

export class RichTextValue extends Counted {
  constructor($: GasFakeImpl, readonly _text: string, readonly _link: string | null) { super($, 'spreadsheet', 'RichTextValue'); }
  getText() { this.c('getText'); return this._text; }
  getLinkUrl() { this.c('getLinkUrl'); return this._link; }
}
export class RichTextValueBuilder extends Counted {
  private text = '';
  private link: string | null = null;
  constructor($: GasFakeImpl) { super($, 'spreadsheet', 'RichTextValueBuilder'); }
  setText(text: string) { this.c('setText'); this.text = String(text); return this; }
  setLinkUrl(a: unknown, _end?: number, url?: string) { this.c('setLinkUrl'); this.link = url !== undefined ? url : (a as string | null); return this; }
  setTextStyle(..._args: unknown[]) { this.c('setTextStyle'); return this; }
  build() { this.c('build'); return new RichTextValue(this.$, this.text, this.link); }
}

export class DataValidation extends Counted {
  constructor($: GasFakeImpl, readonly _criteria: string, readonly _args: unknown[], readonly _allowInvalid: boolean, readonly _helpText: string | null) {
    super($, 'spreadsheet', 'DataValidation');
  }
  getCriteriaType() { this.c('getCriteriaType'); return this._criteria; }
  getCriteriaValues() { this.c('getCriteriaValues'); return this._args.slice(); }
  getAllowInvalid() { this.c('getAllowInvalid'); return this._allowInvalid; }
  getHelpText() { this.c('getHelpText'); return this._helpText; }
  copy() { this.c('copy'); return new DataValidationBuilder(this.$, this); }
  _record(): ValidationRecord { return { criteria: this._criteria, values: this._args.slice(), allowInvalid: this._allowInvalid, helpText: this._helpText }; }
}
export class DataValidationBuilder extends Counted {
  private criteria: string | null = null;
  private args: unknown[] = [];
  private allowInvalid = true;
  private helpText: string | null = null;
  constructor($: GasFakeImpl, from?: DataValidation) {
    super($, 'spreadsheet', 'DataValidationBuilder');
    if (from) [this.criteria, this.args, this.allowInvalid, this.helpText] = [from._criteria, from._args.slice(), from._allowInvalid, from._helpText];
  }
  private req(method: string, criteria: string, args: unknown[]) { this.c(method); this.criteria = criteria; this.args = args; return this; }
  requireValueInList(values: string[], showDropdown = true) {
    if (!Array.isArray(values)) throw mismatch([values], 'SpreadsheetApp.DataValidationBuilder.requireValueInList');
    return this.req('requireValueInList', 'VALUE_IN_LIST', [values.slice(), showDropdown]);
  }
  requireValueInRange(range: FakeRange, showDropdown = true) { return this.req('requireValueInRange', 'VALUE_IN_RANGE', [range, showDropdown]); }
  requireDate() { return this.req('requireDate', 'DATE_IS_VALID_DATE', []); }
  requireDateAfter(date: Date) { return this.req('requireDateAfter', 'DATE_AFTER', [date]); }
  requireDateOnOrAfter(date: Date) { return this.req('requireDateOnOrAfter', 'DATE_ON_OR_AFTER', [date]); }
  requireDateBefore(date: Date) { return this.req('requireDateBefore', 'DATE_BEFORE', [date]); }
  requireDateOnOrBefore(date: Date) { return this.req('requireDateOnOrBefore', 'DATE_ON_OR_BEFORE', [date]); }
  requireCheckbox() { return this.req('requireCheckbox', 'CHECKBOX', []); }
  requireNumberBetween(a: number, b: number) { return this.req('requireNumberBetween', 'NUMBER_BETWEEN', [a, b]); }
  requireNumberGreaterThanOrEqualTo(n: number) { return this.req('requireNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]); }
  requireTextIsEmail() { return this.req('requireTextIsEmail', 'TEXT_IS_VALID_EMAIL', []); }
  requireTextIsUrl() { return this.req('requireTextIsUrl', 'TEXT_IS_VALID_URL', []); }
  requireFormulaSatisfied(formula: string) { return this.req('requireFormulaSatisfied', 'CUSTOM_FORMULA', [formula]); }
  setAllowInvalid(allow: boolean) { this.c('setAllowInvalid'); this.allowInvalid = !!allow; return this; }
  setHelpText(text: string) { this.c('setHelpText'); this.helpText = text; return this; }
  build() {
    this.c('build');
    if (!this.criteria) throw ex('You must specify a criteria for the data validation rule.');
    return new DataValidation(this.$, this.criteria, this.args.slice(), this.allowInvalid, this.helpText);
  }
}

export class EmbeddedChart extends Counted {
  constructor($: GasFakeImpl, public _d: ChartData) { super($, 'spreadsheet', 'EmbeddedChart'); }
  getChartId() { this.c('getChartId'); return this._d.id || null; }
  getId() { this.c('getId'); return `u${this._d.id}`; }
  getRanges() { this.c('getRanges'); return this._d.ranges.map((r) => new FakeRange(this.$, new FakeSheet(this.$, this.$.spreadsheet, r.sheet), r.r, r.c, r.nr, r.nc)); }
  getOptions() { this.c('getOptions'); const o = { ...this._d.options }; return { get: (k: string) => o[k] ?? null }; }
  getType() { this.c('getType'); return this._d.type; }
  modify() { this.c('modify'); return new EmbeddedChartBuilder(this.$, this._d); }
}
export class EmbeddedChartBuilder extends Counted {
  private d: ChartData;
  constructor($: GasFakeImpl, from?: ChartData) {
    super($, 'spreadsheet', 'EmbeddedChartBuilder');
    this.d = from
      ? { ...from, ranges: from.ranges.slice(), options: { ...from.options }, position: { ...from.position } }
      : { id: 0, type: ChartType.LINE, ranges: [], options: {}, position: { row: 1, column: 1, offsetX: 0, offsetY: 0 } };
  }
  private as(method: string, type: string) { this.c(method); this.d.type = type; return this; }
  private opt(method: string, key: string, value: unknown) { this.c(method); this.d.options[key] = value; return this; }
  setChartType(type: string) { return this.as('setChartType', type); }
  asLineChart() { return this.as('asLineChart', ChartType.LINE); }
  asColumnChart() { return this.as('asColumnChart', ChartType.COLUMN); }
  asBarChart() { return this.as('asBarChart', ChartType.BAR); }
  asPieChart() { return this.as('asPieChart', ChartType.PIE); }
  asAreaChart() { return this.as('asAreaChart', ChartType.AREA); }
  asComboChart() { return this.as('asComboChart', ChartType.COMBO); }
  addRange(range: FakeRange) {
    this.c('addRange');
    if (!(range instanceof FakeRange)) throw mismatch([range], 'SpreadsheetApp.EmbeddedChartBuilder.addRange');
    this.d.ranges.push({ sheet: range._sheet._d, r: range._r, c: range._c, nr: range._nr, nc: range._nc });
    return this;
  }
  clearRanges() { this.c('clearRanges'); this.d.ranges = []; return this; }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number) {
    this.c('setPosition');
    this.d.position = { row: anchorRowPos, column: anchorColPos, offsetX: offsetX ?? 0, offsetY: offsetY ?? 0 };
    return this;
  }
  setOption(option: string, value: unknown) { return this.opt('setOption', option, value); }
  setTitle(title: string) { return this.opt('setTitle', 'title', title); }
  setLegendPosition(p: string) { return this.opt('setLegendPosition', 'legend.position', p); }
  setNumHeaders(n: number) { return this.opt('setNumHeaders', 'numHeaders', n); }
  setStacked() { return this.opt('setStacked', 'isStacked', true); }
  setXAxisTitle(t: string) { return this.opt('setXAxisTitle', 'hAxis.title', t); }
  setYAxisTitle(t: string) { return this.opt('setYAxisTitle', 'vAxis.title', t); }
  setTransposeRowsAndColumns(b: boolean) { return this.opt('setTransposeRowsAndColumns', 'transposeRowsAndColumns', b); }
  build() { this.c('build'); return new EmbeddedChart(this.$, { ...this.d, ranges: this.d.ranges.slice(), options: { ...this.d.options } }); }
}

// ───────────────────────────── Ui ─────────────────────────────

export class FakeMenu extends Counted {
  readonly _items: ({ caption: string; functionName: string } | { separator: true } | { submenu: FakeMenu })[] = [];
  constructor($: GasFakeImpl, readonly _name: string | null, readonly _addon: boolean) { super($, 'ui', 'Menu'); }
  addItem(caption: string, functionName: string) {
    this.c('addItem');
    if (typeof caption !== 'string' || typeof functionName !== 'string' || !functionName) throw mismatch([caption, functionName], 'Menu.addItem');
    this._items.push({ caption, functionName });
    return this;
  }
  addSeparator() { this.c('addSeparator'); this._items.push({ separator: true }); return this; }
  addSubMenu(menu: FakeMenu) { this.c('addSubMenu'); this._items.push({ submenu: menu }); return this; }
  addToUi() { this.c('addToUi'); this.$.ui.menus.push(this._snapshot()); }
  _snapshot(): MenuRecord {
    return {
      name: this._name, addon: this._addon,
      items: this._items.map((i) => ('submenu' in i ? { submenu: i.submenu._snapshot() } : { ...i })),
    };
  }
}
export class PromptResponse extends Counted {
  constructor($: GasFakeImpl, private readonly text: string, private readonly button: UiButton) { super($, 'ui', 'PromptResponse'); }
  getResponseText() { this.c('getResponseText'); return this.text; }
  getSelectedButton() { this.c('getSelectedButton'); return this.button; }
}
export class FakeUi extends Counted {
  readonly Button = enumOf<UiButton>('OK', 'CANCEL', 'YES', 'NO', 'CLOSE');
  readonly ButtonSet = enumOf<UiButtonSet>('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');
  constructor($: GasFakeImpl) { super($, 'ui', 'Ui'); }
  createMenu(caption: string) { this.c('createMenu'); return new FakeMenu(this.$, caption, false); }
  createAddonMenu() { this.c('createAddonMenu'); return new FakeMenu(this.$, null, true); }
  private dialogArgs(args: unknown[], method: string): [string | null, string, UiButtonSet] {
    const [title, prompt, buttons] = args.length >= 3 ? args : [null, args[0], args[1] ?? 'OK'];
    if (typeof prompt !== 'string' || !(typeof buttons === 'string' && buttons in SHEETS_BUTTONS)) throw mismatch(args, `Ui.${method}`);
    return [title === null ? null : String(title), prompt, buttons as UiButtonSet];
  }
  alert(...args: unknown[]): UiButton {
    this.c('alert');
    const [title, prompt, buttons] = this.dialogArgs(args, 'alert');
    const a = this.$.nextAnswer();
    if (a !== undefined && typeof a !== 'string') throw new Error(`gas fake: scripted answer ${JSON.stringify(a)} is a prompt answer, but ui.alert was called`);
    const response = a ?? (buttons.startsWith('YES') ? 'YES' : 'OK');
    if (!SHEETS_BUTTONS[buttons].includes(response)) throw new Error(`gas fake: scripted answer ${response} is not a button of ButtonSet.${buttons}`);
    this.$.ui.alerts.push({ title, prompt, buttons, response });
    return response;
  }
  prompt(...args: unknown[]) {
    this.c('prompt');
    const [title, prompt, buttons] = this.dialogArgs(args, 'prompt');
    const a = this.$.nextAnswer();
    const dflt: UiButton = buttons.startsWith('YES') ? 'YES' : 'OK';
    const response = typeof a === 'string' ? { text: '', button: a } : { text: a?.text ?? '', button: a?.button ?? dflt };
    if (!SHEETS_BUTTONS[buttons].includes(response.button)) throw new Error(`gas fake: scripted answer ${response.button} is not a button of ButtonSet.${buttons}`);
    this.$.ui.prompts.push({ title, prompt, buttons, response });
    return new PromptResponse(this.$, response.text, response.button);
  }
  private show(method: string, kind: ShownHtml['kind'], html: unknown, title?: string) {
    this.c(method);
    if (!(html instanceof HtmlOutput)) throw mismatch([html], `Ui.${method}`);
    const rec: ShownHtml = { kind, title: title ?? html._title, content: html._content, width: html._width, height: html._height };
    (kind === 'sidebar' ? this.$.ui.sidebars : this.$.ui.dialogs).push(rec);
  }
  showSidebar(userInterface: HtmlOutput) { this.show('showSidebar', 'sidebar', userInterface); }
  showModalDialog(userInterface: HtmlOutput, title: string) { this.show('showModalDialog', 'modal', userInterface, title); }
  showModelessDialog(userInterface: HtmlOutput, title: string) { this.show('showModelessDialog', 'modeless', userInterface, title); }
}

// ───────────────────────────── Properties / Lock / Session ─────────────────────────────

const PROP_VALUE_LIMIT = 9 * 1024;
const PROP_STORE_LIMIT = 500 * 1024;
export class FakeProperties extends Counted {
  constructor($: GasFakeImpl, private readonly store: Record<string, string>) { super($, 'properties', 'Properties'); }
  private put(key: unknown, value: unknown) {
    if (key === null || key === undefined) throw ex('Invalid argument: key');
    if (value === null || value === undefined) throw ex('Invalid argument: value');
    const v = String(value);
    if (Buffer.byteLength(v, 'utf8') > PROP_VALUE_LIMIT) throw ex('Argument too large: value');
    this.store[String(key)] = v;
    const total = Object.entries(this.store).reduce((t, [k, x]) => t + Buffer.byteLength(k + x, 'utf8'), 0);
    if (total > PROP_STORE_LIMIT) {
      delete this.store[String(key)];
      throw ex('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
  }
  getProperty(key: string) { this.c('getProperty'); return Object.prototype.hasOwnProperty.call(this.store, key) ? this.store[key] : null; }
  setProperty(key: string, value: string) { this.c('setProperty'); this.put(key, value); return this; }
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false) {
    this.c('setProperties');
    if (deleteAllOthers) for (const k of Object.keys(this.store)) delete this.store[k];
    for (const [k, v] of Object.entries(properties)) this.put(k, v);
    return this;
  }
  getProperties() { this.c('getProperties'); return { ...this.store }; }
  getKeys() { this.c('getKeys'); return Object.keys(this.store); }
  deleteProperty(key: string) { this.c('deleteProperty'); delete this.store[key]; return this; }
  deleteAllProperties() { this.c('deleteAllProperties'); for (const k of Object.keys(this.store)) delete this.store[k]; return this; }
}
export class FakePropertiesService extends Counted {
  constructor($: GasFakeImpl) { super($, 'properties', 'PropertiesService'); }
  getDocumentProperties() { this.c('getDocumentProperties'); return new FakeProperties(this.$, this.$.propertyStore('document')); }
  getScriptProperties() { this.c('getScriptProperties'); return new FakeProperties(this.$, this.$.propertyStore('script')); }
  getUserProperties() { this.c('getUserProperties'); return new FakeProperties(this.$, this.$.propertyStore('user')); }
}

/** Marker for "another execution holds this lock" (set by fake.locks.hold / fake.holdDocumentLock). */
const OTHER = Symbol('other execution');
export class FakeLock extends Counted {
  constructor($: GasFakeImpl, private readonly scope: LockScope) { super($, 'lock', 'Lock'); }
  private acquire(timeoutMs: number): boolean {
    const L = this.$.locks;
    if (L._holders.get(this.scope) === this) return true;
    if (L._holders.has(this.scope)) L.onContended?.(this.scope, timeoutMs);
    if (L._holders.has(this.scope)) {
      L.events.push({ scope: this.scope, event: 'refused' });
      return false;
    }
    L._holders.set(this.scope, this);
    L.events.push({ scope: this.scope, event: 'acquired' });
    L.onAcquired?.(this.scope);
    return true;
  }
  tryLock(timeoutInMillis: number) { this.c('tryLock'); return this.acquire(timeoutInMillis); }
  waitLock(timeoutInMillis: number) {
    this.c('waitLock');
    if (!this.acquire(timeoutInMillis)) throw ex('Lock timeout: another process was holding the lock for too long.');
  }
  releaseLock() {
    this.c('releaseLock');
    const L = this.$.locks;
    if (L._holders.get(this.scope) === this) {
      L._holders.delete(this.scope);
      L.events.push({ scope: this.scope, event: 'released' });
    }
  }
  hasLock() { this.c('hasLock'); return this.$.locks._holders.get(this.scope) === this; }
}
export class FakeLockService extends Counted {
  constructor($: GasFakeImpl) { super($, 'lock', 'LockService'); }
  getDocumentLock() { this.c('getDocumentLock'); return new FakeLock(this.$, 'document'); }
  getScriptLock() { this.c('getScriptLock'); return new FakeLock(this.$, 'script'); }
  getUserLock() { this.c('getUserLock'); return new FakeLock(this.$, `user:${this.$.user}`); }
}

export class FakeUser extends Counted {
  constructor($: GasFakeImpl, private readonly email: string) { super($, 'session', 'User'); }
  getEmail() { this.c('getEmail'); return this.email; }
}
export class FakeSession extends Counted {
  constructor($: GasFakeImpl) { super($, 'session', 'Session'); }
  getActiveUser() { this.c('getActiveUser'); return new FakeUser(this.$, this.$.user); }
  getEffectiveUser() { this.c('getEffectiveUser'); return new FakeUser(this.$, this.$.user); }
  getScriptTimeZone() { this.c('getScriptTimeZone'); return this.$.scriptTimeZone; }
  getActiveUserLocale() { this.c('getActiveUserLocale'); return this.$.locale.split('_')[0]; }
  getTemporaryActiveUserKey() { this.c('getTemporaryActiveUserKey'); return createHash('sha256').update(`key:${this.$.user}`).digest('base64'); }
}

// ───────────────────────────── Utilities / Logger ─────────────────────────────

export class FakeBlob extends Counted {
  constructor($: GasFakeImpl, public _bytes: Buffer, public _contentType: string | null, public _name: string | null) { super($, 'utilities', 'Blob'); }
  getBytes() { this.c('getBytes'); return signed(this._bytes); }
  getDataAsString() { this.c('getDataAsString'); return this._bytes.toString('utf8'); }
  setDataFromString(s: string) { this.c('setDataFromString'); this._bytes = Buffer.from(s, 'utf8'); return this; }
  getContentType() { this.c('getContentType'); return this._contentType; }
  setContentType(t: string) { this.c('setContentType'); this._contentType = t; return this; }
  getName() { this.c('getName'); return this._name; }
  setName(n: string) { this.c('setName'); this._name = n; return this; }
  copyBlob() { this.c('copyBlob'); return new FakeBlob(this.$, Buffer.from(this._bytes), this._contentType, this._name); }
  /** Conversion: only to PDF (from HTML or text here), as the reference allows for most blobs. A stand-in PDF holding the source. */
  getAs(contentType: string) {
    this.c('getAs');
    if (contentType !== 'application/pdf') throw ex(`Converting from ${this._contentType} to ${contentType} is not supported.`);
    if (!/^text\/(html|plain)/.test(this._contentType ?? '')) throw ex(`Converting from ${this._contentType} to application/pdf is not supported.`);
    const name = this._name ? this._name.replace(/\.[^.]*$/, '') + '.pdf' : null;
    return new FakeBlob(this.$, Buffer.concat([Buffer.from('%PDF-1.4 (gas fake)\n'), this._bytes]), 'application/pdf', name);
  }
}
const DIGESTS: Record<string, string> = { MD2: 'md2', MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };
export class FakeUtilities extends Counted {
  readonly DigestAlgorithm = enumOf('MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512');
  readonly Charset = enumOf('US_ASCII', 'UTF_8');
  constructor($: GasFakeImpl) { super($, 'utilities', 'Utilities'); }
  formatDate(date: Date, timeZone: string, format: string) {
    this.c('formatDate');
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') throw mismatch([date, timeZone, format], 'Utilities.formatDate');
    return formatDate(date, timeZone, format);
  }
  sleep(milliseconds: number) { this.c('sleep'); this.$.sleptMs += milliseconds; }
  getUuid() { this.c('getUuid'); return randomUUID(); }
  newBlob(data: unknown, contentType?: string, name?: string) { this.c('newBlob'); return new FakeBlob(this.$, toBuffer(data), contentType ?? null, name ?? null); }
  base64Encode(data: unknown) { this.c('base64Encode'); return toBuffer(data).toString('base64'); }
  base64EncodeWebSafe(data: unknown) { this.c('base64EncodeWebSafe'); return toBuffer(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_'); }
  base64Decode(encoded: string) { this.c('base64Decode'); return signed(Buffer.from(encoded, 'base64')); }
  computeDigest(algorithm: string, value: unknown) { this.c('computeDigest'); return signed(createHash(DIGESTS[algorithm] ?? 'sha256').update(toBuffer(value)).digest()); }
}
const formatLog = (args: unknown[]) => {
  if (typeof args[0] === 'string' && args.length > 1 && args[0].includes('%s')) {
    let i = 1;
    return args[0].replace(/%s/g, () => String(args[i++]));
  }
  return args.map((a) => (typeof a === 'object' && a !== null && !isDate(a) ? JSON.stringify(a) : String(a))).join(' ');
};
export class FakeLogger extends Counted {
  constructor($: GasFakeImpl) { super($, 'logger', 'Logger'); }
  log(...args: unknown[]) { this.c('log'); this.$.logs.push({ source: 'Logger', level: 'log', message: formatLog(args) }); return this; }
}
function makeConsole($: GasFakeImpl) {
  const level = (name: string) => (...args: unknown[]) => { $.count('console', `console.${name}`); $.logs.push({ source: 'console', level: name, message: formatLog(args) }); };
  return { log: level('log'), info: level('info'), warn: level('warn'), error: level('error'), debug: level('debug') };
}

// ───────────────────────────── MailApp ─────────────────────────────

interface MailMessage { to?: string; cc?: string; bcc?: string; subject?: string; body?: string; htmlBody?: string; name?: string; replyTo?: string; noReply?: boolean; attachments?: unknown[] }
const EMAIL_RE = /^[^@\s<>,]+@[^@\s<>,]+\.[^@\s<>,]+$/;
function splitRecipients(list: unknown): string[] {
  if (list === undefined || list === null || list === '') return [];
  return String(list).split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const addr = /<([^>]*)>\s*$/.exec(s)?.[1] ?? s;
    if (!EMAIL_RE.test(addr)) throw ex(`Invalid email: ${s}`);
    return s;
  });
}
export class FakeMailApp extends Counted {
  constructor($: GasFakeImpl) { super($, 'mail', 'MailApp'); }
  getRemainingDailyQuota() { this.c('getRemainingDailyQuota'); return this.$.mailQuota; }
  sendEmail(...args: unknown[]) {
    this.c('sendEmail');
    const [a, b, c, d] = args;
    let m: MailMessage;
    if (args.length === 1 && typeof a === 'object' && a !== null) m = a as MailMessage;
    else if (args.length === 4 && typeof d === 'string') m = { to: a as string, replyTo: b as string, subject: c as string, body: d };
    else if (args.length >= 3 && typeof a === 'string') m = { ...((d as MailMessage) ?? {}), to: a, subject: b as string, body: c as string };
    else throw mismatch(args, 'MailApp.sendEmail');
    const attempt = ++this.$.mailAttempts;
    const failure = this.$.mailFailures.get(attempt);
    if (failure) throw ex(failure);
    const [to, cc, bcc] = [splitRecipients(m.to), splitRecipients(m.cc), splitRecipients(m.bcc)];
    if (to.length === 0) throw ex('Failed to send email: no recipient');
    const n = to.length + cc.length + bcc.length;
    if (n > 50) throw ex('Limit Exceeded: Email Recipients Per Message.');
    if (String(m.subject ?? '').length > 250) throw ex('Argument too large: subject');
    if (n > this.$.mailQuota) throw ex('Service invoked too many times for one day: email.');
    this.$.mailQuota -= n;
    this.$.sentMail.push({
      from: this.$.user, to, cc, bcc, subject: String(m.subject ?? ''), body: String(m.body ?? ''),
      htmlBody: m.htmlBody, name: m.name, replyTo: m.replyTo, noReply: m.noReply, attachments: m.attachments,
    });
  }
}

// ───────────────────────────── DriveApp ─────────────────────────────

interface DriveNode { id: string; kind: 'folder' | 'file'; name: string; parents: string[]; mimeType: string; lastUpdated: Date; created: Date; size: number }
const FOLDER_MIME = 'application/vnd.google-apps.folder';
const NO_ITEM = 'No item with the given ID could be found. Or perhaps you do not have permission to access it.';
export class DriveIterator<T> extends Counted {
  constructor($: GasFakeImpl, type: string, private readonly ids: string[], private i: number, private readonly make: (id: string) => T) { super($, 'drive', type); }
  hasNext() { this.c('hasNext'); return this.i < this.ids.length; }
  next() {
    this.c('next');
    if (this.i >= this.ids.length) throw ex('Cannot retrieve the next object: iterator has reached the end.');
    return this.make(this.ids[this.i++]);
  }
  getContinuationToken() { this.c('getContinuationToken'); return Buffer.from(JSON.stringify({ ids: this.ids, i: this.i })).toString('base64'); }
}
abstract class DriveItem extends Counted {
  constructor($: GasFakeImpl, type: string, protected readonly n: DriveNode) { super($, 'drive', type); }
  getId() { this.c('getId'); return this.n.id; }
  getName() { this.c('getName'); return this.n.name; }
  getLastUpdated() { this.c('getLastUpdated'); return copyDate(this.n.lastUpdated); }
  getDateCreated() { this.c('getDateCreated'); return copyDate(this.n.created); }
  getParents() { this.c('getParents'); return this.$.folderIterator(this.n.parents); }
}
export class FakeFolder extends DriveItem {
  constructor($: GasFakeImpl, n: DriveNode) { super($, 'Folder', n); }
  getUrl() { this.c('getUrl'); return `https://drive.google.com/drive/folders/${this.n.id}`; }
  private children(kind: DriveNode['kind'], pred: (n: DriveNode) => boolean = () => true) {
    return [...this.$.driveNodes.values()].filter((n) => n.kind === kind && n.parents.includes(this.n.id) && pred(n)).map((n) => n.id);
  }
  getFolders() { this.c('getFolders'); return this.$.folderIterator(this.children('folder')); }
  getFiles() { this.c('getFiles'); return this.$.fileIterator(this.children('file')); }
  getFoldersByName(name: string) { this.c('getFoldersByName'); return this.$.folderIterator(this.children('folder', (n) => n.name === name)); }
  getFilesByName(name: string) { this.c('getFilesByName'); return this.$.fileIterator(this.children('file', (n) => n.name === name)); }
  getFilesByType(mimeType: string) { this.c('getFilesByType'); return this.$.fileIterator(this.children('file', (n) => n.mimeType === mimeType)); }
  createFolder(name: string) { this.c('createFolder'); return new FakeFolder(this.$, this.$.driveNodes.get(this.$.drive.addFolder(this.n.id, name))!); }
  createFile(nameOrBlob: string | FakeBlob, content = '', mimeType = 'text/plain') {
    this.c('createFile');
    const [name, size, mime] = nameOrBlob instanceof FakeBlob
      ? [nameOrBlob._name ?? 'Untitled', nameOrBlob._bytes.length, nameOrBlob._contentType ?? 'application/octet-stream']
      : [nameOrBlob, Buffer.byteLength(content), mimeType];
    const id = this.$.drive.addFile(this.n.id, { name, mimeType: mime, lastUpdated: new Date(), size });
    return new FakeFile(this.$, this.$.driveNodes.get(id)!);
  }
}
export class FakeFile extends DriveItem {
  constructor($: GasFakeImpl, n: DriveNode) { super($, 'File', n); }
  getUrl() { this.c('getUrl'); return `https://drive.google.com/file/d/${this.n.id}/view?usp=drivesdk`; }
  getMimeType() { this.c('getMimeType'); return this.n.mimeType; }
  getSize() { this.c('getSize'); return this.n.size; }
}
export class FakeDriveApp extends Counted {
  constructor($: GasFakeImpl) { super($, 'drive', 'DriveApp'); }
  private node(id: string, kind: DriveNode['kind']) {
    const n = this.$.driveNodes.get(String(id));
    if (!n || n.kind !== kind) throw ex(NO_ITEM);
    return n;
  }
  getFolderById(id: string) { this.c('getFolderById'); return new FakeFolder(this.$, this.node(id, 'folder')); }
  getFileById(id: string) { this.c('getFileById'); return new FakeFile(this.$, this.node(id, 'file')); }
  getRootFolder() { this.c('getRootFolder'); return new FakeFolder(this.$, this.node(ROOT_ID, 'folder')); }
  private cont(token: string): { ids: string[]; i: number } {
    try { return JSON.parse(Buffer.from(token, 'base64').toString('utf8')); } catch { throw ex('Invalid argument: continuationToken'); }
  }
  continueFolderIterator(token: string) { this.c('continueFolderIterator'); const t = this.cont(token); return this.$.folderIterator(t.ids, t.i); }
  continueFileIterator(token: string) { this.c('continueFileIterator'); const t = this.cont(token); return this.$.fileIterator(t.ids, t.i); }
}
const ROOT_ID = 'root-folder';

// ───────────────────────────── UrlFetchApp ─────────────────────────────

export class HttpResponse extends Counted {
  constructor($: GasFakeImpl, private readonly r: FetchResult) { super($, 'urlfetch', 'HTTPResponse'); }
  getResponseCode() { this.c('getResponseCode'); return this.r.code; }
  getContentText() { this.c('getContentText'); return this.r.body; }
  getContent() { this.c('getContent'); return signed(Buffer.from(this.r.body, 'utf8')); }
  getHeaders() { this.c('getHeaders'); return { ...(this.r.headers ?? {}) }; }
  getAllHeaders() { this.c('getAllHeaders'); return { ...(this.r.headers ?? {}) }; }
  getBlob() { this.c('getBlob'); return new FakeBlob(this.$, Buffer.from(this.r.body, 'utf8'), this.r.headers?.['Content-Type'] ?? null, null); }
}
export class FakeUrlFetchApp extends Counted {
  constructor($: GasFakeImpl) { super($, 'urlfetch', 'UrlFetchApp'); }
  private one(url: string, params: Record<string, unknown> = {}) {
    if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) throw ex(`Invalid argument: ${url}`);
    this.$.fetched.push({ url, params });
    const res = this.$.fetchHandler(url, params);
    if (res.code >= 400 && !params.muteHttpExceptions) {
      const u = new URL(url);
      throw ex(`Request failed for ${u.protocol}//${u.host} returned code ${res.code}. Truncated server response: ${res.body.slice(0, 500)} (use muteHttpExceptions option to examine full response)`);
    }
    return new HttpResponse(this.$, res);
  }
  fetch(url: string, params?: Record<string, unknown>) { this.c('fetch'); return this.one(url, params); }
  fetchAll(requests: (string | ({ url: string } & Record<string, unknown>))[]) {
    this.c('fetchAll');
    return requests.map((r) => (typeof r === 'string' ? this.one(r) : this.one(r.url, r)));
  }
}

// ───────────────────────────── ScriptApp ─────────────────────────────

const EventType = enumOf('CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED');
const TriggerSource = enumOf('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR');
export class FakeTriggerHandle extends Counted {
  constructor($: GasFakeImpl, readonly _t: FakeTrigger) { super($, 'script', 'Trigger'); }
  getHandlerFunction() { this.c('getHandlerFunction'); return this._t.handler; }
  getUniqueId() { this.c('getUniqueId'); return this._t.id; }
  getEventType() { this.c('getEventType'); return this._t.eventType; }
  getTriggerSource() { this.c('getTriggerSource'); return this._t.source; }
  getTriggerSourceId() { this.c('getTriggerSourceId'); return this._t.sourceId; }
}
abstract class TriggerCreator extends Counted {
  protected schedule: Record<string, unknown> = {};
  constructor($: GasFakeImpl, type: string, protected readonly handler: string) { super($, 'script', type); }
  protected make(eventType: string, source: string, sourceId: string | null, documentId: string) {
    const $ = this.$;
    if ($.addon && $.triggers.some((t) => t.owner === $.user && t.documentId === documentId && t.eventType === eventType)) {
      const kind = eventType === 'CLOCK' ? 'time-based' : eventType.toLowerCase().replace(/_/g, ' ');
      throw ex(`This add-on has created too many ${kind} triggers in this document for this Google user account.`);
    }
    const t: FakeTrigger = { id: String($.nextTriggerId++), handler: this.handler, eventType, source, sourceId, owner: $.user, documentId, schedule: { ...this.schedule } };
    $.triggers.push(t);
    return new FakeTriggerHandle($, t);
  }
}
export class ClockTriggerBuilder extends TriggerCreator {
  constructor($: GasFakeImpl, handler: string) { super($, 'ClockTriggerBuilder', handler); }
  private set(method: string, key: string, value: unknown) { this.c(method); this.schedule[key] = value; return this; }
  everyMinutes(n: number) {
    if (![1, 5, 10, 15, 30].includes(n)) { this.c('everyMinutes'); throw ex('The value passed to everyMinutes must be 1, 5, 10, 15 or 30.'); }
    return this.set('everyMinutes', 'everyMinutes', n);
  }
  everyHours(n: number) {
    if (![1, 2, 4, 6, 8, 12].includes(n)) { this.c('everyHours'); throw ex('The value passed to everyHours must be 1, 2, 4, 6, 8 or 12.'); }
    return this.set('everyHours', 'everyHours', n);
  }
  everyDays(n: number) { if (!(n >= 1)) throw ex('Invalid argument: everyDays'); return this.set('everyDays', 'everyDays', n); }
  everyWeeks(n: number) { if (!(n >= 1)) throw ex('Invalid argument: everyWeeks'); return this.set('everyWeeks', 'everyWeeks', n); }
  onWeekDay(day: string) { return this.set('onWeekDay', 'onWeekDay', day); }
  onMonthDay(day: number) { return this.set('onMonthDay', 'onMonthDay', day); }
  atHour(hour: number) { if (!(hour >= 0 && hour <= 23)) throw ex('Invalid argument: hour'); return this.set('atHour', 'atHour', hour); }
  nearMinute(minute: number) { return this.set('nearMinute', 'nearMinute', minute); }
  inTimezone(tz: string) { return this.set('inTimezone', 'inTimezone', tz); }
  after(ms: number) { return this.set('after', 'after', ms); }
  at(date: Date) { return this.set('at', 'at', copyDate(date)); }
  create() {
    this.c('create');
    const s = this.schedule;
    if (!['everyMinutes', 'everyHours', 'everyDays', 'everyWeeks', 'onWeekDay', 'onMonthDay', 'after', 'at'].some((k) => k in s)) {
      throw ex('The trigger has no recurrence or time specified.');
    }
    if (this.$.addon && s.everyMinutes !== undefined) throw ex('Add-ons cannot create time-based triggers that run more frequently than once per hour.');
    return this.make(EventType.CLOCK, TriggerSource.CLOCK, null, this.$.spreadsheet._id);
  }
}
export class SpreadsheetTriggerBuilder extends TriggerCreator {
  private event: string | null = null;
  constructor($: GasFakeImpl, handler: string, private readonly ssId: string) { super($, 'SpreadsheetTriggerBuilder', handler); }
  private on(method: string, e: string) { this.c(method); this.event = e; return this; }
  onOpen() { return this.on('onOpen', EventType.ON_OPEN); }
  onEdit() { return this.on('onEdit', EventType.ON_EDIT); }
  onChange() { return this.on('onChange', EventType.ON_CHANGE); }
  onFormSubmit() { return this.on('onFormSubmit', EventType.ON_FORM_SUBMIT); }
  create() {
    this.c('create');
    if (!this.event) throw ex('The trigger has no event type specified.');
    return this.make(this.event, TriggerSource.SPREADSHEETS, this.ssId, this.ssId);
  }
}
export class TriggerBuilder extends Counted {
  constructor($: GasFakeImpl, private readonly handler: string) { super($, 'script', 'TriggerBuilder'); }
  timeBased() { this.c('timeBased'); return new ClockTriggerBuilder(this.$, this.handler); }
  forSpreadsheet(sheet: FakeSpreadsheet | string) {
    this.c('forSpreadsheet');
    const id = sheet instanceof FakeSpreadsheet ? sheet._id : String(sheet);
    return new SpreadsheetTriggerBuilder(this.$, this.handler, id);
  }
}
export class FakeScriptApp extends Counted {
  readonly AuthMode = enumOf('NONE', 'LIMITED', 'FULL', 'CUSTOM_FUNCTION');
  readonly AuthorizationStatus = enumOf('REQUIRED', 'NOT_REQUIRED');
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = enumOf('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY');
  constructor($: GasFakeImpl) { super($, 'script', 'ScriptApp'); }
  newTrigger(functionName: string) {
    this.c('newTrigger');
    if (typeof functionName !== 'string' || !functionName) throw mismatch([functionName], 'ScriptApp.newTrigger');
    return new TriggerBuilder(this.$, functionName);
  }
  getUserTriggers(document: FakeSpreadsheet) {
    this.c('getUserTriggers');
    const id = document instanceof FakeSpreadsheet ? document._id : String(document);
    return this.$.triggers.filter((t) => t.owner === this.$.user && t.documentId === id).map((t) => new FakeTriggerHandle(this.$, t));
  }
  getProjectTriggers() { this.c('getProjectTriggers'); return this.$.triggers.filter((t) => t.owner === this.$.user).map((t) => new FakeTriggerHandle(this.$, t)); }
  deleteTrigger(trigger: FakeTriggerHandle) {
    this.c('deleteTrigger');
    const i = this.$.triggers.findIndex((t) => t.id === trigger?._t?.id);
    if (i >= 0) this.$.triggers.splice(i, 1);
  }
  getAuthorizationInfo(_authMode: string) {
    this.c('getAuthorizationInfo');
    const required = this.$.authorizationRequired;
    const $ = this.$;
    return {
      getAuthorizationStatus: () => { $.count('script', 'AuthorizationInfo.getAuthorizationStatus'); return required ? 'REQUIRED' : 'NOT_REQUIRED'; },
      getAuthorizationUrl: () => { $.count('script', 'AuthorizationInfo.getAuthorizationUrl'); return required ? 'https://script.google.com/authorize' : null; },
    };
  }
  getOAuthToken() { this.c('getOAuthToken'); return 'fake-oauth-token'; }
  getScriptId() { this.c('getScriptId'); return 'fake-script-id'; }
  getService() { this.c('getService'); const $ = this.$; return { getUrl: () => { $.count('script', 'Service.getUrl'); return null; } }; }
}

// ───────────────────────────── HtmlService ─────────────────────────────

export class HtmlOutput extends Counted {
  _title = '';
  _width?: number;
  _height?: number;
  _meta: Record<string, string> = {};
  _xframe: string | null = null;
  _sandbox: string | null = null;
  constructor($: GasFakeImpl, public _content: string) { super($, 'html', 'HtmlOutput'); }
  setTitle(title: string) { this.c('setTitle'); this._title = String(title); return this; }
  getTitle() { this.c('getTitle'); return this._title; }
  setWidth(w: number) { this.c('setWidth'); this._width = w; return this; }
  getWidth() { this.c('getWidth'); return this._width ?? null; }
  setHeight(h: number) { this.c('setHeight'); this._height = h; return this; }
  getHeight() { this.c('getHeight'); return this._height ?? null; }
  getContent() { this.c('getContent'); return this._content; }
  setContent(content: string) { this.c('setContent'); this._content = String(content); return this; }
  append(s: string) { this.c('append'); this._content += s; return this; }
  appendUntrusted(s: string) { this.c('appendUntrusted'); this._content += escapeHtml(s); return this; }
  setXFrameOptionsMode(mode: string) { this.c('setXFrameOptionsMode'); this._xframe = mode; return this; }
  setSandboxMode(mode: string) { this.c('setSandboxMode'); this._sandbox = mode; return this; }
  addMetaTag(name: string, content: string) { this.c('addMetaTag'); this._meta[name] = content; return this; }
  setFaviconUrl(_url: string) { this.c('setFaviconUrl'); return this; }
}
const escapeHtml = (s: unknown) => String(s).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
/** Supports printing scriptlets only: <?= expr ?> (escaped) and <?!= expr ?> (raw), evaluated against the template's properties. */
export class HtmlTemplate extends Counted {
  [key: string]: unknown;
  constructor($: GasFakeImpl, private readonly source: string) { super($, 'html', 'HtmlTemplate'); }
  getRawContent() { this.c('getRawContent'); return this.source; }
  evaluate() {
    this.c('evaluate');
    const html = this.source.replace(/<\?(!?=)?([\s\S]*?)\?>/g, (_m, kind: string | undefined, expr: string) => {
      if (!kind) throw new Error('gas fake: only <?= ?> and <?!= ?> scriptlets are supported');
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      const value = new Function('__t', `with (__t) { return (${expr}); }`)(this);
      return kind === '=' ? escapeHtml(value) : String(value);
    });
    return new HtmlOutput(this.$, html);
  }
}
export class FakeHtmlService extends Counted {
  readonly XFrameOptionsMode = enumOf('ALLOWALL', 'DEFAULT');
  readonly SandboxMode = enumOf('EMULATED', 'IFRAME', 'NATIVE');
  constructor($: GasFakeImpl) { super($, 'html', 'HtmlService'); }
  private file(name: string) {
    const key = String(name).replace(/\.html$/, '');
    const src = this.$.files[key] ?? this.$.files[`${key}.html`];
    if (src === undefined) throw ex(`No HTML file named ${key} was found.`);
    return src;
  }
  createHtmlOutput(html = '') { this.c('createHtmlOutput'); return new HtmlOutput(this.$, String(html)); }
  createHtmlOutputFromFile(filename: string) { this.c('createHtmlOutputFromFile'); return new HtmlOutput(this.$, this.file(filename)); }
  createTemplate(html: string) { this.c('createTemplate'); return new HtmlTemplate(this.$, String(html)); }
  createTemplateFromFile(filename: string) { this.c('createTemplateFromFile'); return new HtmlTemplate(this.$, this.file(filename)); }
}

// ───────────────────────────── the fake itself ─────────────────────────────

export interface GasGlobals {
  SpreadsheetApp: FakeSpreadsheetApp; PropertiesService: FakePropertiesService; LockService: FakeLockService;
  Session: FakeSession; Utilities: FakeUtilities; MailApp: FakeMailApp; DriveApp: FakeDriveApp;
  UrlFetchApp: FakeUrlFetchApp; ScriptApp: FakeScriptApp; HtmlService: FakeHtmlService; Logger: FakeLogger;
  Charts: { ChartType: typeof ChartType; Position: { TOP: 'TOP'; BOTTOM: 'BOTTOM'; RIGHT: 'RIGHT'; NONE: 'NONE' } };
  console: ReturnType<typeof makeConsole>;
}
export interface UiLog {
  alerts: AlertRecord[]; prompts: PromptRecord[]; toasts: ToastRecord[]; sidebars: ShownHtml[]; dialogs: ShownHtml[]; menus: MenuRecord[];
  /** Queue answers for ui.alert / ui.prompt in call order: a Button name, or { text, button } for a prompt. Unqueued: OK / YES. */
  respondWith(...answers: UiAnswer[]): void;
  pending: UiAnswer[];
}
export interface LockControl {
  /** Make `scope` held by another execution: tryLock -> false, waitLock throws. */
  hold(scope?: LockScope): void;
  /** Release a lock held by another execution (or by anyone, if force). */
  release(scope?: LockScope): void;
  /** 'free' | 'other' (held via hold()) | 'code' (held by a Lock the code under test acquired). */
  state(scope?: LockScope): 'free' | 'other' | 'code';
  events: LockEvent[];
  /** Called right after a Lock is acquired, while it is held: call the code again here to interleave a second "execution". */
  onAcquired?: (scope: LockScope) => void;
  /** Called when an acquire attempt finds the lock held; release it here to simulate the other execution finishing. */
  onContended?: (scope: LockScope, timeoutMs: number) => void;
  /** @internal */
  _holders: Map<LockScope, FakeLock | typeof OTHER>;
}
export interface DriveControl {
  /** Add a folder under parentId (null = My Drive root); returns its id. */
  addFolder(parentId: string | null, name: string, id?: string): string;
  addFile(folderId: string | null, file: { name: string; mimeType: string; lastUpdated: Date; id?: string; size?: number; created?: Date }): string;
  rootId: string;
}
export interface GasFake {
  globals: GasGlobals;
  calls: CallCounter;
  spreadsheet: FakeSpreadsheet;
  sentMail: SentMessage[];
  ui: UiLog;
  drive: DriveControl;
  triggers: FakeTrigger[];
  locks: LockControl;
  fetched: { url: string; params: Record<string, unknown> }[];
  logs: LogRecord[];
  sleptMs: number;
  mailQuota: number;
  user: string;
  setSheet(name: string, rows: unknown[][]): void;
  sheetValues(name: string): CellValue[][];
  sheetFormats(name: string): SheetFormats;
  setFormulaResult(sheet: string, row: number, col: number, value: CellValue): void;
  setUser(email: string): void;
  failMailOn(n: number, message?: string): void;
  holdDocumentLock(): void;
  releaseHeld(): void;
  propertyStore(kind: 'document' | 'script' | 'user', email?: string): Record<string, string>;
  setUiAvailable(available: boolean): void;
  setAuthorizationRequired(required: boolean): void;
  limited(): GasGlobals;
}

class GasFakeImpl implements GasFake {
  readonly calls = new CallCounter();
  readonly sentMail: SentMessage[] = [];
  readonly triggers: FakeTrigger[] = [];
  readonly fetched: { url: string; params: Record<string, unknown> }[] = [];
  readonly logs: LogRecord[] = [];
  sleptMs = 0;
  mailQuota: number;
  mailAttempts = 0;
  readonly mailFailures = new Map<number, string>();
  user: string;
  readonly locale: string;
  readonly scriptTimeZone: string;
  readonly files: Record<string, string>;
  readonly fetchHandler: (url: string, params: Record<string, unknown>) => FetchResult;
  readonly parseStrings: boolean;
  uiAvailable: boolean;
  authorizationRequired = false;
  readonly addon = true;
  nextChartId = 1;
  nextTriggerId = 1;
  private nextDriveId = 1;
  private readonly props = { document: {} as Record<string, string>, script: {} as Record<string, string>, user: new Map<string, Record<string, string>>() };
  readonly driveNodes = new Map<string, DriveNode>();
  readonly spreadsheet: FakeSpreadsheet;
  readonly uiService: FakeUi;
  readonly globals: GasGlobals;

  readonly ui: UiLog = {
    alerts: [], prompts: [], toasts: [], sidebars: [], dialogs: [], menus: [], pending: [],
    respondWith: (...answers: UiAnswer[]) => { this.ui.pending.push(...answers); },
  };
  readonly locks: LockControl = {
    events: [],
    _holders: new Map(),
    hold: (scope: LockScope = 'document') => { this.locks._holders.set(scope, OTHER); },
    release: (scope: LockScope = 'document') => { this.locks._holders.delete(scope); },
    state: (scope: LockScope = 'document') => {
      const h = this.locks._holders.get(scope);
      return h === undefined ? 'free' : h === OTHER ? 'other' : 'code';
    },
  };
  readonly drive: DriveControl = {
    rootId: ROOT_ID,
    addFolder: (parentId, name, id) => this.addDriveNode({ id, kind: 'folder', name, parent: parentId, mimeType: FOLDER_MIME, lastUpdated: new Date(), size: 0 }),
    addFile: (folderId, f) => this.addDriveNode({ ...f, kind: 'file', parent: folderId, size: f.size ?? 1024 }),
  };

  constructor(opts: GasFakeOptions) {
    this.user = opts.user ?? 'leader@school.example';
    this.mailQuota = opts.mailQuota ?? 100;
    this.locale = opts.locale ?? 'en_GB';
    this.scriptTimeZone = opts.scriptTimeZone ?? opts.timeZone ?? 'Europe/London';
    this.files = { ...(opts.files ?? {}) };
    this.parseStrings = opts.parseStrings ?? true;
    this.uiAvailable = opts.uiAvailable ?? true;
    this.fetchHandler = opts.fetch ?? ((url) => { throw ex(`Address unavailable: ${url}`); });
    const id = opts.spreadsheetId ?? 'fake-spreadsheet-id';
    this.spreadsheet = new FakeSpreadsheet(this, id, opts.url ?? `https://docs.google.com/spreadsheets/d/${id}/edit`, opts.name ?? 'Careers Tracker', opts.timeZone ?? 'Europe/London');
    this.spreadsheet._add('Sheet1');
    this.uiService = new FakeUi(this);
    this.driveNodes.set(ROOT_ID, { id: ROOT_ID, kind: 'folder', name: 'My Drive', parents: [], mimeType: FOLDER_MIME, lastUpdated: new Date(0), created: new Date(0), size: 0 });
    this.globals = {
      SpreadsheetApp: new FakeSpreadsheetApp(this), PropertiesService: new FakePropertiesService(this),
      LockService: new FakeLockService(this), Session: new FakeSession(this), Utilities: new FakeUtilities(this),
      MailApp: new FakeMailApp(this), DriveApp: new FakeDriveApp(this), UrlFetchApp: new FakeUrlFetchApp(this),
      ScriptApp: new FakeScriptApp(this), HtmlService: new FakeHtmlService(this), Logger: new FakeLogger(this),
      Charts: { ChartType, Position: enumOf('TOP', 'BOTTOM', 'RIGHT', 'NONE') }, console: makeConsole(this),
    };
  }

  /** The one counting helper. */
  count(service: Service, method: string): void { this.calls._record(service, method); }

  nextAnswer(): UiAnswer | undefined { return this.ui.pending.shift(); }

  /** Store a value typed/written by code into a cell, interpreting it the way Sheets does (see header). */
  writeCell(cell: Cell, raw: unknown): void {
    delete cell.f;
    delete cell.link;
    if (raw === null || raw === undefined) { cell.v = ''; return; }
    if (isDate(raw)) { cell.v = copyDate(raw); return; }
    if (typeof raw === 'number' || typeof raw === 'boolean') { cell.v = raw; return; }
    const s = String(raw);
    if (s.startsWith("'")) { cell.v = s.slice(1); return; }
    if (!this.parseStrings || cell.st?.numberFormat === '@') { cell.v = s; return; }
    if (s.length > 1 && s.startsWith('=')) { cell.v = ''; cell.f = s; return; }
    cell.v = this.parseTyped(s);
  }
  private parseTyped(s: string): CellValue {
    const t = s.trim();
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
    const pct = /^([+-]?(\d+\.?\d*|\.\d+))%$/.exec(t);
    if (pct) return Number(pct[1]) / 100;
    if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
    const tz = this.spreadsheet._tz;
    let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
    if (m && validYmd(+m[1], +m[2], +m[3])) return zonedDate(+m[1], +m[2], +m[3], tz);
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
    if (m) {
      const [d, M] = this.locale === 'en_US' ? [+m[2], +m[1]] : [+m[1], +m[2]];
      if (validYmd(+m[3], M, d)) return zonedDate(+m[3], M, d, tz);
    }
    return s;
  }
  display(cell: Cell | undefined): string {
    if (!cell || cell.v === '') return '';
    const v = cell.v;
    const nf = String(cell.st?.numberFormat ?? '');
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    if (isDate(v)) {
      const p = sheetsDatePattern(nf);
      if (p) return formatDate(v, this.spreadsheet._tz, p);
      const base = this.locale === 'en_US' ? 'M/d/yyyy' : 'dd/MM/yyyy';
      const z = zoned(v, this.spreadsheet._tz);
      return formatDate(v, this.spreadsheet._tz, z.H || z.m || z.s ? `${base} HH:mm:ss` : base);
    }
    if (typeof v === 'number') {
      const fixed = /^(#,##)?0(?:\.(0+))?(%?)$/.exec(nf);
      if (fixed) {
        const digits = fixed[2]?.length ?? 0;
        const n = fixed[3] ? v * 100 : v;
        const text = fixed[1] ? n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : n.toFixed(digits);
        return text + fixed[3];
      }
      return String(v);
    }
    return v;
  }

  folderIterator(ids: string[], i = 0) { return new DriveIterator(this, 'FolderIterator', ids, i, (id) => new FakeFolder(this, this.driveNodes.get(id)!)); }
  fileIterator(ids: string[], i = 0) { return new DriveIterator(this, 'FileIterator', ids, i, (id) => new FakeFile(this, this.driveNodes.get(id)!)); }
  private addDriveNode(n: { id?: string; kind: DriveNode['kind']; name: string; parent: string | null; mimeType: string; lastUpdated: Date; size: number; created?: Date }): string {
    const parent = n.parent ?? ROOT_ID;
    if (this.driveNodes.get(parent)?.kind !== 'folder') throw new Error(`gas fake: no folder ${parent}`);
    const id = n.id ?? `${n.kind}-${this.nextDriveId++}`;
    if (this.driveNodes.has(id)) throw new Error(`gas fake: drive id ${id} already used`);
    this.driveNodes.set(id, {
      id, kind: n.kind, name: n.name, parents: [parent], mimeType: n.mimeType, lastUpdated: copyDate(n.lastUpdated),
      created: copyDate(n.created ?? n.lastUpdated), size: n.size,
    });
    return id;
  }

  // ── test helpers (not counted) ──
  private sheetData(name: string): SheetData {
    const d = this.spreadsheet._find(name);
    if (!d) throw new Error(`gas fake: no sheet named ${name}`);
    return d;
  }
  setSheet(name: string, rows: unknown[][]): void {
    const d = this.spreadsheet._find(name) ?? this.spreadsheet._add(name);
    d.cells = rows.map((row) => row.map((v): Cell => ({ v: v === null || v === undefined ? '' : isDate(v) ? copyDate(v) : (v as CellValue) })));
    d.maxRows = Math.max(1000, rows.length);
    d.maxCols = Math.max(26, ...rows.map((r) => r.length));
    d.charts = [];
  }
  sheetValues(name: string): CellValue[][] {
    const d = this.sheetData(name);
    return grid(d.lastRow(), d.lastCol(), (r, c) => readValue(d.get(r + 1, c + 1)));
  }
  sheetFormats(name: string): SheetFormats {
    const d = this.sheetData(name);
    const [nr, nc] = [d.lastRow(hasAnything), d.lastCol(hasAnything)];
    const g = <T>(f: (cell: Cell | undefined) => T) => grid(nr, nc, (r, c) => f(d.get(r + 1, c + 1)));
    const st = <T>(k: StyleKey) => g((cell) => (cell?.st?.[k] ?? STYLE_DEFAULTS[k]) as T);
    return {
      backgrounds: st('background'), fontWeights: st('fontWeight'), fontColors: st('fontColor'), numberFormats: st('numberFormat'),
      wraps: st('wrap'), horizontalAlignments: st('horizontalAlignment'), notes: g((c) => c?.note ?? ''),
      links: g((c) => c?.link ?? null), validations: g((c) => c?.dv?._record() ?? null), formulas: g((c) => c?.f ?? ''),
      frozenRows: d.frozenRows, frozenColumns: d.frozenCols, columnWidths: { ...d.colWidths }, autoResized: [...d.autoResized].sort((a, b) => a - b),
      hidden: d.hidden, tabColor: d.tabColor,
      charts: d.charts.map((ch) => ({
        id: ch.id, type: ch.type, options: { ...ch.options }, position: { ...ch.position },
        ranges: ch.ranges.map((r) => (r.sheet === d ? '' : `${r.sheet.name}!`) + a1(r.r, r.c, r.nr, r.nc)),
      })),
    };
  }
  setFormulaResult(sheet: string, row: number, col: number, value: CellValue): void {
    const cell = this.sheetData(sheet).get(row, col);
    if (!cell?.f) throw new Error(`gas fake: ${sheet}!${a1(row, col)} holds no formula`);
    cell.v = value;
  }
  setUser(email: string): void { this.user = email; }
  failMailOn(n: number, message = 'Service unavailable: Email'): void { this.mailFailures.set(this.mailAttempts + n, message); }
  holdDocumentLock(): void { this.locks.hold('document'); }
  releaseHeld(): void { for (const [k, h] of this.locks._holders) if (h === OTHER) this.locks._holders.delete(k); }
  propertyStore(kind: 'document' | 'script' | 'user', email = this.user): Record<string, string> {
    if (kind !== 'user') return this.props[kind];
    if (!this.props.user.has(email)) this.props.user.set(email, {});
    return this.props.user.get(email)!;
  }
  setUiAvailable(available: boolean): void { this.uiAvailable = available; }
  setAuthorizationRequired(required: boolean): void { this.authorizationRequired = required; }

  limited(): GasGlobals {
    const deny = <T extends object>(target: T, service: string, allow: string[] = []): T =>
      new Proxy(target, {
        get(t, prop) {
          if (typeof prop === 'symbol') return Reflect.get(t, prop, t);
          if (allow.includes(prop) || /^[A-Z]/.test(prop)) {
            const v = Reflect.get(t, prop, t);
            return typeof v === 'function' ? v.bind(t) : v;
          }
          throw ex(`${service}.${prop} is not available in AuthMode.NONE: requires authorization`);
        },
      });
    const g = this.globals;
    return {
      ...g,
      SpreadsheetApp: deny(g.SpreadsheetApp, 'SpreadsheetApp', ['getUi']),
      PropertiesService: deny(g.PropertiesService, 'PropertiesService'), LockService: deny(g.LockService, 'LockService'),
      Session: deny(g.Session, 'Session'), MailApp: deny(g.MailApp, 'MailApp'), DriveApp: deny(g.DriveApp, 'DriveApp'),
      UrlFetchApp: deny(g.UrlFetchApp, 'UrlFetchApp'), ScriptApp: deny(g.ScriptApp, 'ScriptApp'), HtmlService: deny(g.HtmlService, 'HtmlService'),
    };
  }
}
const validYmd = (y: number, M: number, d: number) => M >= 1 && M <= 12 && d >= 1 && d <= new Date(Date.UTC(y, M, 0)).getUTCDate();

export function createGasFake(opts: GasFakeOptions = {}): GasFake {
  return new GasFakeImpl(opts);
}
