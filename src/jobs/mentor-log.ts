/**
 * The mentor log's use cases, behind the sidebar (Apps Script) and the local preview (Node):
 * load my mentees, load one mentee, save a meeting, mark an action done.
 *
 * Reads are one range read per tab, and only the five tabs the sidebar needs. Writes happen
 * under the document lock, after everything has been re-read and checked under that lock, and
 * only after every check has passed, so a refused save writes nothing. Meetings and Actions get
 * appended rows; the only cells of a user's row ever written are the pupil's Plan A, Plan B and
 * Application status (when the user changed them) and an action's Status and Done on.
 */
import type { CellValue, WorkbookPort } from '../ports';
import { LockBusyError } from '../ports';
import type { Day } from '../domain/calendar';
import { ACTIONS_TAB, MEETINGS_TAB, type MeetingType, type TabSpec } from '../domain/schema';
import { type Action, type Meeting, type Pupil, type Tracker, type TrackerTabs, readTracker } from '../domain/tracker';
import type { HeaderMap } from '../domain/table';
import { layoutRow } from '../domain/write';
import {
  type MenteeView, type MentorLogView, type Viewer, FORM_TUTOR_MEETING_TYPES, PLAN_HEADERS, actionRecords, canSee, findAction,
  meetingProblems, meetingRecord, menteeView, mentorLogAccess, mentorLogView, onlyAsFormTutor, planChanges,
} from '../domain/mentor-log';
import {
  type ApiResult, type MarkActionDoneRequest, type MarkActionDoneResponse, type SaveActivityRequest, type SaveMeetingRequest,
  type SaveMeetingResponse, markActionDoneSchema, parseArgument, pupilIdSchema, saveActivitySchema, saveMeetingSchema,
} from '../ui/api';
import { loadActivityForm, saveActivity } from './log-activity';
import { rememberRequest, requestKey, savedEarlierVersion, savedRequests } from './saved-requests';
import { type JobContext, nowFor } from './context';
import { ensureTab } from './tabs';
import { callLeaversApi } from './leavers';

/** Not allowed, or not possible as asked: the message says why, for the user. */
export class Refusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Refusal';
  }
}

/** The tabs the sidebar reads; the others (Activities, Log, ...) are never read for it. */
export const MENTOR_LOG_TABS = ['Settings', 'Staff', 'Pupils', 'Meetings', 'Actions'];

interface Loaded {
  tracker: Tracker;
  /** the last sheet row with content, per tab (0 when empty or missing) */
  lastRows: Record<string, number>;
}

function load(workbook: WorkbookPort): Loaded {
  const tabs: TrackerTabs = {};
  const lastRows: Record<string, number> = {};
  for (const name of MENTOR_LOG_TABS) {
    // A missing tab reads as null: no need to list the tabs first.
    const grid = workbook.readTab(name);
    tabs[name] = grid;
    lastRows[name] = grid ? lastContentRow(grid) : 0;
  }
  return { tracker: readTracker(tabs), lastRows };
}

function lastContentRow(grid: CellValue[][]): number {
  for (let r = grid.length - 1; r >= 0; r--) {
    if (grid[r].some((c) => !(typeof c === 'string' && c.trim() === ''))) return r + 1;
  }
  return 0;
}

function email(ctx: JobContext): string {
  return ctx.user?.email() ?? '';
}

function viewerFor(ctx: JobContext, tracker: Tracker): Viewer {
  const access = mentorLogAccess(tracker, email(ctx));
  if (!access.ok) throw new Refusal(access.message);
  return access.viewer;
}

function pupilFor(tracker: Tracker, viewer: Viewer, pupilId: string): Pupil {
  const pupil = tracker.pupilByKey.get(pupilId.trim().toLowerCase());
  // One answer whether the ID is unknown, the pupil has left or is someone else's mentee: the
  // refusal never tells a member of staff which pupils exist or who has left.
  if (!pupil || pupil.year === null || !canSee(viewer, pupil)) throw new Refusal(NOT_IN_YOUR_LOG);
  return pupil;
}

export const NOT_IN_YOUR_LOG = 'This pupil is not one of your mentees in your mentor log (only their mentor, their form tutor, the careers leader and the careers adviser can see a pupil on roll). Go back to the list and open the pupil again.';

/** Load my mentees: everything the list shows, in one call. */
export function loadMentorLog(ctx: JobContext): MentorLogView {
  const { tracker } = load(ctx.workbook);
  return mentorLogView(tracker, email(ctx), nowFor(ctx, tracker).today);
}

