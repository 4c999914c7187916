/**
 * The unplaced-Year-11 alerts: one message to the careers leader with the whole list, and one to
 * each mentor with their own flagged mentees. Pure: builds the messages, sends nothing.
 *
 * No email names SEND or looked-after status (those reasons stay in the tracker; every email says
 * to see the tracker), and every value from the sheet is HTML-escaped.
 */
import type { MailMessage } from '../ports';
import { type Day, formatLongDay, mondayOf } from './calendar';
import { escapeHtml, safeHref } from './html';
import { RAG_COLOURS } from './write';
import type { StaffMember, Tracker } from './tracker';
import {
  type ReasonCode, REASON_WORDS, SENSITIVE_REASONS, STATUS_REASONS, type UnplacedFlag, type UnplacedResult, byName,
  unplacedDeadlines,
} from './unplaced';

export interface UnplacedAlert extends MailMessage {
  audience: 'careers leader' | 'mentor';
  /** flagged pupils named in the message */
  pupils: number;
}

const SENDER = 'Careers Tracker';
/** Apps Script refuses bodies over about 200 KB: longer lists end with "and N more in the tracker". */
export const MAX_LISTED = 150;

/**
 * A reason in words, with the detail that helps (attendance in the tracker, number of overdue
 * actions); `email` leaves the attendance figure out of messages.
 */
export function reasonPhrase(flag: UnplacedFlag, code: ReasonCode, email = false): string {
  if (code === 'no-application' && flag.pupil.statusUnreadable !== undefined) return statusUnreadablePhrase(flag.pupil.statusUnreadable);
  if (code === 'low-attendance' && flag.pupil.attendance !== null && !email) return `Low attendance (${flag.pupil.attendance}%)`;
  if (code === 'overdue-actions') return `${flag.overdueActions} overdue action${flag.overdueActions === 1 ? '' : 's'}`;
  return REASON_WORDS[code];
}

/**
 * Who is counted, said exactly: "25 pupils in Year 11: 7 placed (offer accepted), 18 not yet: 5
 * holding an offer, 13 with no offer; 6 red, 12 amber."
 */
export function cohortSummary(result: UnplacedResult): string {
  const n = result.cohort.length;
  const notYet = result.flagged.length;
  const red = result.flagged.filter((f) => f.level === 'red').length;
  const noOffer = result.septemberGuarantee.length;
  return `${n} pupil${n === 1 ? '' : 's'} in Year 11: ${result.placed.length} placed (offer accepted), ${notYet} not yet`
    + (notYet ? `: ${notYet - noOffer} holding an offer, ${noOffer} with no offer; ${red} red, ${notYet - red} amber` : '')
    + '.';
}

/** An Application status the tracker cannot read: said as such, never as "no application". */
export function statusUnreadablePhrase(raw: string): string {
  return `Application status unreadable ("${raw}"): correct it in the Pupils tab`;
}

export function lastMeetingPhrase(flag: UnplacedFlag): string {
  const d = flag.daysSinceLastMeeting;
  if (d === null) return 'No meeting recorded';
  return d === 0 ? 'Today' : d === 1 ? '1 day ago' : `${d} days ago`;
}

/** The leader's addresses: the `Careers leader email` setting, else every Staff member with the role. */
export function leaderAddresses(tracker: Tracker): string[] {
  const set = tracker.settings.careersLeaderEmail;
  if (set) return [set.toLowerCase()];
  return unique(tracker.staff.filter((m) => m.roles.includes('Careers leader')).map((m) => m.email));
}

/**
 * The flags as an email may show them: red only when the status or the reasons the email names make
 * it red, so a red level can never give away a hidden EHCP or looked-after reason. Red first, by name.
 */
export function emailFlags(flags: UnplacedFlag[], riskFactorsForRed: number): UnplacedFlag[] {
  return flags
    .map((f): UnplacedFlag => {
      const shown = f.reasons.filter((r) => !STATUS_REASONS.has(r) && !SENSITIVE_REASONS.has(r)).length;
      return { ...f, level: f.statusRed || shown >= riskFactorsForRed ? 'red' : 'amber' };
    })
    .sort((a, b) => (a.level === b.level ? byName(a.pupil, b.pupil) : a.level === 'red' ? -1 : 1));
}

export function buildUnplacedAlerts(tracker: Tracker, result: UnplacedResult, today: Day, trackerUrl: string | null): UnplacedAlert[] {
  if (result.flagged.length === 0) return [];
  const flagged = emailFlags(result.flagged, tracker.settings.riskFactorsForRed);
  const ctx: Compose = {
    school: tracker.settings.schoolName.trim(),
    week: formatLongDay(mondayOf(today)),
    url: safeHref(trackerUrl),
    deadlines: unplacedDeadlines(tracker, today),
    mentorName: (f) => {
      const m = f.pupil.mentor ? tracker.staffByInitials.get(f.pupil.mentor) : undefined;
      return m ? m.name : f.pupil.mentor ?? 'no mentor';
    },
  };
  const alerts: UnplacedAlert[] = [];
  const leaders = leaderAddresses(tracker);
  for (const to of leaders) {
    const who = tracker.staff.find((m) => m.email === to);
    alerts.push(compose(ctx, 'careers leader', to, who, flagged, result.cohort.length, undefined));
  }
  // Mentors by address, so one person never gets two messages; the leader already has everyone.
  const byMentor = new Map<string, { member: StaffMember; flags: UnplacedFlag[] }>();
  for (const f of flagged) {
    const member = f.pupil.mentor ? tracker.staffByInitials.get(f.pupil.mentor) : undefined;
    if (!member || leaders.includes(member.email)) continue;
    const entry = byMentor.get(member.email) ?? { member, flags: [] };
    entry.flags.push(f);
    byMentor.set(member.email, entry);
  }
  const mentors = [...byMentor.values()].sort((a, b) => a.member.name.localeCompare(b.member.name, 'en-GB'));
  for (const { member, flags } of mentors) {
    alerts.push(compose(ctx, 'mentor', member.email, member, flags, result.cohort.length, leaders[0]));
  }
  return alerts;
}

