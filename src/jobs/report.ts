/**
 * The governors' report: gathers the report data from the tracker as it stands (the Scores tab's
 * history and the Evidence tab's last report included). Reads only; the HTML is rendered by
 * domain/report-html.ts on the command line and in the Sheets dialog.
 */
import { computeScores } from '../domain/scores';
import { type ReportData, type ReportExtras, breakdownGaps, destinationYears, gatherReport } from '../domain/report';
import { assessDestinations } from '../domain/destinations';
import { type JobContext, loadTracker, nowFor } from './context';
import { SCORES_TAB, readHistory } from './score-tabs';
import { EVIDENCE_TAB } from './evidence';

export function gatherReportData(ctx: JobContext, extras: ReportExtras = {}): ReportData {
  const tracker = loadTracker(ctx.workbook);
  const now = nowFor(ctx, tracker);
  const scores = computeScores(tracker, now.today);
  const tabs = new Set(ctx.workbook.tabNames());
  const history = tabs.has(SCORES_TAB) ? readHistory(ctx.workbook.readTab(SCORES_TAB)) : [];
  const evidence = tabs.has(EVIDENCE_TAB) ? ctx.workbook.readTab(EVIDENCE_TAB) : null;
  const destinations = destinationYears(assessDestinations(tracker, now.today).years);
  return gatherReport(tracker, scores, now.today, history, evidence, { destinations, breakdowns: breakdownGaps(scores.breakdowns), ...extras });
}
