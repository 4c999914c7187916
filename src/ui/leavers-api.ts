/**
 * The Leavers view's server API: types for the sidebar (imported as types only) and the zod
 * schema the server validates a logged check with.
 */
import * as z from 'zod/mini';
import { makeDay } from '../domain/calendar';
import { DESTINATION_STATUSES } from '../domain/schema';
import type { CheckInput, LeaversView } from '../domain/leavers-view';
import { LIMITS } from './limits';

export type { CheckInput, LeaverItem, LeaversView } from '../domain/leavers-view';

export interface SaveCheckRequest extends CheckInput {
  /** made once per form: a repeated request (double click, retry) is saved once */
  requestId: string;
}

export interface SaveCheckResponse {
  view: LeaversView;
  duplicate: boolean;
  message: string;
}

export interface LeaversApi {
  getLeavers(): LeaversView;
  saveCheck(request: SaveCheckRequest): SaveCheckResponse;
}

const isoDay = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD'),
  z.refine((v) => makeDay(+v.slice(0, 4), +v.slice(5, 7), +v.slice(8, 10)) === v, 'a real date'),
);
const text = (max: number) => z.string().check(z.maxLength(max, `at most ${max} characters`));

export const saveCheckSchema = z.object({
  requestId: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, 'a request id of 8 to 64 letters and digits')),
  pupilId: z.string().check(z.minLength(1, 'a Pupil ID'), z.maxLength(LIMITS.pupilId, `at most ${LIMITS.pupilId} characters`)),
  date: isoDay,
  status: z.enum(DESTINATION_STATUSES.map((t) => t.value) as [string, ...string[]]),
  provider: text(LIMITS.plan),
  course: text(LIMITS.plan),
  notes: text(LIMITS.text),
});
