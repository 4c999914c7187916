/**
 * A run of a job over the Apps Script fake with a simulated per-call latency: every counted call
 * advances a simulated clock, and the job's time budget is read from that clock. Used by the
 * bulletin time-budget test and `npm run bench`.
 */
import { createGasFake, type GasFake, type Service } from '../fakes/gas';
import { toSheetValues, type Tabs } from './synthetic';
import { SheetsWorkbook } from '../../src/gas/workbook';
import { GasMail } from '../../src/gas/mail';
import { BATCH } from '../../src/jobs/bulletin';
import { type JobContext, RUN_BUDGET_MS } from '../../src/jobs/context';
import type { ClockPort } from '../../src/ports';

/** Milliseconds per call: a spreadsheet call, a MailApp send, anything else. */
export interface Latency { spreadsheet: number; send: number; other: number }
/** Rough figures for Apps Script: tens of ms per spreadsheet call, a few hundred per email. */
export const APPS_SCRIPT_LATENCY: Latency = { spreadsheet: 60, send: 250, other: 5 };

export interface SimulatedRuns {
  fake: GasFake;
  /** a fresh execution: a new context whose deadline is the budget from the simulated now */
  context(): JobContext;
  /** simulated milliseconds since the start of the current execution */
  elapsed(): number;
}

export function simulatedRuns(tabs: Tabs, latency: Latency, day: string, install: (fake: GasFake) => void): SimulatedRuns {
  let t = Date.parse(`${day}T08:00:00Z`);
  let started = t;
  const fake = createGasFake({
    user: 'fr@school.example', mailQuota: 100_000,
    onCall: (service: Service, method: string) => {
      t += method === 'MailApp.sendEmail' ? latency.send : service === 'spreadsheet' ? latency.spreadsheet : latency.other;
    },
  });
  install(fake);
  for (const [name, grid] of Object.entries(tabs)) fake.setSheet(name, toSheetValues(grid));
  const clock: ClockPort = { now: () => new Date(t), local: () => ({ day, hour: 8, minute: 0 }) };
  return {
    fake,
    context() {
      started = t;
      const ss = fake.globals.SpreadsheetApp.getActiveSpreadsheet() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
      return { workbook: new SheetsWorkbook(ss), clock, mail: new GasMail(), deadline: t + RUN_BUDGET_MS, sendBatch: BATCH };
    },
    elapsed: () => t - started,
  };
}
