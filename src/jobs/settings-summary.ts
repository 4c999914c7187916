/**
 * The Settings menu item: what the tracker is set to, and how the weekly jobs are doing. Add-on
 * triggers never email anyone when they fail, so this is where a careers leader sees it.
 */
import { formatLongDay, isoWeekKey } from '../domain/calendar';
import { type JobContext, loadTracker, nowFor } from './context';
import { OWNER_KEY, WEEKLY_JOBS, doneKey } from './schedule';

export interface SettingsSummaryOptions {
  /** whether the signed-in user has saved a Find an apprenticeship key (the key itself is never shown) */
  apiKeySaved: boolean;
}

export function settingsSummary(ctx: JobContext, options: SettingsSummaryOptions): string {
  const tracker = loadTracker(ctx.workbook);
  const now = nowFor(ctx, tracker);
  const s = tracker.settings;
  const week = isoWeekKey(now.today);
  const props = ctx.documentProperties;
  const owner = props?.get(OWNER_KEY) ?? null;
  const lines = [
    'Change these in the Settings tab (one setting per row; a blank value uses the default).',
    '',
    `School name: ${s.schoolName || '(not set: emails will not name the school)'}`,
    `Time zone: ${now.timeZone}`,
    `Careers leader email: ${s.careersLeaderEmail ?? '(not set: the unplaced alert goes to staff with the Careers leader role)'}`,
    `Evidence folder: ${s.evidenceFolder ? 'set' : '(not set: Report on evidence folders needs it)'}`,
    `Vacancy search: ${s.vacancySearch ? `${s.vacancySearch.miles} miles around ${s.vacancySearch.lat}, ${s.vacancySearch.lon}` : '(not set: Import vacancies needs it)'}`,
    `Your Find an apprenticeship key: ${options.apiKeySaved ? 'saved (only you can use it)' : 'not saved (menu: Set vacancy API key)'}`,
    '',
    owner ? `Weekly jobs: scheduled by ${owner}, every hour from Monday 7:00.` : 'Weekly jobs: not scheduled (menu: Schedule weekly jobs).',
  ];
  for (const job of WEEKLY_JOBS) {
    const done = props?.get(doneKey(job.id)) === week;
    const last = [...tracker.log].reverse().find((l) => l.job === job.id || l.job.toLowerCase() === job.label.toLowerCase());
    lines.push(`- ${job.label}: ${done ? `done for this week (${week})` : `not yet done this week (${week})`}${last ? `; last Log entry: ${last.outcome}${last.details ? ` – ${last.details}` : ''}` : ''}`);
  }
  lines.push('', `Today is ${formatLongDay(now.today)}. Problems in the tracker: ${tracker.problems.length} (menu: Check tracker for problems).`);
  return lines.join('\n');
}
