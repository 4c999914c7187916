/**
 * Import pupils from an MIS export (pupils-import.md): a dry run of what would change, and on
 * confirmation the MIS-owned cells written in column blocks, new pupils appended, and a Log line.
 * The rows come parsed (CSV or .xlsx on the command line, CSV in the Sheets dialog).
 */
import type { CellValue } from '../ports';
import { PUPILS_TAB } from '../domain/schema';
import { mapHeaders } from '../domain/table';
import { type ImportPlan, type PupilChange, type SkippedValue, planImport } from '../domain/pupils-import';
import { readSettings } from '../domain/settings';
import { layoutRow } from '../domain/write';
import type { Tracker } from '../domain/tracker';
import { type JobContext, appendLog, nowFor } from './context';

export interface ImportPupilsResult {
  applied: boolean;
  added: string[];
  changed: { id: string; fields: PupilChange['fields'] }[];
  absent: string[];
  skipped: SkippedValue[];
  unchanged: number;
  newColumns: string[];
  /** for people: what the import does or did */
  message: string;
  /** the plan itself, for the dialog and the command line's tables */
  plan: ImportPlan;
}

export function runImportPupils(ctx: JobContext, rows: CellValue[][], options: { apply: boolean }): ImportPupilsResult {
  const work = (): ImportPupilsResult => {
    const grid = ctx.workbook.readTab(PUPILS_TAB.name);
    const plan = planImport(rows, grid);
    const nothing = plan.added.length + plan.changed.length + plan.newColumns.length === 0;
    if (options.apply && !nothing) applyPlan(ctx, plan, grid!);
    const counts = `added ${plan.added.length}, changed ${plan.changed.length}, unchanged ${plan.unchanged}, absent ${plan.absent.length}, skipped ${plan.skipped.length}`;
    if (options.apply) {
      // The Log's time needs only the Settings tab's Time zone.
      const settings = readSettings(ctx.workbook.readTab('Settings'), []).settings;
      appendLog(ctx, nowFor(ctx, { settings } as Tracker), [{ job: 'import-pupils', outcome: nothing ? 'no changes' : 'ok', details: counts }]);
    }
    const message = nothing
      ? `Nothing to change: the tracker already matches the export (${plan.unchanged} pupils unchanged${plan.absent.length ? `, ${plan.absent.length} on roll but not in the export` : ''}${plan.skipped.length ? `, ${plan.skipped.length} values skipped` : ''}).`
      : `${options.apply ? 'Imported' : 'Dry run, nothing changed yet'}: ${plan.added.length} pupils ${options.apply ? 'added' : 'to add'}, ${plan.changed.length} ${options.apply ? 'changed' : 'to change'}, ${plan.unchanged} unchanged, ${plan.absent.length} on roll but not in the export (left as they are), ${plan.skipped.length} values skipped.` +
        (plan.newColumns.length ? ` New Pupils columns: ${plan.newColumns.join(', ')}.` : '');
    return {
      applied: options.apply && !nothing,
      added: plan.added.map((a) => a.id),
      changed: plan.changed.map((c) => ({ id: c.id, fields: c.fields })),
      absent: plan.absent.map((a) => a.id),
      skipped: plan.skipped,
      unchanged: plan.unchanged,
      newColumns: plan.newColumns,
      message,
      plan,
    };
  };
  return options.apply && ctx.lock ? ctx.lock.withLock(work) : work();
}

/** New headers, then one block per changed column, then the new rows: calls do not grow with rows. */
function applyPlan(ctx: JobContext, plan: ImportPlan, grid: CellValue[][]): void {
  let header = mapHeaders(grid, PUPILS_TAB);
  if (plan.newColumns.length > 0) {
    let next = header.headers.length;
    while (next > 0 && header.headers[next - 1].trim() === '') next--;
    ctx.workbook.writeCells(PUPILS_TAB.name, header.headerRow, next + 1, [plan.newColumns]);
    header = mapHeaders([...grid.slice(0, header.headerRow - 1), [...header.headers.slice(0, next), ...plan.newColumns]], PUPILS_TAB);
  }
  const byColumn = new Map<number, Map<number, CellValue>>();
  for (const w of plan.writes) {
    const at = header.columns.get(w.key)!;
    const cells = byColumn.get(at) ?? new Map<number, CellValue>();
    byColumn.set(at, cells);
    cells.set(w.row, w.value);
  }
  for (const [at, cells] of byColumn) {
    const rowsWritten = [...cells.keys()];
    const first = Math.min(...rowsWritten);
    const last = Math.max(...rowsWritten);
    const block: CellValue[][] = [];
    for (let r = first; r <= last; r++) block.push([cells.has(r) ? cells.get(r)! : grid[r - 1]?.[at] ?? '']);
    ctx.workbook.writeCells(PUPILS_TAB.name, first, at + 1, block);
  }
  if (plan.newRows.length > 0) ctx.workbook.appendRows(PUPILS_TAB.name, plan.newRows.map((r) => layoutRow(header, r)));
}
