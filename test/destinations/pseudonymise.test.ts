/**
 * Pseudonymise old leavers: every cell of every tab searched afterwards, twice is a no-op, and
 * the statistics are the same before and after. Through the .xlsx adapter (command line) and the
 * Apps Script fake (changed cells only, calls that do not grow with the rows).
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check, cli, d, leaver, tabsOf, writeWorkbook, type Spec } from './build';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { displayCell } from '../../src/domain/values';
import { pseudonym } from '../../src/domain/pseudonymise';
import { sha256Hex } from '../../src/node/command-pseudonymise';
import { gasJobContext, installFake, loadTabs } from '../gas/helpers';
import { runPseudonymise } from '../../src/jobs/pseudonymise';
import { runDestinations } from '../../src/jobs/destinations';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pseudonymise-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const OLD = ['OLD1', 'old2'];
const EMAILS = ['old1@pupils.example', 'Old.Two@pupils.example'];
const spec: Spec = {
  pupils: [
    leaver('OLD1', 2021, { Name: 'Olive Oldham', Email: EMAILS[0], Form: '11A', Mentor: 'FR', 'Date of birth': d('2005-02-03'), Postcode: 'CT1 1AA', SEND: 'EHCP', 'Plan A': 'College' }),
    leaver('OLD2', 2022, { Name: 'Owen Older', Email: EMAILS[1], 'Looked after': 'Yes' }),
    leaver('KEEP', 2024, { Name: 'Kim Keeper', Email: 'kim@pupils.example' }),
    { 'Pupil ID': 'Y11', Name: 'Yan Eleven', Year: 11, Mentor: 'FR' },
  ],
  meetings: [
    { Date: d('2021-01-05'), 'Pupil ID': 'old1', Staff: 'FR', Type: 'Mentoring', Notes: 'Talked about OLD1 plans', Grades: '5s' },
    { Date: d('2025-01-05'), 'Pupil ID': 'Y11', Staff: 'FR', Type: 'Mentoring', Notes: 'Fine' },
  ],
  actions: [{ 'Pupil ID': 'OLD2', Action: 'Ring Owen', Due: d('2022-01-01') }],
  activities: [{ Date: d('2021-03-01'), Activity: 'College visit', Type: 'Further education', Pupils: 'OLD1; Y11, old2' }],
  destinations: [
    check('OLD1', '2021-10-04', 'Further education', { Notes: 'Mum said OK', Provider: 'Stour Valley College' }),
    check('OLD2', '2022-10-04', 'NEET'),
    check('KEEP', '2025-10-04', 'Apprenticeship'),
  ],
  log: [{ Time: 'x', Job: 'bulletin', Outcome: 'sent', Recipient: EMAILS[1].toUpperCase(), Details: 'to old2 and OLD1x' }],
};

function everyCell(wb: XlsxWorkbook): string[] {
  return wb.tabNames().flatMap((t) => (wb.readTab(t) ?? []).flat().map((c) => displayCell(c)));
}

describe('pseudonymise on the command line', () => {
  it('is a dry run first, then changes only the old leavers, leaving no old ID or email in any cell; twice is a no-op', async () => {
    const file = path.join(dir, 'tracker.xlsx');
    await writeWorkbook(file, tabsOf(spec));
    const before = await cli(['destinations', '--workbook', file, '--today', '2026-03-02', '--json']);
    const scoreBefore = await cli(['score', '--workbook', file, '--today', '2026-03-02', '--json']);
    const dry = await cli(['pseudonymise', '--workbook', file, '--today', '2026-03-02', '--json']);
    expect(JSON.parse(dry.out)).toEqual({ asOf: '2026-03-02', applied: false, leavers: 2, rows: { Pupils: 2, Meetings: 1, Actions: 1, Activities: 1, Destinations: 2, Log: 1 } });
    expect(everyCell(await XlsxWorkbook.open(file)).join('|')).toContain('Olive Oldham');

    const applied = await cli(['pseudonymise', '--workbook', file, '--today', '2026-03-02', '--apply', '--json']);
    expect(JSON.parse(applied.out)).toMatchObject({ applied: true, leavers: 2 });
    const wb = await XlsxWorkbook.open(file);
    const cells = everyCell(wb);
    for (const id of OLD) expect(cells.filter((c) => new RegExp(`(^|[^A-Za-z0-9])${id}([^A-Za-z0-9]|$)`, 'i').test(c))).toEqual([]);
    for (const e of EMAILS) expect(cells.filter((c) => c.toLowerCase().includes(e.toLowerCase()))).toEqual([]);
    for (const name of ['Olive', 'Owen', 'Oldham', 'Mum said']) expect(cells.filter((c) => c.includes(name))).toEqual([]);

    const x1 = pseudonym('OLD1', 'tracker.xlsx', sha256Hex);
    const x2 = pseudonym('OLD2', 'tracker.xlsx', sha256Hex);
    expect(x1).toMatch(/^X-[0-9a-f]{10}$/);
    const pupils = wb.readTab('Pupils')!;
    const h = pupils[0] as string[];
    const row1 = pupils.find((r) => r[0] === x1)!;
    expect(row1[h.indexOf('Name')]).toBe('Redacted');
    for (const col of ['Email', 'Form', 'Mentor', 'Date of birth', 'Postcode']) expect(row1[h.indexOf(col)]).toBe('');
    expect(row1[h.indexOf('SEND')]).toBe('EHCP');
    expect(row1[h.indexOf('Plan A')]).toBe('College');
    expect(row1[h.indexOf('Leaver year')]).toBe(2021);
    expect(pupils.find((r) => r[0] === 'KEEP')![h.indexOf('Name')]).toBe('Kim Keeper');
    // The same pseudonym in every tab
    expect(wb.readTab('Meetings')![1][1]).toBe(x1);
    expect(wb.readTab('Meetings')![1].slice(4, 10)).toEqual(['Redacted', '', '', '', '', 'Redacted']);
    expect(wb.readTab('Actions')![1].slice(0, 2)).toEqual([x2, 'Redacted']);
    expect(wb.readTab('Activities')![1][5]).toBe(`${x1}; Y11, ${x2}`);
    const dest = wb.readTab('Destinations')!;
    expect(dest.slice(1).map((r) => [r[0], r[3], r[5]])).toEqual([[x1, 'Stour Valley College', 'Redacted'], [x2, '', ''], ['KEEP', '', '']]);
    const log = wb.readTab('Log')!;
    expect(log[1].slice(3, 5)).toEqual([`to ${x2} and OLD1x`, 'Redacted']);
    expect(log.map((r) => r.join(' ')).filter((l) => /pseudonymise ok 2 leavers of 2022 or earlier pseudonymised/.test(l))).toHaveLength(1);

    // Statistics are the same
    const after = await cli(['destinations', '--workbook', file, '--today', '2026-03-02', '--json']);
    const strip = (j: string) => { const o = JSON.parse(j); for (const k of ['pastRetention', 'emails', 'alreadySentThisWeek', 'deferred', 'outbox']) delete o[k]; return o; };
    expect(strip(after.out)).toEqual(strip(before.out));
    expect(JSON.parse(after.out).pastRetention).toEqual([x1, x2]);
    const scoreAfter = await cli(['score', '--workbook', file, '--today', '2026-03-02', '--json']);
    expect(JSON.parse(scoreAfter.out).benchmarks).toEqual(JSON.parse(scoreBefore.out).benchmarks);
    expect((await cli(['check', '--workbook', file, '--today', '2026-03-02', '--json'])).out).not.toContain('Pupil ID');

    // Twice: nothing left to do, nothing written
    const bytes = fs.readFileSync(file);
    const again = await cli(['pseudonymise', '--workbook', file, '--today', '2026-03-02', '--apply', '--json']);
    expect(JSON.parse(again.out)).toEqual({ asOf: '2026-03-02', applied: false, leavers: 0, rows: {} });
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe('pseudonymise through the Apps Script adapters', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-02T09:30:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  function bigSpec(n: number): Spec {
    const pupils = [...spec.pupils];
    const destinations = [...spec.destinations!];
    for (let i = 0; i < n; i++) {
      pupils.push(leaver(`K${i}`, 2024 + (i % 2), { Name: `Kept ${i}` }));
      destinations.push(check(`K${i}`, '2025-10-06', 'Further education'));
    }
    return { ...spec, pupils, destinations };
  }

  function run(n: number) {
    const fake = installFake({ user: 'cl@school.example' });
    loadTabs(fake, tabsOf(bigSpec(n)));
    runDestinations(gasJobContext(fake));
    const ctx = gasJobContext(fake);
    fake.calls.reset();
    const r = runPseudonymise(ctx, { apply: true, documentId: 'sheet-id', sha256Hex });
    return { fake, r, calls: fake.calls.total('spreadsheet') };
  }

  it('writes the changed cells only, with the same number of spreadsheet calls at 100 and 1,000 other leavers', () => {
    const small = run(100);
    const big = run(1000);
    expect(small.r).toMatchObject({ applied: true, leavers: 2 });
    expect(big.calls).toBe(small.calls);
    const values = small.fake.sheetValues('Pupils');
    const x1 = pseudonym('OLD1', 'sheet-id', sha256Hex);
    expect(values[1].slice(0, 2)).toEqual([x1, 'Redacted']);
    expect(values[3].slice(0, 2)).toEqual(['KEEP', 'Kim Keeper']);
    const all = ['Pupils', 'Meetings', 'Actions', 'Activities', 'Destinations', 'Log', 'Leavers'].flatMap((t) => small.fake.sheetValues(t).flat().map(String));
    expect(all.filter((c) => /\bOLD1\b|\bold2\b|Olive|old1@/i.test(c))).toEqual([]);
  });
});
