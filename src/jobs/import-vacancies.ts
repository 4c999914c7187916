/**
 * Import vacancies (menu "Import vacancies", CLI `import-vacancies`): new adverts from Find an
 * apprenticeship are appended to the Vacancies tab, matched on Reference so nothing is added
 * twice. Every page is fetched before anything is written, so a rejected key, a rate limit, a
 * network failure or an unreadable answer writes nothing at all.
 */
import type { CellValue } from '../ports';
import type { Day } from '../domain/calendar';
import { referenceKey } from '../domain/bulletin';
import { SETTINGS_TAB, VACANCIES_TAB } from '../domain/schema';
import { type Settings, readSettings } from '../domain/settings';
import { mapHeaders } from '../domain/table';
import { readText } from '../domain/values';
import {
  MAX_PAGES, POSTED_IN_LAST_DAYS, type VacancyRecord, apiHeaders, httpErrorMessage, mapVacancy, parsePage, searchUrl,
} from '../domain/vacancy-api';
import { layoutRow } from '../domain/write';
import { type JobContext, type Now, appendLog, nowFor } from './context';
import type { Tracker } from '../domain/tracker';
import { ensureTab } from './tabs';

export const IMPORT_JOB = 'import-vacancies';

/** Why nothing was imported, in words for the user. Nothing has been written when this is thrown. */
export class VacancyImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VacancyImportError';
  }
}

export interface ImportOptions {
  /** the user's Display advert API key */
  apiKey: string | null;
  /** the http port replays a saved response (`--from-file`): no key or Vacancy search setting is needed */
  savedResponse?: boolean;
  maxPages?: number;
}

export interface FetchedVacancies {
  asOf: Day;
  records: VacancyRecord[];
  /** adverts received, valid or not */
  received: number;
  /** why adverts were left out (unreadable ones) */
  leftOut: string[];
  /** national adverts left out (setting Include national vacancies is No) */
  national: number;
  pages: number;
  totalPages: number;
  /** more pages than the cap: the oldest adverts were not read */
  truncated: boolean;
}

/** Reads every page of the search. Writes nothing; throws VacancyImportError with a plain message. */
export function fetchVacancies(ctx: JobContext, options: ImportOptions): FetchedVacancies {
  const { settings, now } = settingsAndNow(ctx);
  const today = now.today;
  const http = ctx.http;
  if (!http) throw new VacancyImportError('Vacancy import is not available here: there is no connection to the internet.');
  const key = (options.apiKey ?? '').trim();
  const search = settings.vacancySearch;
  if (!options.savedResponse) {
    if (!key) {
      throw new VacancyImportError('No API key for Find an apprenticeship yet. Get a Display advert API key from the developer hub (developer.apprenticeships.education.gov.uk) and set it with Set vacancy API key. Nothing was imported.');
    }
    if (!search) {
      throw new VacancyImportError('Fill in the Vacancy search setting first (latitude, longitude and miles, e.g. 51.28, 1.08, 15), so the import looks for vacancies near the school. Nothing was imported.');
    }
  }

  const maxPages = options.maxPages ?? MAX_PAGES;
  const includeNational = settings.includeNationalVacancies;
  const fetched: FetchedVacancies = { asOf: today, records: [], received: 0, leftOut: [], national: 0, pages: 0, totalPages: 1, truncated: false };
  // Every page up to totalPages (the largest any page gives, within the cap): the API can send an
  // empty page in the middle when it filters adverts after counting them.
  for (let page = 1; page <= Math.min(fetched.totalPages, maxPages); page++) {
    let response;
    try {
      response = http.get(searchUrl(search, page, POSTED_IN_LAST_DAYS, includeNational), apiHeaders(key));
    } catch (e) {
      throw new VacancyImportError(`Could not reach Find an apprenticeship (${oneLine((e as Error).message)}). Check the internet connection and try again. Nothing was imported.`);
    }
    if (response.status < 200 || response.status > 299) throw new VacancyImportError(httpErrorMessage(response.status));
    const parsed = parsePage(response.body);
    if (!parsed) {
      throw new VacancyImportError(`Find an apprenticeship sent an answer that is not a list of vacancies (page ${page}). Try again later. Nothing was imported.`);
    }
    fetched.totalPages = Math.max(fetched.totalPages, parsed.totalPages);
    fetched.pages = page;
    fetched.received += parsed.items.length;
    for (const item of parsed.items) {
      const mapped = mapVacancy(item, today, search);
      if (!mapped.ok) fetched.leftOut.push(mapped.reason);
      // The API leaves national adverts out when asked; a saved response may still hold some.
      else if (mapped.record.national && !includeNational) fetched.national++;
      else fetched.records.push(mapped.record);
    }
  }
  fetched.truncated = fetched.totalPages > fetched.pages && fetched.pages === maxPages;
  return fetched;
}

export interface ImportedVacancy {
  reference: string;
  title: string;
  employer: string;
  location: string;
  closingDate: Day;
}

export interface ImportResult {
  asOf: Day;
  pages: number;
  received: number;
  added: number;
  /** already in the Vacancies tab (same Reference, or same link) */
  alreadyInTab: number;
  /** closing before today */
  closed: number;
  /** unreadable adverts */
  leftOut: number;
  /** why each unreadable advert was left out */
  leftOutReasons: string[];
  /** national adverts left out (setting Include national vacancies is No) */
  national: number;
  truncated: boolean;
  vacancies: ImportedVacancy[];
  message: string;
}

