/**
 * The Display advert API v2 as its serialiser really writes it (das-apim-endpoints,
 * GetVacanciesListResponseV2): enums as names, or as bare numbers for values the enum has no name
 * for (a missing wage record gives `wageUnit: 0`); the empty DateTime `0001-01-01`; `course.level`
 * 0 without a course; and pages that are empty in the middle. None of it may drop an advert.
 */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CELL_LIMIT, type VacancyRecord, mapVacancy, milesBetween, parsePage, wageOf } from '../../src/domain/vacancy-api';
import { runImportVacancies } from '../../src/jobs/import-vacancies';
import type { JobContext } from '../../src/jobs/context';
import { NodeClock } from '../../src/node/clock';
import { FileHttp } from '../../src/node/http';
import type { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { readTracker } from '../../src/domain/tracker';
import type { HttpPort } from '../../src/ports';
import { MONDAY, d, tabsOf, xlsxOf } from '../bulletin/build';

const FIXTURES = path.join(__dirname, 'fixtures');
const SEARCH = { lat: 51.2798, lon: 1.0789, miles: 15 };

function mappedEdges() {
  const page = parsePage(fs.readFileSync(path.join(FIXTURES, 'enum-edges.json'), 'utf8'))!;
  return page.items.map((item) => mapVacancy(item, MONDAY, SEARCH));
}

function record(title: string): VacancyRecord {
  const found = mappedEdges().find((m) => m.ok && m.record.title === title);
  if (!found || !found.ok) throw new Error(`${title} was not imported`);
  return found.record;
}

describe('enum values the API writes as numbers, or does not name', () => {
  it('keeps every advert whose title, reference and closing date are readable', () => {
    const mapped = mappedEdges();
    expect(mapped.filter((m) => m.ok)).toHaveLength(9);
    expect(mapped.filter((m) => !m.ok)).toHaveLength(4);
  });

  it('a wage type with no name (1) and wageUnit 0, both bare numbers: the advert is kept, the wage left blank', () => {
    expect(record('Bare Number Wage Apprentice')).toMatchObject({ wage: '', reference: '2000400001', closing: '2026-03-27' });
  });

  it('a Custom wage with no amount shows the advert\'s own words about pay, never "Custom"', () => {
    expect(record('Custom Words Apprentice').wage).toBe('£8.50 an hour, rising after a year');
    expect(wageOf({ wageType: 'Custom', wageUnit: 0 })).toBe('');
    expect(wageOf({ wageType: 0 })).toBe('');
  });

  it('an unknown number type with an amount and a unit number reads as the amount', () => {
    expect(record('Unknown Type With Amount Apprentice').wage).toBe('£16,000 a year');
    expect(record('Weekly Amount Apprentice').wage).toBe('£312.50 a week');
    // An earlier model's range, when there is no single amount
    expect(wageOf({ wageType: 'Custom', wageAmountLowerBound: 15000, wageAmountUpperBound: 18000, wageUnit: 'Annually' })).toBe('£15,000 to £18,000 a year');
    expect(wageOf({ wageType: 'Custom', wageAmount: 16000, wageAmountLowerBound: 15000, wageAmountUpperBound: 18000, wageUnit: 'Annually' })).toBe('£16,000 a year');
  });

  it('names the API knows, sent as numbers, read as the names', () => {
    expect(record('Known Numbers Apprentice')).toMatchObject({ wage: 'Apprenticeship minimum wage', level: 'Level 2 (Intermediate)' });
  });

  it('unknown text is kept readable', () => {
    expect(record('New Words Apprentice')).toMatchObject({ wage: 'Training Allowance', level: 'Foundation' });
    expect(wageOf({ wageType: 'Custom', wageAmount: 500, wageUnit: 'Fortnightly' })).toBe('£500 (Fortnightly)');
    expect(wageOf({ wageType: 'Custom', wageAmount: 16000, wageUnit: 7 })).toBe('£16,000 a year');
  });

  it('no wage record, no course, level Unknown, the empty start date, 0 hours: all blank, the advert kept', () => {
    expect(record('Missing Wage Apprentice')).toMatchObject({ wage: '', level: '', starts: null, hours: null });
  });

  it('reads the start date, hours and distance', () => {
    expect(record('Bare Number Wage Apprentice')).toMatchObject({ starts: '2026-09-07', hours: 37.5, distance: 2.4 });
  });
});

describe('values the API should never send', () => {
  it('1e308 is not a wage, hours or miles: the values are left blank, never "£Infinity"', () => {
    const r = record('Absurd Numbers Apprentice');
    expect(r).toMatchObject({ wage: '', hours: null, distance: null, location: 'Canterbury, CT1 2AB' });
    expect(JSON.stringify(r)).not.toMatch(/Infinity|NaN|e\+/);
    expect(wageOf({ wageType: 'Custom', wageAmount: 1e308, wageUnit: 'Weekly', wageAdditionalInformation: 'Ask us' })).toBe('Ask us');
    expect(wageOf({ wageType: 'Custom', wageAmount: -5, wageUnit: 'Annually' })).toBe('');
    expect(wageOf({ wageType: 'Custom', wageAmount: 'NaN', wageUnit: 'Annually' })).toBe('');
  });

  it('text is cut to what a Sheets cell holds (50,000 characters, with room for the quote before text starting with =)', () => {
    const long = '='.repeat(60_000);
    const m = mapVacancy({
      title: long, employerName: long, closingDate: '2026-04-01T23:59:59', vacancyReference: '2000499999',
      wage: { wageType: 'Custom', wageUnit: 0, wageAdditionalInformation: long }, addresses: [{ addressLine3: long, postcode: long }, { postcode: 'CT1 1AA' }],
    }, MONDAY);
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    for (const value of [m.record.title, m.record.employer, m.record.wage, m.record.location]) expect(value.length).toBe(CELL_LIMIT - 1);
    const words = mapVacancy({ title: 'T', closingDate: '2026-04-01', vacancyReference: '1', wage: { wageType: `New${'Word'.repeat(20_000)}` } }, MONDAY);
    expect(words.ok && words.record.wage.length).toBe(CELL_LIMIT - 1);
    expect(m.record.link).toBe('https://www.findapprenticeship.service.gov.uk/apprenticeship/VAC2000499999');
  });

  it('a link that is too long or not https falls back to the advert\'s page on Find an apprenticeship', () => {
    const m = mapVacancy({ title: 'T', closingDate: '2026-04-01', vacancyReference: 'VAC2000400100', vacancyUrl: `https://x.example/${'a'.repeat(3000)}` }, MONDAY);
    expect(m.ok && m.record.link).toBe('https://www.findapprenticeship.service.gov.uk/apprenticeship/VAC2000400100');
  });
});

describe('the reason an advert is left out is the true one', () => {
  const reasons = () => mappedEdges().filter((m) => !m.ok).map((m) => (m.ok ? '' : m.reason));

  it.each([
    ['no closing date', 'an advert without a closing date (reference 2000400009)'],
    ['the empty closing date 0001-01-01', 'an advert with an unreadable closing date "0001-01-01T23:59:59" (reference 2000400010)'],
    ['no title', 'an advert without a title (reference 2000400011)'],
    ['not an object', 'an entry that is not an advert'],
  ])('%s', (_what, reason) => {
    expect(reasons()).toContain(reason);
  });

  it('names every missing part, and identifies the advert by its title when it has no reference', () => {
    expect(mapVacancy({ title: 'Chef', vacancyReference: '' }, MONDAY)).toEqual({ ok: false, reason: 'an advert without a reference or closing date ("Chef")' });
    expect(mapVacancy({ title: 'Chef', vacancyReference: { id: 1 }, closingDate: '2026-04-01' }, MONDAY)).toEqual({ ok: false, reason: 'an advert without a reference ("Chef")' });
  });
});

describe('distance from the Vacancy search point', () => {
  it('is the API\'s own figure when it gives one, else worked out from the first address', () => {
    const r = record('Computed Distance Apprentice');
    expect(r.distance).toBe(Math.round(milesBetween(51.2798, 1.0789, 51.3611, 1.0245) * 10) / 10);
    expect(r.distance).toBeGreaterThan(5);
    expect(r.distance).toBeLessThan(7);
  });

  it('is blank for a national advert, and without a search point', () => {
    expect(mapVacancy({ title: 'T', closingDate: '2026-04-01', vacancyReference: '1', isNationalVacancy: true, distance: 3 }, MONDAY, SEARCH))
      .toMatchObject({ ok: true, record: { distance: null, location: 'National', national: true } });
    expect(mapVacancy({ title: 'T', closingDate: '2026-04-01', vacancyReference: '1', addresses: [{ postcode: 'CT1 2AB', latitude: 51.3, longitude: 1.1 }] }, MONDAY, null))
      .toMatchObject({ ok: true, record: { distance: null } });
  });
});

function ctxFor(wb: XlsxWorkbook, http: HttpPort): JobContext {
  return { workbook: wb, clock: new NodeClock(MONDAY), http };
}

function recording(http: HttpPort) {
  const pages: number[] = [];
  const urls: string[] = [];
  const port: HttpPort = {
    get: (url, headers) => {
      urls.push(url);
      pages.push(Number(new URL(url).searchParams.get('PageNumber')));
      return http.get(url, headers);
    },
  };
  return { port, pages, urls };
}

function rowsOf(wb: XlsxWorkbook, tab: string) {
  const [header, ...rows] = wb.readTab(tab)!;
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])) as Record<string, unknown>);
}

