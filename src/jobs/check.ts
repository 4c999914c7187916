/**
 * Check tracker for problems: every invalid value, with its tab, row and column, in the Problems tab.
 */
import { hasTab } from '../domain/tab-names';
import type { OutCell } from '../ports';
import type { Problem } from '../domain/table';
import { checkAbsentees } from '../domain/attendees';
import { type Notice, trackerNotices } from '../domain/notices';
import { type JobContext, appendLog, generatedRow, loadTracker, nowFor } from './context';

export interface CheckResult {
  problems: Problem[];
  /** tracker tabs the workbook does not have (setup adds them) */
  missingTabs: string[];
  /** what the tracker lacks or ignores: never skips a row */
  notices: Notice[];
}

const TAB_ORDER = ['Settings', 'Staff', 'Pupils', 'Meetings', 'Actions', 'Activities', 'Destinations', 'Audit', 'Vacancies', 'Programme', 'Checklists'];

export function sortProblems(problems: Problem[]): Problem[] {
  const rank = (tab: string) => {
    const i = TAB_ORDER.indexOf(tab);
    return i < 0 ? TAB_ORDER.length : i;
  };
  return [...problems].sort((a, b) => rank(a.tab) - rank(b.tab) || a.row - b.row);
}

export function runCheck(ctx: JobContext): CheckResult {
  const tracker = loadTracker(ctx.workbook);
  const now = nowFor(ctx, tracker);
  checkAbsentees(tracker, now.today);
  const problems = sortProblems(tracker.problems);
  const present = ctx.workbook.tabNames();
  const missingTabs = TAB_ORDER.filter((t) => !hasTab(present, t));
  const rows: OutCell[][] = [
    generatedRow(now, 'Problems in the tracker'),
    [
      problems.length === 0 ? 'No problems found.' : `${problems.length} problem${problems.length === 1 ? '' : 's'} found. Rows with a missing or invalid required value are left out of every job until corrected.`,
      missingTabs.length > 0 ? `Tabs missing: ${missingTabs.join(', ')}. Run Set up tracker to add them.` : '',
    ],
    [],
    ['Tab', 'Row', 'Column', 'Value', 'Problem'],
    ...problems.map((p) => [p.tab, p.row, p.column, p.value, { value: p.message, wrap: true }] as OutCell[]),
  ];
  const notices = trackerNotices(tracker.headers);
  const boldRows = [0, 3];
  if (notices.length > 0) {
    boldRows.push(rows.length + 1, rows.length + 2);
    rows.push([], [`Notices (${notices.length}): columns the tracker lacks or ignores. No row is left out for these.`], ['Tab', '', 'Column', '', 'Notice']);
    for (const n of notices) rows.push([n.tab, '', n.column ?? '', '', { value: n.message, wrap: true }]);
  }
  ctx.workbook.writeOutputTab('Problems', { rows, boldRows, frozenRows: 4, columnWidths: [110, 50, 140, 160, 520] });
  appendLog(ctx, now, [{ job: 'check', outcome: 'ok', details: `${problems.length} problems${notices.length ? `, ${notices.length} notices` : ''}` }], tracker);
  return { problems, missingTabs, notices };
}
