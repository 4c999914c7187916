/**
 * The sidebar's Leavers view: load the checks due and the leavers, and log a check (one
 * Destinations row). Saving is as the mentor log's: under the document lock, after re-reading and
 * checking everything, once per request id, and a refused save writes nothing.
 */
import { LockBusyError } from '../ports';
import type { WorkbookPort } from '../ports';
import { DESTINATIONS_TAB } from '../domain/schema';
import { type Tracker, type TrackerTabs, readTracker } from '../domain/tracker';
import { layoutRow } from '../domain/write';
import { checkProblems, checkRecord, leaverRefusal, leaversAccess, leaversView, type LeaversView } from '../domain/leavers-view';
import { type SaveCheckRequest, type SaveCheckResponse, saveCheckSchema } from '../ui/leavers-api';
import { type ApiResult, parseArgument } from '../ui/api';
import { rememberRequest, requestKey, savedRequests } from './saved-requests';
import { type JobContext, nowFor } from './context';
import { Refusal } from './mentor-log';
import { ensureTab } from './tabs';

export const LEAVERS_VIEW_TABS = ['Settings', 'Staff', 'Pupils', 'Destinations'];

function load(workbook: WorkbookPort): Tracker {
  const tabs: TrackerTabs = {};
  for (const name of LEAVERS_VIEW_TABS) tabs[name] = workbook.readTab(name);
  return readTracker(tabs);
}

function access(ctx: JobContext, tracker: Tracker): void {
  const a = leaversAccess(tracker, ctx.user?.email() ?? '');
  if (!a.ok) throw new Refusal(a.message);
}

export function loadLeavers(ctx: JobContext): LeaversView {
  const tracker = load(ctx.workbook);
  access(ctx, tracker);
  return leaversView(tracker, nowFor(ctx, tracker).today);
}

export function saveCheck(ctx: JobContext, request: SaveCheckRequest): SaveCheckResponse {
  if (!ctx.lock) throw new Error('A check can only be saved while holding the document lock, and none was given.');
  return ctx.lock.withLock(() => {
    const tracker = load(ctx.workbook);
    const today = nowFor(ctx, tracker).today;
    access(ctx, tracker);
    const pupil = tracker.pupilByKey.get(request.pupilId.trim().toLowerCase());
    const refusal = leaverRefusal(pupil, request.pupilId);
    if (refusal) throw new Refusal(refusal);
    const done = savedRequests(ctx, 'leavers');
    const key = requestKey(request);
    if (done.includes(key)) {
      return { view: leaversView(tracker, today), duplicate: true, message: 'This check had already been saved, so it was not saved twice.' };
    }
    const problems = checkProblems(request, today);
    if (problems.length > 0) throw new Refusal(problems.join(' '));
    const known = tracker.headers.Destinations;
    const header = known && known.headerRow > 0 && DESTINATIONS_TAB.columns.every((c) => known.columns.has(c.key)) ? known : ensureTab(ctx.workbook, DESTINATIONS_TAB);
    ctx.workbook.appendRows(DESTINATIONS_TAB.name, [layoutRow(header, checkRecord(request, pupil!))]);
    rememberRequest(ctx, 'leavers', done, key);
    // The view returned is the tracker as now written, without reading it again.
    tracker.destinations.push({
      row: 0, pupil: pupil!.key, checked: request.date, status: request.status, provider: request.provider.trim() || null,
      course: request.course.trim() || null, notes: request.notes.trim() || null, nccis: null,
    });
    return { view: leaversView(tracker, today), duplicate: false, message: `Check saved for ${pupil!.name}: ${request.status}.` };
  });
}

/** The Leavers view's server functions, by name, validated; an ApiResult out. */
export function callLeaversApi(ctx: JobContext, name: string, args: unknown[]): ApiResult<unknown> {
  try {
    if (name === 'getLeavers') return { ok: true, value: loadLeavers(ctx) };
    const r = parseArgument(saveCheckSchema, args[0], 'check');
    return r.ok ? { ok: true, value: saveCheck(ctx, r.value) } : { ok: false, code: 'invalid', message: r.message };
  } catch (e) {
    const err = e as Error;
    if (err instanceof Refusal) return { ok: false, code: 'refused', message: err.message };
    if (err instanceof LockBusyError || err?.name === 'LockBusyError') return { ok: false, code: 'busy', message: err.message };
    return { ok: false, code: 'error', message: `Something went wrong in the tracker: ${err?.message ?? String(e)}` };
  }
}
