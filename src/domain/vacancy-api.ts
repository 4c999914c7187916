/**
 * Find an apprenticeship, Display advert API v2 (reference/domain.md §5): the request, the
 * response (both shapes seen in the wild: `addresses[]`, and the older `address` +
 * `otherAddresses`), and the mapping of one advert to a row of the Vacancies tab. Pure.
 */
import * as z from 'zod/mini';
import { type Day, makeDay } from './calendar';
import { FIND_AN_APPRENTICESHIP, formatLevel, referenceKey } from './bulletin';

export const VACANCY_API_URL = 'https://api.apprenticeships.education.gov.uk/vacancies/vacancy';
export const VACANCY_SOURCE = 'Find an apprenticeship';
/** The API's largest page. */
export const PAGE_SIZE = 100;
/** A sane cap: 10 pages of 100 is far more than one area's adverts, and well inside the rate limit. */
export const MAX_PAGES = 10;
/** Weekly imports look back a fortnight, so one missed week loses nothing (Reference stops doubles). */
export const POSTED_IN_LAST_DAYS = 14;
const FAA_ADVERT = 'https://www.findapprenticeship.service.gov.uk/apprenticeship/VAC';

export interface VacancySearch {
  lat: number;
  lon: number;
  miles: number;
}

/**
 * The list request. National adverts (no address, recruiting across England) are left out unless
 * the school's `Include national vacancies` setting is yes: the API includes them otherwise.
 */
export function searchUrl(search: VacancySearch | null, page: number, postedInLastDays = POSTED_IN_LAST_DAYS, includeNational = false): string {
  const q: [string, string][] = [];
  if (search) {
    q.push(['Lat', String(search.lat)], ['Lon', String(search.lon)], ['DistanceInMiles', String(Math.max(1, Math.round(search.miles)))]);
  }
  q.push(['PostedInLastNumberOfDays', String(postedInLastDays)], ['Sort', 'AgeDesc'], ['PageSize', String(PAGE_SIZE)], ['PageNumber', String(page)]);
  if (!includeNational) q.push(['ExcludeRecruitingNationally', 'true']);
  return `${VACANCY_API_URL}?${q.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

export function apiHeaders(key: string): Record<string, string> {
  return { 'Ocp-Apim-Subscription-Key': key, 'X-Version': '2', Accept: 'application/json' };
}

const PAGE = z.object({
  vacancies: z.nullish(z.array(z.unknown())),
  total: z.nullish(z.number()),
  totalFiltered: z.nullish(z.number()),
  totalPages: z.nullish(z.number()),
});

export interface ParsedPage {
  items: unknown[];
  totalPages: number;
}

/**
 * One page of the list response; null when the body is not JSON of the expected shape. A page
 * that has the envelope's counts but no list (the API leaves out empty values) is an empty page.
 */
export function parsePage(body: string): ParsedPage | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  const page = PAGE.safeParse(json);
  if (!page.success) return null;
  const d = page.data;
  if (!d.vacancies && typeof d.totalPages !== 'number' && typeof d.total !== 'number') return null;
  const totalPages = d.totalPages ?? 1;
  return { items: d.vacancies ?? [], totalPages: Number.isFinite(totalPages) && totalPages > 0 ? Math.floor(totalPages) : 1 };
}

/** A row of the Vacancies tab, as the import writes it. */
export interface VacancyRecord {
  title: string;
  employer: string;
  location: string;
  level: string;
  wage: string;
  closing: Day;
  link: string;
  posted: Day;
  reference: string;
  source: string;
  /** the expected start date, when the advert gives a real one */
  starts: Day | null;
  /** hours per week, work and training */
  hours: number | null;
  /** miles from the Vacancy search point */
  distance: number | null;
  /** recruiting across England (no address) */
  national: boolean;
}

export type Mapped = { ok: true; record: VacancyRecord } | { ok: false; reason: string };

/** What a Google Sheets cell holds: longer text from the API is cut to fit. */
export const CELL_LIMIT = 50_000;
/** Sane ranges: anything outside is an error in the advert, and the value is left blank. */
const MAX_HOURS = 168;
const MAX_MILES = 1_000;
const MAX_WAGE = 1_000_000;

type Json = Record<string, unknown>;

function asObject(v: unknown): Json | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null;
}

/** Text from the API on one line, cut to what a cell holds. Numbers are read as their digits. */
function text(v: unknown): string {
  return fit(clean(typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : ''));
}

/** Cut to a cell, keeping one character for the `'` that marks text starting with `=` as text. */
function fit(t: string): string {
  return t.length >= CELL_LIMIT ? `${t.slice(0, CELL_LIMIT - 2)}…` : t;
}

/** A number in [min, max] (a JSON number or numeric text), else null: `1e308` is not a wage. */
function numberIn(v: unknown, min: number, max: number): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v.replace(/[£,]/g, '')) ? Number(v.replace(/[£,]/g, '')) : NaN;
  return Number.isFinite(n) && n >= min && n <= max ? n : null;
}