interface Compose {
  school: string;
  week: string;
  url: string | null;
  deadlines: { application: Day; offer: Day };
  mentorName(f: UnplacedFlag): string;
}

function compose(
  c: Compose, audience: UnplacedAlert['audience'], to: string, who: StaffMember | undefined,
  flags: UnplacedFlag[], cohort: number, replyTo: string | undefined,
): UnplacedAlert {
  const red = flags.filter((f) => f.level === 'red').length;
  const amber = flags.length - red;
  const counts = `${red} red, ${amber} amber`;
  const forLeader = audience === 'careers leader';
  const subject = (forLeader
    ? `Unplaced Year 11s: ${counts} – week of ${c.week}`
    : `Your Year 11 mentees without a post-16 place: ${counts} – week of ${c.week}`) + (c.school ? ` (${c.school})` : '');
  const greeting = who ? `Hello ${who.name},` : 'Hello,';
  const intro = forLeader
    ? `${flags.length} of the ${cohort} pupils in Year 11 ${flags.length === 1 ? 'has' : 'have'} not yet accepted a post-16 place (some may hold an offer): ${red} red and ${amber} amber.`
    : `${flags.length === 1 ? '1 of your Year 11 mentees does' : `${flags.length} of your Year 11 mentees do`} not yet have an accepted post-16 place: ${red} red and ${amber} amber. Please follow ${flags.length === 1 ? 'this' : 'these'} up at your next careers support meeting.`;
  const meaning = `Red means act now: a deadline has passed, no application is live, or several risk factors add up. Application deadline: ${formatLongDay(c.deadlines.application)}. Offer deadline: ${formatLongDay(c.deadlines.offer)}.`;
  const trackerNote = 'Some risk factors are kept in the tracker only: see the tracker for each pupil\'s full picture.';
  const footer = 'Sent by Careers Tracker (Flag unplaced Year 11s). It names pupils: please do not forward it outside school.';

  const why = (f: UnplacedFlag) => f.reasons.filter((r) => !SENSITIVE_REASONS.has(r)).map((r) => reasonPhrase(f, r, true));
  const listed = flags.slice(0, MAX_LISTED);
  const more = flags.length - listed.length;
  const moreRed = flags.slice(MAX_LISTED).filter((f) => f.level === 'red').length;
  const moreNote = more > 0 ? `…and ${more} more (${moreRed} red, ${more - moreRed} amber) in the Unplaced tab of the tracker.` : '';

  const textLines: string[] = [greeting, '', intro, meaning, ''];
  for (const level of ['red', 'amber'] as const) {
    const group = listed.filter((f) => f.level === level);
    if (group.length === 0) continue;
    textLines.push(level === 'red' ? 'RED' : 'AMBER');
    for (const f of group) {
      const bits = [f.pupil.form, forLeader ? (f.pupil.mentor ? `mentor ${c.mentorName(f)}` : 'no mentor') : ''].filter(Boolean).join(', ');
      textLines.push(`- ${f.pupil.name}${bits ? ` (${bits})` : ''}: ${why(f).join('; ')}. Last meeting: ${lastMeetingPhrase(f).toLowerCase()}.`);
    }
    textLines.push('');
  }
  if (moreNote) textLines.push(moreNote, '');
  textLines.push(trackerNote);
  if (c.url) textLines.push(`Open the tracker: ${c.url}`);
  textLines.push('', footer);

  const th = (s: string) => `<th align="left" style="padding:4px 8px;border-bottom:2px solid #ccc">${s}</th>`;
  const td = (s: string, style = '') => `<td valign="top" style="padding:4px 8px;border-bottom:1px solid #eee${style}">${s}</td>`;
  const rows = listed.map((f) => {
    const level = f.level === 'red' ? 'Red' : 'Amber';
    return `<tr>${[
      td(escapeHtml(f.pupil.name)),
      td(escapeHtml(f.pupil.form ?? '')),
      forLeader ? td(escapeHtml(c.mentorName(f))) : '',
      td(`<strong>${level}</strong>`, `;background:${RAG_COLOURS[f.level]}`),
      td(why(f).map(escapeHtml).join('<br>')),
      td(escapeHtml(lastMeetingPhrase(f))),
    ].join('')}</tr>`;
  }).join('');
  const html = [
    '<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#202124">',
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    `<p>${escapeHtml(meaning)}</p>`,
    '<table style="border-collapse:collapse">',
    `<thead><tr>${th('Pupil')}${th('Form')}${forLeader ? th('Mentor') : ''}${th('Level')}${th('Why')}${th('Last meeting')}</tr></thead>`,
    `<tbody>${rows}</tbody></table>`,
    moreNote ? `<p>${escapeHtml(moreNote)}</p>` : '',
    `<p>${escapeHtml(trackerNote)}</p>`,
    c.url ? `<p><a href="${escapeHtml(c.url)}">Open the tracker</a></p>` : '',
    `<p style="color:#5f6368;font-size:12px">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');

  return {
    to, subject: subject.slice(0, 250), text: textLines.join('\n'), html, name: SENDER,
    ...(replyTo ? { replyTo } : {}), audience, pupils: flags.length,
  };
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
