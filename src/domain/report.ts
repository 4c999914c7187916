/**
 * The governors' report data (programme.md): the nine sections' figures, gathered from the tracker
 * as it stands. Figures only: no pupil's name or ID is ever in here, free text written by staff is
 * redacted (redact.ts), and any count of 1 to 4 pupils, or a percentage of fewer than 5 pupils, is
 * "fewer than 5". The same data is rendered to HTML on the command line and in the Sheets dialog.
 * Pure: the job (jobs/report.ts) reads the workbook.
 */
import type { CellValue, Rag } from '../ports';
import { isDayCell } from '../ports';
import { type Day, academicYearOf } from './calendar';
import { AUDIT_VALUES, type Scores, forEachAttendee, indexPupils, lastSnapshotDate, roundHalfUp } from './scores';
import { assessUnplaced } from './unplaced';
import { summariseProgramme, type ProgrammeCounts } from './programme';
import { type ChecklistScore, scoreChecklists } from './checklists';
import { pupilRedactor } from './redact';
import type { Tracker } from './tracker';
import { readDate, readText } from './values';

export const FEWER_THAN_5 = 'fewer than 5';
/** A count of 5 or more hidden so that a count of fewer than 5 beside it cannot be worked out by subtraction. */
export const NOT_SHOWN = 'not shown';
/** A count of pupils as a governor may see it. */
export type Figure = number | typeof FEWER_THAN_5 | typeof NOT_SHOWN;

export function figure(n: number): Figure {
  return n >= 1 && n < 5 ? FEWER_THAN_5 : n;
}

/**
 * Counts that add up to a whole shown beside them: when exactly one is hidden, the whole minus
 * the others would give it away, so the smallest other count is hidden too ("not shown").
 */
export function partsOfWhole(counts: number[]): Figure[] {
  const shown = counts.map(figure);
  if (shown.filter((f) => f === FEWER_THAN_5).length !== 1) return shown;
  let smallest = -1;
  shown.forEach((f, i) => {
    if (typeof f === 'number' && (smallest < 0 || counts[i] < counts[smallest])) smallest = i;
  });
  if (smallest >= 0) shown[smallest] = NOT_SHOWN;
  return shown;
}

/** A percentage of a group of pupils, hidden when the group has fewer than 5. */
export function groupPct(met: number, cohort: number): number | typeof FEWER_THAN_5 | null {
  if (cohort === 0) return null;
  return cohort < 5 ? FEWER_THAN_5 : roundHalfUp((100 * met) / cohort);
}

export interface ReportBenchmark {
  id: number;
  name: string;
  measured: number | null;
  selfAssessed: number | null;
  score: number | null;
  status: string;
  rag: Rag | null;
  /** points since the last snapshot; null when there is no snapshot score */
  change: number | null;
}

export interface DestinationYear {
  leaverYear: number;
  cohort: Figure;
  eetPct: number | typeof FEWER_THAN_5 | null;
  neetPct: number | typeof FEWER_THAN_5 | null;
  notKnownPct: number | typeof FEWER_THAN_5 | null;
  sustainedPct: number | typeof FEWER_THAN_5 | null;
}

export interface BreakdownGap {
  key: string;
  label: string;
  /** group → % met (or hidden) and gap to the rest in points */
  groups: { group: string; pct: number | typeof FEWER_THAN_5 | null; gap: number | null }[];
}

