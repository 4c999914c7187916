/**
 * What every job is given, and the small steps they all share.
 */
import type {
  CellValue, ClockPort, DayCell, FoldersPort, HttpPort, LockPort, MailPort, Progress, PropertiesPort,
  UserPort, WorkbookPort,
} from '../ports';
import type { Day } from '../domain/calendar';
import { pad2 } from '../domain/calendar';
import { TRACKER_TAB_NAMES, type Tracker, type TrackerTabs, readTracker } from '../domain/tracker';
import { LOG_TAB } from '../domain/schema';
import { hasTab } from '../domain/tab-names';
import { layoutRow } from '../domain/write';
import { ensureTab } from './tabs';
import type { HeaderMap } from '../domain/table';

export interface JobContext {
  workbook: WorkbookPort;
  clock: ClockPort;
  lock?: LockPort;
  mail?: MailPort;
  folders?: FoldersPort;
  http?: HttpPort;
  documentProperties?: PropertiesPort;
  userProperties?: PropertiesPort;
  user?: UserPort;
  progress?: Progress;
}

/** Reads the tracker: one range read per tab. */
export function loadTracker(workbook: WorkbookPort): Tracker {
  const tabs: TrackerTabs = {};
  const present = workbook.tabNames();
  for (const name of TRACKER_TAB_NAMES) tabs[name] = hasTab(present, name) ? workbook.readTab(name) : null;
  return readTracker(tabs);
}

export interface Now {
  timeZone: string;
  today: Day;
  hour: number;
  minute: number;
  /** a timestamp cell for output tabs and the Log */
  stamp: DayCell;
}

/** Today in the spreadsheet's time zone (the `Time zone` setting on the command line). */
export function nowFor(ctx: JobContext, tracker: Tracker): Now {
  const timeZone = ctx.workbook.spreadsheetTimeZone() ?? tracker.settings.timeZone;
  const local = ctx.clock.local(timeZone);
  return {
    timeZone, today: local.day, hour: local.hour, minute: local.minute,
    stamp: { day: local.day, time: `${pad2(local.hour)}:${pad2(local.minute)}` },
  };
}

export interface LogLine {
  job: string;
  outcome: string;
  details?: string;
  recipient?: string;
  week?: string;
}

/** The Log's columns: from the tracker already read when it has them all, else the tab is made whole. */
export function logHeader(ctx: JobContext, tracker?: Tracker): HeaderMap {
  const known = tracker?.headers[LOG_TAB.name];
  if (known && known.headerRow > 0 && LOG_TAB.columns.every((c) => known.columns.has(c.key))) return known;
  return ensureTab(ctx.workbook, LOG_TAB);
}

/**
 * Appends lines to the Log tab (creating it when missing), in the tab's own column order, and
 * commits them at once: jobs that send email rely on a line landing before the next message goes.
 */
export function appendLog(ctx: JobContext, now: Now, lines: LogLine[], tracker?: Tracker): void {
  if (lines.length === 0) return;
  const header = logHeader(ctx, tracker);
  const rows: CellValue[][] = lines.map((l) =>
    layoutRow(header, {
      time: now.stamp, job: l.job, outcome: l.outcome, details: l.details ?? '',
      recipient: l.recipient ?? '', week: l.week ?? '',
    }),
  );
  ctx.workbook.appendRows(LOG_TAB.name, rows);
  ctx.workbook.flush?.();
}

/** The generated-at line every output tab starts with. */
export function generatedRow(now: Now, title: string): CellValue[] {
  return [title, 'Generated', now.stamp];
}
