import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/node/cli';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { NAMING_EXPECTED, NAMING_TREE, TODAY, evidenceTracker, tempDir, writeTreeToDir } from './tree';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function setUp() {
  const dir = tempDir('evidence-cli-');
  dirs.push(dir);
  const evidence = writeTreeToDir(NAMING_TREE, path.join(dir, 'evidence'));
  const workbook = path.join(dir, 'tracker.xlsx');
  const wb = XlsxWorkbook.empty();
  for (const [name, grid] of Object.entries(evidenceTracker(''))) {
    wb.createTab(name);
    wb.writeCells(name, 1, 1, grid);
  }
  await wb.save(workbook);
  return { dir, evidence, workbook };
}

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe('careers-tracker evidence', () => {
  it('prints exactly the contract JSON and saves the Evidence tab', async () => {
    const { evidence, workbook } = await setUp();
    const r = await run(['evidence', '--workbook', workbook, '--evidence', evidence, '--today', TODAY, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(json.asOf).toBe(TODAY);
    expect(json.benchmarks).toHaveLength(8);
    expect(json.benchmarks.map(({ id, files, updatedThisYear, latest, status }: Record<string, unknown>) => ({ id, files, updatedThisYear, latest, status })))
      .toEqual(NAMING_EXPECTED.benchmarks);
    expect(json.unmatchedFolders).toEqual(NAMING_EXPECTED.unmatchedFolders);
    expect(json.activitiesWithoutEvidence).toBe(NAMING_EXPECTED.activitiesWithoutEvidence);
    const saved = await XlsxWorkbook.open(workbook);
    expect(saved.tabNames()).toContain('Evidence');
  });

  it('prints a short table for people', async () => {
    const { evidence, workbook } = await setUp();
    const r = await run(['evidence', '--workbook', workbook, '--evidence', evidence, '--today', TODAY]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/7\s+Encounters with further and higher education\s+Stale\s+1\s+1\s+01\/11\/2025/);
    expect(r.stdout).toContain('Folders matching no benchmark');
  });

  it('without --evidence: a bad command line, exit 2, one line on stderr, nothing saved', async () => {
    const { workbook } = await setUp();
    const before = fs.readFileSync(workbook);
    const r = await run(['evidence', '--workbook', workbook, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^careers-tracker: evidence needs --evidence DIR[^\n]*\n$/);
    expect(fs.readFileSync(workbook).equals(before)).toBe(true);
  });

  it('a folder that does not exist: a clear message, exit 0, the workbook untouched', async () => {
    const { dir, workbook } = await setUp();
    const before = fs.readFileSync(workbook);
    const r = await run(['evidence', '--workbook', workbook, '--evidence', path.join(dir, 'nowhere'), '--today', TODAY, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ asOf: TODAY, error: 'evidence-folder-not-found' });
    expect(json.message).toMatch(/There is no evidence folder at .*nowhere\. Nothing was changed\./);
    expect(fs.readFileSync(workbook).equals(before)).toBe(true);
  });
});
