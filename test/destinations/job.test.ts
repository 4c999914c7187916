/**
 * Check leavers' destinations through the Apps Script adapters (menu, Leavers tab, calls that do
 * not grow with the rows, the weekly email once per ISO week) and on the command line (JSON names).
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check, cli, leaver, tabsOf, writeWorkbook, STAFF, type Spec } from './build';
import { gasJobContext, installFake, loadTabs } from '../gas/helpers';
import { GasMail } from '../../src/gas/mail';
import { checkLeaversDestinations } from '../../src/gas/handlers/destinations';
import { destinationsWeeklyJob, runDestinations } from '../../src/jobs/destinations';
import { WEEKLY_JOBS } from '../../src/jobs/schedule';
import { MENU_ITEMS } from '../../src/gas/menu';

const SENSITIVE = /\bEHCP\b|\bSEND\b|\bSEN\b|looked[ -]after|disadvantaged|pupil premium|secret note/i;

const spec: Spec = {
  pupils: [
    leaver('A', 2025, { Name: '<b>Ann</b> Able', SEND: 'EHCP', 'Looked after': 'Yes', Disadvantaged: 'Yes' }),
    leaver('B', 2024, { Name: 'Bo Best', 'Consent to track': '' }),
    leaver('C', 2023, { Name: 'Cy Cole', 'Consent to track': 'No' }),
    leaver('D', 2025, { Name: 'Di Done' }),
    leaver('E', 2021, { Name: 'Ed Old' }),
  ],
  destinations: [
    check('A', '2025-10-03', 'NEET', { Notes: 'secret note' }),
    check('D', '2025-10-03', 'Further education'), check('D', '2026-01-07', 'Further education'),
  ],
  settings: { 'Destination checks': 'October, January' },
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-02T09:30:00Z'));
});
afterEach(() => vi.useRealTimers());

describe("Check leavers' destinations in Google Sheets", () => {
  it('is on the menu, writes the Leavers tab and says what it found', () => {
    expect(MENU_ITEMS.map((m) => m.caption)).toContain("Check leavers' destinations");
    const fake = installFake({ user: 'cl@school.example' });
    loadTabs(fake, tabsOf(spec));
    checkLeaversDestinations();
    expect(fake.ui.alerts[0].prompt).toContain('4 leavers tracked: 2 checks due now (2 overdue)');
    const rows = fake.sheetValues('Leavers').map((r) => r.map((c) => (c instanceof Date ? 'date' : c)));
    const head = rows.findIndex((r) => r[0] === 'Leaver year');
    expect(rows.slice(head + 1, head + 4).map((r) => r.slice(0, 3))).toEqual([[2025, 2, 0], [2024, 1, 0], [2023, 1, 1]]);
    const due = rows.findIndex((r) => r[0] === 'Pupil ID');
    expect(rows.slice(due + 1, due + 3).map((r) => [r[0], r[4], r[5], r[9]])).toEqual([['A', 60, 'Overdue', 'yes'], ['B', 60, 'Overdue', 'consent not recorded']]);
    expect(rows.flat()).toContain('Ed Old');
    expect(fake.sheetFormats('Leavers').backgrounds[due + 1][5]).toBe('#f4c7c3');
  });

  it('refuses a mentor', () => {
    const fake = installFake({ user: 'fr@school.example' });
    loadTabs(fake, tabsOf(spec));
    checkLeaversDestinations();
    expect(fake.ui.alerts[0].prompt).toMatch(/needs the role Careers leader or Destinations lead/);
    expect(fake.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Leavers')).toBeNull();
  });

  function callsAt(n: number): number {
    const fake = installFake({ user: 'cl@school.example' });
    const s = { ...spec, pupils: [...spec.pupils], destinations: [...spec.destinations!] };
    for (let i = 0; i < n; i++) {
      s.pupils.push(leaver(`P${i}`, 2023 + (i % 3), { 'Consent to track': i % 7 ? 'Yes' : '' }));
      for (let k = 0; k < 6; k++) s.destinations!.push(check(`P${i}`, `${2023 + (i % 3) + Math.floor(k / 2)}-${k % 2 ? '01' : '10'}-0${1 + (k % 5)}`, k % 4 ? 'Apprenticeship' : 'NEET'));
    }
    loadTabs(fake, tabsOf(s));
    fake.calls.reset();
    runDestinations(gasJobContext(fake));
    return fake.calls.total('spreadsheet');
  }

  it('uses the same number of spreadsheet calls at 100 and 1,000 leavers with 6 checks each', () => {
    expect(callsAt(1000)).toBe(callsAt(100));
  });
});

describe('the weekly destinations email', () => {
  it('is a step of the weekly schedule', () => {
    expect(WEEKLY_JOBS).toContain(destinationsWeeklyJob);
  });

  it('goes to each Destinations lead once per ISO week, with names, years and days due only', () => {
    const fake = installFake({ user: 'cl@school.example' });
    loadTabs(fake, tabsOf(spec));
    const ctx = { ...gasJobContext(fake), mail: new GasMail() };
    expect(destinationsWeeklyJob.run(ctx)).toMatchObject({ complete: true });
    expect(fake.sentMail.map((m) => m.to)).toEqual([['dl@school.example']]);
    const m = fake.sentMail[0];
    const body = `${m.subject}\n${m.body}\n${m.htmlBody}`;
    expect(body).toContain('2 leavers have a destination check due, 2 overdue');
    expect(body).toContain('&lt;b&gt;Ann&lt;/b&gt; Able');
    expect(m.htmlBody).not.toContain('<b>Ann</b>');
    expect(body).toMatch(/Bo Best \(left 2024\): due 60 days, overdue/);
    expect(body).not.toMatch(SENSITIVE);
    expect(body).not.toContain('Cy Cole');
    expect(body).not.toContain('@pupils.example');
    // Again in the same week: nothing new
    destinationsWeeklyJob.run({ ...gasJobContext(fake), mail: new GasMail() });
    expect(fake.sentMail).toHaveLength(1);
  });

  it('goes to the careers leader when nobody is Destinations lead', () => {
    const fake = installFake({ user: 'cl@school.example' });
    loadTabs(fake, tabsOf({ ...spec, staff: STAFF.filter((s) => s.Initials !== 'DL') }));
    destinationsWeeklyJob.run({ ...gasJobContext(fake), mail: new GasMail() });
    expect(fake.sentMail.map((m) => m.to)).toEqual([['cl@school.example']]);
  });
});

describe('careers-tracker destinations', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'destinations-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  it('prints one JSON document with the names the spec gives', async () => {
    const file = path.join(dir, 't.xlsx');
    await writeWorkbook(file, tabsOf(spec));
    const r = await cli(['destinations', '--workbook', file, '--today', '2026-03-02', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.asOf).toBe('2026-03-02');
    expect(j.years[0]).toMatchObject({ leaverYear: 2025, cohort: 2, noConsent: 0, eet: 1, neet: 1, notKnown: 0, noCheck: 0, sustained: 1, notSustained: 1, sustainedPct: 50 });
    expect(j.years[2]).toMatchObject({ leaverYear: 2023, cohort: 1, noConsent: 1, eet: 0, noCheck: 0, sustainedPct: null });
    expect(j.due).toEqual([
      expect.objectContaining({ pupilId: 'A', leaverYear: 2025, checkPoint: '2026-01-01', daysDue: 60, overdue: true, consentRecorded: true }),
      expect.objectContaining({ pupilId: 'B', leaverYear: 2024, checkPoint: '2026-01-01', daysDue: 60, overdue: true, consentRecorded: false }),
    ]);
    expect(j.missed).toEqual([{ pupilId: 'B', count: 3 }]);
    expect(j.pastRetention).toEqual(['E']);
  });
});
