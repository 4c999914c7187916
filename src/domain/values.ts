/**
 * Reading one cell: the reading rules of tracker.md. Each reader returns the value, or a
 * plain-English problem. Nothing here throws on bad input.
 */
import { type Day, MONTHS, makeDay } from './calendar';
import type { CellValue } from '../ports';
import { isDayCell } from '../ports';
import { findTerm, type Term } from './schema';

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = <T>(message: string): Read<T> => ({ ok: false, message });

export function isBlank(v: CellValue | undefined | null): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** The cell as the user would read it, for problem reports. */
export function displayCell(v: CellValue | undefined | null): string {
  if (v === undefined || v === null) return '';
  if (isDayCell(v)) return v.time ? `${v.day} ${v.time}` : v.day;
  return String(v);
}

export function readText(v: CellValue): string {
  return displayCell(v).trim();
}

const MONTH_WORDS: Record<string, number> = {};
MONTHS.forEach((m, i) => {
  MONTH_WORDS[m.toLowerCase()] = i + 1;
  MONTH_WORDS[m.slice(0, 3).toLowerCase()] = i + 1;
});
MONTH_WORDS.sept = 9;

/** A calendar day: a date cell, or text in UK day-first form, `D Month YYYY` or ISO. */
export function readDate(v: CellValue): Read<Day> {
  if (isDayCell(v)) return ok(v.day);
  if (typeof v === 'number' || typeof v === 'boolean') {
    return bad(`"${v}" is not a date. Type a date such as 12/09/2025.`);
  }
  const s = v.trim();
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) {
    const day = makeDay(+m[3], +m[2], +m[1]);
    if (day) return ok(day);
    const us = makeDay(+m[3], +m[1], +m[2]);
    return bad(
      us
        ? `"${s}" looks like a US date (month first). Dates are day first: ${+m[2]}/${+m[1]}/${m[3]}.`
        : `"${s}" is not a real date.`,
    );
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) {
    const day = makeDay(+m[1], +m[2], +m[3]);
    return day ? ok(day) : bad(`"${s}" is not a real date.`);
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(s);
  if (m) {
    const month = MONTH_WORDS[m[2].toLowerCase()];
    const day = month ? makeDay(+m[3], month, +m[1]) : null;
    return day ? ok(day) : bad(`"${s}" is not a real date.`);
  }
  return bad(`"${s}" is not a date. Use a date cell, or write it as 12/09/2025 or 12 September 2025.`);
}

const YES = new Set(['y', 'yes', 'true', '✓', '✔', 'x', 'eligible', 't', '1']);
const NO = new Set(['n', 'no', 'false', '', 'not eligible', 'f', '0']);

const READ_YES: Read<boolean> = { ok: true, value: true };
const READ_NO: Read<boolean> = { ok: true, value: false };

export function readYesNo(v: CellValue): Read<boolean> {
  if (typeof v === 'boolean') return v ? READ_YES : READ_NO;
  const s = displayCell(v).trim().toLowerCase();
  if (YES.has(s)) return READ_YES;
  if (NO.has(s)) return READ_NO;
  return bad(`"${displayCell(v)}" is not yes or no. Use Yes or No (Y, N, TRUE, FALSE, ✓ and x also work).`);
}

/** A percentage 0–100: `94`, `94%`, or a fraction `0.94`. */
export function readPercent(v: CellValue): Read<number> {
  let n: number;
  if (typeof v === 'number') {
    n = v <= 1 ? v * 100 : v;
  } else if (typeof v === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(v);
    if (!m) return bad(`"${v}" is not a percentage. Write it as a number such as 94 or 94%.`);
    n = Number(m[1]);
    if (!m[2] && n <= 1) n *= 100;
  } else {
    return bad(`"${displayCell(v)}" is not a percentage.`);
  }
  n = Math.round(n * 1000) / 1000;
  if (n < 0 || n > 100) return bad(`"${displayCell(v)}" is not a percentage between 0 and 100.`);
  return ok(n);
}

