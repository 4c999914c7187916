/**
 * Running the demo again never loses what was saved in the preview (issue 10): an earlier
 * demo-output/ is renamed aside, not deleted.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareDemo } from '../../src/node/demo';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

describe('the demo', () => {
  it('keeps an earlier demo-output/ as demo-output-<date>-<time>/ and starts a fresh copy', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-keep-'));
    dirs.push(cwd);
    const first = prepareDemo(cwd, {} as never, new Date('2026-03-02T09:30:00Z'));
    expect(first.keptAs).toBeNull();
    const workbook = path.join(cwd, 'demo-output', 'tracker.xlsx');
    fs.appendFileSync(workbook, 'meetings saved in the preview');
    const edited = fs.readFileSync(workbook);
    const second = prepareDemo(cwd, {} as never, new Date('2026-03-02T10:45:00Z'));
    expect(second.keptAs).toBe(path.join(cwd, 'demo-output-20260302-104500'));
    expect(fs.readFileSync(path.join(second.keptAs!, 'tracker.xlsx'))).toEqual(edited);
    expect(fs.readFileSync(workbook)).not.toEqual(edited);
    // a third run in the same second does not overwrite the kept copy
    const third = prepareDemo(cwd, {} as never, new Date('2026-03-02T10:45:00Z'));
    expect(third.keptAs).toBe(path.join(cwd, 'demo-output-20260302-104500-2'));
    expect(fs.existsSync(path.join(second.keptAs!, 'tracker.xlsx'))).toBe(true);
  });
});
