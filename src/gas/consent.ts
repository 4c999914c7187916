/**
 * Partial consent: since January 2025 a user may tick only some of the permissions on Google's
 * consent screen. Before a job runs, the scopes it needs are checked, and a missing one is named in
 * words, instead of the job failing half-way.
 * (ScriptApp.getAuthorizationInfo(authMode, oAuthScopes) and AuthorizationInfo.getAuthorizedScopes():
 * developers.google.com/apps-script/reference/script/script-app, .../authorization-info.)
 */
import type { JobName } from '../domain/roles';

const S = 'https://www.googleapis.com/auth/';
/** Each scope, and Google's words for it on the consent screen. */
const MAIL = 'script.send_mail';
const WORDS: Record<string, string> = {
  [MAIL]: 'Send email as you',
  'script.scriptapp': 'Allow this application to run when you are not present',
  'drive.readonly': 'See and download all your Google Drive files',
  'script.external_request': 'Connect to an external service',
};
const FOR: Partial<Record<JobName, string[]>> = {
  unplaced: [MAIL],
  bulletin: [MAIL],
  schedule: ['script.scriptapp', MAIL],
  evidence: ['drive.readonly'],
  import: ['script.external_request'],
};

interface AuthInfo {
  getAuthorizationStatus(): unknown;
  getAuthorizationUrl(): string | null;
  getAuthorizedScopes?(): string[] | null;
}

/** The scopes `job` needs that the user has not granted; [] when all are granted. */
export function missingPermissions_(job: JobName): string[] {
  const scopes = (FOR[job] ?? []).map((s) => S + s);
  if (scopes.length === 0) return [];
  const info = (ScriptApp as unknown as { getAuthorizationInfo(m: unknown, s: string[]): AuthInfo })
    .getAuthorizationInfo(ScriptApp.AuthMode.FULL, scopes);
  if (info.getAuthorizationStatus() !== ScriptApp.AuthorizationStatus.REQUIRED) return [];
  const granted = info.getAuthorizedScopes?.() ?? [];
  const missing = scopes.filter((s) => !granted.includes(s));
  return missing.length ? missing : scopes;
}

/** The message for someone who did not grant what the job needs; `menu`: Google asks again after OK. */
export function consentMessage_(missing: string[], menu: boolean): string {
  return `Careers Tracker needs Google's permission "${missing.map((s) => WORDS[s.slice(S.length)]).join('" and "')}", left unticked when it was first allowed. `
    + (menu ? 'Click OK, tick it when Google asks, then try again.' : 'Choose Schedule weekly jobs in the tracker to give it.');
}

/** From a menu: says what is missing, then lets Google ask for it (which ends this run). */
export function askForPermissions_(missing: string[], title: string, ui: GoogleAppsScript.Base.Ui): void {
  ui.alert(title, consentMessage_(missing, true), ui.ButtonSet.OK);
  try {
    ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, missing);
  } catch {
    // not granted this time: the message above has said what is needed
  }
}
