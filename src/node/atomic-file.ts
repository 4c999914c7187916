/**
 * Saving a file so that it is either the old file or the new one, never half of each: the bytes go
 * to a temporary file in the same folder, are flushed to the disk, and the temporary file is then
 * renamed over the old one (a rename within one folder is atomic). A write that fails (a full disk,
 * a kill, a crash) leaves the old file exactly as it was.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The file system calls used, replaceable by tests to make a write fail part-way. */
export const atomicFs = {
  openSync: fs.openSync,
  writeSync: fs.writeSync,
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  renameSync: fs.renameSync,
};

export class SaveError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
    this.name = 'SaveError';
  }
}

const TEMP = /^\.(.+)\.(\d+)\.[0-9a-z]+\.saving$/;

/** The temporary file a save writes first: hidden, beside the target, named after the process. */
export function tempFileFor(file: string): string {
  const dir = path.dirname(file);
  return path.join(dir, `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.saving`);
}

/** Why a write failed, in words (no path: the caller names the file). */
export function reasonFor(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOSPC': return 'the disk is full';
    case 'EDQUOT': return 'the disk quota is used up';
    case 'EFBIG': return 'the file is larger than this system allows';
    case 'EACCES':
    case 'EPERM': return 'permission was refused';
    case 'EROFS': return 'the disk is read-only';
    case 'EIO': return 'the disk reported an error';
    case 'EBUSY': return 'the file is in use by another program (is it open in Excel?)';
    default: return code ? `the system said ${code}` : ((e as Error)?.message ?? String(e)).split('\n')[0];
  }
}

/** Writes `data` to `file` atomically; throws SaveError (the old file untouched) when it cannot. */
export function writeFileAtomic(file: string, data: Buffer): void {
  const tmp = tempFileFor(file);
  let fd: number | null = null;
  let mode: number | undefined;
  try {
    mode = fs.statSync(file).mode & 0o777;
  } catch {
    mode = undefined;
  }
  try {
    fd = atomicFs.openSync(tmp, 'wx', mode ?? 0o666);
    let offset = 0;
    while (offset < data.length) offset += atomicFs.writeSync(fd, data, offset, data.length - offset);
    atomicFs.fsyncSync(fd);
    atomicFs.closeSync(fd);
    fd = null;
    atomicFs.renameSync(tmp, file);
  } catch (e) {
    if (fd !== null) {
      try { fs.closeSync(fd); } catch { /* already closed */ }
    }
    fs.rmSync(tmp, { force: true });
    throw new SaveError(`Could not save ${path.basename(file)}: ${reasonFor(e)}. The file was left as it was before this run.`, (e as NodeJS.ErrnoException)?.code);
  }
  syncFolder(path.dirname(file));
  removeStaleTemps(file);
}

/** Makes a rename or a new file in the folder durable (where the system allows it). */
export function syncFolder(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows and some network drives cannot sync a folder: the rename is still atomic.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** Temporary files left by saves that were killed part-way (their process is gone). */
export function removeStaleTemps(file: string): void {
  const dir = path.dirname(file);
  const base = path.basename(file);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || m[1] !== base) continue;
    if (Number(m[2]) !== process.pid && !processAlive(Number(m[2]))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
