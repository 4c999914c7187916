/**
 * One writer at a time per workbook on the command line: a lock file beside the workbook
 * (`tracker.xlsx.lock`) made atomically, naming the process that holds it. A second run waits a
 * little, then gives up saying who holds it. A lock left by a run that was killed (its process is
 * gone, or on another computer it has not changed for a long time) is taken over.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { processAlive } from './atomic-file';

/** How long a second run waits for the lock (CAREERS_TRACKER_LOCK_WAIT seconds overrides it). */
export const DEFAULT_LOCK_WAIT_MS = 10_000;
/** A lock from another computer that has not changed for this long belongs to a run that died. */
export const FOREIGN_LOCK_STALE_MS = 30 * 60_000;

export class WorkbookBusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookBusyError';
  }
}

interface Holder {
  pid: number;
  host: string;
  started: string;
  command: string;
}

export function lockFileFor(workbook: string): string {
  return `${path.resolve(workbook)}.lock`;
}

export function lockWaitMs(): number {
  const s = Number(process.env.CAREERS_TRACKER_LOCK_WAIT);
  return process.env.CAREERS_TRACKER_LOCK_WAIT !== undefined && Number.isFinite(s) && s >= 0 ? s * 1000 : DEFAULT_LOCK_WAIT_MS;
}

export class WorkbookLock {
  private released = false;
  private constructor(readonly file: string, private readonly onExit: () => void) {}

  /** Takes the lock, waiting up to `waitMs`; throws WorkbookBusyError when another run keeps it. */
  static async acquire(workbook: string, command: string, waitMs = lockWaitMs()): Promise<WorkbookLock> {
    const file = lockFileFor(workbook);
    const deadline = Date.now() + waitMs;
    for (;;) {
      if (tryCreate(file, command)) {
        const onExit = () => removeIfOurs(file);
        process.once('exit', onExit);
        return new WorkbookLock(file, onExit);
      }
      const holder = readHolder(file);
      if (holder === 'gone') continue;
      if (isStale(file, holder)) {
        breakLock(file);
        continue;
      }
      if (Date.now() >= deadline) throw new WorkbookBusyError(busyMessage(workbook, holder));
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    process.removeListener('exit', this.onExit);
    removeIfOurs(this.file);
  }
}

function tryCreate(file: string, command: string): boolean {
  const holder: Holder = { pid: process.pid, host: os.hostname(), started: new Date().toISOString(), command };
  // Written whole to a private file, then linked into place: the lock never exists half-written.
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2, 8)}`;
  fs.writeFileSync(tmp, JSON.stringify(holder));
  try {
    fs.linkSync(tmp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    if ((e as NodeJS.ErrnoException).code === 'EPERM' || (e as NodeJS.ErrnoException).code === 'ENOTSUP') {
      // File systems without hard links: an exclusive create instead.
      try {
        fs.writeFileSync(file, JSON.stringify(holder), { flag: 'wx' });
        return true;
      } catch (e2) {
        if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw e2;
      }
    }
    throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function readHolder(file: string): Holder | null | 'gone' {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    return null;
  }
  try {
    const h = JSON.parse(text) as Holder;
    return typeof h?.pid === 'number' ? h : null;
  } catch {
    return null;
  }
}

function isStale(file: string, holder: Holder | null): boolean {
  if (holder && holder.host === os.hostname()) return !processAlive(holder.pid);
  // Another computer (a shared drive), or a lock we cannot read: stale once it is old.
  try {
    return Date.now() - fs.statSync(file).mtimeMs > FOREIGN_LOCK_STALE_MS;
  } catch {
    return false;
  }
}

/** Moves the stale lock aside first, so two runs breaking it at once cannot both remove a fresh one. */
function breakLock(file: string): void {
  const aside = `${file}.stale.${process.pid}`;
  try {
    fs.renameSync(file, aside);
  } catch {
    return;
  }
  const holder = readHolderAt(aside);
  if (holder && holder.host === os.hostname() && processAlive(holder.pid)) {
    // Someone took the lock between our look and the move: give it back.
    try { fs.linkSync(aside, file); } catch { /* they will find it gone and retry */ }
  }
  fs.rmSync(aside, { force: true });
}

function readHolderAt(file: string): Holder | null {
  const h = readHolder(file);
  return h === 'gone' ? null : h;
}

function removeIfOurs(file: string): void {
  const h = readHolderAt(file);
  if (h && h.pid === process.pid && h.host === os.hostname()) fs.rmSync(file, { force: true });
}

function busyMessage(workbook: string, holder: Holder | null): string {
  const who = holder
    ? `"${holder.command}" (process ${holder.pid}${holder.host === os.hostname() ? '' : ` on ${holder.host}`}, started ${holder.started.slice(11, 16)} UTC)`
    : 'another run';
  return `Another run is using ${path.basename(workbook)}: ${who}. Nothing was done; try again when it has finished.`;
}
