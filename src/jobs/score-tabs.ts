/**
 * The Scores and Coverage tabs: layout only. The Scores tab keeps a history table at its foot,
 * read back from the previous run and extended by one row per run.
 */
import type { CellValue, OutCell, OutputSheet } from '../ports';
import { isDayCell } from '../ports';
import {
  type BreakdownGroup, type CriterionKey, type CriterionScore, MET, NATIONAL_FOOTNOTE, NOT_MET, type Scores, headline, roundHalfUp,
} from '../domain/scores';
import { CRITERIA_BY_KEY } from '../domain/criteria';
import { lastSnapshotDate } from '../domain/scores';
import { type Day, formatLongDay, makeDay } from '../domain/calendar';
import { isBlank, readDate, readText } from '../domain/values';
import { type Now, generatedRow } from './context';

export const SCORES_TAB = 'Scores';
export const COVERAGE_TAB = 'Coverage';
export const HISTORY_TITLE = 'History';
export const HISTORY_HEADER = ['Date', 'BM1', 'BM2', 'BM3', 'BM4', 'BM5', 'BM6', 'BM7', 'BM8', 'Achieved'];

export const CAVEAT =
  'These scores are indicative, not your Compass result: the Compass evaluation\'s own formula is not public. ' +
  'Each criterion counts equally. A measured criterion scores the share of its pupils who meet it; an audit ' +
  'criterion scores 1 for Achieved, 0.5 for Partially achieved and 0 for Not achieved or not yet rated; ' +
  'N/A criteria, and measured criteria with no pupils, are left out.';

const RAG_WORDS = { green: 'Green', amber: 'Amber', red: 'Red' } as const;

/** Column headings of the Coverage tab. */
export const SHORT_LABELS = Object.fromEntries(
  Object.entries(CRITERIA_BY_KEY).map(([k, c]) => [k, c.short]),
) as Record<CriterionKey, string>;

export const GROUP_WORDS: Record<BreakdownGroup, string> = {
  all: 'All pupils', send: 'SEND (SEN support or EHCP)', ehcp: 'EHCP', lookedAfter: 'Looked after',
  disadvantaged: 'Disadvantaged', rest: 'The rest (none of those)',
};

/** The day of a history row's Date cell (a date cell, or text such as `2026-03-02 09:15`); null when unreadable. */
export function historyDay(cell: CellValue | undefined): Day | null {
  if (cell === undefined) return null;
  if (isDayCell(cell)) return cell.day;
  const first = readText(cell).split(/\s+/)[0] ?? '';
  const r = readDate(first);
  return r.ok ? r.value : null;
}

/** The history without today's rows (a rerun on the same day replaces them), then today's row. */
export function historyWithToday(previous: CellValue[][], today: Day, row: CellValue[]): CellValue[][] {
  return [...previous.filter((r) => historyDay(r[0]) !== today), row];
}

/** The snapshot: the latest history row dated on or before the last snapshot date, or null. */
export function snapshotRow(history: CellValue[][], today: Day): { date: Day; run: Day; row: CellValue[] } | null {
  const date = lastSnapshotDate(today);
  let best: { run: Day; row: CellValue[] } | null = null;
  for (const row of history) {
    const run = historyDay(row[0]);
    if (run === null || run > date) continue;
    if (best === null || run >= best.run) best = { run, row };
  }
  return best ? { date, ...best } : null;
}

/**
 * The history rows of a previous Scores tab: the table under the row whose first cell is
 * "History", columns found by their headings. Empty when there is none.
 */
