/**
 * The two dialogs in Google Sheets: Export for the local authority… (the dialog file, and the
 * server function's role check) and Pseudonymise old leavers… (dry run, the typed number, the
 * pseudonym made with Apps Script's SHA-256 equal to the command line's).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { check, leaver, tabsOf, d } from './build';
import { installFake, loadTabs } from '../gas/helpers';
import { exportForLocalAuthority, getLaReturnData } from '../../src/gas/handlers/la-return';
import { pseudonymiseOldLeavers } from '../../src/gas/handlers/pseudonymise';
import { MENU_ITEMS } from '../../src/gas/menu';
import { pseudonym } from '../../src/domain/pseudonymise';
import { sha256Hex } from '../../src/node/command-pseudonymise';
import { tableFor } from '../../src/ui/la-return-dialog';
import type { LaReturnData } from '../../src/domain/la-return';

const spec = {
  pupils: [
    leaver('OLD', 2020, { Name: 'Olga Old', Email: 'olga@pupils.example' }),
    leaver('NEW', 2025, { Name: 'Nia New', 'Date of birth': d('2009-10-11') }),
    { 'Pupil ID': 'Y11', Name: 'Yan Eleven', Year: 11, 'Application status': 'Offer' },
  ],
  destinations: [check('OLD', '2020-10-05', 'Apprenticeship'), check('NEW', '2025-10-05', 'Further education')],
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-02T09:30:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('Export for the local authority…', () => {
  it('opens the dialog for the careers leader, and hands it the tabs the returns are made from', () => {
    expect(MENU_ITEMS.map((m) => m.caption)).toEqual(expect.arrayContaining(['Export for the local authority…', 'Pseudonymise old leavers…']));
    const fake = installFake({ user: 'cl@school.example', files: { 'la-return': '<p>dialog</p>' } });
    loadTabs(fake, tabsOf(spec));
    exportForLocalAuthority();
    expect(fake.ui.dialogs.map((x) => x.title)).toEqual(['Export for the local authority']);
    const r = getLaReturnData() as { ok: true; value: LaReturnData };
    expect(r.ok).toBe(true);
    expect(r.value.today).toBe('2026-03-02');
    expect(Object.keys(r.value.tabs)).toEqual(['Settings', 'Pupils', 'Destinations']);
    // What google.script.run carries: JSON
    const data = JSON.parse(JSON.stringify(r.value)) as LaReturnData;
    expect(tableFor(data, 'y12').rows.map((x) => [x[0], x[3], x[5]])).toEqual([['NEW', '11/10/2009', 'Further education']]);
    expect(tableFor(data, 'y11').rows.map((x) => [x[0], x[8]])).toEqual([['Y11', 'Offer made']]);
  });

  it('is refused to a mentor and a careers adviser, by the menu and by the server function', () => {
    for (const user of ['fr@school.example', 'ca@school.example']) {
      const fake = installFake({ user, files: { 'la-return': '<p>dialog</p>' } });
      loadTabs(fake, tabsOf(spec));
      exportForLocalAuthority();
      expect(fake.ui.dialogs).toEqual([]);
      expect(getLaReturnData()).toMatchObject({ ok: false, code: 'refused' });
    }
  });
});

describe('Pseudonymise old leavers…', () => {
  it('shows the dry run, and changes nothing unless the number of leavers is typed', () => {
    const fake = installFake({ user: 'cl@school.example' });
    loadTabs(fake, tabsOf(spec));
    fake.ui.respondWith({ text: '2', button: 'OK' });
    pseudonymiseOldLeavers();
    expect(fake.ui.prompts[0].prompt).toMatch(/1 leavers of 2022 or earlier .*cannot be undone.*type 1/s);
    expect(fake.ui.alerts[0].prompt).toMatch(/not 1\. Nothing changed/);
    expect(fake.sheetValues('Pupils')[1][1]).toBe('Olga Old');
  });

  it('pseudonymises when the number is typed, with the same pseudonym as the command line would make for this ID', () => {
    const fake = installFake({ user: 'cl@school.example' });
    loadTabs(fake, tabsOf(spec));
    fake.ui.respondWith({ text: '1', button: 'OK' });
    pseudonymiseOldLeavers();
    expect(fake.ui.alerts[0].prompt).toContain('1 leavers pseudonymised');
    const id = fake.globals.SpreadsheetApp.getActiveSpreadsheet().getId();
    const x = pseudonym('OLD', id, sha256Hex);
    expect(fake.sheetValues('Pupils')[1].slice(0, 2)).toEqual([x, 'Redacted']);
    expect(fake.sheetValues('Destinations')[1][0]).toBe(x);
  });

  it('is for the careers leader only', () => {
    const fake = installFake({ user: 'dl@school.example' });
    loadTabs(fake, tabsOf(spec));
    pseudonymiseOldLeavers();
    expect(fake.ui.prompts).toEqual([]);
    expect(fake.ui.alerts[0].prompt).toMatch(/needs the role Careers leader/);
  });
});
