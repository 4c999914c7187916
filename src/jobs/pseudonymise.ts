/**
 * Pseudonymise old leavers (destinations.md, Retention): a dry run by default; with `apply`, under
 * the document lock, every tab is read before any is written, only the changed cells are written,
 * the Leavers and Problems tabs are rewritten from the changed tracker, and the Log gets the counts
 * (never the old IDs).
 */
import type { CellValue } from '../ports';
import { assessDestinations } from '../domain/destinations';
import { type PseudonymisePlan, isPseudonymised, planPseudonymise } from '../domain/pseudonymise';
import { readTracker } from '../domain/tracker';
import { type JobContext, appendLog, nowFor } from './context';
import { LEAVERS_TAB, runDestinations } from './destinations';
import { runCheck } from './check';

export interface PseudonymiseOptions {
  apply: boolean;
  /** the spreadsheet's own ID (on the command line: the workbook's file name) */
  documentId: string;
  sha256Hex: (text: string) => string;
  /** with apply: the number the user typed to confirm; must equal the leavers counted */
  confirm?: number;
}

export interface PseudonymiseRun {
  asOf: string;
  applied: boolean;
  leavers: number;
  rows: Record<string, number>;
  /** leaver years pseudonymised: before this one */
  firstKept: number;
}

/** Output tabs rewritten from the tracker afterwards, rather than scrubbed. */
const REGENERATED = [LEAVERS_TAB, 'Problems'];

export function runPseudonymise(ctx: JobContext, options: PseudonymiseOptions): PseudonymiseRun {
  const work = () => {
    const tabs: Record<string, CellValue[][] | null> = {};
    for (const name of ctx.workbook.tabNames()) {
      if (!REGENERATED.includes(name)) tabs[name] = ctx.workbook.readTab(name);
    }
    const tracker = readTracker(tabs);
    const now = nowFor(ctx, tracker);
    const result = assessDestinations(tracker, now.today);
    const leavers = result.pastRetention.filter((p) => !isPseudonymised(p));
    const plan: PseudonymisePlan = planPseudonymise(tabs, leavers, options.documentId, options.sha256Hex);
    const run: PseudonymiseRun = { asOf: now.today, applied: false, leavers: plan.leavers, rows: plan.rows, firstKept: result.firstKept };
    if (!options.apply || plan.leavers === 0) return run;
    if (options.confirm !== undefined && options.confirm !== plan.leavers) {
      throw new Error(`You typed ${options.confirm}, but ${plan.leavers} leavers would be pseudonymised now. Nothing was changed.`);
    }
    for (const [tab, cells] of Object.entries(plan.cells)) {
      if (ctx.workbook.writeChangedCells) ctx.workbook.writeChangedCells(tab, cells);
      else for (const c of cells) ctx.workbook.writeCells(tab, c.row, c.column, [[c.value]]);
    }
    run.applied = true;
    const counts = Object.entries(plan.rows).map(([t, n]) => `${t} ${n}`).join(', ');
    appendLog(ctx, now, [{ job: 'pseudonymise', outcome: 'ok', details: `${plan.leavers} leavers of ${result.firstKept - 1} or earlier pseudonymised; rows changed: ${counts}` }]);
    const present = new Set(ctx.workbook.tabNames());
    if (present.has(LEAVERS_TAB)) runDestinations(ctx);
    if (present.has('Problems')) runCheck(ctx);
    return run;
  };
  return options.apply && ctx.lock ? ctx.lock.withLock(work) : work();
}
