/**
 * Starting a new academic year (pupils-import.md): every pupil on roll moves up one year, and
 * the pupils who finish school become leavers. Pure: the job writes the result.
 */
import { type Day, academicYearOf, academicYearStarting, formatLongDay, inYear } from './calendar';
import type { Tracker } from './tracker';

export interface YearMove {
  /** 1-based sheet row of the pupil */
  row: number;
  id: string;
  /** the new Year, or null for a new leaver */
  year: number | null;
  leaverYear: number | null;
}

export interface NewYearPlan {
  /** `2025-26` */
  from: string;
  to: string;
  /** the calendar year `to` starts in: what Tracker year becomes */
  toStartYear: number;
  /** "7→8": pupils moving up, by year */
  moved: Record<string, number>;
  /** IDs of the pupils who become leavers */
  leavers: string[];
  moves: YearMove[];
  /** why it cannot run now, when it cannot */
  refused?: string;
  /** when the academic year it moves to has already started: the Years may already be right */
  warning?: string;
}

export function planNewYear(tracker: Tracker, today: Day): NewYearPlan {
  const { academicYearStart, sixthForm, trackerYear } = tracker.settings;
  const current = academicYearOf(today, academicYearStart).startYear;
  const fromYear = trackerYear ?? current;
  const from = academicYearStarting(fromYear, academicYearStart).name;
  const to = academicYearStarting(fromYear + 1, academicYearStart).name;
  // Leavers left in the calendar year in which the finished academic year ended.
  const leaverYear = fromYear + 1;
  const opens = inYear(fromYear + 1, { month: 7, day: 1 });
  const plan: NewYearPlan = { from, to, toStartYear: fromYear + 1, moved: {}, leavers: [], moves: [] };
  for (const p of tracker.pupils) {
    if (p.year === null) continue;
    const next = p.year === 13 || (p.year === 11 && !sixthForm) ? null : p.year + 1;
    if (next === null) {
      plan.leavers.push(p.id);
      plan.moves.push({ row: p.row, id: p.id, year: null, leaverYear: p.leaverYear ?? leaverYear });
    } else {
      const label = `${p.year}→${next}`;
      plan.moved[label] = (plan.moved[label] ?? 0) + 1;
      plan.moves.push({ row: p.row, id: p.id, year: next, leaverYear: p.leaverYear });
    }
  }
  const ordered: Record<string, number> = {};
  for (const k of Object.keys(plan.moved).sort((a, b) => parseInt(a, 10) - parseInt(b, 10))) ordered[k] = plan.moved[k];
  plan.moved = ordered;
  if (fromYear > current || today < opens) {
    const unset = trackerYear === null
      ? ` The Tracker year setting is blank, so the tracker is taken to be right for ${academicYearStarting(current, academicYearStart).name}; if its Year column is still last year's, set Tracker year to ${academicYearStarting(current - 1, academicYearStart).name} in the Settings tab and run this again.`
      : '';
    plan.refused = fromYear > current
      ? `The tracker is already set for ${from} (Tracker year), so this roll-over has been done. The next one can run from ${formatLongDay(inYear(fromYear + 1, { month: 7, day: 1 }))}.`
      : `It is too early: the tracker is set for ${from}, and the move to ${to} can run from ${formatLongDay(opens)}, after the summer term.${unset}`;
  }
  if (!plan.refused && current > fromYear) {
    // A school that brings Years up to date only by the September MIS import leaves Tracker year behind.
    plan.warning = `${to} started on ${formatLongDay(academicYearStarting(fromYear + 1, academicYearStart).start)}. If an MIS import has already brought `
      + `this year's Year groups into the tracker, do not go on: everyone would move up a second time. Set Tracker year to ${to} in the Settings tab instead.`;
  }
  return plan;
}

/** "Years 7→8: 120, …; 95 new leavers" */
export function describeNewYear(plan: NewYearPlan): string {
  const moves = Object.entries(plan.moved).map(([k, n]) => `Year ${k}: ${n}`);
  return [...moves, `new leavers: ${plan.leavers.length}`].join(', ');
}
