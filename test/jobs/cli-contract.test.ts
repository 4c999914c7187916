import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/node/cli';

const SAMPLE = path.resolve(__dirname, '../../sample/tracker.xlsx');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-contract-'));
  dirs.push(d);
  return d;
}

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; } });
  return { code, out, err };
}

/** Exit 2, nothing on stdout, one plain line on stderr. */
function expectUnreadable(r: { code: number; out: string; err: string }, words: RegExp) {
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  expect(r.err).toMatch(words);
  expect(r.err).not.toMatch(/zip|jszip|https?:|TypeError|undefined/i);
}

describe('careers-tracker: a file that is not a workbook', () => {
  it('a zip that is not a spreadsheet (a .docx or .ods renamed .xlsx) exits 2 and is left alone', async () => {
    const f = path.join(tmp(), 'tracker.xlsx');
    // The smallest valid zip: an empty archive (end of central directory record only).
    const zip = Buffer.alloc(22);
    zip.writeUInt32LE(0x06054b50, 0);
    fs.writeFileSync(f, zip);
    for (const command of ['check', 'setup']) {
      expectUnreadable(await cli([command, '--workbook', f, '--json']), /not an Excel workbook/);
      expect(fs.readFileSync(f)).toEqual(zip);
    }
  });

  it('a text file renamed .xlsx says so in plain words', async () => {
    const f = path.join(tmp(), 'tracker.xlsx');
    fs.writeFileSync(f, 'Pupil ID,Name\n');
    expectUnreadable(await cli(['score', '--workbook', f]), /not an Excel workbook/);
  });

  it('a folder given as the workbook says so', async () => {
    const d = path.join(tmp(), 'tracker.xlsx');
    fs.mkdirSync(d);
    expectUnreadable(await cli(['check', '--workbook', d]), /folder/);
  });
});

describe('careers-tracker import-vacancies --from-file', () => {
  it('a saved response that does not exist is a bad command line (exit 2), not a network failure', async () => {
    const dir = tmp();
    const f = path.join(dir, 'tracker.xlsx');
    fs.copyFileSync(SAMPLE, f);
    const before = fs.readFileSync(f);
    const r = await cli(['import-vacancies', '--workbook', f, '--from-file', path.join(dir, 'missing.json'), '--today', '2026-03-02', '--json']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/missing\.json/);
    expect(r.err).not.toMatch(/internet/);
    expect(fs.readFileSync(f)).toEqual(before);
  });
});
