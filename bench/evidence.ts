import * as fs from 'node:fs';
import { createGasFake } from '../test/fakes/gas';
import { syntheticTracker, toSheetValues } from '../test/support/synthetic';
import { bigTree, tempDir, writeTreeToDir, writeTreeToDrive } from '../test/evidence/tree';
import { SheetsWorkbook } from '../src/gas/workbook';
import { GasFolders } from '../src/gas/folders';
import { XlsxWorkbook } from '../src/node/xlsx-workbook';
import { NodeClock } from '../src/node/clock';
import { LocalFolders } from '../src/node/folders';
import { runEvidence } from '../src/jobs/evidence';
import type { BenchCase } from '../scripts/bench';

const PUPILS = 1_000;
const clock = { now: () => new Date('2026-03-02T08:00:00Z'), local: () => ({ day: '2026-03-02', hour: 8, minute: 0 }) };

function throughFake(files: number) {
  const fake = createGasFake();
  const { console: _recorded, ...services } = fake.globals as unknown as Record<string, unknown>;
  Object.assign(globalThis, services);
  const tree = bigTree(files);
  const root = writeTreeToDrive(fake, tree);
  const tabs = syntheticTracker({ pupils: PUPILS });
  tabs.Settings = tabs.Settings.map((row) => (row[0] === 'Evidence folder' ? ['Evidence folder', root] : row));
  for (const [name, grid] of Object.entries(tabs)) fake.setSheet(name, toSheetValues(grid));
  const workbook = new SheetsWorkbook(fake.globals.SpreadsheetApp.getActiveSpreadsheet() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet);
  fake.calls.reset();
  const start = performance.now();
  const result = runEvidence({ workbook, clock, folders: new GasFolders() });
  const ms = performance.now() - start;
  if (!result.ok) throw new Error(result.message);
  return { ms, spreadsheet: fake.calls.total('spreadsheet'), drive: fake.calls.total('drive'), folders: tree.folders.length };
}

function throughLocalFolder(files: number): number {
  const dir = tempDir('evidence-bench-');
  try {
    writeTreeToDir(bigTree(files), dir);
    const workbook = XlsxWorkbook.empty();
    for (const [name, grid] of Object.entries(syntheticTracker({ pupils: PUPILS }))) {
      workbook.createTab(name);
      workbook.writeCells(name, 1, 1, grid);
    }
    const start = performance.now();
    runEvidence({ workbook, clock: new NodeClock('2026-03-02'), folders: new LocalFolders() }, { folder: dir });
    return performance.now() - start;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const cases: BenchCase[] = [
  {
    name: 'evidence (size = files)',
    sizes: [500, 2_000],
    run(files) {
      const r = throughFake(files);
      const local = throughLocalFolder(files);
      return {
        calls: r.spreadsheet, ms: r.ms,
        note: `${r.drive} Drive calls over ${r.folders} folders; ${PUPILS} pupils; local folder + .xlsx ${local.toFixed(0)} ms`,
      };
    },
  },
];
