/**
 * Benchmark scores (rules.md "Benchmark scores", revised by activities-and-scores.md): measured
 * criteria computed from the tracker (each a small definition in ./criteria), audit criteria
 * from the Audit tab, and per benchmark the measured, self-assessed and overall scores, a
 * status and a RAG colour. Also who has missed out (the Coverage tab) and how groups of pupils
 * fare (breakdowns). Pure: no I/O.
 */
import type { Rag } from '../ports';
import { type AcademicYear, type Day, makeDay } from './calendar';
import { BENCHMARK_NAMES, NATIONAL_AVERAGE_ACHIEVED } from './benchmarks';
import type { AuditRating } from './schema';
import type { Pupil, Tracker } from './tracker';
import { CRITERIA, type CriterionKey, type Facts, evaluate, gatherFacts, pupilStates } from './criteria';

export type { CriterionKey } from './criteria';
export {
  type PupilIndex, attendeesOf, forEachAttendee, indexPupils, startYearOf, yearGroupOffset, yearGroupOn,
} from './attendees';

export interface MeasuredCriterion {
  kind: 'measured';
  key: CriterionKey;
  benchmark: number;
  label: string;
  /** about pupils (met / cohort pupils) or the whole school */
  level: 'pupil' | 'school';
  /** who is counted, in words ("school" for a school-level criterion) */
  cohortLabel: string;
  met: number;
  cohort: number;
  /** met / cohort; null when the cohort is empty and the criterion does not apply */
  value: number | null;
  /** what did not count, when staff would want to know */
  note: string | null;
}

export interface AuditScore {
  kind: 'audit';
  benchmark: number;
  label: string;
  /** the Audit tab row */
  row: number;
  /** null when blank: "not yet rated" */
  rating: AuditRating | null;
  /** null for N/A: it does not apply */
  value: number | null;
}

export type CriterionScore = MeasuredCriterion | AuditScore;

export type BenchmarkStatus = 'Achieved' | 'In progress' | 'Not started' | 'Not assessed';

export interface BenchmarkScore {
  id: number;
  name: string;
  /** 0–100 to one decimal, rounded half up; null when Not assessed */
  score: number | null;
  /** the unrounded score, which the RAG colour comes from */
  exact: number | null;
  /** 100 × the mean of the applicable measured criteria, one decimal; null when none applies */
  measured: number | null;
  /** 100 × the mean of the applicable Audit criteria, one decimal; null when none applies */
  selfAssessed: number | null;
  status: BenchmarkStatus;
  rag: Rag | null;
  /** every criterion, applicable or not (value null = does not apply) */
  criteria: CriterionScore[];
}

export interface CoverageColumn {
  key: CriterionKey;
  benchmark: number;
  label: string;
  /** per pupil of Coverage.pupils: 0 not in the cohort, 1 not met, 2 met */
  cells: Uint8Array;
  met: number;
  cohort: number;
}

export interface Coverage {
  /** pupils on roll, by year, form and name */
  pupils: Pupil[];
  /** the measured criteria about pupils on roll that apply to at least one of them */
  columns: CoverageColumn[];
}

export type BreakdownGroup = 'all' | 'send' | 'ehcp' | 'lookedAfter' | 'disadvantaged' | 'rest';
export const BREAKDOWN_GROUPS: BreakdownGroup[] = ['all', 'send', 'ehcp', 'lookedAfter', 'disadvantaged', 'rest'];

/** Groups smaller than this show "fewer than 5" and no figures, so no pupil can be picked out. */
export const SMALLEST_GROUP_SHOWN = 5;

export interface BreakdownRow {
  group: BreakdownGroup;
  /** pupils of the group in the criterion's cohort */
  pupils: number;
  /** null when the group has fewer than 5 pupils */
  met: number | null;
  /** % met, one decimal; null when hidden */
  pct: number | null;
  /** the group's % minus the rest's, in points; null for all and rest, and when either is hidden */
  gap: number | null;
}

export interface Breakdown {
  key: CriterionKey;
  benchmark: number;
  label: string;
  groups: BreakdownRow[];
}

export interface Scores {
  asOf: Day;
  academicYear: AcademicYear;
  achieved: number;
  nationalAverage: number;
  benchmarks: BenchmarkScore[];
  coverage: Coverage;
  /** per applicable measured criterion with a pupil cohort */
  breakdowns: Breakdown[];
  /** attendee-activity pairs counted */
  pairs: number;
}

export const NOT_MET = 1;
export const MET = 2;

/** Round half up to `decimals` places; the tiny allowance keeps 62.45 (stored as 62.4499…) at 62.5. */
export function roundHalfUp(x: number, decimals = 1): number {
  const f = 10 ** decimals;
  return Math.floor(x * f + 0.5 + 1e-9) / f;
}

