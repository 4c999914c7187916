/**
 * The careers programme (programme.md): each Programme action is overdue, due soon, planned, done
 * (on time, late, or with no Done on date) or dropped as of today; and the summary per term label
 * and per benchmark. Pure: no I/O.
 */
import { type AcademicYear, type Day, academicYearOf, addDays, makeDay } from './calendar';
import type { DayOfYear } from './calendar';
import type { ProgrammeAction } from './tracker';

export type ActionState = 'overdue' | 'due soon' | 'planned' | 'on time' | 'late' | 'done' | 'dropped';

/** An open action is due soon when its Due is today or within the next 14 days. */
export const DUE_SOON_DAYS = 14;

export function actionState(a: ProgrammeAction, today: Day): ActionState {
  if (a.status === 'Dropped') return 'dropped';
  // A Done action with no Done on date counts as done, but not as on time.
  if (a.status === 'Done') return a.doneOn === null ? 'done' : a.doneOn <= a.due ? 'on time' : 'late';
  if (a.due < today) return 'overdue';
  return a.due <= addDays(today, DUE_SOON_DAYS) ? 'due soon' : 'planned';
}

export interface ProgrammeCounts {
  actions: number;
  /** Done, however late */
  done: number;
  /** Done with Done on ≤ Due */
  onTime: number;
  overdue: number;
  dueSoon: number;
  dropped: number;
  /** not dropped, Due on or before today */
  dueSoFar: number;
  /** 100 × (on time and due so far) / due so far, to one decimal; null when nothing is due yet */
  onTimePct: number | null;
}

export interface ProgrammeItem {
  row: number;
  action: string;
  due: Day;
  term: string | null;
  owners: string[];
  benchmarks: number[];
  state: ActionState;
}

export interface SchoolTerm {
  name: string;
  from: Day;
  to: Day;
}

export interface ProgrammeSummary extends ProgrammeCounts {
  asOf: Day;
  byTerm: (ProgrammeCounts & { term: string })[];
  byBenchmark: (ProgrammeCounts & { benchmark: number })[];
  /** the actions due in the school term containing today */
  thisTerm: ProgrammeCounts & SchoolTerm;
  /** the actions due in the academic year containing today (the tab may still hold last year's) */
  thisYear: ProgrammeCounts & SchoolTerm;
  items: ProgrammeItem[];
}

export const NO_TERM = 'No term';

function counts(items: ProgrammeItem[], today: Day): ProgrammeCounts {
  const c: ProgrammeCounts = { actions: items.length, done: 0, onTime: 0, overdue: 0, dueSoon: 0, dropped: 0, dueSoFar: 0, onTimePct: null };
  let onTimeSoFar = 0;
  for (const i of items) {
    if (i.state === 'on time' || i.state === 'late' || i.state === 'done') c.done++;
    if (i.state === 'on time') c.onTime++;
    if (i.state === 'overdue') c.overdue++;
    if (i.state === 'due soon') c.dueSoon++;
    if (i.state === 'dropped') {
      c.dropped++;
      continue;
    }
    if (i.due <= today) {
      c.dueSoFar++;
      if (i.state === 'on time') onTimeSoFar++;
    }
  }
  if (c.dueSoFar > 0) c.onTimePct = Math.round((1000 * onTimeSoFar) / c.dueSoFar) / 10;
  return c;
}

/**
 * The school term containing `day`: Autumn from the academic year's start to 31 December, Spring
 * from 1 January to 31 March, Summer from 1 April to the end of the academic year.
 */
export function schoolTermOf(day: Day, start?: DayOfYear): SchoolTerm {
  const ay: AcademicYear = academicYearOf(day, start);
  const dec31 = makeDay(ay.startYear, 12, 31) as Day;
  const mar31 = makeDay(ay.startYear + 1, 3, 31) as Day;
  if (day <= dec31) return { name: `Autumn term ${ay.startYear}`, from: ay.start, to: dec31 };
  if (day <= mar31) return { name: `Spring term ${ay.startYear + 1}`, from: addDays(dec31, 1), to: mar31 };
  return { name: `Summer term ${ay.startYear + 1}`, from: addDays(mar31, 1), to: ay.end };
}

export function summariseProgramme(actions: ProgrammeAction[], today: Day, start?: DayOfYear): ProgrammeSummary {
  const items: ProgrammeItem[] = actions
    .map((a) => ({ row: a.row, action: a.action, due: a.due, term: a.term, owners: a.owners, benchmarks: a.benchmarks, state: actionState(a, today) }))
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.row - b.row));

  // Terms in the order of their earliest action; labels compared ignoring case and spaces.
  const terms = new Map<string, { term: string; items: ProgrammeItem[] }>();
  for (const i of items) {
    const label = i.term ?? NO_TERM;
    const key = label.toLowerCase().replace(/\s+/g, ' ');
    const t = terms.get(key) ?? { term: label, items: [] };
    t.items.push(i);
    terms.set(key, t);
  }
  const byBenchmark: ProgrammeSummary['byBenchmark'] = [];
  for (let bm = 1; bm <= 8; bm++) {
    const mine = items.filter((i) => i.benchmarks.includes(bm));
    if (mine.length > 0) byBenchmark.push({ benchmark: bm, ...counts(mine, today) });
  }
  const term = schoolTermOf(today, start);
  const ay = academicYearOf(today, start);
  const within = (from: Day, to: Day) => items.filter((i) => i.due >= from && i.due <= to);
  return {
    asOf: today,
    ...counts(items, today),
    byTerm: [...terms.values()].map((t) => ({ term: t.term, ...counts(t.items, today) })),
    byBenchmark,
    thisTerm: { ...term, ...counts(within(term.from, term.to), today) },
    thisYear: { name: ay.name, from: ay.start, to: ay.end, ...counts(within(ay.start, ay.end), today) },
    items,
  };
}
