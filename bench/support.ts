/**
 * Shared by the bench cases: the Apps Script fake installed as globals, loaded with a tracker.
 */
import { createGasFake, type GasFake, type GasFakeOptions } from '../test/fakes/gas';
import { toSheetValues, type Tabs } from '../test/support/synthetic';
import { SheetsWorkbook } from '../src/gas/workbook';
import type { ClockPort } from '../src/ports';

export const BENCH_DAY = '2026-03-02';

export const benchClock: ClockPort = {
  now: () => new Date(`${BENCH_DAY}T08:00:00Z`),
  local: () => ({ day: BENCH_DAY, hour: 8, minute: 0 }),
};

/** A fake whose services are the globals the Apps Script adapters call, holding these tabs. */
export function fakeWithTabs(tabs: Tabs, opts: GasFakeOptions = {}): { fake: GasFake; workbook: SheetsWorkbook } {
  const fake = createGasFake(opts);
  // The fake's console records instead of printing: keep the real one for the bench table.
  const { console: _recorded, ...services } = fake.globals as unknown as Record<string, unknown>;
  Object.assign(globalThis, services);
  for (const [name, grid] of Object.entries(tabs)) fake.setSheet(name, toSheetValues(grid));
  const ss = fake.globals.SpreadsheetApp.getActiveSpreadsheet() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  return { fake, workbook: new SheetsWorkbook(ss) };
}

export function timed<T>(work: () => T): [T, number] {
  const start = performance.now();
  const out = work();
  return [out, performance.now() - start];
}
