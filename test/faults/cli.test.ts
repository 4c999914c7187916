/**
 * The command line's edges: a closed pipe (`check | head`) and a bad --outbox path.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MONDAY, simpleSpec, tabsOf, xlsxOf } from '../bulletin/build';
import { cli, spawnCli, tmp } from './support';

describe('the command line', () => {
  it('`check | head` ends quietly when the reader closes the pipe', async () => {
    const file = path.join(tmp(), 'tracker.xlsx');
    // 1,500 pupils with an unreadable attendance: a long list of problems to print.
    await xlsxOf(tabsOf({ ...simpleSpec(1500, 1), pupils: simpleSpec(1500, 1).pupils.map((p) => ({ ...p, Attendance: 'ninety' })) })).save(file);
    const child = spawnCli(['check', '--workbook', file]);
    child.proc.stdout!.once('data', () => child.proc.stdout!.destroy());
    const end = await child.done;
    expect(child.err()).not.toMatch(/EPIPE|Error|at /);
    expect(end.code).toBe(0);
  });

  it('--outbox naming a file, or a path through a file, is a plain message and exit 2, before anything is done', async () => {
    const dir = tmp();
    const file = path.join(dir, 'tracker.xlsx');
    await xlsxOf(tabsOf(simpleSpec(3))).save(file);
    const before = fs.readFileSync(file);
    const notAFolder = path.join(dir, 'notes.txt');
    fs.writeFileSync(notAFolder, 'x');
    for (const outbox of [notAFolder, path.join(notAFolder, 'mail')]) {
      for (const command of ['bulletin', 'unplaced']) {
        const r = await cli([command, '--workbook', file, '--outbox', outbox, '--today', MONDAY]);
        expect(`${r.code} ${r.err}`).toMatch(/^2 /);
        expect(r.out).toBe('');
        expect(r.err.trimEnd().split('\n')).toHaveLength(1);
        expect(r.err).toMatch(/--outbox .* (is a file, not a folder|cannot be used for the emails: part of that path is a file)/);
        expect(r.err).not.toMatch(/EEXIST|ENOTDIR|Error/);
      }
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('a workbook in a folder that does not exist', () => {
  it('is an unreadable workbook (exit 2), even for setup', async () => {
    const r = await cli(['setup', '--workbook', path.join(tmp(), 'no-such-folder', 'tracker.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^careers-tracker: No such folder for the workbook: .*no-such-folder\n$/);
  });
});