describe('the import job with these responses', () => {
  it('imports the edge cases, fills Starts, Hours and Distance, and logs the true reasons for the rest', () => {
    const wb = xlsxOf(tabsOf({ pupils: [], vacancies: [], settings: { 'Vacancy search': '51.2798, 1.0789, 15' } }));
    const r = runImportVacancies(ctxFor(wb, new FileHttp(path.join(FIXTURES, 'enum-edges.json'))), { apiKey: 'k', savedResponse: false });
    expect(r).toMatchObject({ received: 13, added: 9, leftOut: 4, closed: 0, national: 0 });
    const rows = rowsOf(wb, 'Vacancies');
    expect(rows.find((v) => v.Title === 'Bare Number Wage Apprentice')).toMatchObject({ Starts: d('2026-09-07'), Hours: 37.5, Distance: 2.4, Wage: '' });
    expect(rows.find((v) => v.Title === 'Missing Wage Apprentice')).toMatchObject({ Starts: '', Hours: '', Level: '' });
    const tracker = readTracker(Object.fromEntries(wb.tabNames().map((t) => [t, wb.readTab(t)])));
    expect(tracker.problems.filter((p) => p.tab === 'Vacancies')).toEqual([]);
    expect(tracker.vacancies.find((v) => v.reference === '2000400001')).toMatchObject({ starts: '2026-09-07', hours: 37.5, distance: 2.4 });
    const line = tracker.log.find((l) => l.job === 'import-vacancies')!;
    expect(line.details).toContain('4 could not be read and were left out: ');
    expect(line.details).toContain('an advert without a closing date (reference 2000400009)');
    expect(line.details).toContain('an advert without a title (reference 2000400011)');
    expect(line.details).not.toContain('without a title, closing date or reference');
  });

  it('adds the Starts, Hours and Distance columns to a Vacancies tab that has none', () => {
    const wb = xlsxOf(tabsOf({ pupils: [], vacancies: [], settings: { 'Vacancy search': '51.2798, 1.0789, 15' } }));
    wb.writeCells('Vacancies', 1, 1, [['Title', 'Employer', 'Closing date', 'Link', 'Reference', '', '', '', '', '', '', '', '']]);
    runImportVacancies(ctxFor(wb, new FileHttp(path.join(FIXTURES, 'enum-edges.json'))), { apiKey: 'k', savedResponse: false });
    const header = wb.readTab('Vacancies')![0].map(String).filter(Boolean);
    expect(header.slice(-3)).toEqual(['Starts', 'Hours', 'Distance']);
  });

  it('follows totalPages through an empty page in the middle, and a page that says there are more', () => {
    const wb = xlsxOf(tabsOf({ pupils: [], vacancies: [], settings: {} }));
    const { port, pages } = recording(new FileHttp(path.join(FIXTURES, 'empty-middle-page.json')));
    const r = runImportVacancies(ctxFor(wb, port), { apiKey: null, savedResponse: true });
    // Page 2 is empty but page 1 said 3 pages; page 3 says 4; page 4 has no list at all (an empty page).
    expect(pages).toEqual([1, 2, 3, 4]);
    expect(r).toMatchObject({ pages: 4, received: 3, added: 3, truncated: false });
  });

  it('caps an absurd totalPages', () => {
    const http: HttpPort = { get: () => ({ status: 200, body: '{"vacancies":[],"totalPages":1e308}' }) };
    const { port, pages } = recording(http);
    const r = runImportVacancies(ctxFor(xlsxOf(tabsOf({ pupils: [], vacancies: [] })), port), { apiKey: null, savedResponse: true });
    expect(pages).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r).toMatchObject({ pages: 10, truncated: true, added: 0 });
  });

  it('asks the API to leave national adverts out unless Include national vacancies is yes, and leaves out any it still sends', () => {
    const national = {
      vacancies: [
        { title: 'Local', closingDate: '2026-04-01T23:59:59', vacancyReference: '2000600001', isNationalVacancy: false, addresses: [{ addressLine3: 'Canterbury' }] },
        { title: 'Everywhere', closingDate: '2026-04-01T23:59:59', vacancyReference: '2000600002', isNationalVacancy: true, addresses: [] },
      ],
      totalPages: 1,
    };
    const answer: HttpPort = { get: () => ({ status: 200, body: JSON.stringify(national) }) };
    for (const [setting, excluded, added] of [[null, true, 1], ['No', true, 1], ['Yes', false, 2]] as const) {
      const settings: Record<string, string> = { 'Vacancy search': '51.2798, 1.0789, 15' };
      if (setting) settings['Include national vacancies'] = setting;
      const { port, urls } = recording(answer);
      const r = runImportVacancies(ctxFor(xlsxOf(tabsOf({ pupils: [], vacancies: [], settings })), port), { apiKey: 'k', savedResponse: false });
      expect(new URL(urls[0]).searchParams.get('ExcludeRecruitingNationally')).toBe(excluded ? 'true' : null);
      expect(r.added).toBe(added);
      if (excluded) expect(r.message).toContain('1 national advert was left out (setting Include national vacancies is No).');
    }
  });
});

