/**
 * Start new academic year (pupils-import.md): a dry run of the counts, and on confirmation the
 * Year and Leaver year columns rewritten as one block each, Tracker year moved on, and a Log line.
 */
import type { CellValue } from '../ports';
import { PUPILS_TAB, SETTINGS_TAB } from '../domain/schema';
import { TRACKER_TAB_NAMES, type TrackerTabs, readTracker } from '../domain/tracker';
import { type NewYearPlan, describeNewYear, planNewYear } from '../domain/new-year';
import { readSettings } from '../domain/settings';
import { mapHeaders } from '../domain/table';
import { layoutRow } from '../domain/write';
import { type JobContext, appendLog, nowFor } from './context';
import { ensureTab } from './tabs';

export interface NewYearResult {
  from: string;
  to: string;
  applied: boolean;
  moved: Record<string, number>;
  leavers: string[];
  refused?: string;
  /** the academic year moved to has already started: the Years may already be right (new-year.ts) */
  warning?: string;
  message: string;
}

export function runNewYear(ctx: JobContext, options: { apply: boolean }): NewYearResult {
  const work = (): NewYearResult => {
    const tabs: TrackerTabs = {};
    const present = new Set(ctx.workbook.tabNames());
    for (const name of TRACKER_TAB_NAMES) tabs[name] = present.has(name) ? ctx.workbook.readTab(name) : null;
    const tracker = readTracker(tabs);
    const now = nowFor(ctx, tracker);
    const plan = planNewYear(tracker, now.today);
    const result: NewYearResult = {
      from: plan.from, to: plan.to, applied: false, moved: plan.moved, leavers: plan.leavers,
      ...(plan.refused ? { refused: plan.refused } : {}),
      ...(plan.warning ? { warning: plan.warning } : {}),
      message: '',
    };
    const counts = describeNewYear(plan);
    if (plan.refused) {
      result.message = `${plan.refused} Nothing was changed. (The move would be: ${counts}.)`;
      return result;
    }
    if (!options.apply) {
      result.message = `From ${plan.from} to ${plan.to}: ${counts}. Nothing is changed until you confirm.${plan.warning ? ` Careful: ${plan.warning}` : ''}`;
      return result;
    }
    apply(ctx, plan, tabs);
    appendLog(ctx, now, [{ job: 'new-year', outcome: 'ok', details: `${plan.from} → ${plan.to}: ${counts}` }], tracker);
    result.applied = true;
    result.message = `The tracker is now set for ${plan.to}: ${counts}.`;
    return result;
  };
  return options.apply && ctx.lock ? ctx.lock.withLock(work) : work();
}

function apply(ctx: JobContext, plan: NewYearPlan, tabs: TrackerTabs): void {
  const grid = tabs.Pupils!;
  let header = mapHeaders(grid, PUPILS_TAB);
  if (!header.columns.has('leaverYear') && plan.leavers.length > 0) header = ensureTab(ctx.workbook, PUPILS_TAB);
  if (plan.moves.length > 0) {
    const first = Math.min(...plan.moves.map((m) => m.row));
    const last = Math.max(...plan.moves.map((m) => m.row));
    const byRow = new Map(plan.moves.map((m) => [m.row, m]));
    for (const key of ['year', 'leaverYear'] as const) {
      const at = header.columns.get(key);
      if (at === undefined) continue;
      const block: CellValue[][] = [];
      for (let r = first; r <= last; r++) {
        const m = byRow.get(r);
        block.push([m ? m[key] ?? '' : grid[r - 1]?.[at] ?? '']);
      }
      ctx.workbook.writeCells(PUPILS_TAB.name, first, at + 1, block);
    }
  }
  const settingsGrid = tabs.Settings ?? null;
  const row = readSettings(settingsGrid, []).rows.get('trackerYear');
  const settingsHeader = settingsGrid ? mapHeaders(settingsGrid, SETTINGS_TAB) : ensureTab(ctx.workbook, SETTINGS_TAB);
  const valueAt = settingsHeader.columns.get('value');
  if (row !== undefined && valueAt !== undefined) {
    ctx.workbook.writeCells(SETTINGS_TAB.name, row, valueAt + 1, [[plan.to]]);
  } else {
    const h = settingsHeader.columns.has('setting') && valueAt !== undefined ? settingsHeader : ensureTab(ctx.workbook, SETTINGS_TAB);
    ctx.workbook.appendRows(SETTINGS_TAB.name, [layoutRow(h, { setting: 'Tracker year', value: plan.to })]);
  }
}
