/**
 * The Settings tab: key/value pairs with defaults (tracker.md, Settings).
 */
import type { CellValue } from '../ports';
import { type DayOfYear, MONTHS } from './calendar';
import { SETTINGS_TAB, normaliseHeader } from './schema';
import type { Problem } from './table';
import { mapHeaders } from './table';
import { displayCell, isBlank, readDate, readEmail, readText, readYesNo } from './values';
import { isDayCell } from '../ports';

export interface Settings {
  schoolName: string;
  timeZone: string;
  careersLeaderEmail: string | null;
  academicYearStart: DayOfYear;
  applicationDeadline: DayOfYear;
  offerDeadline: DayOfYear;
  attendanceThreshold: number;
  meetingGapDays: number;
  riskFactorsForRed: number;
  bulletinNewDays: number;
  bulletinLeaverYears: number;
  evidenceFolder: string | null;
  evidenceStaleDays: number;
  greenAt: number;
  amberAt: number;
  vacancySearch: { lat: number; lon: number; miles: number } | null;
  includeNationalVacancies: boolean;
  /** months (1–12) of the leavers' destination check points */
  destinationChecks: number[];
  trackLeaverYears: number;
  keepLeaverYears: number;
}

type SettingKind = 'text' | 'timeZone' | 'email' | 'dayOfYear' | 'number' | 'latLonMiles' | 'yesNo' | 'months';

export interface SettingSpec {
  key: keyof Settings;
  label: string;
  kind: SettingKind;
  /** the default as written in the sheet */
  defaultText: string;
  help: string;
  min?: number;
  max?: number;
}

export const SETTING_SPECS: SettingSpec[] = [
  { key: 'schoolName', label: 'School name', kind: 'text', defaultText: '', help: 'Used in emails and reports' },
  { key: 'timeZone', label: 'Time zone', kind: 'timeZone', defaultText: 'Europe/London', help: 'For the command line; in Google Sheets the spreadsheet\'s own time zone wins' },
  { key: 'careersLeaderEmail', label: 'Careers leader email', kind: 'email', defaultText: '', help: 'Receives the full unplaced-Year-11 alert' },
  { key: 'academicYearStart', label: 'Academic year start', kind: 'dayOfYear', defaultText: '1 September', help: 'First day of the academic year' },
  { key: 'applicationDeadline', label: 'Application deadline', kind: 'dayOfYear', defaultText: '31 January', help: 'After it, a Year 11 with no application is red' },
  { key: 'offerDeadline', label: 'Offer deadline', kind: 'dayOfYear', defaultText: '31 March', help: 'After it, a Year 11 without an accepted offer is red' },
  { key: 'attendanceThreshold', label: 'Attendance threshold', kind: 'number', defaultText: '90', min: 0, max: 100, help: 'Attendance below this is a risk factor (persistent absence)' },
  { key: 'meetingGapDays', label: 'Meeting gap days', kind: 'number', defaultText: '42', min: 1, max: 366, help: 'No meeting for longer than this is a risk factor' },
  { key: 'riskFactorsForRed', label: 'Risk factors for red', kind: 'number', defaultText: '3', min: 1, max: 20, help: 'This many risk factors make a Year 11 red whatever the date' },
  { key: 'bulletinNewDays', label: 'Bulletin new days', kind: 'number', defaultText: '7', min: 0, max: 366, help: 'A vacancy posted within this many days is marked New' },
  { key: 'bulletinLeaverYears', label: 'Bulletin leaver years', kind: 'number', defaultText: '3', min: 0, max: 10, help: 'Leavers of the last N leaver years get the bulletin' },
  { key: 'evidenceFolder', label: 'Evidence folder', kind: 'text', defaultText: '', help: 'Drive folder (URL or ID) holding the benchmark folders' },
  { key: 'evidenceStaleDays', label: 'Evidence stale days', kind: 'number', defaultText: '120', min: 1, max: 3660, help: 'A benchmark folder with no file updated for longer is stale' },
  { key: 'greenAt', label: 'Green at', kind: 'number', defaultText: '100', min: 0, max: 100, help: 'Benchmark score (%) at or above which it is green' },
  { key: 'amberAt', label: 'Amber at', kind: 'number', defaultText: '50', min: 0, max: 100, help: 'Benchmark score (%) at or above which it is amber; below is red' },
  { key: 'vacancySearch', label: 'Vacancy search', kind: 'latLonMiles', defaultText: '', help: 'For the vacancy import: lat, lon, miles' },
  { key: 'includeNationalVacancies', label: 'Include national vacancies', kind: 'yesNo', defaultText: 'No', help: 'Yes: the vacancy import also takes adverts recruiting across England (no local address)' },
  { key: 'destinationChecks', label: 'Destination checks', kind: 'months', defaultText: 'October, March', help: 'Months in which each leaver\'s destination is checked (from the 1st)' },
  { key: 'trackLeaverYears', label: 'Track leavers (years)', kind: 'number', defaultText: '3', min: 1, max: 10, help: 'Leavers\' destinations are checked for this many years after they leave' },
  { key: 'keepLeaverYears', label: 'Keep leavers (years)', kind: 'number', defaultText: '3', min: 1, max: 20, help: 'Leavers older than this many leaver years can be pseudonymised' },
];

