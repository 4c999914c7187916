import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { NodeClock } from '../../src/node/clock';
import { runSetup } from '../../src/jobs/setup';
import { runCheck } from '../../src/jobs/check';
import type { JobContext } from '../../src/jobs/context';
import { INPUT_TABS } from '../../src/domain/schema';
import { DEFAULT_AUDIT_CRITERIA } from '../../src/domain/benchmarks';

const ctxFor = (workbook: XlsxWorkbook): JobContext => ({ workbook, clock: new NodeClock('2026-03-02') });

function snapshot(wb: XlsxWorkbook, except: string[] = ['Log']) {
  return Object.fromEntries(wb.tabNames().filter((t) => !except.includes(t)).map((t) => [t, wb.readTab(t)]));
}

describe('setup and check on a .xlsx tracker', () => {
  it('sets up an empty workbook that then checks clean', () => {
    const wb = XlsxWorkbook.empty();
    const result = runSetup(ctxFor(wb));
    expect(result.tabsAdded).toEqual(INPUT_TABS.map((t) => t.name));
    const criteria = Object.values(DEFAULT_AUDIT_CRITERIA);
    expect(criteria.every((c) => c.length >= 3)).toBe(true);
    expect(result.auditCriteriaAdded).toBe(criteria.flat().length);
    expect(wb.readTab('Pupils')![0]).toContain('Application status');
    expect(runCheck(ctxFor(wb)).problems).toEqual([]);
    expect(wb.readTab('Problems')![1][0]).toBe('No problems found.');
  });

  it('changes nothing the second time', async () => {
    const wb = XlsxWorkbook.empty();
    runSetup(ctxFor(wb));
    const again = await XlsxWorkbook.fromBuffer(await wb.toBuffer());
    const before = snapshot(again);
    const second = runSetup(ctxFor(again));
    expect(second).toEqual({ tabsAdded: [], columnsAdded: [], settingsAdded: [], auditCriteriaAdded: 0 });
    expect(snapshot(again)).toEqual(before);
    expect(again.readTab('Log')!.length).toBe(2);
  });

  it('maps renamed headers through aliases and adds only what is missing, keeping data and extra columns', () => {
    const wb = XlsxWorkbook.empty();
    wb.createTab('Pupils');
    wb.writeCells('Pupils', 1, 1, [
      ['UPN', 'Student name', 'NC year', 'House', 'SEN', 'Attendance %', 'Kent Choices login'],
      ['A1', 'Amy Ash', 'Y11', 'Red', 'K', '91%', 'Yes'],
    ]);
    wb.createTab('Settings');
    wb.writeCells('Settings', 1, 1, [['Setting', 'Value'], ['Application deadline', '15 January']]);
    const r = runSetup(ctxFor(wb));
    const pupils = wb.readTab('Pupils')!;
    expect(pupils[1].slice(0, 7)).toEqual(['A1', 'Amy Ash', 'Y11', 'Red', 'K', '91%', 'Yes']);
    const added = r.columnsAdded.filter((c) => c.tab === 'Pupils').map((c) => c.column);
    expect(added).not.toContain('Pupil ID');
    expect(added).not.toContain('Name');
    expect(added).not.toContain('SEND');
    expect(added).not.toContain('Platform login');
    expect(added).toContain('Mentor');
    expect(pupils[0].slice(0, 7)).toEqual(['UPN', 'Student name', 'NC year', 'House', 'SEN', 'Attendance %', 'Kent Choices login']);
    expect(r.settingsAdded).not.toContain('Application deadline');
    const settings = wb.readTab('Settings')!;
    expect(settings.filter((row) => row[0] === 'Application deadline')).toEqual([['Application deadline', '15 January']]);
  });

  it('keeps the user\'s other tabs and formatting through a save', async () => {
    const book = new ExcelJS.Workbook();
    const own = book.addWorksheet('Our notes');
    own.getCell('A1').value = 'Keep me';
    own.getCell('A1').font = { bold: true, color: { argb: 'FFFF0000' } };
    own.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00FF00' } };
    const wb = await XlsxWorkbook.fromBuffer(Buffer.from(await book.xlsx.writeBuffer()));
    runSetup(ctxFor(wb));
    runCheck(ctxFor(wb));
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.toBuffer()) as unknown as ArrayBuffer);
    const notes = back.getWorksheet('Our notes')!;
    expect(notes.getCell('A1').value).toBe('Keep me');
    expect(notes.getCell('A1').font?.bold).toBe(true);
    expect((notes.getCell('B2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FF00FF00');
    expect(back.getWorksheet('Problems')!.getRow(4).font?.bold ?? back.getWorksheet('Problems')!.getCell('A4').font?.bold).toBe(true);
  });

  it('writes formula-looking text as text and reads it back unchanged', async () => {
    const wb = XlsxWorkbook.empty();
    runSetup(ctxFor(wb));
    wb.appendRows('Staff', [['=HYPERLINK("x")', '+Name', 'a@b.example', 'Mentor', 'No']]);
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.load((await wb.toBuffer()) as unknown as ArrayBuffer);
    const cell = raw.getWorksheet('Staff')!.getCell('A2');
    expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
    expect(cell.value).toBe('\'=HYPERLINK("x")');
    const back = await XlsxWorkbook.fromBuffer(await wb.toBuffer());
    expect(back.readTab('Staff')![1].slice(0, 2)).toEqual(['=HYPERLINK("x")', '+Name']);
  });

  it('reads date cells as the day they show, whatever the machine time zone', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Meetings');
    ws.addRow(['Date']);
    ws.addRow([new Date(Date.UTC(2026, 2, 29))]);
    ws.getCell('A2').numFmt = 'dd/mm/yyyy';
    const wb = await XlsxWorkbook.fromBuffer(Buffer.from(await book.xlsx.writeBuffer()));
    expect(wb.readTab('Meetings')![1][0]).toEqual({ day: '2026-03-29' });
  });
});

describe('check on a workbook that is not a tracker', () => {
  it('says which tabs are missing instead of only "No problems found"', () => {
    const wb = XlsxWorkbook.empty();
    wb.createTab('Sheet1');
    const r = runCheck(ctxFor(wb));
    expect(r.problems).toEqual([]);
    expect(r.missingTabs).toContain('Pupils');
    expect(String(wb.readTab('Problems')![1][1])).toMatch(/Tabs missing: .*Pupils.*Set up tracker/);
  });
});
