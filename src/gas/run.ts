/**
 * How a menu item runs a job: under the document lock, after checking the caller's role, with
 * a plain-English message for anything that goes wrong.
 */
import type { JobContext } from '../jobs/context';
import { gasContext } from './context';
import { askForPermissions_, missingPermissions_ } from './consent';
import { type JobName, mayRun } from '../domain/roles';
import { readTable } from '../domain/table';
import { STAFF_TAB, ROLES, type Role } from '../domain/schema';
import type { StaffMember } from '../domain/tracker';

/** The Staff tab's members, and how many non-blank rows it has below its header (read or not). */
export function readStaff_(ctx: JobContext): { staff: StaffMember[]; rowsInTab: number } {
  const grid = ctx.workbook.readTab(STAFF_TAB.name);
  const t = readTable(grid, STAFF_TAB, null, []);
  const rowsInTab = (grid ?? []).slice(t.header.headerRow).filter((r) => r.some((c) => !(typeof c === 'string' && c.trim() === ''))).length;
  const staff = t.rows.map((r) => ({
    row: r.row,
    initials: String(r.v.initials).toUpperCase(),
    name: String(r.v.name),
    email: String(r.v.email).toLowerCase(),
    roles: (r.v.role as Role[]).filter((x) => (ROLES as readonly string[]).includes(x)),
    level6: r.v.level6 === true,
    forms: [],
  }));
  return { staff, rowsInTab };
}

/**
 * Runs a menu action for a caller the Staff tab allows, and tells them how it went. `work` takes
 * the document lock itself where it needs it, and returns the message to show (null: none).
 */
export function withPermission_(
  job: JobName,
  title: string,
  work: (ctx: JobContext, ui: GoogleAppsScript.Base.Ui) => string | null,
  describeError: (e: Error) => string = (e) => `Something went wrong: ${e.message}`,
): void {
  const ui = SpreadsheetApp.getUi();
  try {
    const missing = missingPermissions_(job);
    if (missing.length) {
      askForPermissions_(missing, title, ui);
      return;
    }
    const ctx = gasContext();
    const { staff, rowsInTab } = readStaff_(ctx);
    const permission = mayRun(staff, ctx.user!.email(), job, rowsInTab);
    if (!permission.ok) {
      ui.alert(title, permission.message, ui.ButtonSet.OK);
      return;
    }
    const message = work(ctx, ui);
    if (message) ui.alert(title, message, ui.ButtonSet.OK);
  } catch (e) {
    ui.alert(title, describeError(e as Error), ui.ButtonSet.OK);
  }
}

/** Runs a menu job wholly under the document lock. */
export function runFromMenu_(job: JobName, title: string, work: (ctx: JobContext) => string): void {
  withPermission_(job, title, (ctx) => ctx.lock!.withLock(() => work(ctx)));
}

export function showTab_(name: string): void {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (sheet) sheet.activate();
}
