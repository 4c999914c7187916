/**
 * Benchmark scores (rules.md, "Benchmark scores"): measured criteria computed from the tracker,
 * audit criteria from the Audit tab, and per benchmark a score, a status and a RAG colour.
 * Also who has missed out (the Coverage tab). Pure: no I/O.
 *
 * Built for size: each pupil's year group at any date is `offset + the academic year's start
 * year`, so a year-group activity finds its attendees with one map lookup per year group, and
 * per-pupil counts are kept in typed arrays indexed by pupil.
 */
import type { Rag } from '../ports';
import { type AcademicYear, type Day, type DayOfYear, academicYearOf, addDays, daysBetween, makeDay } from './calendar';
import { BENCHMARK_NAMES, NATIONAL_AVERAGE_ACHIEVED } from './benchmarks';
import type { AuditRating } from './schema';
import type { Activity, Pupil, Tracker } from './tracker';
import { statusGroup } from './nccis';

export type CriterionKey =
  | 'bm2.information' | 'bm3.records' | 'bm3.destinations' | 'bm4.curriculum' | 'bm5.employers'
  | 'bm6.by16' | 'bm6.by18' | 'bm7.by16' | 'bm7.provider-access' | 'bm8.by16' | 'bm8.by18';

export interface MeasuredCriterion {
  kind: 'measured';
  key: CriterionKey;
  benchmark: number;
  label: string;
  /** who is counted, in words */
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

export interface Scores {
  asOf: Day;
  academicYear: AcademicYear;
  achieved: number;
  nationalAverage: number;
  benchmarks: BenchmarkScore[];
  coverage: Coverage;
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

const SEPTEMBER: DayOfYear = { month: 9, day: 1 };

/**
 * A pupil's year group on a date is `offset + the start year of that date's academic year`.
 * On roll: current Year minus the academic-year starts since. A leaver: 11 in the academic year
 * ending in their Leaver year, counting back. Null when neither Year nor Leaver year is known.
 */
export function yearGroupOffset(p: Pick<Pupil, 'year' | 'leaverYear'>, currentStartYear: number): number | null {
  if (p.year !== null) return p.year - currentStartYear;
  if (p.leaverYear !== null) return 12 - p.leaverYear;
  return null;
}

/** The pupil's year group on `date`; null when they had already left by then. */
export function yearGroupOn(p: Pick<Pupil, 'year' | 'leaverYear'>, date: Day, today: Day, start: DayOfYear = SEPTEMBER): number | null {
  const offset = yearGroupOffset(p, academicYearOf(today, start).startYear);
  if (offset === null) return null;
  const startYear = academicYearOf(date, start).startYear;
  if (p.year === null && startYear > (p.leaverYear as number) - 1) return null;
  return offset + startYear;
}

/** The pupils indexed for attendee expansion. */
export interface PupilIndex {
  pupils: Pupil[];
  offset: Int32Array;
  /** the start year of the last academic year a leaver was at school (a large number when on roll) */
  lastStartYear: Int32Array;
  byOffset: Map<number, number[]>;
  byKey: Map<string, number>;
  start: DayOfYear;
  startYearCache: Map<Day, number>;
}

export function indexPupils(pupils: Pupil[], today: Day, start: DayOfYear = SEPTEMBER): PupilIndex {
  const current = academicYearOf(today, start).startYear;
  const n = pupils.length;
  const offset = new Int32Array(n);
  const lastStartYear = new Int32Array(n);
  const byOffset = new Map<number, number[]>();
  const byKey = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const p = pupils[i];
    byKey.set(p.key, i);
    const o = yearGroupOffset(p, current);
    lastStartYear[i] = p.year !== null ? 1 << 30 : (p.leaverYear ?? 0) - 1;
    if (o === null) continue;
    offset[i] = o;
    const list = byOffset.get(o);
    if (list) list.push(i);
    else byOffset.set(o, [i]);
  }
  return { pupils, offset, lastStartYear, byOffset, byKey, start, startYearCache: new Map() };
}

export function startYearOf(index: PupilIndex, day: Day): number {
  let s = index.startYearCache.get(day);
  if (s === undefined) {
    s = academicYearOf(day, index.start).startYear;
    index.startYearCache.set(day, s);
  }
  return s;
}

/**
 * Calls `visit` once for each attendee of the activity: every pupil who was in one of its year
 * groups on its date (leavers by their past year group), plus every listed pupil. `seen` holds the
 * last stamp each pupil was visited with; pass a stamp unique to this activity.
 */
export function forEachAttendee(
  index: PupilIndex, activity: Activity, seen: Int32Array, stamp: number, visit: (i: number, startYear: number) => void,
): void {
  const startYear = startYearOf(index, activity.date);
  for (const yg of activity.yearGroups) {
    const list = index.byOffset.get(yg - startYear);
    if (!list) continue;
    for (let k = 0; k < list.length; k++) {
      const i = list[k];
      if (seen[i] === stamp || startYear > index.lastStartYear[i]) continue;
      seen[i] = stamp;
      visit(i, startYear);
    }
  }
  for (const key of activity.pupils) {
    const i = index.byKey.get(key);
    if (i === undefined || seen[i] === stamp) continue;
    seen[i] = stamp;
    visit(i, startYear);
  }
}

/** The attendees of one activity (for tests and the occasional look-up; scoring uses forEachAttendee). */
export function attendeesOf(tracker: Tracker, activity: Activity, today: Day): Pupil[] {
  const index = indexPupils(tracker.pupils, today, tracker.settings.academicYearStart);
  const out: Pupil[] = [];
  forEachAttendee(index, activity, new Int32Array(index.pupils.length).fill(-1), 0, (i) => out.push(index.pupils[i]));
  return out;
}

interface Definition {
  key: CriterionKey;
  benchmark: number;
  label: string;
  cohortLabel: string;
  /** about pupils on roll (shown in Coverage) */
  onRoll: boolean;
  inCohort(i: number): boolean;
  meets(i: number): boolean;
  note?: () => string | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Scores the eight benchmarks as of `today`. */
export function computeScores(tracker: Tracker, today: Day): Scores {
  const { settings } = tracker;
  const start = settings.academicYearStart;
  const ay = academicYearOf(today, start);
  const index = indexPupils(tracker.pupils, today, start);
  const n = tracker.pupils.length;
  const year = new Int8Array(n);
  for (let i = 0; i < n; i++) year[i] = tracker.pupils[i].year ?? 0;

  // Per-pupil facts, each filled by one pass over its tab.
  const info = new Uint8Array(n);
  const curriculum = new Uint8Array(n);
  const employers = new Uint8Array(n);
  const workplaces = new Uint16Array(n);
  const education = new Uint16Array(n);
  const providerAccess = new Uint16Array(n);
  const metThisYear = new Uint8Array(n);
  const guidance = new Uint16Array(n);
  const unqualifiedGuidance = new Uint16Array(n);
  const destination = new Uint8Array(n);
  const staleDestination = new Uint8Array(n);

  const seen = new Int32Array(n).fill(-1);
  const febEnd = new Map<number, Day>();
  let pairs = 0;
  tracker.activities.forEach((a, k) => {
    if (a.date > today) return;
    const thisYear = a.date >= ay.start;
    const c2 = thisYear && a.benchmarks.includes(2);
    const c4 = thisYear && a.benchmarks.includes(4);
    const c5 = thisYear && a.benchmarks.includes(5);
    const c6 = a.benchmarks.includes(6);
    const c7 = a.benchmarks.includes(7);
    const pa = a.providerAccess;
    if (!(c2 || c4 || c5 || c6 || c7 || pa)) return;
    forEachAttendee(index, a, seen, k, (i, startYear) => {
      pairs++;
      if (c2) info[i] = 1;
      if (c4) curriculum[i] = 1;
      if (c5) employers[i] = 1;
      if (c6) workplaces[i]++;
      if (c7) education[i]++;
      if (pa && (year[i] === 9 || year[i] === 11)) {
        // The key phase is Years 8–9 (or 10–11): any time in the first year, and in the second
        // only up to the end of February.
        const then = index.offset[i] + startYear;
        if (then === year[i] - 1) providerAccess[i]++;
        else if (then === year[i]) {
          let end = febEnd.get(startYear);
          if (end === undefined) {
            end = addDays(makeDay(startYear + 1, 3, 1) as Day, -1);
            febEnd.set(startYear, end);
          }
          if (a.date <= end) providerAccess[i]++;
        }
      }
    });
  });

  for (const m of tracker.meetings) {
    if (m.date > today) continue;
    const i = index.byKey.get(m.pupil);
    if (i === undefined) continue;
    if (m.date >= ay.start) metThisYear[i] = 1;
    if (m.type === 'Guidance') {
      if (tracker.staffByInitials.get(m.staff)?.level6) guidance[i]++;
      else unqualifiedGuidance[i]++;
    }
  }

  for (const d of tracker.destinations) {
    const i = index.byKey.get(d.pupil);
    if (i === undefined || statusGroup(d.status) === 'Not known') continue;
    const age = daysBetween(d.checked, today);
    if (age >= 0 && age <= 365) destination[i] = 1;
    else if (age > 365) staleDestination[i] = 1;
  }

  const firstRecentLeaverYear = ay.startYear - settings.bulletinLeaverYears + 1;
  const isRecentLeaver = (i: number) => {
    const ly = tracker.pupils[i].leaverYear;
    return ly !== null && ly >= firstRecentLeaverYear;
  };
  const onRoll = (i: number) => year[i] !== 0;
  const inYear = (...ys: number[]) => (i: number) => ys.includes(year[i]);
  const countWhere = (arr: Uint16Array | Uint8Array, cohort: (i: number) => boolean) => {
    let c = 0;
    for (let i = 0; i < n; i++) if (arr[i] > 0 && cohort(i)) c += arr[i];
    return c;
  };
  const unqualifiedNote = (cohort: (i: number) => boolean) => () => {
    const c = countWhere(unqualifiedGuidance, cohort);
    return c === 0 ? null : `${plural(c, 'guidance meeting')} with staff not marked Level 6 in the Staff tab ${c === 1 ? 'does' : 'do'} not count.`;
  };
  const staleNote = () => {
    let c = 0;
    for (let i = 0; i < n; i++) if (staleDestination[i] && !destination[i] && isRecentLeaver(i)) c++;
    return c === 0 ? null : `${plural(c, 'leaver')} ${c === 1 ? 'has' : 'have'} a known destination only from a check more than 365 days ago, which does not count.`;
  };

  const definitions: Definition[] = [
    {
      key: 'bm2.information', benchmark: 2, onRoll: true, cohortLabel: 'pupils on roll',
      label: 'Took part in a careers and labour market information activity this year',
      inCohort: onRoll, meets: (i) => info[i] === 1,
    },
    {
      key: 'bm3.records', benchmark: 3, onRoll: true, cohortLabel: 'pupils on roll in Years 9–13',
      label: 'Had a careers meeting recorded in Meetings this year',
      inCohort: inYear(9, 10, 11, 12, 13), meets: (i) => metThisYear[i] === 1,
    },
    {
      key: 'bm3.destinations', benchmark: 3, onRoll: false, cohortLabel: `leavers of ${firstRecentLeaverYear} onwards`,
      label: 'Leaver\'s destination known, checked in the last 365 days',
      inCohort: isRecentLeaver, meets: (i) => destination[i] === 1, note: staleNote,
    },
    {
      key: 'bm4.curriculum', benchmark: 4, onRoll: true, cohortLabel: 'pupils on roll',
      label: 'Took part in careers learning in a subject this year',
      inCohort: onRoll, meets: (i) => curriculum[i] === 1,
    },
    {
      key: 'bm5.employers', benchmark: 5, onRoll: true, cohortLabel: 'pupils on roll',
      label: 'Had an encounter with employers this year',
      inCohort: onRoll, meets: (i) => employers[i] === 1,
    },
    {
      key: 'bm6.by16', benchmark: 6, onRoll: true, cohortLabel: 'Year 11',
      label: 'By 16: at least one experience of a workplace',
      inCohort: inYear(11), meets: (i) => workplaces[i] >= 1,
    },
    {
      key: 'bm6.by18', benchmark: 6, onRoll: true, cohortLabel: 'Year 13',
      label: 'By 18: at least two experiences of workplaces',
      inCohort: inYear(13), meets: (i) => workplaces[i] >= 2,
    },
    {
      key: 'bm7.by16', benchmark: 7, onRoll: true, cohortLabel: 'Year 11',
      label: 'By 16: at least one encounter with further or higher education',
      inCohort: inYear(11), meets: (i) => education[i] >= 1,
    },
    {
      key: 'bm7.provider-access', benchmark: 7, onRoll: true, cohortLabel: 'Years 9 and 11',
      label: 'At least two provider access encounters in this key phase (Years 8–9 or 10–11; in Year 9 or 11 only up to the end of February)',
      inCohort: inYear(9, 11), meets: (i) => providerAccess[i] >= 2,
    },
    {
      key: 'bm8.by16', benchmark: 8, onRoll: true, cohortLabel: 'Year 11',
      label: 'By 16: at least one guidance meeting with a Level 6 adviser',
      inCohort: inYear(11), meets: (i) => guidance[i] >= 1, note: unqualifiedNote(inYear(11)),
    },
    {
      key: 'bm8.by18', benchmark: 8, onRoll: true, cohortLabel: 'Year 13',
      label: 'By 18: at least two guidance meetings with a Level 6 adviser',
      inCohort: inYear(13), meets: (i) => guidance[i] >= 2, note: unqualifiedNote(inYear(13)),
    },
  ];

  // Coverage: pupils on roll in the order staff look for them.
  const rollOrder: number[] = [];
  for (let i = 0; i < n; i++) if (onRoll(i)) rollOrder.push(i);
  const sortKey = tracker.pupils.map((p) => `${p.form ?? ''}\u0000${p.name.toLowerCase()}`);
  rollOrder.sort((a, b) => year[a] - year[b] || (sortKey[a] < sortKey[b] ? -1 : sortKey[a] > sortKey[b] ? 1 : 0));

  const measured: MeasuredCriterion[] = [];
  const columns: CoverageColumn[] = [];
  for (const def of definitions) {
    let met = 0;
    let cohort = 0;
    for (let i = 0; i < n; i++) {
      if (!def.inCohort(i)) continue;
      cohort++;
      if (def.meets(i)) met++;
    }
    measured.push({
      kind: 'measured', key: def.key, benchmark: def.benchmark, label: def.label, cohortLabel: def.cohortLabel,
      met, cohort, value: cohort === 0 ? null : met / cohort, note: def.note ? def.note() : null,
    });
    if (def.onRoll && cohort > 0) {
      const cells = new Uint8Array(rollOrder.length);
      rollOrder.forEach((i, r) => {
        if (def.inCohort(i)) cells[r] = def.meets(i) ? MET : NOT_MET;
      });
      columns.push({ key: def.key, benchmark: def.benchmark, label: def.label, cells, met, cohort });
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
    asOf: today, academicYear: ay, achieved: benchmarks.filter((b) => b.status === 'Achieved').length,
    nationalAverage: NATIONAL_AVERAGE_ACHIEVED, benchmarks,
    coverage: { pupils: rollOrder.map((i) => tracker.pupils[i]), columns }, pairs,
  };
}

/** Score, status and RAG from a benchmark's criteria (those whose value is null do not apply). */
export function scoreBenchmark(id: number, criteria: CriterionScore[], greenAt: number, amberAt: number): BenchmarkScore {
  const values = criteria.map((c) => c.value).filter((v): v is number => v !== null);
  const base = { id, name: BENCHMARK_NAMES[id], criteria };
  if (values.length === 0) return { ...base, score: null, exact: null, status: 'Not assessed', rag: null };
  const exact = (100 * values.reduce((s, v) => s + v, 0)) / values.length;
  const status: BenchmarkStatus = values.every((v) => v === 1) ? 'Achieved' : values.every((v) => v === 0) ? 'Not started' : 'In progress';
  return { ...base, score: roundHalfUp(exact), exact, status, rag: ragFor(exact, greenAt, amberAt) };
}

/** "3 of 8 achieved (national average 5.96 in 2024/25)" */
export function headline(achieved: number): string {
  return `${achieved} of 8 achieved (national average ${NATIONAL_AVERAGE_ACHIEVED} in 2024/25)`;
}
