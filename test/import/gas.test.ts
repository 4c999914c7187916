import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { installFake, loadTabs } from '../gas/helpers';
import type { FetchResult, GasFake } from '../fakes/gas';
import { API_KEY_PROPERTY, importVacancies, setVacancyApiKey } from '../../src/gas/handlers/import-vacancies';
import { sendBulletinNow } from '../../src/gas/handlers/bulletin';
import { type Row, d, tabsOf, y11 } from '../bulletin/build';

const KEY = '0123456789abcdef0123456789abcdef';
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-02T09:30:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

/** Serves page N of a list of pages, by the PageNumber of the request. */
function pagesServer(pages: unknown[]) {
  return (url: string): FetchResult => {
    const n = Number(new URL(url).searchParams.get('PageNumber'));
    return { code: 200, body: JSON.stringify(pages[n - 1] ?? { vacancies: [], totalPages: pages.length }) };
  };
}

function setUp(fetch?: (url: string, params: Record<string, unknown>) => FetchResult, opts: { user?: string; vacancies?: Row[]; key?: boolean } = {}) {
  const fake = installFake({ user: opts.user ?? 'ad@school.example', fetch });
  loadTabs(fake, tabsOf({ pupils: [y11(1), y11(2)], vacancies: opts.vacancies ?? [], settings: { 'Vacancy search': '51.28, 1.08, 15' } }));
  if (opts.key !== false) fake.propertyStore('user')[API_KEY_PROPERTY] = KEY;
  return fake;
}

const rows = (fake: GasFake, tab: string) => fake.sheetValues(tab).slice(1);

describe('Set vacancy API key', () => {
  it('keeps the key in the user\'s own properties, never in the sheet or the document', () => {
    const fake = setUp(undefined, { key: false });
    fake.ui.respondWith({ text: `  ${KEY} `, button: 'OK' });
    setVacancyApiKey();
    expect(fake.propertyStore('user')[API_KEY_PROPERTY]).toBe(KEY);
    expect(fake.propertyStore('user', 'someone-else@school.example')[API_KEY_PROPERTY]).toBeUndefined();
    expect(JSON.stringify(fake.propertyStore('document'))).not.toContain(KEY);
    for (const tab of ['Settings', 'Vacancies', 'Log']) expect(JSON.stringify(fake.sheetValues(tab))).not.toContain(KEY);
    expect(fake.ui.alerts[0].prompt).toMatch(/^Saved/);
  });

  it('refuses something that is not a key, and removes the key when left empty', () => {
    const fake = setUp(undefined, { key: false });
    fake.ui.respondWith({ text: '<script>x</script>', button: 'OK' });
    setVacancyApiKey();
    expect(fake.propertyStore('user')[API_KEY_PROPERTY]).toBeUndefined();
    expect(fake.ui.alerts[0].prompt).toMatch(/does not look like an API key/);
    fake.propertyStore('user')[API_KEY_PROPERTY] = KEY;
    fake.ui.respondWith({ text: '', button: 'OK' });
    setVacancyApiKey();
    expect(fake.propertyStore('user')[API_KEY_PROPERTY]).toBeUndefined();
    fake.ui.respondWith({ text: KEY, button: 'CANCEL' });
    setVacancyApiKey();
    expect(fake.propertyStore('user')[API_KEY_PROPERTY]).toBeUndefined();
  });
});

