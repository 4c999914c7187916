/**
 * A save cut off half-way never destroys the tracker: a write that fails, and a process killed
 * while saving, both leave the old file exactly as it was (or the complete new one).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { atomicFs } from '../../src/node/atomic-file';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { syntheticTracker } from '../support/synthetic';
import { simpleSpec, tabsOf, xlsxOf } from '../bulletin/build';
import { cli, spawnCli, tmp, until } from './support';

const realWrite = atomicFs.writeSync;
afterEach(() => {
  atomicFs.writeSync = realWrite;
});

const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.saving'));

describe('saving the workbook', () => {
  it('a write that fails part-way (a full disk) leaves the old file as it was and exits 1 saying so', async () => {
    const dir = tmp();
    const file = path.join(dir, 'tracker.xlsx');
    await xlsxOf(tabsOf(simpleSpec(20))).save(file);
    const before = fs.readFileSync(file);
    let calls = 0;
    atomicFs.writeSync = ((fd: number, data: Buffer, offset: number, length: number) => {
      if (++calls > 1) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return realWrite(fd, data, offset, Math.min(length, 1000));
    }) as typeof atomicFs.writeSync;
    const r = await cli(['check', '--workbook', file]);
    expect(r.code).toBe(1);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/Could not save tracker\.xlsx: the disk is full\. The file was left as it was/);
    expect(calls).toBe(2);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
    // and the next run, with room on the disk, works
    atomicFs.writeSync = realWrite;
    expect((await cli(['check', '--workbook', file])).code).toBe(0);
    expect((await XlsxWorkbook.open(file)).tabNames()).toContain('Problems');
  });

  it('a run killed while it saves leaves a workbook that opens: the old one or the whole new one', async () => {
    const dir = tmp();
    const file = path.join(dir, 'tracker.xlsx');
    const wb = xlsxOf(syntheticTracker({ pupils: 1500 }));
    await wb.save(file);
    const before = fs.readFileSync(file);
    const ino = fs.statSync(file).ino;
    const child = spawnCli(['score', '--workbook', file, '--today', '2026-03-02']);
    // The moment the save starts: the old code truncated the file; the new one writes a temporary file.
    const started = await until(() => {
      const st = fs.statSync(file, { throwIfNoEntry: false });
      return leftovers(dir).length > 0 || !st || st.ino !== ino || st.size !== before.length;
    }, 120_000, 1);
    expect(started).toBe(true);
    child.proc.kill('SIGKILL');
    await child.done;
    const after = fs.readFileSync(file);
    if (!after.equals(before)) {
      // Only a complete new file may have replaced it.
      expect((await XlsxWorkbook.open(file)).tabNames()).toContain('Scores');
    }
    expect((await XlsxWorkbook.open(file)).tabNames()).toContain('Pupils');
    // the next run cleans up what the killed save left and works
    expect((await cli(['check', '--workbook', file])).code).toBe(0);
    expect(leftovers(dir)).toEqual([]);
  });
});
