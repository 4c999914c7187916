import { afterEach, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { VacancyImportError, runImportVacancies } from '../../src/jobs/import-vacancies';
import type { JobContext } from '../../src/jobs/context';
import { NodeClock } from '../../src/node/clock';
import { FileHttp } from '../../src/node/http';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { main } from '../../src/node/cli';
import { readTracker } from '../../src/domain/tracker';
import type { HttpPort } from '../../src/ports';
import { MONDAY, type Row, d, tabsOf, xlsxOf } from '../bulletin/build';

const FIXTURES = path.join(__dirname, 'fixtures');
const fixture = (name: string) => path.join(FIXTURES, name);
const SEARCH = { 'Vacancy search': '51.28, 1.08, 15' };

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function tmp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-'));
  dirs.push(dir);
  return dir;
}

function workbook(vacancies: Row[] = [], settings: Record<string, string> = SEARCH) {
  return xlsxOf(tabsOf({ pupils: [], vacancies, settings }));
}

/** Records the requests, answering from a saved response. */
function recording(http: HttpPort) {
  const requests: { url: string; headers: Record<string, string> }[] = [];
  const port: HttpPort = { get: (url, headers) => { requests.push({ url, headers }); return http.get(url, headers); } };
  return { port, requests };
}

function ctxFor(wb: XlsxWorkbook, http: HttpPort): JobContext {
  return { workbook: wb, clock: new NodeClock(MONDAY), http };
}

function snapshot(wb: XlsxWorkbook) {
  return Object.fromEntries(wb.tabNames().map((t) => [t, wb.readTab(t)]));
}

function vacancyRows(wb: XlsxWorkbook) {
  const [header, ...rows] = wb.readTab('Vacancies')!;
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])) as Record<string, unknown>);
}

