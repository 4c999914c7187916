/**
 * Score benchmarks: writes the Scores tab (latest run on top, history and chart below) and the
 * Coverage tab (who has missed out), logs the run, and returns the command line's JSON.
 *
 * `scoreReport` gives the same result without writing anything, for other reports (the
 * governors' report reads measured, selfAssessed, change, breakdowns and history from it).
 */
import type { CellValue, Rag } from '../ports';
import type { Day } from '../domain/calendar';
import {
  type BenchmarkStatus, type BreakdownGroup, type CriterionKey, type CriterionScore, NATIONAL_FOOTNOTE, type Scores,
  computeScores, headline,
} from '../domain/scores';
import { checkAbsentees } from '../domain/attendees';
import type { AuditRating } from '../domain/schema';
import type { Tracker } from '../domain/tracker';
import { type JobContext, type Now, appendLog, loadTracker, nowFor } from './context';
import {
  COVERAGE_TAB, HISTORY_HEADER, SCORES_TAB, changes, coverageSheet, historyDay, historyRow, historyWithToday, readHistory,
  scoresSheet, snapshotRow,
} from './score-tabs';

export type CriterionResult =
  | { key: CriterionKey; label: string; value: number; met: number; cohort: number; cohortLabel: string; note?: string }
  | { key: 'audit'; label: string; value: number; row: number; rating: AuditRating | null };

export interface BenchmarkResult {
  id: number;
  name: string;
  /** 100 × the mean of the applicable measured criteria, one decimal; null ("–") when none applies */
  measured: number | null;
  /** 100 × the mean of the applicable Audit criteria, one decimal; null when none applies */
  selfAssessed: number | null;
  score: number | null;
  status: BenchmarkStatus;
  rag: Rag | null;
  /** score minus the snapshot's score, in points; null when there is no snapshot or either is not assessed */
  change: number | null;
  /** the criteria that apply: the score is 100 × the mean of their values */
  criteria: CriterionResult[];
  /** criteria left out: N/A audit rows, measured criteria with no pupils */
  notApplicable: { key: CriterionKey | 'audit'; label: string; row?: number; reason: string }[];
}

export interface BreakdownGroupResult {
  group: BreakdownGroup;
  pupils: number;
  met: number | null;
  pct: number | null;
  gap: number | null;
}

export interface BreakdownResult {
  key: CriterionKey;
  groups: BreakdownGroupResult[];
}

/** One day's run in the Scores tab's history. */
export interface HistoryEntry {
  date: Day;
  /** BM1–BM8; null when not assessed */
  scores: (number | null)[];
  achieved: number | null;
}

export interface ScoreResult {
  asOf: Day;
  academicYear: string;
  achieved: number;
  nationalAverage: number;
  headline: string;
  footnote: string;
  benchmarks: BenchmarkResult[];
  /** the run the changes are measured from: the latest on or before `date` (31 Dec / 31 Mar / 31 Jul) */
  snapshot: { date: Day; run: Day } | null;
  breakdowns: BreakdownResult[];
  /** one entry per day, oldest first, today's run last */
  history: HistoryEntry[];
  coverage: { pupils: number; criteria: number; notMet: number };
  attendeeActivityPairs: number;
  problems: number;
}

interface Computed {
  tracker: Tracker;
  now: Now;
  scores: Scores;
  history: CellValue[][];
  result: ScoreResult;
}

/** The tabs scoring reads: not Actions, Vacancies or the Log (a long Log would only cost time). */
export const SCORE_TABS = ['Settings', 'Staff', 'Pupils', 'Meetings', 'Activities', 'Destinations', 'Audit'];

function compute(ctx: JobContext): Computed {
  const tracker = loadTracker(ctx.workbook, SCORE_TABS);
  const now = nowFor(ctx, tracker);
  checkAbsentees(tracker, now.today);
  const scores = computeScores(tracker, now.today);
  const history = historyWithToday(readHistory(ctx.workbook.readTab(SCORES_TAB)), now.today, historyRow(now, scores));
  return { tracker, now, scores, history, result: toResult(scores, tracker.problems.length, history) };
}

/** The score result as a run now would give it, writing nothing. */
export function scoreReport(ctx: JobContext): ScoreResult {
  return compute(ctx).result;
}

export function runScore(ctx: JobContext): ScoreResult {
  const { now, scores, history, tracker, result } = compute(ctx);
  ctx.workbook.writeOutputTab(SCORES_TAB, scoresSheet(scores, now, history, tracker.problems.length));
  ctx.workbook.writeOutputTab(COVERAGE_TAB, coverageSheet(scores, now));
  appendLog(ctx, now, [{
    job: 'score', outcome: 'ok',
    details: `${result.headline}. ${result.benchmarks.map((b) => `BM${b.id} ${b.score === null ? 'not assessed' : `${b.score}%`}`).join(', ')}`,
  }]);
  return result;
}

function criterionResult(c: CriterionScore): CriterionResult {
  if (c.kind === 'audit') return { key: 'audit', label: c.label, value: c.value as number, row: c.row, rating: c.rating };
  const r: CriterionResult = { key: c.key, label: c.label, value: c.value as number, met: c.met, cohort: c.cohort, cohortLabel: c.cohortLabel };
  if (c.note) r.note = c.note;
  return r;
}

function historyEntries(history: CellValue[][]): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const row of history) {
    const date = historyDay(row[0]);
    if (date === null) continue;
    const num = (v: CellValue | undefined) => (typeof v === 'number' ? v : null);
    out.push({ date, scores: row.slice(1, 9).map(num), achieved: num(row[HISTORY_HEADER.length - 1]) });
  }
  return out;
}

/** `history`: the Scores tab's history including this run (as last row); none gives no change and a one-row history. */
export function toResult(scores: Scores, problems: number, history: CellValue[][] = []): ScoreResult {
  const columns = scores.coverage.columns;
  const snapshot = snapshotRow(history.slice(0, -1), scores.asOf);
  const change = changes(scores, snapshot);
  return {
    asOf: scores.asOf,
    academicYear: scores.academicYear.name,
    achieved: scores.achieved,
    nationalAverage: scores.nationalAverage,
    headline: headline(scores.achieved),
    footnote: NATIONAL_FOOTNOTE,
    benchmarks: scores.benchmarks.map((b, k) => ({
      id: b.id, name: b.name, measured: b.measured, selfAssessed: b.selfAssessed, score: b.score, status: b.status, rag: b.rag,
      change: change[k],
      criteria: b.criteria.filter((c) => c.value !== null).map(criterionResult),
      notApplicable: b.criteria.filter((c) => c.value === null).map((c) => (c.kind === 'audit'
        ? { key: 'audit' as const, label: c.label, row: c.row, reason: 'Rated N/A' }
        : { key: c.key, label: c.label, reason: c.level === 'school' ? 'No pupils on roll in Year 12 or 13' : `No pupils in the cohort (${c.cohortLabel})` })),
    })),
    snapshot: snapshot ? { date: snapshot.date, run: snapshot.run } : null,
    breakdowns: scores.breakdowns.map((bd) => ({ key: bd.key, groups: bd.groups.map((g) => ({ ...g })) })),
    history: historyEntries(history),
    coverage: {
      pupils: scores.coverage.pupils.length,
      criteria: columns.length,
      notMet: columns.reduce((s, c) => s + c.cohort - c.met, 0),
    },
    attendeeActivityPairs: scores.pairs,
    problems,
  };
}