/** Short, for messages. */
function quote(s: string): string {
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

/**
 * Maps one advert; `today` stands in for a missing posted date (the day it was first seen);
 * `search` is the Vacancy search point, for distances the API did not give. Only a missing title,
 * reference or closing date leaves an advert out, and the reason says which. Every other value the
 * advert cannot give (an enum value the API writes as a bare number, a wild number) is left blank.
 */
export function mapVacancy(raw: unknown, today: Day, search: VacancySearch | null = null): Mapped {
  const v = asObject(raw);
  if (!v) return { ok: false, reason: 'an entry that is not an advert' };
  const title = text(v.title);
  const rawRef = typeof v.vacancyReference === 'string' || typeof v.vacancyReference === 'number' ? String(v.vacancyReference) : '';
  const reference = text(referenceKey(rawRef));
  const closingText = typeof v.closingDate === 'string' ? clean(v.closingDate) : '';
  const closing = calendarDay(closingText);
  const missing = [!title && 'title', !reference && 'reference', !closingText && 'closing date'].filter(Boolean) as string[];
  const which = reference ? `reference ${quote(reference)}` : title ? `"${quote(title)}"` : '';
  const about = which ? ` (${which})` : '';
  if (missing.length > 0) {
    const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} or ${missing[missing.length - 1]}`;
    return { ok: false, reason: `an advert without a ${list}${about}` };
  }
  if (!closing) return { ok: false, reason: `an advert with an unreadable closing date "${quote(closingText)}"${about}` };
  const national = v.isNationalVacancy === true || String(v.isNationalVacancy).toLowerCase() === 'true';
  const addresses = addressesOf(v);
  return {
    ok: true,
    record: {
      title,
      employer: text(v.employerName) || text(v.providerName) || 'Employer not named',
      location: fit(locationOf(addresses, national)),
      level: fit(levelOf(v)),
      wage: fit(wageOf(asObject(v.wage) as ApiWage | null)),
      closing,
      link: linkOf(v.vacancyUrl, reference),
      posted: calendarDay(typeof v.postedDate === 'string' ? v.postedDate : null) ?? today,
      reference,
      source: VACANCY_SOURCE,
      starts: calendarDay(typeof v.startDate === 'string' ? v.startDate : null),
      hours: roundTo(numberIn(v.hoursPerWeek, 0.5, MAX_HOURS), 2),
      distance: national ? null : distanceOf(v, addresses, search),
      national,
    },
  };
}

function clean(s: string | null | undefined): string {
  return String(s ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

function roundTo(n: number | null, places: number): number | null {
  if (n === null) return null;
  const f = 10 ** places;
  return Math.round(n * f) / f;
}

/**
 * The API's dates are UK local times (a closing date is 23:59:59 of the closing day): the day as
 * written. A year outside 2000–2099 is the API's empty date (`0001-01-01`), not a real one.
 */
export function calendarDay(s: string | null | undefined): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(s ?? '').trim());
  if (!m || +m[1] < 2000 || +m[1] > 2099) return null;
  return makeDay(+m[1], +m[2], +m[3]);
}

/** The advert's own https page, else its Find an apprenticeship page built from the reference. */
function linkOf(url: unknown, reference: string): string {
  const u = typeof url === 'string' ? clean(url) : '';
  if (u.length <= 2_000 && /^https:\/\/[^\s<>"']+$/i.test(u)) return u;
  const built = `${FAA_ADVERT}${encodeURIComponent(reference)}`;
  return built.length <= 2_000 ? built : FIND_AN_APPRENTICESHIP;
}

interface Address {
  lines: string[];
  postcode: string;
  lat: number | null;
  lon: number | null;
}

/** Both shapes: `addresses[]`, or `address` + `otherAddresses`; entries with nothing written are dropped. */
function addressesOf(v: Json): Address[] {
  const list = Array.isArray(v.addresses) && v.addresses.length > 0
    ? v.addresses
    : [v.address, ...(Array.isArray(v.otherAddresses) ? v.otherAddresses : [])];
  const out: Address[] = [];
  for (const item of list) {
    const a = asObject(item);
    if (!a) continue;
    const address: Address = {
      lines: [a.addressLine1, a.addressLine2, a.addressLine3, a.addressLine4].map(text),
      postcode: text(a.postcode),
      lat: numberIn(a.latitude, -90, 90),
      lon: numberIn(a.longitude, -180, 180),
    };
    if ([...address.lines, address.postcode].some(Boolean)) out.push(address);
  }
  return out;
}

/** Town (the third address line by convention, else the nearest filled line) and postcode of the first address. */
function locationOf(addresses: Address[], national: boolean): string {
  if (national || addresses.length === 0) return 'National';
  const [l1, l2, l3, l4] = addresses[0].lines;
  const town = [l3, l4, l2, l1].find(Boolean) ?? '';
  const place = [town, addresses[0].postcode].filter(Boolean).join(', ');
  const others = addresses.length - 1;
  return others > 0 ? `${place} (and ${others} other location${others === 1 ? '' : 's'})` : place;
}

/** Miles from the Vacancy search point: the API's own figure, else worked out from the first address's position. */
function distanceOf(v: Json, addresses: Address[], search: VacancySearch | null): number | null {
  const given = numberIn(v.distance, 0, MAX_MILES);
  if (given !== null) return roundTo(given, 1);
  const first = addresses[0];
  if (!search || !first || first.lat === null || first.lon === null) return null;
  const miles = milesBetween(search.lat, search.lon, first.lat, first.lon);
  return miles <= MAX_MILES ? roundTo(miles, 1) : null;
}

/** Great-circle distance in miles. */
export function milesBetween(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2
    + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 3958.8 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** `Level 3 (Advanced)` from the course level, else from the advert's level name; blank when neither is known. */
function levelOf(v: Json): string {
  const course = asObject(v.course);
  const n = numberIn(course?.level, 1, 8);
  const name = text(v.apprenticeshipLevel);
  // 0 (no course) and "Unknown" are the API's empty values.
  if (n !== null && Number.isInteger(n)) return formatLevel(String(n)) || formatLevel(name);
  return /^(unknown|unspecified|0)$/i.test(name) ? '' : formatLevel(name);
}

function money(n: number): string {
  const pence = Math.round(n * 100);
  const pounds = String(Math.floor(pence / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = pence % 100;
  return rest === 0 ? `£${pounds}` : `£${pounds}.${String(rest).padStart(2, '0')}`;
}

/** The wage as the API sends it: enums are names, or bare numbers for values the API has no name for. */
export interface ApiWage {
  wageType?: unknown;
  wageAmount?: unknown;
  /** an earlier model's range, when there is no single amount */
  wageAmountLowerBound?: unknown;
  wageAmountUpperBound?: unknown;
  wageUnit?: unknown;
  wageAdditionalInformation?: unknown;
}

/** The API's enum numbers (GetVacanciesListResponse.cs), for a serialiser that writes a number. */
const WAGE_TYPES: Record<number, string> = { 1: 'unspecified', 2: 'apprenticeshipminimum', 3: 'nationalminimum', 4: 'custom', 6: 'competitivesalary' };
const WAGE_UNITS: Record<number, string> = { 1: 'unspecified', 2: 'weekly', 3: 'monthly', 4: 'annually' };
const UNIT_WORDS: Record<string, string> = { annually: 'a year', monthly: 'a month', weekly: 'a week' };

/** An enum value as lower-case text: a name, a number the API knows, or '' for anything else. */
function enumValue(v: unknown, names: Record<number, string>): string {
  if (typeof v === 'number') return names[v] ?? '';
  return typeof v === 'string' ? clean(v).toLowerCase().replace(/[\s_]+/g, '') : '';
}

/**
 * The wage in words. A Custom wage is its amount (the API documents it as the annual wage, so an
 * amount too large for a week or month is shown a year); with no usable amount, the advert's own
 * words about pay (`wageAdditionalInformation`). A wage type the API has no name for never drops
 * the advert: it is read as its words when it has some, else left blank.
 */
export function wageOf(wage: ApiWage | null | undefined): string {
  if (!wage) return '';
  const type = enumValue(wage.wageType, WAGE_TYPES);
  if (type === 'apprenticeshipminimum') return 'Apprenticeship minimum wage';
  if (type === 'nationalminimum') return 'National Minimum Wage for your age';
  if (type === 'competitivesalary') return 'Competitive salary';
  const low = numberIn(wage.wageAmountLowerBound, 0.01, MAX_WAGE);
  const high = numberIn(wage.wageAmountUpperBound, 0.01, MAX_WAGE);
  const amount = numberIn(wage.wageAmount, 0.01, MAX_WAGE) ?? (low !== null && high !== null && low < high ? high : null);
  if (amount !== null) {
    let unit = enumValue(wage.wageUnit, WAGE_UNITS);
    if ((unit === 'weekly' && amount > 2_000) || (unit === 'monthly' && amount > 10_000)) unit = 'annually';
    // A unit the API does not name is kept readable: "£500 (Fortnightly)".
    const words = UNIT_WORDS[unit] ?? (typeof wage.wageUnit === 'string' && unit && unit !== 'unspecified'
      ? `(${readable(wage.wageUnit)})` : amount >= 1_000 ? 'a year' : '');
    const pay = amount === high && low !== null ? `${money(low)} to ${money(high)}` : money(amount);
    return words ? `${pay} ${words}` : pay;
  }
  const said = text(wage.wageAdditionalInformation);
  if (said) return said;
  // An unnamed type written as text ("SomethingNew") is still words; Custom or Unspecified alone say nothing.
  if (typeof wage.wageType !== 'string' || /^(custom|unspecified)$/.test(type)) return '';
  return readable(wage.wageType);
}

/** An enum name in words: `TrainingAllowance` → `Training Allowance`. */
function readable(v: unknown): string {
  return text(v).replace(/([a-z])([A-Z])/g, '$1 $2');
}

/** A plain-English message for an HTTP status that is not success. */
export function httpErrorMessage(status: number): string {
  if (status === 401 || status === 403) {
    return `Find an apprenticeship rejected the API key (HTTP ${status}). Check the Display advert API key (menu: Set vacancy API key) and try again. Nothing was imported.`;
  }
  if (status === 429) {
    return 'Find an apprenticeship is limiting requests right now (HTTP 429, too many requests). Wait five minutes and try again. Nothing was imported.';
  }
  if (status === 404) {
    return 'Find an apprenticeship did not recognise the request (HTTP 404): the API version may have changed. Nothing was imported.';
  }
  if (status >= 500) return `Find an apprenticeship is not working at the moment (HTTP ${status}). Try again later. Nothing was imported.`;
  return `Find an apprenticeship refused the request (HTTP ${status}). Nothing was imported.`;
}