export function readHistory(grid: CellValue[][] | null): CellValue[][] {
  if (!grid) return [];
  const title = grid.findIndex((r) => readText(r[0] ?? '').toLowerCase() === HISTORY_TITLE.toLowerCase());
  if (title < 0) return [];
  let h = title + 1;
  while (h < grid.length && grid[h].every((c) => isBlank(c))) h++;
  if (h >= grid.length) return [];
  const at = new Map<string, number>();
  grid[h].forEach((c, i) => {
    const t = readText(c).toLowerCase().replace(/\s+/g, '');
    const bm = /^(?:bm|benchmark)([1-8])$/.exec(t);
    const key = bm ? `BM${bm[1]}` : t === 'date' ? 'Date' : t === 'achieved' ? 'Achieved' : null;
    if (key && !at.has(key)) at.set(key, i);
  });
  if (!at.has('Date')) return [];
  const rows: CellValue[][] = [];
  for (let r = h + 1; r < grid.length; r++) {
    const row = grid[r];
    if (row.every((c) => isBlank(c))) break;
    rows.push(HISTORY_HEADER.map((k) => {
      const i = at.get(k);
      return i === undefined ? '' : row[i] ?? '';
    }));
  }
  return rows;
}

export function historyRow(now: Now, scores: Scores): CellValue[] {
  return [now.stamp, ...scores.benchmarks.map((b) => b.score ?? ''), scores.achieved];
}

function criterionRow(c: CriterionScore): OutCell[] {
  if (c.kind === 'measured' && c.level === 'school') {
    if (c.value === null) return [c.benchmark, c.label, 'school', { value: 'Does not apply', italic: true }, '', 'No pupils on roll in Year 12 or 13, so it is left out.'];
    return [c.benchmark, c.label, 'school', `${c.met} of ${c.cohort} providers`, roundHalfUp(c.value * 100), c.note ?? ''];
  }
  if (c.kind === 'measured') {
    if (c.value === null) {
      return [c.benchmark, c.label, c.cohortLabel, { value: 'Does not apply', italic: true }, '', `No pupils in the cohort (${c.cohortLabel}), so it is left out.`];
    }
    return [c.benchmark, c.label, c.cohortLabel, `${c.met} of ${c.cohort}`, roundHalfUp(c.value * 100), c.note ?? ''];
  }
  const source = `Audit tab, row ${c.row}`;
  if (c.rating === null) return [c.benchmark, c.label, source, { value: 'not yet rated', italic: true }, 0, 'Counts as not achieved until it is rated.'];
  if (c.value === null) return [c.benchmark, c.label, source, c.rating, '', 'N/A: left out.'];
  return [c.benchmark, c.label, source, c.rating, c.value * 100, ''];
}

/** Change since the snapshot, per benchmark (null when either score is missing). */
export function changes(scores: Scores, snapshot: { row: CellValue[] } | null): (number | null)[] {
  return scores.benchmarks.map((b, k) => {
    const then = snapshot?.row[k + 1];
    if (b.score === null || typeof then !== 'number') return null;
    const d = b.score - then;
    return d < 0 ? -roundHalfUp(-d) : roundHalfUp(d);
  });
}

const signed = (n: number) => (n > 0 ? `+${n.toFixed(1)}` : n.toFixed(1));