/** A number from min to max: `37.5`, or with its unit after it (`37.5 hours`, `4 miles`). */
export function readNumber(v: CellValue, min: number, max: number): Read<number> {
  const m = typeof v === 'number' ? null : /^\s*(\d+(?:\.\d+)?)\s*[a-z ]*$/i.exec(displayCell(v));
  const n = typeof v === 'number' ? v : m ? Number(m[1]) : NaN;
  if (Number.isFinite(n) && n >= min && n <= max) return ok(n);
  return bad(`"${displayCell(v)}" is not a number from ${min} to ${max}.`);
}

/** A year group 7–13: `Y10`, `Year 10` or `10`. */
export function readYearGroup(v: CellValue): Read<number> {
  const s = displayCell(v).trim();
  const m = /^(?:y|yr|year)?\s*(\d{1,2})$/i.exec(s);
  const n = m ? Number(m[1]) : NaN;
  if (n >= 7 && n <= 13) return ok(n);
  return bad(`"${s}" is not a year group from 7 to 13.`);
}

export function readCalendarYear(v: CellValue): Read<number> {
  const s = displayCell(v).trim();
  const n = /^\d{4}$/.test(s) ? Number(s) : NaN;
  if (n >= 1990 && n <= 2100) return ok(n);
  return bad(`"${s}" is not a year such as 2025.`);
}

/** A benchmark 1–8: `BM5`, `Benchmark 5` or `5`. */
export function readBenchmark(v: CellValue): Read<number> {
  const s = displayCell(v).trim();
  const m = /^(?:bm|benchmark|gatsby benchmark)?\s*(\d{1,2})$/i.exec(s);
  const n = m ? Number(m[1]) : NaN;
  if (n >= 1 && n <= 8) return ok(n);
  return bad(`"${s}" is not a Gatsby Benchmark from 1 to 8.`);
}

export function readTerm(v: CellValue, terms: Term[]): Read<string> {
  const s = displayCell(v).trim();
  // An MIS writes a coded value as "K - SEN Support" (or "EHCP - Education, Health and Care
  // Plan"): it is read by its code, a letter, or a word when the dash has spaces around it.
  const code = /^([A-Za-z])\s*[-–]\s*\S/.exec(s) ?? /^([A-Za-z0-9]+)\s+[-–]\s+\S/.exec(s);
  const t = findTerm(terms, s) ?? (code ? findTerm(terms, code[1]) : undefined);
  if (t) return ok(t.value);
  const choices = terms.map((x) => x.value).join(', ');
  return bad(`"${s}" is not one of: ${choices}.`);
}

/** A UK postcode, stored upper case with one space before the last three characters. */
export function readPostcode(v: CellValue): Read<string> {
  const s = displayCell(v).replace(/\s+/g, '').toUpperCase();
  if (/^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$/.test(s)) return ok(`${s.slice(0, -3)} ${s.slice(-3)}`);
  return bad(`"${displayCell(v).trim()}" is not a UK postcode such as CT1 2AB.`);
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[A-Za-z]{2,}$/;

export function readEmail(v: CellValue): Read<string> {
  const s = displayCell(v).trim();
  if (EMAIL.test(s)) return ok(s);
  return bad(`"${s}" is not a valid email address.`);
}

export function isHttpUrl(s: string): boolean {
  return /^https?:\/\/[^\s<>"]+$/i.test(s.trim());
}

export function readUrl(v: CellValue): Read<string> {
  const s = displayCell(v).trim();
  if (isHttpUrl(s)) return ok(s);
  return bad(`"${s}" is not a web link starting with https://.`);
}

/** List items: separated by commas, semicolons, slashes or new lines. */
export function splitList(v: CellValue): string[] {
  return displayCell(v)
    .split(/[,;/\n\r]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Pupil IDs are compared as trimmed, case-insensitive text. */
export function pupilKey(id: string): string {
  return id.trim().toLowerCase();
}

export function staffKey(initials: string): string {
  return initials.trim().toUpperCase();
}
