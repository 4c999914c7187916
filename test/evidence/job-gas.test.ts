import { afterEach, describe, expect, it, vi } from 'vitest';
import { gasJobContext, installFake, loadTabs } from '../gas/helpers';
import { GasFolders, folderIdFrom_ } from '../../src/gas/folders';
import { runEvidence } from '../../src/jobs/evidence';
import { reportOnEvidenceFolders } from '../../src/gas/handlers/evidence';
import { FolderNotFoundError } from '../../src/ports';
import type { GasFake } from '../fakes/gas';
import { syntheticTracker } from '../support/synthetic';
import { NAMING_EXPECTED, NAMING_TREE, TODAY, bigTree, evidenceTracker, writeTreeToDrive, type Tree } from './tree';

afterEach(() => {
  vi.useRealTimers();
});

const ROOT = '1EvidenceFolderAbcDEF_ghi-123';

function ctxWithFolders(fake: GasFake) {
  return { ...gasJobContext(fake, TODAY), folders: new GasFolders() };
}

function allSheets(fake: GasFake) {
  return Object.fromEntries(fake.spreadsheet.getSheets().map((s) => [s.getName(), fake.sheetValues(s.getName())]));
}

describe('folder links and IDs', () => {
  it.each([
    [`https://drive.google.com/drive/folders/${ROOT}?usp=sharing`, ROOT],
    [`https://drive.google.com/drive/u/0/folders/${ROOT}`, ROOT],
    [`https://drive.google.com/drive/u/1/folders/${ROOT}?resourcekey=0-abc`, ROOT],
    [`https://drive.google.com/open?id=${ROOT}`, ROOT],
    [`  ${ROOT}  `, ROOT],
    ['https://example.com/folders/abc', null],
    ['https://drive.google.com/drive/my-drive', null],
    ['My evidence folder', null],
  ])('%s → %s', (text, id) => {
    expect(folderIdFrom_(text)).toBe(id);
  });
});