export interface ReportData {
  school: string;
  asOf: Day;
  academicYear: string;
  achieved: number;
  benchmarks: ReportBenchmark[];
  /** the day of the snapshot the change is measured from, or null */
  snapshot: Day | null;
  history: { days: Day[]; series: (number | null)[][] };
  year11: { cohort: Figure; accepted: Figure; offers: Figure; red: Figure; amber: Figure; noOffer: Figure };
  /** null until the tracker has the destinations rules (destinations.md) */
  destinations: DestinationYear[] | null;
  /** null until the tracker has breakdowns (activities-and-scores.md) */
  breakdowns: BreakdownGap[] | null;
  yearGroups: { criteria: { key: string; label: string }[]; rows: { group: string; cohort: Figure; pct: (number | typeof FEWER_THAN_5 | null)[] }[] };
  providerAccess: { phase: string; years: number[]; encounters: number; providers: number }[];
  programme: { thisTerm: ProgrammeCounts & { name: string }; year: ProgrammeCounts; byTerm: (ProgrammeCounts & { term: string })[] } | null;
  auditPlan: { benchmark: number; criterion: string; rating: string; action: string | null; owner: string | null; cost: string | null; deadline: Day | null; success: string | null }[];
  checklists: ChecklistScore[];
  evidence: { generated: Day | null; benchmarks: { id: number; status: string }[] } | null;
}


/**
 * The score history, one point per day (the day's last run), from the Scores tab's history rows
 * ([date, BM1…BM8, achieved]), with today's scores as the last point.
 */
export function dailyHistory(rows: CellValue[][], today: Day, now: (number | null)[]): { days: Day[]; series: (number | null)[][] } {
  const byDay = new Map<Day, (number | null)[]>();
  for (const r of rows) {
    const c = r[0];
    const day = isDayCell(c) ? c.day : (() => { const d = readDate(readText(c ?? '').slice(0, 10)); return d.ok ? d.value : null; })();
    if (!day || day > today) continue;
    byDay.set(day, r.slice(1, 9).map((v) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null)));
  }
  byDay.set(today, now);
  const days = [...byDay.keys()].sort();
  return { days, series: [0, 1, 2, 3, 4, 5, 6, 7].map((k) => days.map((d) => byDay.get(d)![k] ?? null)) };
}

const mean = (xs: number[]) => (xs.length === 0 ? null : roundHalfUp((100 * xs.reduce((s, v) => s + v, 0)) / xs.length));

export interface ReportExtras {
  destinations?: DestinationYear[] | null;
  breakdowns?: BreakdownGap[] | null;
}

/** Destination statistics per leaver year (destinations.md) as governors may see them. */
export function destinationYears(years: {
  leaverYear: number; cohort: number; noConsent: number; eetPct: number | null; neetPct: number | null; notKnownPct: number | null;
  sustained: number; notSustained: number; sustainedPct: number | null;
}[]): DestinationYear[] {
  return years.map((y) => {
    const small = y.cohort - y.noConsent < 5;
    const hide = (p: number | null) => (p === null ? null : small ? FEWER_THAN_5 : p);
    return {
      leaverYear: y.leaverYear, cohort: figure(y.cohort), eetPct: hide(y.eetPct), neetPct: hide(y.neetPct), notKnownPct: hide(y.notKnownPct),
      sustainedPct: y.sustained + y.notSustained === 0 ? null : y.sustained + y.notSustained < 5 ? FEWER_THAN_5 : y.sustainedPct,
    };
  });
}

export const GROUP_LABELS: Record<string, string> = {
  all: 'All pupils', send: 'SEND', ehcp: 'EHCP', lookedAfter: 'Looked after', disadvantaged: 'Disadvantaged', rest: 'The rest',
};

/** The breakdowns (activities-and-scores.md): a group of fewer than 5 shows "fewer than 5", its gap nothing. */
export function breakdownGaps(breakdowns: { key: string; label: string; groups: { group: string; pupils: number; pct: number | null; gap: number | null }[] }[]): BreakdownGap[] {
  return breakdowns.map((b) => ({
    key: b.key, label: b.label,
    groups: b.groups.map((g) => ({
      group: GROUP_LABELS[g.group] ?? g.group,
      pct: g.pupils === 0 ? null : g.pct === null || g.pupils < 5 ? FEWER_THAN_5 : g.pct,
      gap: g.pupils < 5 ? null : g.gap,
    })),
  }));
}

export const KEY_PHASES: { phase: string; years: number[] }[] = [
  { phase: 'Years 8–9', years: [8, 9] },
  { phase: 'Years 10–11', years: [10, 11] },
  { phase: 'Years 12–13', years: [12, 13] },
];