export function scoresSheet(scores: Scores, now: Now, history: CellValue[][], problems: number): OutputSheet {
  const snapshot = snapshotRow(history.slice(0, -1), scores.asOf);
  const change = changes(scores, snapshot);
  const rows: OutCell[][] = [];
  const bold: number[] = [];
  const push = (row: OutCell[], isBold = false) => {
    if (isBold) bold.push(rows.length);
    rows.push(row);
  };
  push(generatedRow(now, 'Benchmark scores'), true);
  push([{ value: CAVEAT, italic: true }]);
  push([{ value: headline(scores.achieved), bold: true }]);
  push([{ value: NATIONAL_FOOTNOTE, italic: true }]);
  push([`Academic year ${scores.academicYear.name}, up to ${formatLongDay(scores.asOf)}.`]);
  if (problems > 0) {
    push([`The tracker has ${problems} problem${problems === 1 ? '' : 's'}; rows with a missing or invalid required value are left out of the scores. Run Check tracker for problems to see them.`]);
  }
  push([]);
  const changeHeading = snapshot
    ? `Change since ${formatLongDay(snapshot.date)} (run of ${formatLongDay(snapshot.run)})`
    : `Change since ${formatLongDay(lastSnapshotDate(scores.asOf))}`;
  push(['Benchmark', 'Name', 'Measured (%)', 'Self-assessed (%)', 'Score (%)', 'Status', 'RAG', changeHeading], true);
  scores.benchmarks.forEach((b, k) => {
    const rag: OutCell = b.rag ? { value: RAG_WORDS[b.rag], fill: b.rag } : { value: 'Not assessed', fill: 'grey' };
    const c = change[k];
    push([b.id, b.name, b.measured ?? '–', b.selfAssessed ?? '–', b.score ?? '', b.status, rag, c === null ? (snapshot ? '–' : 'no run before then') : signed(c)]);
  });
  push([]);
  push(['Criteria'], true);
  push(['Benchmark', 'Criterion', 'Who or where', 'Result', 'Value (%)', 'Note'], true);
  for (const b of scores.benchmarks) for (const c of b.criteria) push(criterionRow(c));
  push([]);
  push(['Who is missing out'], true);
  push([{ value: 'For each measured criterion about pupils: the % who meet it, for all pupils and for each group. A group with fewer than 5 pupils in the cohort shows "fewer than 5" and no figures, so no pupil can be picked out. The gap is the group\'s % minus the rest\'s, in points.', italic: true }]);
  push(['Benchmark', 'Criterion', 'Group', 'Pupils', 'Met', '% met', 'Gap to the rest (points)'], true);
  for (const bd of scores.breakdowns) {
    for (const g of bd.groups) {
      const hidden = g.pct === null;
      push([bd.benchmark, SHORT_LABELS[bd.key], GROUP_WORDS[g.group], hidden ? 'fewer than 5' : g.pupils, g.met ?? '', g.pct ?? '', g.gap === null ? '' : signed(g.gap)]);
    }
  }
  push([]);
  push([HISTORY_TITLE], true);
  const headerRow = rows.length;
  push(HISTORY_HEADER, true);
  for (const h of history) push(h);
  return {
    rows,
    boldRows: bold,
    frozenRows: 1,
    columnWidths: [120, 420, 170, 120, 80, 120, 90, 200],
    chart: history.length > 0
      ? { title: 'Benchmark scores over time (%)', headerRow, lastRow: rows.length - 1, firstColumn: 0, lastColumn: 8 }
      : undefined,
  };
}

const MET_CELL: OutCell = { value: 'Met', fill: 'green' };
const NOT_MET_CELL: OutCell = { value: 'Not met', fill: 'red' };

export function coverageSheet(scores: Scores, now: Now): OutputSheet {
  const { pupils, columns } = scores.coverage;
  const rows: OutCell[][] = [
    generatedRow(now, 'Coverage: who has missed out'),
    [{ value: 'Every pupil on roll against each measured criterion that applies to them: green is met, red is not met, blank does not apply. Filter or sort on "Not met" to see who needs an encounter.', italic: true }],
    [],
  ];
  if (pupils.length === 0 || columns.length === 0) {
    rows.push([pupils.length === 0 ? 'No pupils on roll: pupils with a Year in the Pupils tab appear here.' : 'No measured criterion applies to the pupils on roll.']);
    return { rows, boldRows: [0], frozenRows: 1 };
  }
  const notMet = new Int32Array(pupils.length);
  for (const col of columns) for (let r = 0; r < pupils.length; r++) if (col.cells[r] === NOT_MET) notMet[r]++;
  const totalNotMet = notMet.reduce((s, v) => s + v, 0);
  rows.push(['Pupil ID', 'Name', 'Year', 'Form', 'Mentor', 'Not met', ...columns.map((c) => SHORT_LABELS[c.key])]);
  rows.push(['Total', `${pupils.length} pupils`, '', '', '', totalNotMet, ...columns.map((c) => `${c.met} of ${c.cohort} met`)]);
  pupils.forEach((p, r) => {
    const row: OutCell[] = [p.id, p.name, p.year ?? '', p.form ?? '', p.mentor ?? '', notMet[r]];
    for (const col of columns) {
      const v = col.cells[r];
      row.push(v === MET ? MET_CELL : v === NOT_MET ? NOT_MET_CELL : '');
    }
    rows.push(row);
  });
  return {
    rows,
    boldRows: [0, 3, 4],
    frozenRows: 5,
    columnWidths: [90, 180, 50, 60, 60, 65, ...columns.map(() => 130)],
  };
}
