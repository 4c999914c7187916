import { createGasFake } from '../test/fakes/gas';
import { syntheticTracker, toSheetValues } from '../test/support/synthetic';
import { SheetsWorkbook } from '../src/gas/workbook';
import { runCheck } from '../src/jobs/check';
import type { BenchCase } from '../scripts/bench';

/** Installs the fake's services as globals for the Apps Script adapters. */
export function withFake(pupils: number, extra?: Parameters<typeof syntheticTracker>[0]) {
  const fake = createGasFake();
  // The fake's console records instead of printing: keep the real one for the bench table.
  const { console: _recorded, ...services } = fake.globals as Record<string, unknown>;
  Object.assign(globalThis, services);
  for (const [name, grid] of Object.entries(syntheticTracker({ pupils, ...extra }))) fake.setSheet(name, toSheetValues(grid));
  const workbook = new SheetsWorkbook(fake.globals.SpreadsheetApp.getActiveSpreadsheet() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet);
  const clock = { now: () => new Date('2026-03-02T08:00:00Z'), local: () => ({ day: '2026-03-02', hour: 8, minute: 0 }) };
  return { fake, workbook, clock };
}

export const cases: BenchCase[] = [
  {
    name: 'check',
    sizes: [1_000, 10_000],
    run(size) {
      const { fake, workbook, clock } = withFake(size);
      fake.calls.reset();
      const start = performance.now();
      const { problems } = runCheck({ workbook, clock });
      const ms = performance.now() - start;
      return { calls: fake.calls.total('spreadsheet'), ms, note: `${problems.length} problems` };
    },
  },
];