describe('importing vacancies through the Node adapters', () => {
  it('appends the new, open adverts of the addresses[] shape, in the tab\'s own column order', () => {
    const wb = XlsxWorkbook.empty();
    const tabs = tabsOf({ pupils: [], vacancies: [], settings: { ...SEARCH, 'Include national vacancies': 'Yes' } });
    for (const [name, rows] of Object.entries(tabs)) {
      if (name === 'Vacancies') continue;
      wb.createTab(name);
      wb.writeCells(name, 1, 1, rows);
    }
    // A school's own order, an extra column of its own, and an alias.
    wb.createTab('Vacancies');
    wb.writeCells('Vacancies', 1, 1, [['Ref', 'Our notes', 'Closes', 'Title', 'Employer', 'Link', 'Location', 'Level', 'Wage', 'Posted', 'Source']]);
    const { port, requests } = recording(new FileHttp(fixture('addresses-page.json')));
    const r = runImportVacancies(ctxFor(wb, port), { apiKey: 'secret-key-123', savedResponse: false });
    expect(r).toMatchObject({ asOf: MONDAY, pages: 1, received: 6, added: 4, alreadyInTab: 0, closed: 1, leftOut: 1 });
    expect(requests).toHaveLength(1);
    expect(requests[0].headers).toMatchObject({ 'Ocp-Apim-Subscription-Key': 'secret-key-123', 'X-Version': '2' });
    expect(new URL(requests[0].url).searchParams.get('Lat')).toBe('51.28');
    expect(new URL(requests[0].url).searchParams.has('ExcludeRecruitingNationally')).toBe(false);
    const rows = vacancyRows(wb);
    // by closing date (all the same here), then title
    expect(rows.map((v) => v.Ref)).toEqual(['2000100001', '2000100003', '2000100002', '2000100006']);
    const rail = rows.find((v) => v.Title === 'Rail Engineering Apprentice')!;
    expect(rail).toMatchObject({ Ref: '2000100002', 'Our notes': '', Closes: d('2026-03-27'), Location: 'National', Posted: d('2026-02-26'), Source: 'Find an apprenticeship' });
    const tracker = readTracker(snapshot(wb));
    expect(tracker.problems.filter((p) => p.tab === 'Vacancies')).toEqual([]);
    expect(tracker.vacancies).toHaveLength(4);
    expect(tracker.log.map((l) => [l.job, l.outcome])).toEqual([['import-vacancies', 'ok']]);
    expect(tracker.log[0].details).toContain('Added 4 new vacancies');
  });

  it('reads the older address + otherAddresses shape', () => {
    const wb = workbook();
    const r = runImportVacancies(ctxFor(wb, new FileHttp(fixture('legacy-page.json'))), { apiKey: null, savedResponse: true });
    expect(r.added).toBe(2);
    expect(vacancyRows(wb).map((v) => [v.Title, v.Location, v.Reference])).toEqual([
      ['Accounts Assistant Apprentice', 'Ashford, TN25 4AZ', '2000200002'],
      ['Dental Nurse Apprentice', 'Folkestone, CT20 1SQ (and 1 other location)', '2000200001'],
    ]);
  });

  it('follows the pages up to totalPages, adding each advert once', () => {
    const wb = workbook();
    const { port, requests } = recording(new FileHttp(fixture('three-pages.json')));
    const r = runImportVacancies(ctxFor(wb, port), { apiKey: 'k', savedResponse: true });
    expect(requests.map((q) => new URL(q.url).searchParams.get('PageNumber'))).toEqual(['1', '2', '3']);
    expect(requests.every((q) => new URL(q.url).searchParams.get('PageSize') === '100')).toBe(true);
    expect(r).toMatchObject({ pages: 3, received: 6, added: 5, alreadyInTab: 1 });
    expect(new Set(vacancyRows(wb).map((v) => v.Reference)).size).toBe(5);
  });

  it('stops at the page cap and says so', () => {
    const pages = Array.from({ length: 4 }, (_, p) => ({
      vacancies: [{ title: `T${p}`, employerName: 'E', closingDate: '2026-04-01T23:59:59', vacancyReference: `${p}00`, vacancyUrl: `https://x.example/${p}` }],
      totalPages: 40,
    }));
    const http: HttpPort = { get: (url) => ({ status: 200, body: JSON.stringify(pages[Number(new URL(url).searchParams.get('PageNumber')) - 1] ?? pages[0]) }) };
    const r = runImportVacancies(ctxFor(workbook(), http), { apiKey: 'k', savedResponse: true, maxPages: 3 });
    expect(r).toMatchObject({ pages: 3, truncated: true, added: 3 });
    expect(r.message).toContain('Only the first 3 pages were read');
  });

  it('adds nothing twice: a second import, a VAC-prefixed Reference, the same link, or a row with a problem', () => {
    const existing: Row[] = [
      { Title: 'Typed by hand', Employer: 'E', 'Closing date': d('2026-04-01'), Link: 'https://example.org/a', Reference: 'VAC2000100001' },
      { Title: 'Same link, no ref', Employer: 'E', 'Closing date': d('2026-04-01'), Link: 'https://www.findapprenticeship.service.gov.uk/apprenticeship/VAC2000100002' },
      { Title: 'Bad date', Employer: 'E', 'Closing date': 'soon', Link: 'https://example.org/b', Reference: '2000100006' },
    ];
    const wb = workbook(existing);
    const first = runImportVacancies(ctxFor(wb, new FileHttp(fixture('addresses-page.json'))), { apiKey: null, savedResponse: true });
    // 2000100002 is national: left out before matching (Include national vacancies is No by default).
    expect(first).toMatchObject({ added: 1, alreadyInTab: 2, national: 1 });
    expect(vacancyRows(wb).slice(3).map((v) => v.Reference)).toEqual(['2000100003']);
    const second = runImportVacancies(ctxFor(wb, new FileHttp(fixture('addresses-page.json'))), { apiKey: null, savedResponse: true });
    expect(second).toMatchObject({ added: 0, alreadyInTab: 3 });
    expect(vacancyRows(wb)).toHaveLength(4);
  });

  it('creates the Vacancies tab when the tracker has none', () => {
    const wb = workbook();
    const bare = XlsxWorkbook.empty();
    bare.createTab('Settings');
    bare.writeCells('Settings', 1, 1, wb.readTab('Settings')!);
    const r = runImportVacancies(ctxFor(bare, new FileHttp(fixture('legacy-page.json'))), { apiKey: null, savedResponse: true });
    expect(r.added).toBe(2);
    expect(bare.readTab('Vacancies')![0].slice(0, 3)).toEqual(['Title', 'Employer', 'Location']);
  });

  describe('writes nothing at all when the API cannot be used', () => {
    const page1 = fs.readFileSync(fixture('addresses-page.json'), 'utf8').replace('"totalPages": 1', '"totalPages": 2');
    const cases: [string, HttpPort, RegExp][] = [
      ['a rejected key (401)', new FileHttp(fixture('error-401.json')), /rejected the API key \(HTTP 401\)/],
      ['a rejected key (403)', { get: () => ({ status: 403, body: 'Forbidden' }) }, /rejected the API key \(HTTP 403\)/],
      ['a rate limit (429)', new FileHttp(fixture('error-429.json')), /HTTP 429, too many requests/],
      ['a network failure', { get: () => { throw new Error('getaddrinfo ENOTFOUND api.apprenticeships.education.gov.uk'); } }, /Could not reach Find an apprenticeship \(getaddrinfo ENOTFOUND/],
      ['an answer that is not JSON', new FileHttp(fixture('not-json.txt')), /not a list of vacancies/],
      ['a server error', { get: () => ({ status: 503, body: '' }) }, /not working at the moment/],
      ['a rate limit on page 2 of 2', { get: (url) => (url.includes('PageNumber=1') ? { status: 200, body: page1 } : { status: 429, body: '' }) }, /HTTP 429/],
    ];
    it.each(cases)('%s', (_name, http, message) => {
      const wb = workbook([{ Title: 'Kept', Employer: 'E', 'Closing date': d('2026-04-01'), Link: 'https://example.org/a' }]);
      const before = snapshot(wb);
      let error: unknown;
      try {
        runImportVacancies(ctxFor(wb, http), { apiKey: 'SECRET-KEY-42', savedResponse: false });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(VacancyImportError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).toContain('Nothing was imported.');
      expect((error as Error).message).not.toContain('SECRET-KEY-42');
      expect(snapshot(wb)).toEqual(before);
    });

    it('no API key, or no Vacancy search setting', () => {
      const http = new FileHttp(fixture('legacy-page.json'));
      const wb = workbook();
      const before = snapshot(wb);
      expect(() => runImportVacancies(ctxFor(wb, http), { apiKey: '  ' })).toThrow(/No API key/);
      const noSearch = workbook([], {});
      expect(() => runImportVacancies(ctxFor(noSearch, http), { apiKey: 'k' })).toThrow(/Vacancy search setting/);
      expect(snapshot(wb)).toEqual(before);
    });
  });
});

describe('careers-tracker import-vacancies', () => {
  async function cli(args: string[]) {
    let out = '';
    let err = '';
    const code = await main(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; } });
    return { code, out, err };
  }

  async function file() {
    const f = path.join(tmp(), 'tracker.xlsx');
    await workbook().save(f);
    return f;
  }

  it('imports a saved response and saves the workbook', async () => {
    const f = await file();
    const run = await cli(['import-vacancies', '--workbook', f, '--from-file', fixture('addresses-page.json'), '--today', MONDAY, '--json']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out);
    expect(json).toMatchObject({ asOf: MONDAY, added: 3, closed: 1, leftOut: 1, national: 1 });
    expect(json.vacancies.map((v: { reference: string }) => v.reference).sort()).toEqual(['2000100001', '2000100003', '2000100006']);
    const saved = await XlsxWorkbook.open(f);
    expect(vacancyRows(saved)).toHaveLength(3);
    const again = JSON.parse((await cli(['import-vacancies', '--workbook', f, '--from-file', fixture('addresses-page.json'), '--today', MONDAY, '--json'])).out);
    expect(again).toMatchObject({ added: 0, alreadyInTab: 3 });
  });

  it('on an error prints one clear line, exits 1 and leaves the file as it was', async () => {
    const f = await file();
    const bytes = fs.readFileSync(f);
    const run = await cli(['import-vacancies', '--workbook', f, '--from-file', fixture('error-429.json'), '--today', MONDAY, '--json']);
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err).toMatch(/^careers-tracker: Find an apprenticeship is limiting requests right now \(HTTP 429/);
    expect(run.err.trim().split('\n')).toHaveLength(1);
    expect(fs.readFileSync(f).equals(bytes)).toBe(true);
  });

  it('needs --api-key or --from-file', async () => {
    const f = await file();
    const run = await cli(['import-vacancies', '--workbook', f]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('needs --api-key K');
  });
});