export function ragFor(exact: number, greenAt: number, amberAt: number): Rag {
  return exact >= greenAt ? 'green' : exact >= amberAt ? 'amber' : 'red';
}

export const AUDIT_VALUES: Record<AuditRating, number | null> = {
  Achieved: 1, 'Partially achieved': 0.5, 'Not achieved': 0, 'N/A': null,
};

/** Which breakdown groups a pupil is in (besides `all`). */
export function groupsOf(p: Pupil): Record<BreakdownGroup, boolean> {
  const send = p.send === 'SEN support' || p.send === 'EHCP';
  const rest = !send && !p.lookedAfter && !p.disadvantaged;
  return { all: true, send, ehcp: p.send === 'EHCP', lookedAfter: p.lookedAfter, disadvantaged: p.disadvantaged, rest };
}

/** The breakdown rows from counts per group, with the fewer-than-5 rule and the gaps to the rest. */
export function breakdownRows(counts: Record<BreakdownGroup, { pupils: number; met: number }>): BreakdownRow[] {
  const shown = (g: BreakdownGroup) => counts[g].pupils >= SMALLEST_GROUP_SHOWN;
  const pct = (g: BreakdownGroup) => (shown(g) ? roundHalfUp((100 * counts[g].met) / counts[g].pupils) : null);
  const restPct = pct('rest');
  return BREAKDOWN_GROUPS.map((group) => {
    const p = pct(group);
    const gap = group === 'all' || group === 'rest' || p === null || restPct === null ? null : roundSigned(p - restPct);
    return { group, pupils: counts[group].pupils, met: shown(group) ? counts[group].met : null, pct: p, gap };
  });
}

/** One decimal, halves away from zero (so a gap of -2.25 shows -2.3, mirroring +2.25 → 2.3). */
function roundSigned(x: number): number {
  return x < 0 ? -roundHalfUp(-x) : roundHalfUp(x);
}

const GROUP_BITS: Record<BreakdownGroup, number> = { all: 1, send: 2, ehcp: 4, lookedAfter: 8, disadvantaged: 16, rest: 32 };

function breakdownsFor(f: Facts, states: Map<CriterionKey, Uint8Array>): Breakdown[] {
  const out: Breakdown[] = [];
  const bits = new Uint8Array(f.n);
  f.tracker.pupils.forEach((p, i) => {
    const send = p.send === 'SEN support' || p.send === 'EHCP';
    bits[i] = GROUP_BITS.all | (send ? GROUP_BITS.send : 0) | (p.send === 'EHCP' ? GROUP_BITS.ehcp : 0)
      | (p.lookedAfter ? GROUP_BITS.lookedAfter : 0) | (p.disadvantaged ? GROUP_BITS.disadvantaged : 0)
      | (!send && !p.lookedAfter && !p.disadvantaged ? GROUP_BITS.rest : 0);
  });
  for (const def of CRITERIA) {
    const st = states.get(def.key);
    if (!st) continue;
    // Pupils counted by their groups' bits and their state (0 not in cohort, 1 not met, 2 met), then summed by group.
    const byBits = new Int32Array(64 * 3);
    for (let i = 0; i < f.n; i++) byBits[bits[i] * 3 + st[i]]++;
    const pupils = new Int32Array(6);
    const met = new Int32Array(6);
    for (let b = 0; b < 64; b++) {
      const notMet = byBits[b * 3 + 1];
      const metHere = byBits[b * 3 + 2];
      if (notMet + metHere === 0) continue;
      for (let g = 0; g < 6; g++) {
        if (!(b & (1 << g))) continue;
        pupils[g] += notMet + metHere;
        met[g] += metHere;
      }
    }
    if (pupils[0] === 0) continue;
    const counts = Object.fromEntries(BREAKDOWN_GROUPS.map((g, k) => [g, { pupils: pupils[k], met: met[k] }])) as Record<BreakdownGroup, { pupils: number; met: number }>;
    out.push({ key: def.key, benchmark: def.benchmark, label: def.label, groups: breakdownRows(counts) });
  }
  return out;
}

