import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach } from 'vitest';
import { main } from '../../src/node/cli';

export const BIN = path.resolve(__dirname, '../../bin/careers-tracker.js');

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

export function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'faults-'));
  dirs.push(d);
  return d;
}

export async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; } });
  return { code, out, err };
}

export interface Child {
  proc: ChildProcess;
  out: () => string;
  err: () => string;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The real command line in its own process (as a scheduled task runs it). */
export function spawnCli(args: string[], env: Record<string, string> = {}): Child {
  const proc = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(proc);
  let out = '';
  let err = '';
  proc.stdout!.on('data', (b) => { out += b; });
  proc.stderr!.on('data', (b) => { err += b; });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    proc.on('close', (code, signal) => resolve({ code, signal }));
  });
  return { proc, out: () => out, err: () => err, done };
}

/** Polls until `test` holds (true) or the time is up (false). */
export async function until(test: () => boolean, ms = 60_000, every = 2): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (test()) return true;
    await new Promise((r) => setTimeout(r, every));
  }
  return test();
}
