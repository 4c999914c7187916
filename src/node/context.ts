/**
 * The Node adapters behind one command-line run.
 */
import type { JobContext } from '../jobs/context';
import type { CliOptions } from './commands';
import type { XlsxWorkbook } from './xlsx-workbook';
import { NodeClock } from './clock';
import { MemoryProperties, ProcessLock } from './memory';
import type { Progress } from '../ports';
import * as path from 'node:path';
import { Outbox } from './outbox';
import { LocalFolders } from './folders';
import { FileHttp, NodeHttp } from './http';
import type { Journal } from './journal';
import { readSettings } from '../domain/settings';
import { SETTINGS_TAB } from '../domain/schema';

export function nodeContext(options: CliOptions, workbook: XlsxWorkbook, progress?: Progress, journal: Journal | null = null): JobContext {
  const clock = new NodeClock(options.today ?? null);
  // The emails' Date header is the run's day (`--today`) at the clock's time, in the tracker's time zone.
  const dated = () => clock.fixedInstant(workbook.spreadsheetTimeZone() ?? readSettings(workbook.readTab(SETTINGS_TAB.name), []).settings.timeZone) ?? new Date();
  return {
    workbook,
    clock,
    lock: new ProcessLock(),
    documentProperties: new MemoryProperties(),
    userProperties: new MemoryProperties(),
    user: { email: () => process.env.CAREERS_TRACKER_USER ?? '' },
    mail: new Outbox(outboxFolder(options), options.quota, undefined, dated, journal),
    folders: new LocalFolders(),
    http: options.fromFile ? new FileHttp(options.fromFile) : new NodeHttp(),
    progress,
  };
}

/** `--outbox DIR`, or `outbox/` beside the workbook. */
export function outboxFolder(options: CliOptions): string {
  return options.outbox ?? path.join(path.dirname(path.resolve(options.workbook ?? '.')), 'outbox');
}
