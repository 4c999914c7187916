/**
 * Test helpers: the Apps Script fake installed as globals, and a job context over it.
 */
import { vi } from 'vitest';
import { createGasFake, type GasFake, type GasFakeOptions } from '../fakes/gas';
import { SheetsWorkbook } from '../../src/gas/workbook';
import type { JobContext } from '../../src/jobs/context';
import type { ClockPort } from '../../src/ports';
import { GasDocumentLock, GasProperties, GasUser } from '../../src/gas/services';
import { BATCH } from '../../src/jobs/bulletin';
import { toSheetValues, type Tabs } from '../support/synthetic';

export function installFake(opts: GasFakeOptions = {}): GasFake {
  const fake = createGasFake(opts);
  for (const [name, value] of Object.entries(fake.globals)) vi.stubGlobal(name, value);
  return fake;
}

/** A clock fixed at a local day and time, whatever the time zone asked for. */
export function fixedClock(day: string, hour = 8, minute = 0): ClockPort {
  return { now: () => new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`), local: () => ({ day, hour, minute }) };
}

export function gasJobContext(fake: GasFake, day = '2026-03-02'): JobContext {
  return {
    workbook: new SheetsWorkbook(fake.globals.SpreadsheetApp.getActiveSpreadsheet() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet),
    clock: fixedClock(day),
    lock: new GasDocumentLock(),
    documentProperties: new GasProperties(fake.globals.PropertiesService.getDocumentProperties() as unknown as GoogleAppsScript.Properties.Properties),
    userProperties: new GasProperties(fake.globals.PropertiesService.getUserProperties() as unknown as GoogleAppsScript.Properties.Properties),
    user: new GasUser(),
    sendBatch: BATCH,
  };
}

/** Loads synthetic tabs into the fake's spreadsheet (dates as Dates at local midnight). */
export function loadTabs(fake: GasFake, tabs: Tabs): void {
  for (const [name, grid] of Object.entries(tabs)) fake.setSheet(name, toSheetValues(grid));
}
