import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CellValue } from '../../src/ports';
import { runCli, tmpDir } from '../support/cli';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { readTracker } from '../../src/domain/tracker';
import { planNewYear } from '../../src/domain/new-year';
import { runSetup } from '../../src/jobs/setup';
import { fixedClock } from '../gas/helpers';
import { pupil, tabsOf, type Row } from '../unplaced/build';
import { writeTracker } from './exports';

const cli = runCli;

const ROWS: Row[] = [
  pupil('P7', { Year: 7 }), pupil('P8', { Year: 8 }), pupil('P9', { Year: 'Y9' }), pupil('P10', { Year: 10 }),
  pupil('P11', { Year: 11 }), pupil('Q11', { Year: 'Year 11' }), pupil('P12', { Year: 12 }), pupil('P13', { Year: 13 }),
  pupil('K11', { Year: 11, 'Leaver year': 2024 }),
  { 'Pupil ID': 'L1', Name: 'Lee Leaver', 'Leaver year': 2025 },
  { 'Pupil ID': 'X1', Name: 'Bad Year', Year: 'Year 14' },
];
const tabs = (settings: Record<string, CellValue> = {}) => tabsOf({ pupils: ROWS, settings });

describe('the roll-over rule', () => {
  it('moves Years 7–10 up, makes Year 11 and 13 leavers, and keeps a Leaver year already there', () => {
    const plan = planNewYear(readTracker(tabs({ 'Tracker year': '2025-26' })), '2026-07-01');
    expect(plan).toMatchObject({ from: '2025-26', to: '2026-27', moved: { '7→8': 1, '8→9': 1, '9→10': 1, '10→11': 1, '12→13': 1 }, leavers: ['P11', 'Q11', 'P13', 'K11'] });
    expect(plan.refused).toBeUndefined();
    const leaverYears = Object.fromEntries(plan.moves.filter((m) => m.year === null).map((m) => [m.id, m.leaverYear]));
    expect(leaverYears).toEqual({ P11: 2026, Q11: 2026, P13: 2026, K11: 2024 });
  });

  it('with a sixth form, Year 11 moves to Year 12', () => {
    const plan = planNewYear(readTracker(tabs({ 'Tracker year': '2025-26', 'Sixth form': 'Yes' })), '2026-09-03');
    expect(plan.moved['11→12']).toBe(3);
    expect(plan.leavers).toEqual(['P13']);
  });

  it('refuses before 1 July, and when Tracker year is already the current or a later year', () => {
    expect(planNewYear(readTracker(tabs({ 'Tracker year': '2025-26' })), '2026-06-30').refused).toMatch(/too early.*1 July 2026/);
    expect(planNewYear(readTracker(tabs({ 'Tracker year': '2026-27' })), '2026-07-15').refused).toMatch(/already set for 2026-27/);
    expect(planNewYear(readTracker(tabs({ 'Tracker year': '2026-27' })), '2026-09-15').refused).toMatch(/1 July 2027/);
    // Without the setting the tracker is taken to be right for the year that contains today.
    expect(planNewYear(readTracker(tabs()), '2026-09-15').refused).toMatch(/set Tracker year to 2025-26/);
    expect(planNewYear(readTracker(tabs()), '2026-07-02').refused).toBeUndefined();
    // A tracker left a year behind rolls on in September.
    expect(planNewYear(readTracker(tabs({ 'Tracker year': '2025-26' })), '2026-09-15').refused).toBeUndefined();
  });

  it('warns, once the year it moves to has started, that an MIS import may already have moved everyone up', () => {
    const late = planNewYear(readTracker(tabs({ 'Tracker year': '2025-26' })), '2026-09-15');
    expect(late.warning).toBe('2026-27 started on 1 September 2026. If an MIS import has already brought this year\'s Year groups into the tracker, '
      + 'do not go on: everyone would move up a second time. Set Tracker year to 2026-27 in the Settings tab instead.');
    expect(planNewYear(readTracker(tabs({ 'Tracker year': '2025-26' })), '2026-08-31').warning).toBeUndefined();
    expect(planNewYear(readTracker(tabs({ 'Tracker year': '2026-27' })), '2026-09-15').warning).toBeUndefined();
  });

  it('setup writes Tracker year as the academic year that contains today', () => {
    const wb = XlsxWorkbook.empty();
    runSetup({ workbook: wb, clock: fixedClock('2026-10-01') });
    const settings = wb.readTab('Settings')!;
    expect(settings.find((r) => r[0] === 'Tracker year')?.[1]).toBe('2026-27');
    expect(settings.find((r) => r[0] === 'Sixth form')?.[1]).toBe('No');
  });
});

describe('new-year on the command line', () => {
  it('a dry run prints the counts; --apply writes Year, Leaver year and Tracker year only; a second run is refused', async () => {
    const dir = tmpDir('new-year-');
    const book = await writeTracker(dir, tabs({ 'Tracker year': '2025-26' }));
    const before = (await XlsxWorkbook.open(book)).readTab('Pupils')!;
    const bytes = fs.readFileSync(book);
    const dry = await cli(['new-year', '--workbook', book, '--today', '2026-07-20', '--json']);
    expect(dry.code).toBe(0);
    expect(dry.json).toEqual({ from: '2025-26', to: '2026-27', applied: false, moved: { '7→8': 1, '8→9': 1, '9→10': 1, '10→11': 1, '12→13': 1 }, leavers: ['P11', 'Q11', 'P13', 'K11'] });
    expect(fs.readFileSync(book).equals(bytes)).toBe(true);

    const done = await cli(['new-year', '--workbook', book, '--today', '2026-07-20', '--apply', '--json']);
    expect(done.code).toBe(0);
    expect(done.json.applied).toBe(true);
    const wb = await XlsxWorkbook.open(book);
    const after = wb.readTab('Pupils')!;
    const h = before[0] as string[];
    const year = h.indexOf('Year');
    const left = h.indexOf('Leaver year');
    const byId = (g: CellValue[][], id: string) => g.find((r) => r[0] === id)!;
    expect(['P7', 'P8', 'P9', 'P10', 'P11', 'P12', 'P13', 'K11', 'L1', 'X1'].map((id) => [byId(after, id)[year], byId(after, id)[left]])).toEqual([
      [8, ''], [9, ''], [10, ''], [11, ''], ['', 2026], [13, ''], ['', 2026], ['', 2024], ['', 2025], ['Year 14', ''],
    ]);
    // Every other cell is as it was.
    for (let r = 0; r < before.length; r++) {
      for (let c = 0; c < h.length; c++) if (c !== year && c !== left) expect(after[r][c]).toEqual(before[r][c]);
    }
    expect(wb.readTab('Settings')!.find((r) => r[0] === 'Tracker year')?.[1]).toBe('2026-27');
    expect(wb.readTab('Log')!.at(-1)!.join(' ')).toMatch(/new-year.*2025-26 → 2026-27.*new leavers: 4/);

    const again = await cli(['new-year', '--workbook', book, '--today', '2026-07-21', '--apply', '--json']);
    expect(again.code).toBe(1);
    expect(again.json.refused).toMatch(/already set for 2026-27/);
    expect(again.err).toMatch(/^careers-tracker: The tracker is already set for 2026-27/);
    expect((await XlsxWorkbook.open(book)).readTab('Pupils')).toEqual(after);
  });
});