describe('the Vacancies tab\'s Starts, Hours and Distance columns', () => {
  it('are read under their own names or aliases; a bad value is a problem and read as blank, the row kept', () => {
    const tabs = tabsOf({ pupils: [], vacancies: [] });
    tabs.Vacancies = [
      ['Title', 'Employer', 'Closing date', 'Link', 'Start date', 'Hours per week', 'Miles'],
      ['A', 'E', d('2026-04-01'), 'https://example.org/a', d('2026-09-07'), '37.5 hours', 4.2],
      ['B', 'E', d('2026-04-01'), 'https://example.org/b', 'September', 1e308, -3],
    ];
    const tracker = readTracker(tabs);
    expect(tracker.vacancies.map((v) => [v.title, v.starts, v.hours, v.distance])).toEqual([
      ['A', '2026-09-07', 37.5, 4.2],
      ['B', null, null, null],
    ]);
    expect(tracker.problems.filter((p) => p.tab === 'Vacancies').map((p) => p.column)).toEqual(['Start date', 'Hours per week', 'Miles']);
  });
});

describe('the Include national vacancies setting', () => {
  it('is No by default, reads yes/no, and a value that is neither is a problem (the default is used)', async () => {
    const { readSettings } = await import('../../src/domain/settings');
    const read = (value: string | null) => {
      const problems: { message: string }[] = [];
      const grid = value === null ? [['Setting', 'Value']] : [['Setting', 'Value'], ['Include national vacancies', value]];
      return { value: readSettings(grid, problems as never).settings.includeNationalVacancies, problems };
    };
    expect(read(null)).toEqual({ value: false, problems: [] });
    expect(read('Yes').value).toBe(true);
    expect(read('y').value).toBe(true);
    expect(read('No').value).toBe(false);
    const bad = read('sometimes');
    expect(bad.value).toBe(false);
    expect(bad.problems[0].message).toMatch(/is not yes or no.*The default \(No\) is used/);
  });
});
