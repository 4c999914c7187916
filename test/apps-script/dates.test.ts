/**
 * Dates on clock-change days (issue 10): a day written through the Sheets adapter is stored at that
 * day's local midnight in the spreadsheet's time zone and reads back as the same day, on both clock
 * changes in Europe/London and in zones west of UTC (including one whose clocks change at midnight).
 */
import { describe, expect, it } from 'vitest';
import { installFake } from '../gas/helpers';
import { zonedDate } from '../fakes/gas';
import { SheetsWorkbook } from '../../src/gas/workbook';

const CASES: [string, string[]][] = [
  ['Europe/London', ['2026-03-29', '2026-10-25', '2026-03-28', '2026-10-26']],
  ['America/New_York', ['2026-03-08', '2026-11-01']],
  // Chile moves its clocks at midnight: 6 September 2026 has no 00:00, 5 April 2026 has 23:00 twice.
  ['America/Santiago', ['2026-09-06', '2026-04-05']],
];

describe('date cells on clock-change days', () => {
  for (const [tz, days] of CASES) {
    it(`${tz}: ${days.join(', ')} are stored on their own day and read back unchanged`, () => {
      const fake = installFake({ timeZone: tz });
      fake.setSheet('Meetings', [['Date', 'Time']]);
      const wb = new SheetsWorkbook(fake.globals.SpreadsheetApp.getActiveSpreadsheet() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet);
      wb.writeCells('Meetings', 2, 1, days.map((day) => [{ day }, { day, time: '01:30' }]));
      const stored = fake.sheetValues('Meetings').slice(1);
      days.forEach((day, i) => {
        const [y, m, d] = day.split('-').map(Number);
        const local = zonedDate(y, m, d, tz);
        // The instant Sheets holds shows this very day in the spreadsheet's zone.
        const shown = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(stored[i][0] as Date);
        expect(shown).toBe(day);
        if (tz !== 'America/Santiago' || day !== '2026-09-06') expect((stored[i][0] as Date).getTime()).toBe(local.getTime());
      });
      const back = wb.readTab('Meetings')!.slice(1);
      expect(back.map((r) => (r[0] as { day: string }).day)).toEqual(days);
      expect(back.map((r) => (r[1] as { day: string }).day)).toEqual(days);
    });
  }
});
