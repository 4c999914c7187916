/**
 * The bundled sample on 2 March 2026 (as `npm start` runs it), worked by hand: its settings check
 * in October and January, so every check due now is the 1 January one, 60 days ago (overdue).
 * The hand-made leavers of sample/destinations.ts are checked one by one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cli } from './build';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { displayCell } from '../../src/domain/values';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'destinations-sample-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const SAMPLE = path.resolve(__dirname, '../../sample/tracker.xlsx');

describe("the sample's leavers on 2 March 2026", () => {
  it('gives the figures worked out by hand', async () => {
    const file = path.join(dir, 'tracker.xlsx');
    fs.copyFileSync(SAMPLE, file);
    const wb = await XlsxWorkbook.open(file);
    const pupils = wb.readTab('Pupils')!;
    const h = pupils[0].map(String);
    const col = (name: string) => h.indexOf(name);
    const leavers = pupils.slice(1).filter((r) => r[col('Leaver year')] !== '');
    const dest = wb.readTab('Destinations')!;
    const rowsOf = (id: unknown) => dest.slice(1).filter((r) => r[0] === id).map((r) => [displayCell(r[1]), r[2]]);

    const r = await cli(['destinations', '--workbook', file, '--today', '2026-03-02', '--json']);
    const j = JSON.parse(r.out);
    // Cohorts and no consent, counted straight from the Pupils tab.
    for (const y of [2025, 2024, 2023]) {
      const cohort = leavers.filter((x) => x[col('Leaver year')] === y);
      const no = cohort.filter((x) => /^no$/i.test(String(x[col('Consent to track')])));
      expect(j.years.find((x: { leaverYear: number }) => x.leaverYear === y)).toMatchObject({ cohort: cohort.length, noConsent: no.length });
    }
    expect(j.years.map((y: { cohort: number }) => y.cohort)).toEqual([20, 20, 20]);
    expect(j.pastRetention).toHaveLength(4); // 2 of 2022 and 2 of 2021
    // Every check due is the 1 January 2026 one: 31 + 28 + 1 = 60 days, overdue.
    expect(j.due.length).toBeGreaterThan(10);
    for (const d of j.due) expect(d).toMatchObject({ checkPoint: '2026-01-01', daysDue: 60, overdue: true });

    // Hand-made: the 2025 leaver whose consent is blank and who was never checked.
    const never = leavers.filter((x) => x[col('Leaver year')] === 2025 && x[col('Consent to track')] === '');
    expect(never).toHaveLength(1);
    expect(rowsOf(never[0][0])).toEqual([]);
    expect(j.due.find((d: { pupilId: string }) => d.pupilId === never[0][0])).toMatchObject({ consentRecorded: false, daysDue: 60 });
    expect(j.missed.find((m: { pupilId: string }) => m.pupilId === never[0][0])).toEqual({ pupilId: never[0][0], count: 1 }); // 1 October 2025
    expect(j.years[0].noCheck).toBe(1);

    // Hand-made: the 2025 leaver who left college at Christmas: FE in October, NEET in January.
    const notes = dest.slice(1).filter((x) => String(x[5]).startsWith('Left college at Christmas'));
    expect(notes).toHaveLength(1);
    const dropped = notes[0][0];
    expect(rowsOf(dropped)).toEqual([['2025-10-06', 'Further education'], ['2026-01-12', 'NEET']]);
    expect(j.due.some((d: { pupilId: string }) => d.pupilId === dropped)).toBe(false);
    expect(j.missed.some((m: { pupilId: string }) => m.pupilId === dropped)).toBe(false);

    // Hand-made: the 2024 leaver off sick (NCCIS 640). Not Accepted, so 1 August 2024 comes first:
    // 1 Aug 2024 missed (first check in October), 1 Oct 2024 done, 1 Jan 2025 missed, 1 Oct 2025 done, 1 Jan 2026 done.
    const ill = dest.slice(1).find((x) => x[2] === 'NEET not available')!;
    expect(ill[6]).toBe(640);
    const illRows = rowsOf(ill[0]);
    expect(illRows.map((x) => x[0] as string).filter((x) => x >= '2024-10-01' && x < '2025-01-01')).toHaveLength(1);
    expect(illRows.map((x) => x[0] as string).filter((x) => x >= '2025-10-01' && x < '2026-01-01')).toHaveLength(1);
    expect(j.missed.find((m: { pupilId: string }) => m.pupilId === ill[0])).toEqual({ pupilId: ill[0], count: 2 });

    // 2024 and 2023 leavers had not accepted a place: 1 August of their leaver year comes first and was never checked.
    const older = leavers.filter((x) => [2023, 2024].includes(x[col('Leaver year')] as number) && !/^no$/i.test(String(x[col('Consent to track')])));
    const missedIds = new Set(j.missed.map((m: { pupilId: string }) => m.pupilId));
    expect(older.filter((x) => !missedIds.has(x[0]))).toEqual([]);

    // The LA's destinations return carries the finer code and the sustained measure.
    const out = path.join(dir, 'destinations.csv');
    expect((await cli(['la-return', '--workbook', file, '--today', '2026-03-02', '--kind', 'destinations', '--out', out])).code).toBe(0);
    const csv = fs.readFileSync(out, 'utf8').split('\r\n');
    expect(csv.find((l) => l.startsWith(`${ill[0]},`))).toMatch(/,NEET not available,640,NEET,/);
    expect(csv.find((l) => l.startsWith(`${dropped},`))).toMatch(/,NEET,619,NEET,.*,no$/);
    expect(csv.filter((l) => l !== '').length - 1).toBe(60 - j.years.reduce((n: number, y: { noConsent: number }) => n + y.noConsent, 0));
  });
});
