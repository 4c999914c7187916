/**
 * How a menu item runs a job: under the document lock, after checking the caller's role, with
 * a plain-English message for anything that goes wrong.
 */
import type { JobContext } from '../jobs/context';
import { gasContext } from './context';
import { type JobName, mayRun } from '../domain/roles';
import { readTable } from '../domain/table';
import { STAFF_TAB, ROLES, type Role } from '../domain/schema';
import type { StaffMember } from '../domain/tracker';

export function readStaff_(ctx: JobContext): StaffMember[] {
  const t = readTable(ctx.workbook.readTab(STAFF_TAB.name), STAFF_TAB, null, []);
  return t.rows.map((r) => ({
    row: r.row,
    initials: String(r.v.initials).toUpperCase(),
    name: String(r.v.name),
    email: String(r.v.email).toLowerCase(),
    roles: (r.v.role as Role[]).filter((x) => (ROLES as readonly string[]).includes(x)),
    level6: r.v.level6 === true,
  }));
}

/** Runs a menu job and tells the user how it went. */
export function runFromMenu_(job: JobName, title: string, work: (ctx: JobContext) => string): void {
  const ui = SpreadsheetApp.getUi();
  try {
    const ctx = gasContext();
    const permission = mayRun(readStaff_(ctx), ctx.user!.email(), job);
    if (!permission.ok) {
      ui.alert(title, permission.message, ui.ButtonSet.OK);
      return;
    }
    const message = ctx.lock!.withLock(() => work(ctx));
    ui.alert(title, message, ui.ButtonSet.OK);
  } catch (e) {
    ui.alert(title, `Something went wrong: ${(e as Error).message}`, ui.ButtonSet.OK);
  }
}

export function showTab_(name: string): void {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (sheet) sheet.activate();
}
