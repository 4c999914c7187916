import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { NodeClock } from '../../src/node/clock';
import { LocalFolders } from '../../src/node/folders';
import { applyEvidenceDates } from '../../src/node/demo';
import { runEvidence } from '../../src/jobs/evidence';
import { tempDir } from './tree';

const SAMPLE = path.resolve(__dirname, '../../sample');
const ready = fs.existsSync(path.join(SAMPLE, 'tracker.xlsx')) && fs.existsSync(path.join(SAMPLE, 'evidence'));

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe.runIf(ready)('the bundled sample (sample/README.md, "Evidence folder")', () => {
  it('reports the statuses the sample documents for 2 March 2026', async () => {
    const dir = tempDir('evidence-sample-');
    dirs.push(dir);
    const evidence = path.join(dir, 'evidence');
    fs.cpSync(path.join(SAMPLE, 'evidence'), evidence, { recursive: true });
    applyEvidenceDates(evidence, path.join(SAMPLE, 'evidence-dates.json'));
    const workbook = await XlsxWorkbook.open(path.join(SAMPLE, 'tracker.xlsx'));
    const result = runEvidence({ workbook, clock: new NodeClock('2026-03-02'), folders: new LocalFolders() }, { folder: evidence });
    if (!result.ok) throw new Error(result.message);
    const r = result.report;
    expect(r.benchmarks.map((b) => [b.id, b.files, b.updatedThisYear, b.latest, b.status])).toEqual([
      [1, 5, 4, '2026-01-26', 'OK'],
      [2, 3, 2, '2025-11-18', 'OK'],
      [3, 4, 3, '2025-11-28', 'OK'],
      [4, 2, 2, '2025-12-12', 'OK'],
      [5, 3, 2, '2026-01-30', 'OK'],
      [6, 2, 0, '2024-10-25', 'Stale'],
      [7, 4, 3, '2025-11-13', 'OK'],
      [8, 0, 0, null, 'Empty'],
    ]);
    expect(r.unmatchedFolders.map((f) => f.name)).toEqual(['BM10 Archive', 'Old stuff 2019']);
    expect(r.activitiesWithoutEvidence).toHaveLength(4);
    const manifest = Object.keys(JSON.parse(fs.readFileSync(path.join(SAMPLE, 'evidence-dates.json'), 'utf8')));
    expect(r.files.map((f) => `${f.folderPath}/${f.file.name}`).sort()).toEqual(manifest.sort());
  });
});
