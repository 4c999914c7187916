/**
 * Find an apprenticeship, Display advert API v2 (reference/domain.md §5): the request, the
 * response (both shapes seen in the wild: `addresses[]`, and the older `address` +
 * `otherAddresses`), and the mapping of one advert to a row of the Vacancies tab. Pure.
 */
import * as z from 'zod/mini';
import { type Day, makeDay } from './calendar';
import { referenceKey } from './bulletin';

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

export function searchUrl(search: VacancySearch | null, page: number, postedInLastDays = POSTED_IN_LAST_DAYS): string {
  const q: [string, string][] = [];
  if (search) {
    q.push(['Lat', String(search.lat)], ['Lon', String(search.lon)], ['DistanceInMiles', String(Math.max(1, Math.round(search.miles)))]);
  }
  q.push(['PostedInLastNumberOfDays', String(postedInLastDays)], ['Sort', 'AgeDesc'], ['PageSize', String(PAGE_SIZE)], ['PageNumber', String(page)]);
  return `${VACANCY_API_URL}?${q.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

export function apiHeaders(key: string): Record<string, string> {
  return { 'Ocp-Apim-Subscription-Key': key, 'X-Version': '2', Accept: 'application/json' };
}

const text = z.nullish(z.string());
const numberish = z.nullish(z.union([z.number(), z.string()]));

const ADDRESS = z.object({
  addressLine1: text, addressLine2: text, addressLine3: text, addressLine4: text,
  postcode: text, latitude: z.nullish(z.number()), longitude: z.nullish(z.number()),
});
export type ApiAddress = z.infer<typeof ADDRESS>;

const ITEM = z.object({
  title: z.string(),
  employerName: text,
  providerName: text,
  postedDate: text,
  closingDate: z.string(),
  wage: z.nullish(z.object({ wageType: text, wageAmount: numberish, wageUnit: text })),
  addresses: z.nullish(z.array(ADDRESS)),
  address: z.nullish(ADDRESS),
  otherAddresses: z.nullish(z.array(ADDRESS)),
  course: z.nullish(z.object({ level: numberish, title: text })),
  apprenticeshipLevel: text,
  vacancyUrl: text,
  vacancyReference: z.union([z.string(), z.number()]),
  isNationalVacancy: z.nullish(z.boolean()),
});
export type ApiVacancy = z.infer<typeof ITEM>;

const PAGE = z.object({
  vacancies: z.array(z.unknown()),
  total: z.nullish(z.number()),
  totalFiltered: z.nullish(z.number()),
  totalPages: z.nullish(z.number()),
});

export interface ParsedPage {
  items: unknown[];
  totalPages: number;
}

/** One page of the list response; null when the body is not JSON of the expected shape. */
export function parsePage(body: string): ParsedPage | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  const page = PAGE.safeParse(json);
  if (!page.success) return null;
  const totalPages = page.data.totalPages ?? 1;
  return { items: page.data.vacancies, totalPages: Number.isFinite(totalPages) && totalPages > 0 ? Math.floor(totalPages) : 1 };
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
}

export type Mapped = { ok: true; record: VacancyRecord } | { ok: false; reason: string };

/** Maps one advert; `today` stands in for a missing posted date (the day it was first seen). */
export function mapVacancy(raw: unknown, today: Day): Mapped {
  const parsed = ITEM.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'an advert without a title, closing date or reference' };
  const v = parsed.data;
  const closing = calendarDay(v.closingDate);
  if (!closing) return { ok: false, reason: `an advert with an unreadable closing date "${v.closingDate}"` };
  const reference = referenceKey(String(v.vacancyReference));
  if (!reference) return { ok: false, reason: 'an advert without a reference' };
  const title = clean(v.title);
  if (!title) return { ok: false, reason: 'an advert without a title' };
  return {
    ok: true,
    record: {
      title,
      employer: clean(v.employerName) || clean(v.providerName) || 'Employer not named',
      location: locationOf(v),
      level: levelOf(v),
      wage: wageOf(v.wage),
      closing,
      link: httpsLink(v.vacancyUrl) ?? `${FAA_ADVERT}${encodeURIComponent(reference)}`,
      posted: calendarDay(v.postedDate) ?? today,
      reference,
      source: VACANCY_SOURCE,
    },
  };
}

function clean(s: string | null | undefined): string {
  return String(s ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The API's dates are UK local times (a closing date is 23:59:59 of the closing day): the day as written. */
export function calendarDay(s: string | null | undefined): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(s ?? '').trim());
  return m ? makeDay(+m[1], +m[2], +m[3]) : null;
}

function httpsLink(url: string | null | undefined): string | null {
  const u = clean(url);
  return /^https:\/\/[^\s<>"']+$/i.test(u) ? u : null;
}

/** Town (the third address line by convention, else the nearest filled line) and postcode of the first address. */
function locationOf(v: ApiVacancy): string {
  const addresses = (v.addresses && v.addresses.length > 0 ? v.addresses : [v.address, ...(v.otherAddresses ?? [])])
    .filter((a): a is ApiAddress => !!a && [a.addressLine1, a.addressLine2, a.addressLine3, a.addressLine4, a.postcode].some((x) => clean(x)));
  if (v.isNationalVacancy === true || addresses.length === 0) return 'National';
  const first = addresses[0];
  const town = [first.addressLine3, first.addressLine4, first.addressLine2, first.addressLine1].map(clean).find(Boolean) ?? '';
  const place = [town, clean(first.postcode)].filter(Boolean).join(', ');
  const others = addresses.length - 1;
  return others > 0 ? `${place} (and ${others} other location${others === 1 ? '' : 's'})` : place;
}

const LEVEL_NAMES: Record<number, string> = { 2: 'Intermediate', 3: 'Advanced', 4: 'Higher', 5: 'Higher', 6: 'Degree', 7: 'Degree' };

/** `Level 3 (Advanced)`; either half alone when that is all the advert says. */
function levelOf(v: ApiVacancy): string {
  const n = Number(v.course?.level);
  const number = Number.isInteger(n) && n >= 1 && n <= 8 ? n : null;
  const given = clean(v.apprenticeshipLevel);
  const name = given ? given.charAt(0).toUpperCase() + given.slice(1).toLowerCase() : number ? LEVEL_NAMES[number] ?? '' : '';
  if (number && name) return `Level ${number} (${name})`;
  if (number) return `Level ${number}`;
  return name;
}

function money(n: number): string {
  const pence = Math.round(n * 100);
  const pounds = String(Math.floor(pence / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = pence % 100;
  return rest === 0 ? `£${pounds}` : `£${pounds}.${String(rest).padStart(2, '0')}`;
}

const UNIT_WORDS: Record<string, string> = { annually: 'a year', monthly: 'a month', weekly: 'a week' };

/**
 * The wage in words. The API documents a Custom wageAmount as the annual wage, so an amount too
 * large for a week or month is shown as a year whatever wageUnit says.
 */
export function wageOf(wage: ApiVacancy['wage']): string {
  if (!wage) return '';
  const type = clean(wage.wageType).toLowerCase();
  if (type === 'apprenticeshipminimum') return 'Apprenticeship minimum wage';
  if (type === 'nationalminimum') return 'National Minimum Wage for your age';
  if (type === 'competitivesalary') return 'Competitive salary';
  const amount = typeof wage.wageAmount === 'number' ? wage.wageAmount : Number(String(wage.wageAmount ?? '').replace(/[£,\s]/g, ''));
  if (wage.wageAmount !== null && wage.wageAmount !== undefined && Number.isFinite(amount) && amount > 0) {
    let unit = clean(wage.wageUnit).toLowerCase();
    if ((unit === 'weekly' && amount > 2_000) || (unit === 'monthly' && amount > 10_000)) unit = 'annually';
    const words = UNIT_WORDS[unit] ?? (amount >= 1_000 ? 'a year' : '');
    return words ? `${money(amount)} ${words}` : money(amount);
  }
  return type ? clean(wage.wageType).replace(/([a-z])([A-Z])/g, '$1 $2') : '';
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