/** Appends the new vacancies (one write) and a Log line. Call it under the document lock. */
export function saveVacancies(ctx: JobContext, fetched: FetchedVacancies): ImportResult {
  const { now } = settingsAndNow(ctx);
  // Every row counts for matching, even one another job leaves out for a problem.
  const grid = ctx.workbook.readTab(VACANCIES_TAB.name);
  const current = mapHeaders(grid, VACANCIES_TAB);
  const refs = new Set<string>();
  const links = new Set<string>();
  if (grid && current.headerRow > 0) {
    const refAt = current.columns.get('reference');
    const linkAt = current.columns.get('link');
    for (const row of grid.slice(current.headerRow)) {
      const ref = refAt === undefined ? '' : readText(row[refAt] ?? '');
      if (ref) refs.add(referenceKey(ref));
      const link = linkAt === undefined ? '' : readText(row[linkAt] ?? '');
      if (link) links.add(link.toLowerCase());
    }
  }

  const result: ImportResult = {
    asOf: now.today, pages: fetched.pages, received: fetched.received, added: 0, alreadyInTab: 0, closed: 0,
    leftOut: fetched.leftOut.length, leftOutReasons: fetched.leftOut, national: fetched.national, truncated: fetched.truncated, vacancies: [], message: '',
  };
  const fresh: VacancyRecord[] = [];
  for (const r of fetched.records) {
    if (r.closing < now.today) {
      result.closed++;
      continue;
    }
    const ref = referenceKey(r.reference);
    if (refs.has(ref) || links.has(r.link.toLowerCase())) {
      result.alreadyInTab++;
      continue;
    }
    refs.add(ref);
    links.add(r.link.toLowerCase());
    fresh.push(r);
  }
  fresh.sort((a, b) => (a.closing < b.closing ? -1 : a.closing > b.closing ? 1 : a.title.localeCompare(b.title)));

  if (fresh.length > 0) {
    const header = ensureTab(ctx.workbook, VACANCIES_TAB);
    const rows: CellValue[][] = fresh.map((r) => layoutRow(header, {
      title: r.title, employer: r.employer, location: r.location, level: r.level, wage: r.wage,
      closing: { day: r.closing }, link: r.link, posted: { day: r.posted }, reference: r.reference, source: r.source,
      starts: r.starts ? { day: r.starts } : '', hours: r.hours ?? '', distance: r.distance ?? '',
    }));
    ctx.workbook.appendRows(VACANCIES_TAB.name, rows);
  }
  result.added = fresh.length;
  result.vacancies = fresh.map((r) => ({ reference: r.reference, title: r.title, employer: r.employer, location: r.location, closingDate: r.closing }));
  result.message = importMessage(result);
  appendLog(ctx, now, [{ job: IMPORT_JOB, outcome: 'ok', details: result.message }]);
  return result;
}

/** Fetch, then save. Throws VacancyImportError (nothing written) when the API cannot be used. */
export function runImportVacancies(ctx: JobContext, options: ImportOptions): ImportResult {
  return saveVacancies(ctx, fetchVacancies(ctx, options));
}

function importMessage(r: ImportResult): string {
  const parts = [
    r.added === 0
      ? `No new vacancy from Find an apprenticeship (${r.received} advert${r.received === 1 ? '' : 's'} posted in the last ${POSTED_IN_LAST_DAYS} days read).`
      : `Added ${r.added} new vacanc${r.added === 1 ? 'y' : 'ies'} from Find an apprenticeship to the Vacancies tab.`,
  ];
  if (r.alreadyInTab) parts.push(`${r.alreadyInTab} ${r.alreadyInTab === 1 ? 'was' : 'were'} already there.`);
  if (r.closed) parts.push(`${r.closed} had already closed.`);
  if (r.national) parts.push(`${r.national} national advert${r.national === 1 ? ' was' : 's were'} left out (setting Include national vacancies is No).`);
  if (r.leftOut) parts.push(`${r.leftOut} could not be read and ${r.leftOut === 1 ? 'was' : 'were'} left out: ${leftOutList(r.leftOutReasons)}.`);
  if (r.truncated) parts.push(`Only the first ${r.pages} pages were read: make the Vacancy search distance smaller to see the rest.`);
  return parts.join(' ');
}

/** This job needs no more of the tracker than Settings (and Vacancies, read raw when saving). */
function settingsAndNow(ctx: JobContext): { settings: Settings; now: Now } {
  const settings = readSettings(ctx.workbook.readTab(SETTINGS_TAB.name), []).settings;
  return { settings, now: nowFor(ctx, { settings } as Tracker) };
}

/** The reasons, each once with its count, at most five of them: the Log line stays readable. */
function leftOutList(reasons: string[]): string {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const listed = [...counts].slice(0, 5).map(([r, n]) => (n > 1 ? `${r} (${n} times)` : r));
  if (counts.size > 5) listed.push(`and ${counts.size - 5} more`);
  return listed.join('; ');
}

function oneLine(s: string): string {
  return String(s ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
}