export function defaultSettings(): Settings {
  return readSettings(null, []).settings;
}

const MONTH_INDEX = new Map<string, number>();
MONTHS.forEach((m, i) => {
  MONTH_INDEX.set(m.toLowerCase(), i + 1);
  MONTH_INDEX.set(m.slice(0, 3).toLowerCase(), i + 1);
});
MONTH_INDEX.set('sept', 9);

function readDayOfYear(v: CellValue): DayOfYear | null {
  if (isDayCell(v)) return { month: Number(v.day.slice(5, 7)), day: Number(v.day.slice(8, 10)) };
  const s = displayCell(v).trim();
  let m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?$/.exec(s);
  if (m && MONTH_INDEX.has(m[2].toLowerCase())) return valid(+m[1], MONTH_INDEX.get(m[2].toLowerCase())!);
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (m) return valid(+m[1], +m[2]);
  const full = readDate(v);
  if (full.ok) return { month: Number(full.value.slice(5, 7)), day: Number(full.value.slice(8, 10)) };
  return null;
}

function valid(day: number, month: number): DayOfYear | null {
  const max = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return max && day >= 1 && day <= max ? { month, day } : null;
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function parseSetting(spec: SettingSpec, v: CellValue): { value: unknown } | { message: string } {
  switch (spec.kind) {
    case 'text':
      return { value: readText(v) || null };
    case 'timeZone': {
      const tz = readText(v);
      return isTimeZone(tz) ? { value: tz } : { message: `"${tz}" is not a time zone such as Europe/London.` };
    }
    case 'email': {
      const r = readEmail(v);
      return r.ok ? { value: r.value } : { message: r.message };
    }
    case 'dayOfYear': {
      const d = readDayOfYear(v);
      return d ? { value: d } : { message: `"${displayCell(v)}" is not a day and month such as 1 September.` };
    }
    case 'number': {
      const n = typeof v === 'number' ? v : Number(readText(v).replace(/%$/, ''));
      if (!Number.isFinite(n) || n < (spec.min ?? -Infinity) || n > (spec.max ?? Infinity)) {
        return { message: `"${displayCell(v)}" is not a number from ${spec.min} to ${spec.max}.` };
      }
      return { value: n };
    }
    case 'months': {
      const words = readText(v).split(/[,;/\s]+|\band\b/i).map((w) => w.trim().toLowerCase().replace(/\.$/, '')).filter(Boolean);
      const months = words.map((w) => MONTH_INDEX.get(w));
      if (months.length === 0 || months.some((m) => m === undefined)) {
        return { message: `"${displayCell(v)}" should be month names separated by commas, e.g. October, March.` };
      }
      return { value: [...new Set(months as number[])].sort((a, b) => a - b) };
    }
    case 'latLonMiles': {
      const parts = readText(v).split(/[,;\s]+/).filter(Boolean).map(Number);
      const [lat, lon, miles] = parts;
      if (parts.length !== 3 || parts.some((p) => !Number.isFinite(p)) || Math.abs(lat) > 90 || Math.abs(lon) > 180 || miles <= 0) {
        return { message: `"${displayCell(v)}" should be latitude, longitude and miles, e.g. 51.28, 1.08, 15.` };
      }
      return { value: { lat, lon, miles } };
    }
    case 'yesNo': {
      const r = readYesNo(v);
      return r.ok ? { value: r.value } : { message: r.message };
    }
  }
}

export interface SettingsRead {
  settings: Settings;
  /** 1-based sheet row of each setting present in the tab */
  rows: Map<keyof Settings, number>;
}

/** Reads the Settings tab; missing or invalid settings take their defaults (invalid ones are problems). */
export function readSettings(grid: CellValue[][] | null, problems: Problem[]): SettingsRead {
  const values: Record<string, unknown> = {};
  for (const spec of SETTING_SPECS) {
    const parsed = spec.defaultText === '' ? { value: null } : parseSetting(spec, spec.defaultText);
    values[spec.key] = 'value' in parsed ? parsed.value : null;
  }
  values.schoolName = '';
  const rows = new Map<keyof Settings, number>();
  const header = mapHeaders(grid, SETTINGS_TAB);
  const settingCol = header.columns.get('setting');
  const valueCol = header.columns.get('value');
  if (grid && header.headerRow > 0 && settingCol !== undefined && valueCol !== undefined) {
    for (let i = header.headerRow; i < grid.length; i++) {
      const name = normaliseHeader(displayCell(grid[i][settingCol] ?? ''));
      const spec = SETTING_SPECS.find((s) => normaliseHeader(s.label) === name);
      if (!spec || rows.has(spec.key)) continue;
      rows.set(spec.key, i + 1);
      const cell = grid[i][valueCol] ?? '';
      if (isBlank(cell)) continue;
      const parsed = parseSetting(spec, cell);
      if ('value' in parsed) values[spec.key] = parsed.value ?? (spec.key === 'schoolName' ? '' : null);
      else problems.push({ tab: 'Settings', row: i + 1, column: header.headers[valueCol], value: displayCell(cell), message: `${parsed.message} The default (${spec.defaultText || 'blank'}) is used.` });
    }
  }
  return { settings: values as unknown as Settings, rows };
}
