/**
 * Menu: Open mentor log; and the sidebar's server functions, the only ones google.script.run
 * can reach. Each builds the Apps Script context and answers through the shared API entry point,
 * which validates the arguments, checks the caller against the Staff tab and returns plain JSON.
 */
import { gasContext } from '../context';
import { callMentorLogApi } from '../../jobs/mentor-log';
import type { ApiResult } from '../../ui/api';

export function openMentorLog(): void {
  const html = HtmlService.createHtmlOutputFromFile('sidebar').setTitle('Mentor log');
  SpreadsheetApp.getUi().showSidebar(html);
}

function answer_(name: string, args: unknown[]): ApiResult<unknown> {
  let result: ApiResult<unknown>;
  try {
    result = callMentorLogApi(gasContext(), name, args);
  } catch (e) {
    result = { ok: false, code: 'error', message: `Something went wrong in the tracker: ${(e as Error)?.message ?? String(e)}` };
  }
  if (!result.ok && result.code === 'error') console.error(`Mentor log ${name}: ${result.message}`);
  return result;
}

export function getMentorLog(): ApiResult<unknown> {
  return answer_('getMentorLog', []);
}

export function getMentee(pupilId: unknown): ApiResult<unknown> {
  return answer_('getMentee', [pupilId]);
}

export function saveMeeting(request: unknown): ApiResult<unknown> {
  return answer_('saveMeeting', [request]);
}

export function markActionDone(request: unknown): ApiResult<unknown> {
  return answer_('markActionDone', [request]);
}

export function getLeavers(): ApiResult<unknown> {
  return answer_('getLeavers', []);
}

export function saveCheck(request: unknown): ApiResult<unknown> {
  return answer_('saveCheck', [request]);
}
