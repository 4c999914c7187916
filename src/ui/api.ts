/**
 * The mentor log's server API, shared by the server (Apps Script handlers and the local preview)
 * and the sidebar. The sidebar imports only types from here (`import type`), so zod stays out
 * of the sidebar bundle; the server validates every argument with these schemas.
 */
import * as z from 'zod/mini';
import { APPLICATION_STATUSES, MEETING_TYPES, type MeetingType } from '../domain/schema';
import { makeDay } from '../domain/calendar';
import type { MeetingInput, MenteeView, MentorLogView } from '../domain/mentor-log';
import { LIMITS } from './limits';
import type { LeaversApi } from './leavers-api';

export type {
  ActionView, Chip, MeetingView, MenteeListItem, MenteeView, MentorLogView, Viewer, MeetingInput, ActionInput, PlanFields,
} from '../domain/mentor-log';

/** Every call answers with a result; a refusal carries a message for the user, in plain English. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; code: ApiErrorCode; message: string };

/**
 * invalid: the arguments are not what the API takes; refused: not allowed, or not possible as
 * asked (the message says why); busy: someone else holds the document lock; error: anything else.
 */
export type ApiErrorCode = 'invalid' | 'refused' | 'busy' | 'error';

export interface SaveMeetingRequest extends MeetingInput {
  /** made by the sidebar once per form: a repeated request (double click, retry) is saved once */
  requestId: string;
}

export interface SaveMeetingResponse {
  mentee: MenteeView;
  /** this request id had been saved already: nothing was written again */
  duplicate: boolean;
  message: string;
}

export interface MarkActionDoneRequest {
  pupilId: string;
  /** the Actions row the sidebar showed, and what it said, so a moved row is never mistaken */
  row: number;
  action: string;
  due: string;
}

export interface MarkActionDoneResponse {
  mentee: MenteeView;
  message: string;
}

/** What each server function takes and gives (the wire carries ApiResult of the return type). */
export interface MentorLogApi extends LeaversApi {
  getMentorLog(): MentorLogView;
  getMentee(pupilId: string): MenteeView;
  saveMeeting(request: SaveMeetingRequest): SaveMeetingResponse;
  markActionDone(request: MarkActionDoneRequest): MarkActionDoneResponse;
}

export type ApiFunction = keyof MentorLogApi;
export const API_FUNCTIONS: readonly ApiFunction[] = ['getMentorLog', 'getMentee', 'saveMeeting', 'markActionDone', 'getLeavers', 'saveCheck'];

export { LIMITS };

// ---- Schemas ----

const isoDay = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD'),
  z.refine((v) => makeDay(+v.slice(0, 4), +v.slice(5, 7), +v.slice(8, 10)) === v, 'a real date'),
);
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const text = (max: number) => z.string().check(z.maxLength(max, `at most ${thousands(max)} characters`));

export const pupilIdSchema = z.string().check(z.minLength(1, 'a Pupil ID'), z.maxLength(LIMITS.pupilId, `at most ${LIMITS.pupilId} characters`));

const planSchema = z.object({
  planA: text(LIMITS.plan),
  planB: text(LIMITS.plan),
  status: z.enum(['', ...APPLICATION_STATUSES]),
});

export const saveMeetingSchema = z.object({
  requestId: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, 'a request id of 8 to 64 letters and digits')),
  pupilId: pupilIdSchema,
  type: z.enum(MEETING_TYPES.map((t) => t.value) as [MeetingType, ...MeetingType[]]),
  date: isoDay,
  grades: text(LIMITS.text),
  needs: text(LIMITS.text),
  options: text(LIMITS.text),
  aspirations: text(LIMITS.text),
  motivation: text(LIMITS.text),
  notes: text(LIMITS.text),
  sharedWithParents: z.boolean(),
  nextMeeting: z.union([z.literal(''), isoDay]),
  actions: z.array(z.object({
    action: text(LIMITS.action),
    due: isoDay,
    owner: z.enum(['Pupil', 'Me']),
  })).check(z.maxLength(LIMITS.actions, `at most ${LIMITS.actions} actions`)),
  plan: planSchema,
  shown: planSchema,
});

export const markActionDoneSchema = z.object({
  pupilId: pupilIdSchema,
  row: z.int().check(z.gte(2, 'a sheet row below the header')),
  action: text(LIMITS.action),
  due: isoDay,
});

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Validates one argument; the message names the field and what it must be. */
export function parseArgument<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): Parsed<T> {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  const field = issue.path.length ? issue.path.join(' › ') : what;
  const wanted = issue.message && issue.message !== 'Invalid input' ? `: it must be ${issue.message}` : '';
  return { ok: false, message: `The mentor log sent something the tracker cannot accept (${field}${wanted}). Reload the sidebar and try again.` };
}
