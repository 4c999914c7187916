/**
 * The command line as a test runs it: `main` in this process with stdout and stderr captured, and
 * temporary folders removed after each test.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach } from 'vitest';
import { main } from '../../src/node/cli';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder, removed after the test. */
export function tmpDir(prefix = 'careers-tracker-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** Runs `careers-tracker ARGS`; `json` is stdout parsed when `--json` was given and something was printed. */
export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string; json: any }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; } });
  return { code, out, err, json: args.includes('--json') && out ? JSON.parse(out) : null };
}
