/**
 * The typed client for google.script.run: one promise per call, typed from the server API.
 * A refusal from the server (ApiResult with ok false) and a failure to reach it both reject
 * with an ApiError whose message can be shown to the user as it is.
 */
import type { ApiErrorCode, ApiFunction, ApiResult, MentorLogApi } from './api';

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  [name: string]: unknown;
}

export class ApiError extends Error {
  constructor(message: string, readonly code: ApiErrorCode | 'network') {
    super(message);
    this.name = 'ApiError';
  }
}

function scriptRun(): ScriptRun | null {
  const g = (window as unknown as { google?: { script?: { run?: ScriptRun } } }).google;
  return g?.script?.run ?? null;
}

/** Apps Script hands the failure handler an Error (or a string) whose message may start "Exception: ". */
export function failureMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const message = raw.replace(/^(Exception|Error|ScriptError):\s*/i, '').trim();
  return message
    ? `The tracker could not be reached: ${message}`
    : 'The tracker could not be reached. Check your internet connection and try again.';
}

export function call<K extends ApiFunction>(name: K, ...args: Parameters<MentorLogApi[K]>): Promise<ReturnType<MentorLogApi[K]>> {
  return new Promise((resolve, reject) => {
    const run = scriptRun();
    if (!run) {
      reject(new ApiError('The mentor log only works inside the tracker: open it from Extensions ▸ Careers Tracker ▸ Open mentor log.', 'network'));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => {
        const result = value as ApiResult<ReturnType<MentorLogApi[K]>> | null;
        if (result && result.ok === true) resolve(result.value);
        else if (result && result.ok === false) reject(new ApiError(result.message, result.code));
        else reject(new ApiError('The tracker sent back an answer the mentor log does not understand. Reload the sidebar and try again.', 'error'));
      })
      .withFailureHandler((error) => reject(new ApiError(failureMessage(error), 'network')));
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

export const api: MentorLogApiClient = {
  getMentorLog: () => call('getMentorLog'),
  getMentee: (pupilId) => call('getMentee', pupilId),
  saveMeeting: (request) => call('saveMeeting', request),
  markActionDone: (request) => call('markActionDone', request),
  getLeavers: () => call('getLeavers'),
  saveCheck: (request) => call('saveCheck', request),
};

export type MentorLogApiClient = {
  [K in ApiFunction]: (...args: Parameters<MentorLogApi[K]>) => Promise<ReturnType<MentorLogApi[K]>>;
};
