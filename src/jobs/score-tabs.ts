/**
 * The Scores and Coverage tabs: layout only. The Scores tab keeps a history table at its foot,
 * read back from the previous run and extended by one row per run.
 */
import type { CellValue, OutCell, OutputSheet } from '../ports';
import { type CriterionKey, type CriterionScore, MET, NOT_MET, type Scores, headline, roundHalfUp } from '../domain/scores';
import { formatLongDay } from '../domain/calendar';
import { isBlank, readText } from '../domain/values';
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
export const SHORT_LABELS: Record<CriterionKey, string> = {
  'bm2.information': 'BM2 careers information this year',
  'bm3.records': 'BM3 meeting recorded this year',
  'bm3.destinations': 'BM3 destination known',
  'bm4.curriculum': 'BM4 subject link this year',
  'bm5.employers': 'BM5 employer encounter this year',
  'bm6.by16': 'BM6 workplace by 16',
  'bm6.by18': 'BM6 two workplaces by 18',
  'bm7.by16': 'BM7 FE/HE encounter by 16',
  'bm7.provider-access': 'BM7 two provider access encounters',
  'bm8.by16': 'BM8 Level 6 guidance by 16',
  'bm8.by18': 'BM8 two Level 6 guidance meetings by 18',
};

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

export function scoresSheet(scores: Scores, now: Now, history: CellValue[][], problems: number): OutputSheet {
  const rows: OutCell[][] = [];
  const bold: number[] = [];
  const push = (row: OutCell[], isBold = false) => {
    if (isBold) bold.push(rows.length);
    rows.push(row);
  };
  push(generatedRow(now, 'Benchmark scores'), true);
  push([{ value: CAVEAT, italic: true }]);
  push([{ value: headline(scores.achieved), bold: true }]);
  push([`Academic year ${scores.academicYear.name}, up to ${formatLongDay(scores.asOf)}.`]);
  if (problems > 0) {
    push([`The tracker has ${problems} problem${problems === 1 ? '' : 's'}; rows with a missing or invalid required value are left out of the scores. Run Check tracker for problems to see them.`]);
  }
  push([]);
  push(['Benchmark', 'Name', 'Score (%)', 'Status', 'RAG'], true);
  for (const b of scores.benchmarks) {
    const rag: OutCell = b.rag ? { value: RAG_WORDS[b.rag], fill: b.rag } : { value: 'Not assessed', fill: 'grey' };
    push([b.id, b.name, b.score ?? '', b.status, rag]);
  }
  push([]);
  push(['Criteria'], true);
  push(['Benchmark', 'Criterion', 'Who or where', 'Result', 'Value (%)', 'Note'], true);
  for (const b of scores.benchmarks) for (const c of b.criteria) push(criterionRow(c));
  push([]);
  push([HISTORY_TITLE], true);
  const headerRow = rows.length;
  push(HISTORY_HEADER, true);
  for (const h of history) push(h);
  return {
    rows,
    boldRows: bold,
    frozenRows: 1,
    columnWidths: [120, 420, 170, 120, 80, 380],
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
