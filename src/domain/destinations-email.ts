/**
 * The weekly leavers' destinations email: to each Destinations lead (or the careers leader when
 * nobody has that role). Names, leaver years and days due only: never SEND, looked-after,
 * disadvantaged or any note text. Pure: builds the messages, sends nothing.
 */
import type { MailMessage } from '../ports';
import { type Day, formatLongDay, mondayOf } from './calendar';
import { escapeHtml, safeHref } from './html';
import type { DestinationsResult } from './destinations';
import type { Tracker } from './tracker';
import { leaderAddresses } from './unplaced-email';

/**
 * Apps Script refuses message bodies over about 200 KB: the list names every leaver due while the
 * plain text and HTML together stay within this many characters (about 1,000 leavers), then ends
 * with "and N more in the tracker".
 */
export const LISTED_BUDGET_CHARS = 120_000;

/** Everyone with the role Destinations lead; else the careers leader. */
export function destinationsRecipients(tracker: Tracker): string[] {
  const leads = [...new Set(tracker.staff.filter((m) => m.roles.includes('Destinations lead')).map((m) => m.email))];
  return leads.length ? leads : leaderAddresses(tracker);
}

export function buildDestinationsEmails(tracker: Tracker, result: DestinationsResult, today: Day, url: string | null): MailMessage[] {
  const due = result.due;
  if (due.length === 0) return [];
  const overdue = due.filter((d) => d.overdue).length;
  const school = tracker.settings.schoolName;
  const subject = `Leavers' destination checks due – week of ${formatLongDay(mondayOf(today))}${school ? ` – ${school}` : ''}`;
  const head = `${due.length} leaver${due.length === 1 ? '' : 's'} ${due.length === 1 ? 'has' : 'have'} a destination check due, ${overdue} overdue (due for more than 30 days).`;
  const line = (d: (typeof due)[number]) => `${d.pupil.name} (left ${d.pupil.leaverYear}): due ${d.daysDue} day${d.daysDue === 1 ? '' : 's'}${d.overdue ? ', overdue' : ''}`;
  const row = (d: (typeof due)[number]) => `<tr><td>${escapeHtml(d.pupil.name)}</td><td>${d.pupil.leaverYear}</td><td>${d.daysDue}${d.overdue ? ' (overdue)' : ''}</td></tr>`;
  let size = 0;
  let n = 0;
  while (n < due.length && (size += line(due[n]).length + row(due[n]).length + 1) <= LISTED_BUDGET_CHARS) n++;
  const listed = due.slice(0, n);
  const more = due.length - listed.length;
  const link = safeHref(url);
  const text = [
    head, '', ...listed.map(line), ...(more > 0 ? [`and ${more} more in the tracker`] : []), '',
    'Log each check in the sidebar (Leavers) or the Destinations tab; the Leavers tab has the details.',
    ...(link ? [link] : []),
  ].join('\n');
  const html = [
    `<p>${escapeHtml(head)}</p>`,
    '<table style="border-collapse:collapse" cellpadding="4"><tr><th align="left">Leaver</th><th align="left">Left</th><th align="left">Days due</th></tr>',
    ...listed.map(row),
    '</table>',
    more > 0 ? `<p>and ${more} more in the tracker</p>` : '',
    `<p>Log each check in the sidebar (Leavers) or the Destinations tab; the Leavers tab has the details${link ? `: <a href="${escapeHtml(link)}">open the tracker</a>` : ''}.</p>`,
  ].join('');
  return destinationsRecipients(tracker).map((to) => ({ to, subject, text, html, name: 'Careers Tracker' }));
}
