import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installFake, loadTabs } from '../gas/helpers';
import type { GasFake } from '../fakes/gas';
import { syntheticTracker } from '../support/synthetic';
import {
  applyPupilImport, importPupilsFromMis, previewPupilImport, readPupilExportFromDrive, startNewAcademicYear,
} from '../../src/gas/handlers/pupils';
import { MENU_ITEMS } from '../../src/gas/menu';
import { misExportFor } from './synthetic-export';
import { SIMS_CSV, trackerTabs } from './exports';
import { parseCsv } from '../../src/domain/csv';

const CL = 'cl@school.example';
const MENTOR = 'fr@school.example';

let now = '2026-03-02T09:30:00Z';
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(now));
});
afterEach(() => {
  vi.useRealTimers();
});

function setUp(user = CL, tabs = trackerTabs(), opts: Parameters<typeof installFake>[0] = {}): GasFake {
  const fake = installFake({ user, files: { 'import-pupils': '<!DOCTYPE html><p>the dialog</p>' }, ...opts });
  loadTabs(fake, tabs);
  return fake;
}

describe('Import pupils from MIS export… in Google Sheets', () => {
  it('is on the menu, and opens the dialog for the careers leader, not for a mentor', () => {
    expect(MENU_ITEMS.map((m) => m.caption)).toEqual(expect.arrayContaining(['Import pupils from MIS export…', 'Start new academic year…']));
    const fake = setUp();
    importPupilsFromMis();
    expect(fake.ui.dialogs).toHaveLength(1);
    expect(fake.ui.dialogs[0]).toMatchObject({ kind: 'modal', title: 'Import pupils from MIS export' });
    const mentor = setUp(MENTOR);
    importPupilsFromMis();
    expect(mentor.ui.dialogs).toHaveLength(0);
    expect(mentor.ui.alerts[0].prompt).toMatch(/needs the role Careers leader or Admin/);
  });

  it('answers the dry run without writing, applies under the document lock, and a second apply changes nothing', () => {
    const fake = setUp();
    const rows = parseCsv(SIMS_CSV);
    const before = fake.sheetValues('Pupils');
    const dry = previewPupilImport(rows);
    expect(dry.ok).toBe(true);
    if (!dry.ok) return;
    expect(dry.value).toMatchObject({ applied: false, added: ['N1'], absent: ['B1'], unchanged: 0 });
    expect(dry.value.names).toMatchObject({ N1: "Sam O'Neill, Jr", B1: 'Yasmin Ten' });
    expect(fake.sheetValues('Pupils')).toEqual(before);
    expect(fake.locks.events).toEqual([]);

    const done = applyPupilImport(rows);
    expect(done.ok && done.value.applied).toBe(true);
    expect(fake.locks.events.map((e) => e.event)).toEqual(['acquired', 'released']);
    const after = fake.sheetValues('Pupils');
    const h = after[0] as string[];
    expect(after.find((r) => r[0] === 'A1')![h.indexOf('Form')]).toBe('11B');
    expect(after.find((r) => r[0] === 'N1')![h.indexOf('Name')]).toBe("Sam O'Neill, Jr");
    expect(fake.sheetValues('Log').at(-1)).toContain('import-pupils');

    const again = applyPupilImport(rows);
    expect(again.ok && again.value).toMatchObject({ applied: false, added: [], changed: [], unchanged: 4 });
    expect(fake.sheetValues('Pupils')).toEqual(after);
  });

  it('refuses a mentor and rows that are not a table, and says why an export cannot be read', () => {
    setUp(MENTOR);
    expect(previewPupilImport(parseCsv(SIMS_CSV))).toMatchObject({ ok: false, message: expect.stringMatching(/needs the role/) });
    setUp();
    expect(previewPupilImport('UPN,Name')).toMatchObject({ ok: false, message: expect.stringMatching(/could not be sent/) });
    expect(previewPupilImport([['Forename', 'Surname'], ['A', 'B']])).toMatchObject({ ok: false, message: expect.stringMatching(/no pupil ID column/) });
  });

  it('spreadsheet calls do not grow with the number of pupils', () => {
    const calls: number[] = [];
    const methods: Record<string, number>[] = [];
    for (const size of [1200, 2400]) {
      const tabs = syntheticTracker({ pupils: size });
      const fake = setUp('cl@school.example', tabs);
      const rows = misExportFor(tabs);
      fake.calls.reset();
      const r = applyPupilImport(rows);
      expect(r.ok && r.value).toMatchObject({ applied: true, added: expect.arrayContaining(['NEW100']), absent: expect.arrayContaining(['P000049']) });
      expect(r.ok && r.value.added).toHaveLength(size / 100);
      calls.push(fake.calls.total('spreadsheet'));
      methods.push(fake.calls.byMethod('spreadsheet'));
    }
    expect(methods[1]).toEqual(methods[0]);
    expect(calls[1]).toBe(calls[0]);
  });

  it('reads a Google Sheet in Drive exported as CSV through the Drive API, and refuses a link that is not Drive', () => {
    const fetched: string[] = [];
    const fake = setUp(CL, trackerTabs(), {
      fetch: (url, params) => {
        fetched.push(url);
        expect((params.headers as Record<string, string>).Authorization).toBe('Bearer fake-oauth-token');
        return { code: 200, body: 'UPN,Name,Year\nA1,Zoë Rejected,11\n' };
      },
    });
    const id = fake.drive.addFile(null, { name: 'Year 11 export', mimeType: 'application/vnd.google-apps.spreadsheet', lastUpdated: new Date() , id: '1AbCdEfGhIjKlMnOpQrStUvWxYz012345' });
    const r = readPupilExportFromDrive(`https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Buffer.from(r.value.base64, 'base64').toString('utf8')).toBe('UPN,Name,Year\nA1,Zoë Rejected,11\n');
    expect(fetched).toEqual([`https://www.googleapis.com/drive/v3/files/${id}/export?mimeType=text%2Fcsv`]);
    const csvId = fake.drive.addFile(null, { name: 'export.csv', mimeType: 'text/csv', lastUpdated: new Date(), id: '1ZyXwVuTsRqPoNmLkJiHgFeDcBa543210' });
    expect(readPupilExportFromDrive(`https://drive.google.com/file/d/${csvId}/view`).ok).toBe(true);
    expect(fetched.at(-1)).toBe(`https://www.googleapis.com/drive/v3/files/${csvId}?alt=media`);
    expect(readPupilExportFromDrive('https://example.com/export.csv')).toMatchObject({ ok: false, message: expect.stringMatching(/not a link to a file in Google Drive/) });
  });
});

describe('Start new academic year… in Google Sheets', () => {
  it('once the new year has started, the confirmation warns that an MIS import may already have moved everyone up', () => {
    now = '2026-09-20T09:00:00Z';
    vi.setSystemTime(new Date(now));
    const tabs = trackerTabs();
    tabs.Settings = [...tabs.Settings.filter((r) => r[0] !== 'Tracker year'), ['Tracker year', '2025-26']];
    const fake = setUp(CL, tabs);
    fake.ui.respondWith('NO');
    startNewAcademicYear();
    expect(fake.ui.alerts[0].prompt).toContain('Careful: 2026-27 started on 1 September 2026. If an MIS import has already brought');
  });

  it('refuses before 1 July, saying so', () => {
    const fake = setUp();
    startNewAcademicYear();
    expect(fake.ui.alerts).toHaveLength(1);
    expect(fake.ui.alerts[0].prompt).toMatch(/too early/);
  });

  it('shows the counts, changes nothing on No, and rolls over on Yes, under the lock', () => {
    now = '2026-07-10T09:00:00Z';
    vi.setSystemTime(new Date(now));
    const fake = setUp();
    const before = fake.sheetValues('Pupils');
    fake.ui.respondWith('NO');
    startNewAcademicYear();
    expect(fake.ui.alerts[0].prompt).toMatch(/from 2025-26 to 2026-27:\n\nYear 10→11: 1 pupils/);
    expect(fake.ui.alerts[0].prompt).not.toContain('Careful');
    expect(fake.ui.alerts[1].prompt).toBe('Nothing was changed.');
    expect(fake.sheetValues('Pupils')).toEqual(before);
    fake.ui.respondWith('YES');
    startNewAcademicYear();
    expect(fake.ui.alerts.at(-1)!.prompt).toMatch(/now set for 2026-27/);
    expect(fake.locks.events.map((e) => e.event)).toEqual(['acquired', 'released']);
    const after = fake.sheetValues('Pupils');
    const h = after[0] as string[];
    expect(after.find((r) => r[0] === 'A1')![h.indexOf('Year')]).toBe('');
    expect(after.find((r) => r[0] === 'A1')![h.indexOf('Leaver year')]).toBe(2026);
    expect(fake.sheetValues('Settings').find((r) => r[0] === 'Tracker year')?.[1]).toBe('2026-27');
    startNewAcademicYear();
    expect(fake.ui.alerts.at(-1)!.prompt).toMatch(/already set for 2026-27/);
    now = '2026-03-02T09:30:00Z';
  });
});
