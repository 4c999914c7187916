/**
 * "Log an activity" behind the sidebar: load the form (types, year groups, forms, pupils the
 * signed-in member of staff may log for), and save one Activities row under the document lock,
 * checked on the server, once only however often the button is pressed.
 *
 * Reads Settings, Staff, Pupils and Activities (one range read each); writes one appended row
 * (plus the Forms and Absent columns, when the tab has not got them yet, as Set up tracker would).
 */
import type { CellValue, WorkbookPort } from '../ports';
import { ACTIVITIES_TAB } from '../domain/schema';
import { type Tracker, type TrackerTabs, readTracker } from '../domain/tracker';
import { forEachAttendee, indexPupils } from '../domain/attendees';
import { mentorLogAccess } from '../domain/mentor-log';
import { activityFormView, activityProblems, activityRecord, activityScope, toActivity } from '../domain/log-activity';
import { layoutRow } from '../domain/write';
import type { ActivityFormResponse, SaveActivityRequest, SaveActivityResponse } from '../ui/api';
import { rememberRequest, requestKey, savedRequests } from './saved-requests';
import { type JobContext, nowFor } from './context';
import { Refusal } from './mentor-log';
import { ensureTab } from './tabs';

export const LOG_ACTIVITY_TABS = ['Settings', 'Staff', 'Pupils', 'Activities'];

function load(workbook: WorkbookPort): { tracker: Tracker; lastRow: number } {
  const tabs: TrackerTabs = {};
  for (const name of LOG_ACTIVITY_TABS) tabs[name] = workbook.readTab(name);
  const grid = tabs.Activities;
  let lastRow = 0;
  if (grid) {
    for (let r = grid.length - 1; r >= 0; r--) {
      if (grid[r].some((c) => !(typeof c === 'string' && c.trim() === ''))) {
        lastRow = r + 1;
        break;
      }
    }
  }
  return { tracker: readTracker(tabs), lastRow };
}

const email = (ctx: JobContext) => ctx.user?.email() ?? '';

function scopeFor(ctx: JobContext, tracker: Tracker) {
  const access = mentorLogAccess(tracker, email(ctx));
  if (!access.ok) throw new Refusal(access.message);
  const scope = activityScope(access.viewer);
  if (!scope.ok) throw new Refusal(scope.message);
  return { viewer: access.viewer, scope };
}

export function loadActivityForm(ctx: JobContext): ActivityFormResponse {
  const { tracker } = load(ctx.workbook);
  const access = mentorLogAccess(tracker, email(ctx));
  if (!access.ok) return { message: access.message };
  return activityFormView(tracker, access.viewer, nowFor(ctx, tracker).today);
}

export function saveActivity(ctx: JobContext, request: SaveActivityRequest): SaveActivityResponse {
  if (!ctx.lock) throw new Error('Logging an activity needs the document lock, and none was given.');
  return ctx.lock.withLock(() => {
    const { tracker, lastRow } = load(ctx.workbook);
    const today = nowFor(ctx, tracker).today;
    const { scope } = scopeFor(ctx, tracker);
    const done = savedRequests(ctx, 'activityLog');
    const key = requestKey(request);
    if (done.includes(key)) {
      return { row: 0, attendees: 0, duplicate: true, message: 'This activity had already been saved, so it was not saved twice.' };
    }
    const problems = activityProblems(tracker, scope, request, today);
    if (problems.length > 0) throw new Refusal(problems.join(' '));

    const known = tracker.headers[ACTIVITIES_TAB.name];
    const complete = known && known.headerRow > 0 && ACTIVITIES_TAB.columns.every((c) => known.columns.has(c.key));
    const header = complete ? known : ensureTab(ctx.workbook, ACTIVITIES_TAB);
    const row = Math.max(lastRow, header.headerRow) + 1;
    const record: Record<string, CellValue> = activityRecord(tracker, request);
    ctx.workbook.appendRows(ACTIVITIES_TAB.name, [layoutRow(header, record)]);
    rememberRequest(ctx, 'activityLog', done, key);

    let attendees = 0;
    const index = indexPupils(tracker.pupils, today, tracker.settings.academicYearStart, tracker.settings.trackerYear);
    forEachAttendee(index, toActivity(tracker, request, row), new Int32Array(tracker.pupils.length).fill(-1), 0, () => attendees++);
    const absent = request.absent.length;
    return {
      row, attendees, duplicate: false,
      message: `Saved to the Activities tab, row ${row}: ${attendees} ${attendees === 1 ? 'pupil' : 'pupils'} attended${absent ? `, ${absent} absent` : ''}.`,
    };
  });
}
