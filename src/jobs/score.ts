/**
 * Score benchmarks: writes the Scores tab (latest run on top, history and chart below) and the
 * Coverage tab (who has missed out), logs the run, and returns the command line's JSON.
 */
import type { Rag } from '../ports';
import type { Day } from '../domain/calendar';
import { type BenchmarkStatus, type CriterionKey, type CriterionScore, type Scores, computeScores, headline } from '../domain/scores';
import type { AuditRating } from '../domain/schema';
import { type JobContext, appendLog, loadTracker, nowFor } from './context';
import { COVERAGE_TAB, SCORES_TAB, coverageSheet, historyRow, readHistory, scoresSheet } from './score-tabs';

export type CriterionResult =
  | { key: CriterionKey; label: string; value: number; met: number; cohort: number; cohortLabel: string; note?: string }
  | { key: 'audit'; label: string; value: number; row: number; rating: AuditRating | null };

export interface BenchmarkResult {
  id: number;
  name: string;
  score: number | null;
  status: BenchmarkStatus;
  rag: Rag | null;
  /** the criteria that apply: the score is 100 × the mean of their values */
  criteria: CriterionResult[];
  /** criteria left out: N/A audit rows, measured criteria with no pupils */
  notApplicable: { key: CriterionKey | 'audit'; label: string; row?: number; reason: string }[];
}

export interface ScoreResult {
  asOf: Day;
  academicYear: string;
  achieved: number;
  nationalAverage: number;
  headline: string;
  benchmarks: BenchmarkResult[];
  coverage: { pupils: number; criteria: number; notMet: number };
  attendeeActivityPairs: number;
  problems: number;
}

export function runScore(ctx: JobContext): ScoreResult {
  const tracker = loadTracker(ctx.workbook);
  const now = nowFor(ctx, tracker);
  const scores = computeScores(tracker, now.today);
  const history = [...readHistory(ctx.workbook.readTab(SCORES_TAB)), historyRow(now, scores)];
  ctx.workbook.writeOutputTab(SCORES_TAB, scoresSheet(scores, now, history, tracker.problems.length));
  ctx.workbook.writeOutputTab(COVERAGE_TAB, coverageSheet(scores, now));
  const result = toResult(scores, tracker.problems.length);
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

export function toResult(scores: Scores, problems: number): ScoreResult {
  const columns = scores.coverage.columns;
  return {
    asOf: scores.asOf,
    academicYear: scores.academicYear.name,
    achieved: scores.achieved,
    nationalAverage: scores.nationalAverage,
    headline: headline(scores.achieved),
    benchmarks: scores.benchmarks.map((b) => ({
      id: b.id, name: b.name, score: b.score, status: b.status, rag: b.rag,
      criteria: b.criteria.filter((c) => c.value !== null).map(criterionResult),
      notApplicable: b.criteria.filter((c) => c.value === null).map((c) => (c.kind === 'audit'
        ? { key: 'audit' as const, label: c.label, row: c.row, reason: 'Rated N/A' }
        : { key: c.key, label: c.label, reason: `No pupils in the cohort (${c.cohortLabel})` })),
    })),
    coverage: {
      pupils: scores.coverage.pupils.length,
      criteria: columns.length,
      notMet: columns.reduce((s, c) => s + c.cohort - c.met, 0),
    },
    attendeeActivityPairs: scores.pairs,
    problems,
  };
}