/** Load one mentee's summary. */
export function loadMentee(ctx: JobContext, pupilId: string): MenteeView {
  const { tracker } = load(ctx.workbook);
  const today = nowFor(ctx, tracker).today;
  const viewer = viewerFor(ctx, tracker);
  return menteeView(tracker, viewer, pupilFor(tracker, viewer, pupilId), today);
}

function withLock<T>(ctx: JobContext, work: () => T): T {
  if (!ctx.lock) throw new Error('The mentor log can only save while holding the document lock, and none was given.');
  return ctx.lock.withLock(work);
}

/** The tab's header, adding the tab or missing columns first (as Set up tracker would). */
function headerFor(workbook: WorkbookPort, loaded: Loaded, spec: TabSpec): { header: HeaderMap; lastRow: number } {
  const known = loaded.tracker.headers[spec.name];
  if (known && known.headerRow > 0 && spec.columns.every((c) => known.columns.has(c.key))) {
    return { header: known, lastRow: loaded.lastRows[spec.name] };
  }
  const header = ensureTab(workbook, spec);
  return { header, lastRow: Math.max(loaded.lastRows[spec.name], header.headerRow) };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Save a meeting with its agreed actions and the pupil's updated plans and status. */
export function saveMeeting(ctx: JobContext, request: SaveMeetingRequest): SaveMeetingResponse {
  return withLock(ctx, () => {
    const loaded = load(ctx.workbook);
    const { tracker } = loaded;
    const today = nowFor(ctx, tracker).today;
    const viewer = viewerFor(ctx, tracker);
    const pupil = pupilFor(tracker, viewer, request.pupilId);
    const done = savedRequests(ctx, 'mentorLog');
    const key = requestKey(request);
    if (done.includes(key)) {
      return { mentee: menteeView(tracker, viewer, pupil, today), duplicate: true, message: 'This meeting had already been saved, so it was not saved twice.' };
    }
    if (onlyAsFormTutor(viewer, pupil) && !FORM_TUTOR_MEETING_TYPES.includes(request.type as MeetingType)) {
      throw new Refusal(`As ${pupil.name}'s form tutor you can log ${FORM_TUTOR_MEETING_TYPES.join(' and ')} meetings. Choose one of those types.`);
    }
    const earlierVersion = savedEarlierVersion(done, request.requestId);
    const editable = { planA: tracker.pupilColumns.has('planA'), planB: tracker.pupilColumns.has('planB'), status: tracker.pupilColumns.has('status') };
    const problems = meetingProblems(request, today, editable);
    if (problems.length > 0) throw new Refusal(problems.join(' '));
    const changes = planChanges(request, pupil);

    const meetings = headerFor(ctx.workbook, loaded, MEETINGS_TAB);
    ctx.workbook.appendRows(MEETINGS_TAB.name, [layoutRow(meetings.header, meetingRecord(request, pupil, viewer.initials))]);
    const actionRows = actionRecords(request, pupil, viewer.initials, today);
    const actions = actionRows.length > 0 ? headerFor(ctx.workbook, loaded, ACTIONS_TAB) : null;
    if (actions) ctx.workbook.appendRows(ACTIONS_TAB.name, actionRows.map((r) => layoutRow(actions.header, r)));
    const pupilsHeader = tracker.headers.Pupils;
    for (const change of changes) {
      // The row comes from the read made under this lock, found by Pupil ID, never from the sidebar.
      ctx.workbook.writeCells('Pupils', pupil.row, pupilsHeader.columns.get(change.key)! + 1, [[change.value]]);
    }
    rememberRequest(ctx, 'mentorLog', done, key);

    // The summary returned is the tracker as now written, without reading it again.
    const meeting: Meeting = {
      row: meetings.lastRow + 1, date: request.date, pupil: pupil.key, staff: viewer.initials, type: request.type as MeetingType,
      grades: orNull(request.grades), needs: orNull(request.needs), options: orNull(request.options),
      aspirations: orNull(request.aspirations), motivation: orNull(request.motivation), notes: orNull(request.notes),
      shared: request.sharedWithParents ? true : null, nextMeeting: request.nextMeeting || null, staffOnly: false,
    };
    tracker.meetings.push(meeting);
    request.actions.forEach((a, i) => {
      const action: Action = {
        row: actions!.lastRow + 1 + i, pupil: pupil.key, action: a.action.trim(), due: a.due,
        owner: a.owner === 'Me' ? viewer.initials : 'Pupil', status: 'Open', doneOn: null, created: today,
      };
      tracker.actions.push(action);
    });
    for (const change of changes) {
      if (change.key === 'status') pupil.status = (change.value || null) as Pupil['status'];
      else pupil[change.key] = orNull(change.value);
    }
    const updated = changes.map((c) => PLAN_HEADERS[c.key]);
    const message = [
      `Meeting saved${request.actions.length ? ` with ${plural(request.actions.length, 'action')}` : ''}.`,
      updated.length ? `${listOf(updated)} updated.` : '',
      earlierVersion ? 'An earlier version of this form was saved too: delete that Meetings row if unwanted.' : '',
    ].filter(Boolean).join(' ');
    return { mentee: menteeView(tracker, viewer, pupil, today), duplicate: false, message };
  });
}

/** `A`, `A and B`, `A, B and C` */
function listOf(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** Mark an action done: its Status and Done on cells, nothing else. */
export function markActionDone(ctx: JobContext, request: MarkActionDoneRequest): MarkActionDoneResponse {
  return withLock(ctx, () => {
    const loaded = load(ctx.workbook);
    const { tracker } = loaded;
    const today = nowFor(ctx, tracker).today;
    const viewer = viewerFor(ctx, tracker);
    const pupil = pupilFor(tracker, viewer, request.pupilId);
    const action = findAction(tracker, pupil, { row: request.row, action: request.action, due: request.due as Day });
    if (!action) {
      throw new Refusal('That action is no longer in the Actions tab as it was shown here (it may have been edited, moved or deleted). Open the pupil again to see their actions as they are now.');
    }
    if (action.status === 'Done') {
      return { mentee: menteeView(tracker, viewer, pupil, today), message: 'That action was already marked done.' };
    }
    const { header } = headerFor(ctx.workbook, loaded, ACTIONS_TAB);
    const status = header.columns.get('status')! + 1;
    const doneOn = header.columns.get('doneOn')! + 1;
    if (doneOn === status + 1) {
      ctx.workbook.writeCells(ACTIONS_TAB.name, action.row, status, [['Done', { day: today }]]);
    } else {
      ctx.workbook.writeCells(ACTIONS_TAB.name, action.row, status, [['Done']]);
      ctx.workbook.writeCells(ACTIONS_TAB.name, action.row, doneOn, [[{ day: today }]]);
    }
    action.status = 'Done';
    action.doneOn = today;
    return { mentee: menteeView(tracker, viewer, pupil, today), message: `Marked done: ${action.action}` };
  });
}

// ---- The API as the sidebar calls it: validated arguments in, an ApiResult out ----

const invalid = (message: string): ApiResult<never> => ({ ok: false, code: 'invalid', message });

/**
 * Runs one server function by name with the sidebar's arguments: the one entry point for the
 * Apps Script handlers and the local preview, so both validate and answer the same way.
 */
export function callMentorLogApi(ctx: JobContext, name: string, args: unknown[]): ApiResult<unknown> {
  try {
    switch (name) {
      case 'getMentorLog':
        return { ok: true, value: loadMentorLog(ctx) };
      case 'getMentee': {
        const id = parseArgument(pupilIdSchema, args[0], 'pupil ID');
        return id.ok ? { ok: true, value: loadMentee(ctx, id.value) } : invalid(id.message);
      }
      case 'saveMeeting': {
        const r = parseArgument(saveMeetingSchema, args[0], 'meeting');
        return r.ok ? { ok: true, value: saveMeeting(ctx, r.value as SaveMeetingRequest) } : invalid(r.message);
      }
      case 'markActionDone': {
        const r = parseArgument(markActionDoneSchema, args[0], 'action');
        return r.ok ? { ok: true, value: markActionDone(ctx, r.value) } : invalid(r.message);
      }
      case 'getActivityForm':
        return { ok: true, value: loadActivityForm(ctx) };
      case 'saveActivity': {
        const r = parseArgument(saveActivitySchema, args[0], 'activity');
        return r.ok ? { ok: true, value: saveActivity(ctx, r.value as SaveActivityRequest) } : invalid(r.message);
      }
      case 'getLeavers':
      case 'saveCheck':
        return callLeaversApi(ctx, name, args);
      default:
        return invalid(`The mentor log has no function called "${String(name).slice(0, 40)}".`);
    }
  } catch (e) {
    const err = e as Error;
    if (err instanceof Refusal) return { ok: false, code: 'refused', message: err.message };
    if (err instanceof LockBusyError || err?.name === 'LockBusyError') return { ok: false, code: 'busy', message: err.message };
    return { ok: false, code: 'error', message: `Something went wrong in the tracker: ${err?.message ?? String(e)}` };
  }
}