export function gatherReport(
  tracker: Tracker, scores: Scores, today: Day, historyRows: CellValue[][], evidenceGrid: CellValue[][] | null, extras: ReportExtras = {},
): ReportData {
  const redact = pupilRedactor(tracker.pupils);
  const ay = academicYearOf(today, tracker.settings.academicYearStart);

  // 2. The benchmarks, their history and the change since the last snapshot.
  const history = dailyHistory(historyRows, today, scores.benchmarks.map((b) => b.score));
  const snapDay = lastSnapshotDate(today);
  const snapIndex = history.days.reduce((found, d, i) => (d <= snapDay ? i : found), -1);
  const benchmarks: ReportBenchmark[] = scores.benchmarks.map((b, k) => {
    const applicable = b.criteria.filter((c) => c.value !== null);
    const before = snapIndex >= 0 ? history.series[k][snapIndex] : null;
    return {
      id: b.id, name: b.name,
      measured: mean(applicable.filter((c) => c.kind === 'measured').map((c) => c.value as number)),
      selfAssessed: mean(applicable.filter((c) => c.kind === 'audit').map((c) => c.value as number)),
      score: b.score, status: b.status, rag: b.rag,
      change: before === null || b.score === null ? null : roundHalfUp(b.score - before),
    };
  });

  // 3. Year 11.
  const u = assessUnplaced(tracker, today);
  const red = u.flagged.filter((f) => f.level === 'red').length;
  const statusCount = (s: string) => u.cohort.filter((p) => p.status === s).length;
  const small = u.cohort.length < 5;
  // Accepted, holding an offer and no offer make up the cohort, which is shown beside them.
  const [accepted, offers, noOffer] = partsOfWhole([u.placed.length, statusCount('Offer'), u.septemberGuarantee.length]);

  // 6. Per year group, each measured criterion about pupils on roll.
  const cols = scores.coverage.columns;
  const years = [...new Set(scores.coverage.pupils.map((p) => p.year as number))].sort((a, b) => a - b);
  const rows = years.map((year) => {
    const inYear = scores.coverage.pupils.map((p) => p.year === year);
    return {
      group: `Year ${year}`,
      cohort: figure(inYear.filter(Boolean).length),
      pct: cols.map((c) => {
        let met = 0;
        let cohort = 0;
        c.cells.forEach((cell, r) => {
          if (!inYear[r] || cell === 0) return;
          cohort++;
          if (cell === 2) met++;
        });
        return groupPct(met, cohort);
      }),
    };
  });
  const leaverCriterion = scores.benchmarks.flatMap((b) => b.criteria).find((c) => c.kind === 'measured' && c.key === 'bm3.destinations');
  const criteria = cols.map((c) => ({ key: c.key as string, label: c.label }));
  if (leaverCriterion && leaverCriterion.kind === 'measured' && leaverCriterion.cohort > 0) {
    criteria.push({ key: leaverCriterion.key, label: leaverCriterion.label });
    for (const r of rows) r.pct.push(null);
    rows.push({ group: 'Recent leavers', cohort: figure(leaverCriterion.cohort), pct: [...cols.map(() => null), groupPct(leaverCriterion.met, leaverCriterion.cohort)] });
  }

  // 7. Provider access encounters this year, per key phase.
  const providerAccess = KEY_PHASES.map((k) => ({ ...k, encounters: 0, providers: 0 }));
  const providers = KEY_PHASES.map(() => new Set<string>());
  // A key phase attended: a listed year group, or an attendee's year group on the day (the
  // attendee rule: listed forms and pupils count, absent pupils do not).
  const index = indexPupils(tracker.pupils, today, tracker.settings.academicYearStart, tracker.settings.trackerYear);
  const seen = new Int32Array(index.pupils.length).fill(-1);
  tracker.activities.forEach((a, k) => {
    if (!a.providerAccess || a.date < ay.start || a.date > today) return;
    const yrs = new Set(a.yearGroups);
    forEachAttendee(index, a, seen, k, (i, startYear) => { yrs.add(index.offset[i] + startYear); });
    KEY_PHASES.forEach((k, i) => {
      if (!k.years.some((y) => yrs.has(y))) return;
      providerAccess[i].encounters++;
      providers[i].add((a.provider ?? '').trim().toLowerCase());
    });
  });
  providers.forEach((s, i) => { providerAccess[i].providers = s.size; });

  // 8. Programme, audit action plan, checklists.
  const summary = tracker.programme.length > 0 ? summariseProgramme(tracker.programme, today, tracker.settings.academicYearStart) : null;
  const staffName = (initials: string | null) => (initials ? tracker.staffByInitials.get(initials)?.name ?? initials : null);
  const auditPlan = tracker.audit
    .filter((a) => a.rating === null || (AUDIT_VALUES[a.rating] !== null && AUDIT_VALUES[a.rating] !== 1))
    .sort((a, b) => a.benchmark - b.benchmark || a.row - b.row)
    .map((a) => ({
      benchmark: a.benchmark, criterion: redact(a.criterion), rating: a.rating ?? 'Not yet rated',
      action: a.action ? redact(a.action) : null, owner: staffName(a.owner), cost: a.cost ? redact(a.cost) : null,
      deadline: a.deadline, success: a.success ? redact(a.success) : null,
    }));

  return {
    school: tracker.settings.schoolName,
    asOf: today,
    academicYear: ay.name,
    achieved: scores.achieved,
    benchmarks,
    snapshot: snapIndex >= 0 ? history.days[snapIndex] : null,
    history,
    year11: small && u.cohort.length > 0
      ? { cohort: figure(u.cohort.length), accepted: FEWER_THAN_5, offers: FEWER_THAN_5, red: FEWER_THAN_5, amber: FEWER_THAN_5, noOffer: FEWER_THAN_5 }
      : { cohort: figure(u.cohort.length), accepted, offers, noOffer, red: figure(red), amber: figure(u.flagged.length - red) },
    destinations: extras.destinations ?? null,
    breakdowns: extras.breakdowns ?? null,
    yearGroups: { criteria, rows },
    providerAccess,
    programme: summary && {
      // "This year" in the report: the actions due in this academic year, not the whole tab.
      thisTerm: { ...summary.thisTerm }, year: countsOf(summary.thisYear),
      byTerm: summary.byTerm.map((t) => ({ ...t, term: redact(t.term) })),
    },
    auditPlan,
    checklists: scoreChecklists(tracker.checklists).map((c) => ({ ...c, name: redact(c.name) })),
    evidence: readEvidenceTab(evidenceGrid),
  };
}

