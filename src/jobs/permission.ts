/**
 * May the signed-in person run this job? The Staff tab decides (roles.ts). Read with the tracker's
 * own reader, in one read of the tab, counting its rows so a tab that cannot be read is told
 * apart from one still being set up.
 */
import { type JobName, type Permission, mayRun } from '../domain/roles';
import { STAFF_TAB } from '../domain/schema';
import { readTracker } from '../domain/tracker';
import { isBlank } from '../domain/values';
import type { JobContext } from './context';

export function permissionFor(ctx: JobContext, job: JobName): Permission {
  const grid = ctx.workbook.readTab(STAFF_TAB.name);
  const tracker = readTracker({ [STAFF_TAB.name]: grid });
  const headerRow = tracker.headers[STAFF_TAB.name]?.headerRow ?? 0;
  const rowsInTab = (grid ?? []).slice(headerRow).filter((r) => r.some((c) => !isBlank(c))).length;
  return mayRun(tracker.staff, ctx.user?.email() ?? '', job, rowsInTab);
}
