/**
 * The send journal: an append-only file beside the workbook (`tracker.xlsx.journal`) that makes
 * what a command-line run sent durable the moment it is sent, without rewriting a large workbook
 * after every email. Each Log line the run appends and each message it hands to the outbox is
 * written there (and flushed to the disk) at once, one JSON line each, whether the job appends Log
 * lines one at a time or in batches. At the end of a run that completes, the workbook (with the
 * same Log lines) is saved and the journal removed. A run that was killed leaves the journal: the
 * next run merges its Log lines into the Log (skipping any already there) and writes any message
 * not yet in the outbox, before its job reads the Log, so nobody is sent the same week's email twice.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CellValue, MailMessage } from '../ports';
import { isDayCell } from '../ports';
import { syncFolder } from './atomic-file';

export interface JournalMail {
  folder: string;
  file: string;
  message: MailMessage;
  /** the message's Date header (ISO), so a message written by a later run keeps it */
  date?: string;
}

export type JournalEntry = { log: CellValue[][] } | { mail: JournalMail };

export function journalFileFor(workbook: string): string {
  return `${path.resolve(workbook)}.journal`;
}

export class Journal {
  private fd: number | null = null;

  constructor(readonly file: string) {}

  /** The entries left by earlier runs; a last line cut off by a kill is ignored. */
  read(): JournalEntry[] {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const entries: JournalEntry[] = [];
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const e = JSON.parse(line) as JournalEntry;
        if (e && (('log' in e && Array.isArray(e.log)) || ('mail' in e && e.mail && typeof e.mail.file === 'string'))) entries.push(e);
      } catch {
        // the line being written when the run was killed
      }
    }
    return entries;
  }

  /**
   * Written at once, so a killed run keeps it; flushed to the disk with the next message (one
   * `fsync` per email covers the Log lines written before it, the file being flushed whole).
   */
  appendLog(rows: CellValue[][]): void {
    if (rows.length > 0) this.write({ log: rows }, false);
  }

  /** Written and flushed to the disk before the next message is composed. */
  recordMail(mail: JournalMail): void {
    this.write({ mail }, true);
  }

  /** After the workbook holding every journalled Log line is saved. */
  remove(): void {
    this.close();
    fs.rmSync(this.file, { force: true });
    syncFolder(path.dirname(this.file));
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  private write(entry: JournalEntry, sync: boolean): void {
    if (this.fd === null) {
      const existed = fs.existsSync(this.file);
      this.fd = fs.openSync(this.file, 'a');
      if (!existed) syncFolder(path.dirname(this.file));
    }
    fs.writeSync(this.fd, `${JSON.stringify(entry)}\n`);
    if (sync) fs.fsyncSync(this.fd);
  }
}

/** A Log row as text, to tell a journalled line already in the Log from a missing one. */
export function rowKey(row: CellValue[]): string {
  const cells = row.map((c) => (isDayCell(c) ? `${c.day} ${c.time ?? ''}`.trim() : String(c)));
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return JSON.stringify(cells);
}

/** The journalled Log rows not already in the Log (each existing row matches one journalled row). */
export function missingLogRows(existing: CellValue[][], journalled: CellValue[][]): CellValue[][] {
  const counts = new Map<string, number>();
  for (const row of existing) {
    const k = rowKey(row);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const missing: CellValue[][] = [];
  for (const row of journalled) {
    const k = rowKey(row);
    const n = counts.get(k) ?? 0;
    if (n > 0) counts.set(k, n - 1);
    else missing.push(row);
  }
  return missing;
}
