import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { NodeClock } from '../../src/node/clock';
import { LocalFolders, mimeTypeOf } from '../../src/node/folders';
import { runEvidence } from '../../src/jobs/evidence';
import type { JobContext } from '../../src/jobs/context';
import { FolderNotFoundError, isDayCell } from '../../src/ports';
import { NAMING_EXPECTED, NAMING_TREE, TODAY, evidenceTracker, tempDir, writeTreeToDir } from './tree';
import type { Tabs } from '../support/synthetic';

const dirs: string[] = [];
const newDir = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function workbookFrom(tabs: Tabs): XlsxWorkbook {
  const wb = XlsxWorkbook.empty();
  for (const [name, grid] of Object.entries(tabs)) {
    wb.createTab(name);
    wb.writeCells(name, 1, 1, grid);
  }
  return wb;
}

const ctxFor = (workbook: XlsxWorkbook, today = TODAY): JobContext => ({ workbook, clock: new NodeClock(today), folders: new LocalFolders() });

function snapshot(wb: XlsxWorkbook) {
  return Object.fromEntries(wb.tabNames().map((t) => [t, wb.readTab(t)]));
}

describe('the local folders adapter', () => {
  it('lists direct subfolders with every file below them, leaving out hidden files and folders', () => {
    const dir = writeTreeToDir(NAMING_TREE, newDir());
    fs.mkdirSync(path.join(dir, '.hidden'));
    fs.writeFileSync(path.join(dir, '.hidden', 'secret.pdf'), 'x');
    fs.writeFileSync(path.join(dir, 'BM5 Careers fair', '.DS_Store'), 'x');
    fs.mkdirSync(path.join(dir, 'BM5 Careers fair', '.git'));
    fs.writeFileSync(path.join(dir, 'BM5 Careers fair', '.git', 'HEAD'), 'x');
    fs.writeFileSync(path.join(dir, 'Loose file in the root.pdf'), 'x');
    const folders = new LocalFolders().listEvidence(dir, 'Europe/London');
    expect(folders.map((f) => f.name).sort()).toEqual([...new Set(NAMING_TREE.folders.map((f) => f.split('/')[0]))].sort());
    const bm4 = folders.find((f) => f.name === 'bm4 curriculum')!;
    expect(bm4.files.map((f) => f.path).sort()).toEqual(['Science week/Day 1/Registers/Register.pdf', 'Science week/Photo 1.jpg']);
    const register = bm4.files.find((f) => f.name === 'Register.pdf')!;
    expect(register).toMatchObject({ mimeType: 'application/pdf', updated: '2025-09-30' });
    expect(register.url).toMatch(/^file:\/\/.*Register\.pdf$/);
    expect(folders.find((f) => f.name === 'BM5 Careers fair')!.files.map((f) => f.name)).toEqual(['Fair register.xlsx']);
    expect(folders.find((f) => f.name === '8 Personal guidance')!.files).toEqual([]);
    expect(folders.flatMap((f) => f.files).length).toBe(NAMING_TREE.files.length);
  });

  it('gives the day of the last change in the tracker time zone', () => {
    const dir = writeTreeToDir({ folders: ['BM1'], files: [
      { path: 'BM1/late.pdf', updated: '2025-06-30', at: '2025-06-30T23:30:00Z' },
      { path: 'BM1/winter.pdf', updated: '2025-12-31', at: '2025-12-31T23:30:00Z' },
    ] }, newDir());
    const byName = (tz: string) => Object.fromEntries(new LocalFolders().listEvidence(dir, tz)[0].files.map((f) => [f.name, f.updated]));
    expect(byName('Europe/London')).toEqual({ 'late.pdf': '2025-07-01', 'winter.pdf': '2025-12-31' });
    expect(byName('UTC')).toEqual({ 'late.pdf': '2025-06-30', 'winter.pdf': '2025-12-31' });
  });

  it('knows common file types by extension', () => {
    expect(mimeTypeOf('Minutes.DOCX')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(mimeTypeOf('photo.jpeg')).toBe('image/jpeg');
    expect(mimeTypeOf('README')).toBe('application/octet-stream');
  });

  it('says clearly when the folder is missing or is a file', () => {
    const dir = newDir();
    expect(() => new LocalFolders().listEvidence(path.join(dir, 'nope'), 'UTC')).toThrow(FolderNotFoundError);
    fs.writeFileSync(path.join(dir, 'file.txt'), 'x');
    expect(() => new LocalFolders().listEvidence(path.join(dir, 'file.txt'), 'UTC')).toThrow(/is a file/);
  });
});

describe('the evidence report on a .xlsx tracker and a local folder', () => {
  it('reports every naming form, the stale boundary, nesting, an empty benchmark and unmatched folders', () => {
    const dir = writeTreeToDir(NAMING_TREE, newDir());
    const wb = workbookFrom(evidenceTracker('https://drive.google.com/drive/folders/ignored-on-the-command-line'));
    const result = runEvidence(ctxFor(wb), { folder: dir });
    if (!result.ok) throw new Error(result.message);
    const r = result.report;
    expect(r.benchmarks.map(({ id, files, updatedThisYear, latest, status }) => ({ id, files, updatedThisYear, latest, status })))
      .toEqual(NAMING_EXPECTED.benchmarks);
    expect(r.benchmarks[4].folders).toEqual(['5 - Employer encounters', 'BM5 Careers fair']);
    expect(r.unmatchedFolders.map((f) => f.name)).toEqual(NAMING_EXPECTED.unmatchedFolders);
    expect(r.activitiesWithoutEvidence.map((a) => a.title)).toEqual(['College visit', 'Science careers week', 'Apprenticeship talk', 'LMI assembly']);
    expect(r.files.length).toBe(NAMING_EXPECTED.files);
  });

  it('writes the Evidence tab: summary with RAG status, unmatched folders, activities, then every file with a dated link', () => {
    const dir = writeTreeToDir(NAMING_TREE, newDir());
    const wb = workbookFrom(evidenceTracker(''));
    runEvidence(ctxFor(wb), { folder: dir });
    const tab = wb.readTab('Evidence')!;
    expect(tab[0][0]).toBe('Benchmark evidence');
    expect(isDayCell(tab[0][2])).toBe(true);
    const at = (text: string) => tab.findIndex((row) => row[0] === text);
    const summary = at('Benchmarks') + 1;
    expect(tab[summary].slice(0, 6)).toEqual(['Benchmark', 'Name', 'Status', 'Files', 'Updated in 2025-26', 'Latest update']);
    expect(tab.slice(summary + 1, summary + 9).map((row) => [row[0], row[2], row[3]])).toEqual(
      NAMING_EXPECTED.benchmarks.map((b) => [b.id, b.status, b.files]),
    );
    expect(tab[summary + 6][5]).toEqual({ day: '2025-11-02' });
    expect(tab[summary + 8][5]).toBe('Never');
    expect(tab[summary + 8][6]).toBe('8 Personal guidance');
    const unmatched = at('Folders that match no benchmark');
    expect(tab.slice(unmatched + 3, unmatched + 7).map((row) => row[0])).toEqual(NAMING_EXPECTED.unmatchedFolders);
    const activities = at('Activities in 2025-26 without evidence');
    expect(tab[activities + 3]).toEqual([{ day: '2025-11-15' }, 'College visit', 'Further education', '7', 3, '', '']);
    const files = at('Files') + 1;
    expect(tab[files].slice(0, 6)).toEqual(['Benchmark', 'Path', 'Name', 'Type', 'Last updated', 'Link']);
    const fileRows = tab.slice(files + 1);
    expect(fileRows.length).toBe(NAMING_EXPECTED.files);
    expect(fileRows.find((row) => row[2] === 'Register.pdf')!.slice(0, 5)).toEqual([4, 'bm4 curriculum/Science week/Day 1/Registers', 'Register.pdf', 'PDF', { day: '2025-09-30' }]);
    expect(fileRows.every((row) => String(row[5]).startsWith('file://'))).toBe(true);
    expect(fileRows.filter((row) => row[0] === 'None').map((row) => row[2]).sort()).toEqual(['Extra.docx', 'IMG_0001.jpg', 'Old.pdf']);
    const log = wb.readTab('Log')!;
    expect(log[log.length - 1]).toContain('evidence');
    expect(log[log.length - 1].join(' ')).toContain('6 OK, 1 stale, 1 empty; 16 files; 4 folders match no benchmark; 4 activities without evidence');
  });

  it('colours the status cells: OK green, Stale amber, Empty red', async () => {
    const dir = writeTreeToDir(NAMING_TREE, newDir());
    const wb = workbookFrom(evidenceTracker(''));
    runEvidence(ctxFor(wb), { folder: dir });
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await wb.toBuffer()) as unknown as ArrayBuffer);
    const ws = book.getWorksheet('Evidence')!;
    const fills: Record<string, string> = {};
    ws.eachRow((row) => {
      const status = row.getCell(3);
      if (['OK', 'Stale', 'Empty'].includes(String(status.value))) {
        fills[String(status.value)] = ((status.fill as { fgColor?: { argb?: string } }).fgColor?.argb) ?? '';
      }
    });
    expect(fills).toEqual({ OK: 'FFB7E1CD', Stale: 'FFFCE8B2', Empty: 'FFF4C7C3' });
  });

  it('uses the Evidence stale days setting', () => {
    const dir = writeTreeToDir(NAMING_TREE, newDir());
    const wb = workbookFrom(evidenceTracker('', { 'Evidence stale days': 30 }));
    const result = runEvidence(ctxFor(wb), { folder: dir });
    if (!result.ok) throw new Error(result.message);
    expect(result.report.benchmarks.map((b) => b.status)).toEqual(['Stale', 'OK', 'OK', 'Stale', 'OK', 'Stale', 'Stale', 'Empty']);
  });

  it('a missing folder or a blank setting changes nothing in the workbook', () => {
    for (const [setting, folder] of [['', undefined], ['', path.join(newDir(), 'missing')]] as const) {
      const wb = workbookFrom(evidenceTracker(setting));
      const before = snapshot(wb);
      const result = runEvidence(ctxFor(wb), { folder });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(folder ? /no evidence folder at .*Nothing was changed/ : /setting is blank.*Nothing was changed/);
      expect(snapshot(wb)).toEqual(before);
      expect(wb.tabNames()).not.toContain('Evidence');
    }
  });

  it('rewrites the tab whole on a second run', () => {
    const dir = writeTreeToDir(NAMING_TREE, newDir());
    const wb = workbookFrom(evidenceTracker(''));
    runEvidence(ctxFor(wb), { folder: dir });
    const first = wb.readTab('Evidence')!.length;
    fs.rmSync(path.join(dir, 'Photos to sort'), { recursive: true });
    runEvidence(ctxFor(wb), { folder: dir });
    expect(wb.readTab('Evidence')!.length).toBe(first - 2);
  });
});