describe('the Drive adapter', () => {
  it('lists direct subfolders with every file below them, once each', () => {
    const fake = installFake();
    writeTreeToDrive(fake, NAMING_TREE, ROOT);
    fake.calls.reset();
    const folders = new GasFolders().listEvidence(`https://drive.google.com/drive/u/0/folders/${ROOT}?usp=drive_link`, 'Europe/London');
    expect(folders.map((f) => f.name).sort()).toEqual([...new Set(NAMING_TREE.folders.map((f) => f.split('/')[0]))].sort());
    const bm1 = folders.find((f) => f.name.startsWith('1.'))!;
    expect(bm1.url).toMatch(/^https:\/\/drive\.google\.com\/drive\/folders\//);
    const minutes = bm1.files.find((f) => f.name === 'Minutes January')!;
    expect(minutes).toMatchObject({ path: '2025-26/Governors/Minutes January', mimeType: 'application/vnd.google-apps.document', updated: '2026-01-12' });
    expect(minutes.url).toMatch(/^https:\/\/drive\.google\.com\/file\/d\//);
    expect(fake.calls.count('DriveApp.getFolderById')).toBe(1);
    expect(fake.calls.count('File.getName')).toBe(NAMING_TREE.files.length);
  });

  it('gives the day of the last change in the spreadsheet time zone', () => {
    const fake = installFake();
    writeTreeToDrive(fake, { folders: ['BM1'], files: [{ path: 'BM1/late.pdf', updated: '2025-06-30', at: '2025-06-30T23:30:00Z' }] }, ROOT);
    expect(new GasFolders().listEvidence(ROOT, 'Europe/London')[0].files[0].updated).toBe('2025-07-01');
    expect(new GasFolders().listEvidence(ROOT, 'UTC')[0].files[0].updated).toBe('2025-06-30');
  });

  it('says clearly when the folder is missing, not a folder, or not a Drive link', () => {
    const fake = installFake();
    writeTreeToDrive(fake, NAMING_TREE, ROOT);
    const fileId = fake.drive.addFile(ROOT, { name: 'loose.pdf', mimeType: 'application/pdf', lastUpdated: new Date() });
    const folders = new GasFolders();
    expect(() => folders.listEvidence('1NoSuchFolder0000000000', 'UTC')).toThrow(FolderNotFoundError);
    expect(() => folders.listEvidence(fileId, 'UTC')).toThrow(/could not be opened/);
    expect(() => folders.listEvidence('My evidence folder', 'UTC')).toThrow(/not a link to a Google Drive folder/);
  });
});

describe('the evidence report through the Apps Script adapters', () => {
  it('reports the generated tree exactly as on the command line', () => {
    const fake = installFake();
    writeTreeToDrive(fake, NAMING_TREE, ROOT);
    loadTabs(fake, evidenceTracker(`https://drive.google.com/drive/folders/${ROOT}?usp=sharing`));
    const result = runEvidence(ctxWithFolders(fake));
    if (!result.ok) throw new Error(result.message);
    expect(result.report.benchmarks.map(({ id, files, updatedThisYear, latest, status }) => ({ id, files, updatedThisYear, latest, status })))
      .toEqual(NAMING_EXPECTED.benchmarks);
    expect(result.report.unmatchedFolders.map((f) => f.name)).toEqual(NAMING_EXPECTED.unmatchedFolders);
    expect(result.report.activitiesWithoutEvidence.length).toBe(NAMING_EXPECTED.activitiesWithoutEvidence);

    const tab = fake.sheetValues('Evidence');
    const formats = fake.sheetFormats('Evidence');
    const header = tab.findIndex((row) => row[0] === 'Benchmark' && row[1] === 'Name');
    const fills = tab.slice(header + 1, header + 9).map((row, i) => [row[2], formats.backgrounds[header + 1 + i][2]]);
    expect(fills).toEqual(NAMING_EXPECTED.benchmarks.map((b) => [b.status, { OK: '#b7e1cd', Stale: '#fce8b2', Empty: '#f4c7c3' }[b.status]]));
    const filesHeader = tab.findIndex((row) => row[0] === 'Benchmark' && row[1] === 'Path');
    const minutes = tab.slice(filesHeader + 1).find((row) => row[2] === 'Minutes January')!;
    expect(minutes[3]).toBe('Google Doc');
    expect(minutes[4]).toBeInstanceOf(Date);
    expect(formats.numberFormats[tab.indexOf(minutes)][4]).toBe('dd/mm/yyyy');
    expect(String(minutes[5])).toMatch(/^https:\/\/drive\.google\.com\/file\/d\//);
    expect(formats.frozenRows).toBe(1);
    const log = fake.sheetValues('Log');
    expect(log[log.length - 1][1]).toBe('evidence');
  });

  it('writes file and folder names that look like formulas as text', () => {
    const fake = installFake();
    writeTreeToDrive(fake, { folders: ['=IMPORTXML(A1)', 'BM1'], files: [{ path: 'BM1/=HYPERLINK("evil")', updated: '2026-01-01' }] }, ROOT);
    loadTabs(fake, evidenceTracker(ROOT));
    const result = runEvidence(ctxWithFolders(fake));
    expect(result.ok).toBe(true);
    expect(fake.sheetFormats('Evidence').formulas.flat().filter(Boolean)).toEqual([]);
    const values = fake.sheetValues('Evidence').flat();
    expect(values).toContain('=IMPORTXML(A1)');
    expect(values).toContain('=HYPERLINK("evil")');
  });

  it('a missing, blank or unreadable folder setting writes nothing at all', () => {
    for (const setting of ['', 'https://drive.google.com/drive/folders/1DeletedFolder000000', 'not a link']) {
      const fake = installFake();
      writeTreeToDrive(fake, NAMING_TREE, ROOT);
      loadTabs(fake, evidenceTracker(setting));
      const before = allSheets(fake);
      fake.calls.reset();
      const result = runEvidence(ctxWithFolders(fake));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/Nothing was changed\.$/);
      expect(allSheets(fake)).toEqual(before);
      expect(fake.calls.log.filter((m) => /\.(set|insert|append|clear|delete)/.test(m))).toEqual([]);
    }
  });

  it('Drive calls grow only with folders and files (2,000 files); spreadsheet calls stay the same', () => {
    const measure = (tree: Tree) => {
      const fake = installFake();
      writeTreeToDrive(fake, tree, ROOT);
      loadTabs(fake, evidenceTracker(ROOT));
      fake.calls.reset();
      const result = runEvidence(ctxWithFolders(fake));
      if (!result.ok) throw new Error(result.message);
      return { drive: fake.calls.total('drive'), spreadsheet: fake.calls.total('spreadsheet'), byMethod: fake.calls.byMethod('drive'), files: result.report.files.length };
    };
    const small = bigTree(1_000);
    const large = bigTree(2_000);
    const a = measure(small);
    const b = measure(large);
    expect(a.files).toBe(1_000);
    expect(b.files).toBe(2_000);
    const folders = large.folders.length;
    // each folder listed once, each file read once, the evidence folder looked up once
    expect(b.byMethod['DriveApp.getFolderById']).toBe(1);
    expect(b.byMethod['Folder.getFiles']).toBe(folders);
    expect(b.byMethod['Folder.getFolders']).toBe(folders + 1);
    expect(b.byMethod['Folder.getName']).toBe(folders);
    for (const m of ['File.getName', 'File.getMimeType', 'File.getLastUpdated', 'File.getUrl', 'FileIterator.next']) expect(b.byMethod[m]).toBe(2_000);
    // per file: hasNext, next, name, type, last updated, link; per folder: hasNext, next, name, its ID
    // (kept so a later run can carry on inside it), its two iterators and their closing hasNext; each
    // benchmark folder's own link; the evidence folder: 3
    const tops = new Set(large.folders.map((f) => f.split('/')[0])).size;
    expect(b.drive).toBe(6 * 2_000 + 8 * folders + tops + 3);
    // the same folders: the extra 1,000 files cost the same number of calls each
    expect((b.drive - a.drive) / 1_000).toBe(6);
    expect(b.spreadsheet).toBe(a.spreadsheet);
  });

  it('spreadsheet calls stay the same at 100 and 1,000 pupils', () => {
    const counts: number[] = [];
    for (const pupils of [100, 1_000]) {
      const fake = installFake();
      writeTreeToDrive(fake, NAMING_TREE, ROOT);
      const tabs = syntheticTracker({ pupils, activities: pupils });
      tabs.Settings = tabs.Settings.map((row) => (row[0] === 'Evidence folder' ? ['Evidence folder', ROOT] : row));
      loadTabs(fake, tabs);
      fake.calls.reset();
      const result = runEvidence(ctxWithFolders(fake));
      expect(result.ok).toBe(true);
      counts.push(fake.calls.total('spreadsheet'));
    }
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBe(counts[0]);
  });
});

describe('the menu item', () => {
  const setUp = (user: string, setting = ROOT) => {
    const fake = installFake({ user });
    writeTreeToDrive(fake, NAMING_TREE, ROOT);
    loadTabs(fake, evidenceTracker(setting));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${TODAY}T09:00:00Z`));
    fake.calls.reset();
    return fake;
  };

  it('reports for a governor, holding the document lock only while writing', () => {
    const fake = setUp('gv@school.example');
    reportOnEvidenceFolders();
    const alert = fake.ui.alerts[0];
    expect(alert.title).toBe('Report on evidence folders');
    expect(alert.prompt).toContain('The Evidence tab lists 16 files.');
    expect(alert.prompt).toContain('Stale (nothing updated in the last 120 days): BM7.');
    expect(alert.prompt).toContain('Empty: BM8.');
    expect(alert.prompt).toContain('Folders that match no benchmark, to rename: 18 Archive, Benchmark 9, BM10 Archive, Photos to sort.');
    expect(fake.spreadsheet.getActiveSheet().getName()).toBe('Evidence');
    const log = fake.calls.log;
    expect(log.lastIndexOf('File.getUrl')).toBeLessThan(log.indexOf('LockService.getDocumentLock'));
    expect(fake.locks.state()).toBe('free');
  });

  it('refuses a mentor before touching Drive, and writes nothing', () => {
    const fake = setUp('m1@school.example');
    const before = allSheets(fake);
    reportOnEvidenceFolders();
    expect(fake.ui.alerts[0].prompt).toMatch(/needs the role Careers leader or Admin or Governor/);
    expect(fake.calls.total('drive')).toBe(0);
    expect(allSheets(fake)).toEqual(before);
  });

  it('explains a blank setting, and writes nothing', () => {
    const fake = setUp('cl@school.example', '');
    const before = allSheets(fake);
    reportOnEvidenceFolders();
    expect(fake.ui.alerts[0].prompt).toMatch(/^The Evidence folder setting is blank\./);
    expect(allSheets(fake)).toEqual(before);
  });
});