/** Scores the eight benchmarks as of `today`. */
export function computeScores(tracker: Tracker, today: Day): Scores {
  const { settings } = tracker;
  const f = gatherFacts(tracker, today);
  const { n, year } = f;

  // Coverage: pupils on roll in the order staff look for them.
  const rollOrder: number[] = [];
  for (let i = 0; i < n; i++) if (year[i] !== 0) rollOrder.push(i);
  const sortKey = tracker.pupils.map((p) => `${p.form ?? ''}\u0000${p.name.toLowerCase()}`);
  rollOrder.sort((a, b) => year[a] - year[b] || (sortKey[a] < sortKey[b] ? -1 : sortKey[a] > sortKey[b] ? 1 : 0));

  const measured: MeasuredCriterion[] = [];
  const columns: CoverageColumn[] = [];
  const states = new Map<CriterionKey, Uint8Array>();
  for (const def of CRITERIA) {
    const st = def.level === 'pupil' ? pupilStates(def, f) : undefined;
    if (st) states.set(def.key, st);
    const r = evaluate(def, f, st);
    measured.push({
      kind: 'measured', key: def.key, benchmark: def.benchmark, label: def.label, level: def.level,
      cohortLabel: r.cohortLabel, met: r.met, cohort: r.cohort, value: r.value, note: r.note,
    });
    if (st && def.level === 'pupil' && def.onRoll && r.cohort > 0) {
      const cells = new Uint8Array(rollOrder.length);
      for (let row = 0; row < rollOrder.length; row++) cells[row] = st[rollOrder[row]];
      columns.push({ key: def.key, benchmark: def.benchmark, label: def.label, cells, met: r.met, cohort: r.cohort });
    }
  }

  const benchmarks: BenchmarkScore[] = [];
  for (let id = 1; id <= 8; id++) {
    const audit: AuditScore[] = tracker.audit
      .filter((a) => a.benchmark === id)
      .sort((a, b) => a.row - b.row)
      .map((a) => ({
        kind: 'audit', benchmark: id, label: a.criterion, row: a.row, rating: a.rating,
        value: a.rating === null ? 0 : AUDIT_VALUES[a.rating],
      }));
    const criteria: CriterionScore[] = [...measured.filter((m) => m.benchmark === id), ...audit];
    benchmarks.push(scoreBenchmark(id, criteria, settings.greenAt, settings.amberAt));
  }

  return {
    asOf: today, academicYear: f.ay, achieved: benchmarks.filter((b) => b.status === 'Achieved').length,
    nationalAverage: NATIONAL_AVERAGE_ACHIEVED, benchmarks,
    coverage: { pupils: rollOrder.map((i) => tracker.pupils[i]), columns }, breakdowns: breakdownsFor(f, states), pairs: f.pairs,
  };
}

const meanPercent = (values: number[]) => (values.length === 0 ? null : roundHalfUp((100 * values.reduce((s, v) => s + v, 0)) / values.length));

/** Score, status and RAG from a benchmark's criteria (those whose value is null do not apply). */
export function scoreBenchmark(id: number, criteria: CriterionScore[], greenAt: number, amberAt: number): BenchmarkScore {
  const values = criteria.map((c) => c.value).filter((v): v is number => v !== null);
  const of = (kind: CriterionScore['kind']) => criteria.filter((c) => c.kind === kind).map((c) => c.value).filter((v): v is number => v !== null);
  const base = { id, name: BENCHMARK_NAMES[id], criteria, measured: meanPercent(of('measured')), selfAssessed: meanPercent(of('audit')) };
  if (values.length === 0) return { ...base, score: null, exact: null, status: 'Not assessed', rag: null };
  const exact = (100 * values.reduce((s, v) => s + v, 0)) / values.length;
  const status: BenchmarkStatus = values.every((v) => v === 1) ? 'Achieved' : values.every((v) => v === 0) ? 'Not started' : 'In progress';
  return { ...base, score: roundHalfUp(exact), exact, status, rag: ragFor(exact, greenAt, amberAt) };
}

/** "3 of 8 benchmarks achieved (indicative, from this tracker)" */
export function headline(achieved: number): string {
  return `${achieved} of 8 benchmarks achieved (indicative, from this tracker)`;
}

/** The national average, as context only: a different method, not comparable. */
export const NATIONAL_FOOTNOTE =
  `For context: schools in England fully achieved ${NATIONAL_AVERAGE_ACHIEVED} of 8 on average in 2024/25 in Compass self-evaluations, which use a different method; the two are not directly comparable.`;

/**
 * The most recent snapshot date strictly before today: 31 December, 31 March or 31 July, the
 * dates the national figures are taken. On a snapshot day itself, today's run is the snapshot
 * being made, so the change shown is over the term it closes. The Scores tab and the governors'
 * report both measure change from here (docs/scores.md).
 */
export function lastSnapshotDate(today: Day): Day {
  const y = Number(today.slice(0, 4));
  const candidates = [makeDay(y - 1, 12, 31), makeDay(y, 3, 31), makeDay(y, 7, 31), makeDay(y, 12, 31)] as Day[];
  let best = candidates[0];
  for (const c of candidates) if (c < today) best = c;
  return best;
}