function countsOf(c: ProgrammeCounts): ProgrammeCounts {
  const { actions, done, onTime, overdue, dueSoon, dropped, dueSoFar, onTimePct } = c;
  return { actions, done, onTime, overdue, dueSoon, dropped, dueSoFar, onTimePct };
}

/** The last evidence report, from the Evidence tab it wrote: its date and each benchmark's status. */
export function readEvidenceTab(grid: CellValue[][] | null): ReportData['evidence'] {
  if (!grid || grid.length === 0) return null;
  const stamp = grid[0][2];
  const generated = isDayCell(stamp) ? stamp.day : null;
  const h = grid.findIndex((r) => readText(r[0] ?? '').toLowerCase() === 'benchmark' && readText(r[2] ?? '').toLowerCase() === 'status');
  if (h < 0) return null;
  const benchmarks: { id: number; status: string }[] = [];
  for (let i = h + 1; i < grid.length; i++) {
    const id = Number(readText(grid[i][0] ?? ''));
    const status = readText(grid[i][2] ?? '');
    if (!(id >= 1 && id <= 8) || !['OK', 'Stale', 'Empty'].includes(status)) break;
    benchmarks.push({ id, status });
  }
  return benchmarks.length > 0 ? { generated, benchmarks } : null;
}

/** Every string in the report data, for the test that no pupil's name or ID is in it. */
export function reportStrings(data: ReportData): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(data);
  return out;
}

