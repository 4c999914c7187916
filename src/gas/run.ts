/**
 * How a menu item runs a job: under the document lock, after checking the caller's role, with
 * a plain-English message for anything that goes wrong.
 */
import type { JobContext } from '../jobs/context';
import { gasContext } from './context';
import { askForPermissions_, missingPermissions_ } from './consent';
import type { JobName } from '../domain/roles';
import { permissionFor } from '../jobs/permission';

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
    const permission = permissionFor(ctx, job);
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