describe('Import vacancies, in Google Sheets', () => {
  it('fetches every page with the key and v2 headers, and appends the new vacancies', () => {
    const pages = JSON.parse(fixture('three-pages.json'));
    const fake = setUp(pagesServer(pages));
    importVacancies();
    expect(fake.fetched).toHaveLength(3);
    for (const [i, f] of fake.fetched.entries()) {
      const url = new URL(f.url);
      expect(`${url.origin}${url.pathname}`).toBe('https://api.apprenticeships.education.gov.uk/vacancies/vacancy');
      expect(Object.fromEntries(url.searchParams)).toMatchObject({ Lat: '51.28', Lon: '1.08', DistanceInMiles: '15', PageSize: '100', PageNumber: String(i + 1) });
      expect(url.searchParams.get('PostedInLastNumberOfDays')).toMatch(/^\d+$/);
      expect(f.params).toMatchObject({ method: 'get', muteHttpExceptions: true, headers: { 'Ocp-Apim-Subscription-Key': KEY, 'X-Version': '2' } });
    }
    expect(rows(fake, 'Vacancies')).toHaveLength(5);
    expect(rows(fake, 'Vacancies')[0][5]).toBeInstanceOf(Date);
    expect(fake.ui.alerts[0].prompt).toContain('Added 5 new vacancies');
    importVacancies();
    expect(rows(fake, 'Vacancies')).toHaveLength(5);
    expect(fake.ui.alerts[1].prompt).toContain('No new vacancy');
  });

  it('reads the older address + otherAddresses shape', () => {
    const fake = setUp(() => ({ code: 200, body: fixture('legacy-page.json') }));
    importVacancies();
    expect(rows(fake, 'Vacancies').map((r) => r[2])).toEqual(['Ashford, TN25 4AZ', 'Folkestone, CT20 1SQ (and 1 other location)']);
  });

  it.each([
    ['a rejected key', () => ({ code: 401, body: fixture('error-401.json') }), /rejected the API key \(HTTP 401\)/],
    ['a rate limit', () => ({ code: 429, body: '' }), /HTTP 429/],
    ['a network failure', undefined, /Could not reach Find an apprenticeship/],
    ['an answer that is not JSON', () => ({ code: 200, body: '<html>oops</html>' }), /not a list of vacancies/],
  ])('%s: a clear message, and nothing written', (_name, fetch, message) => {
    const fake = setUp(fetch as never, { vacancies: [{ Title: 'Kept', Employer: 'E', 'Closing date': d('2026-04-01'), Link: 'https://example.org/a' }] });
    const before = { v: fake.sheetValues('Vacancies'), log: fake.sheetValues('Log') };
    importVacancies();
    expect(fake.ui.alerts).toHaveLength(1);
    expect(fake.ui.alerts[0].prompt).toMatch(message);
    expect(fake.ui.alerts[0].prompt).toContain('Nothing was imported.');
    expect(fake.sheetValues('Vacancies')).toEqual(before.v);
    expect(fake.sheetValues('Log')).toEqual(before.log);
  });

  it('without a key says how to set one and fetches nothing', () => {
    const fake = setUp(() => ({ code: 200, body: fixture('legacy-page.json') }), { key: false });
    importVacancies();
    expect(fake.fetched).toEqual([]);
    expect(fake.ui.alerts[0].prompt).toContain('Set vacancy API key');
  });

  it('needs the careers leader or admin role', () => {
    const fake = setUp(() => ({ code: 200, body: fixture('legacy-page.json') }), { user: 'gm@school.example' });
    importVacancies();
    expect(fake.fetched).toEqual([]);
    expect(fake.ui.alerts[0].prompt).toContain('This needs the role');
  });

  it('makes the same number of spreadsheet calls for 10 and 300 vacancies', () => {
    const page = (n: number, from: number, totalPages: number) => ({
      vacancies: Array.from({ length: n }, (_, i) => ({
        title: `Apprentice ${from + i}`, employerName: 'E', closingDate: '2026-04-01T23:59:59', postedDate: '2026-02-28T00:00:00',
        vacancyReference: String(3_000_000 + from + i), vacancyUrl: `https://www.findapprenticeship.service.gov.uk/apprenticeship/VAC${3_000_000 + from + i}`,
        addresses: [{ addressLine3: 'Canterbury', postcode: 'CT1 1AA' }],
      })),
      totalPages,
    });
    const counts = [[page(10, 0, 1)], [page(100, 0, 3), page(100, 100, 3), page(100, 200, 3)]].map((pages) => {
      const fake = setUp(pagesServer(pages));
      fake.calls.reset();
      importVacancies();
      expect(fake.ui.alerts[0].prompt).toMatch(/Added (10|300) new vacancies/);
      return fake.calls.total('spreadsheet');
    });
    expect(counts[1]).toBe(counts[0]);
  });

  it('imported vacancies go into the next bulletin', () => {
    const fake = setUp(() => ({ code: 200, body: fs.readFileSync(path.join(__dirname, '../../sample/vacancies-response.json'), 'utf8') }));
    importVacancies();
    fake.ui.respondWith('YES');
    sendBulletinNow();
    expect(fake.ui.alerts[1].prompt).toBe("Send this week's bulletin of 6 vacancies to 2 pupils and leavers?");
    expect(fake.sentMail).toHaveLength(2);
    // Both are Year 11s: the dental nurse post starts on 20 April, before they may leave school.
    expect(fake.sentMail[0].htmlBody).toContain('Business Administration Apprentice');
    expect(fake.sentMail[0].htmlBody).not.toContain('Dental Nurse Apprentice');
    expect(fake.sentMail[0].body).toContain('1 more starts before Friday 26 June 2026');
    expect(fake.sentMail[0].body).toContain('[NEW] [CLOSING SOON] Motor Vehicle Service and Maintenance Technician Apprentice');
  });
});
