/**
 * The weekly apprenticeship bulletin (rules.md): which vacancies are open, which are New or
 * Closing soon, who receives it, the week key, and the message itself. Pure: no I/O.
 */
import {
  type Day, type DayOfYear, academicYearOf, addDays, daysBetween, formatLongDay, isoWeekKey, isoWeekday, makeDay, mondayOf,
} from './calendar';
import { escapeHtml, safeHref } from './html';
import type { Problem } from './table';
import type { Pupil, StaffMember, Tracker, Vacancy } from './tracker';
import { readEmail } from './values';

/** A vacancy is Closing soon when it closes today or within this many days (so "7 days from today" is still soon). */
export const CLOSING_SOON_DAYS = 7;
/** The email lists at most this many vacancies (the soonest closing); the rest are counted. */
export const MAX_LISTED = 50;
/** Characters of vacancy HTML per email (the plain-text part is about a third of it). */
const LIST_BUDGET = 100_000;
export const FIND_AN_APPRENTICESHIP = 'https://www.findapprenticeship.service.gov.uk/';

export interface BulletinItem {
  vacancy: Vacancy;
  /** Posted (or first seen) within `Bulletin new days` days up to today, both ends included */
  isNew: boolean;
  /** closes today or within CLOSING_SOON_DAYS days */
  closingSoon: boolean;
  /** days from today to the closing date: 0 = closes today */
  daysLeft: number;
}

/** What identifies a vacancy across runs: its Reference (without a `VAC` prefix), else title, employer and link. */
export function vacancyKey(v: Pick<Vacancy, 'reference' | 'title' | 'employer' | 'link'>): string {
  if (v.reference) return `ref:${referenceKey(v.reference)}`;
  return `row:${[v.title, v.employer, v.link].map((s) => s.trim().toLowerCase()).join('|')}`;
}

export function referenceKey(reference: string): string {
  return reference.trim().toUpperCase().replace(/^VAC/, '');
}

/**
 * The vacancies still open today (closing today or later), soonest closing first, then by title.
 * A blank Posted counts as the day the vacancy was first seen (`firstSeen`, else today).
 */
export function openVacancies(
  vacancies: Vacancy[],
  today: Day,
  newDays: number,
  firstSeen: ReadonlyMap<string, Day> = new Map(),
): BulletinItem[] {
  return vacancies
    .filter((v) => v.closing >= today)
    .map((v) => {
      const posted = v.posted ?? firstSeen.get(vacancyKey(v)) ?? today;
      const age = daysBetween(posted, today);
      const daysLeft = daysBetween(today, v.closing);
      return { vacancy: v, isNew: age >= 0 && age <= newDays, closingSoon: daysLeft <= CLOSING_SOON_DAYS, daysLeft };
    })
    .sort((a, b) => compare(a.vacancy.closing, b.vacancy.closing) || compareTitles(a.vacancy.title, b.vacancy.title));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareTitles(a: string, b: string): number {
  return compare(a.toLowerCase(), b.toLowerCase()) || compare(a, b);
}

export interface BulletinRecipient {
  /** the address as written in the first row that has it */
  email: string;
  /** lower case: what de-duplication and the Log compare */
  key: string;
  /** the first names of the pupils who share this address, in row order */
  firstNames: string[];
  pupilRows: number[];
  /**
   * Vacancies starting before this day are left out of their email: the last Friday in June of
   * Year 11, for an address that only current Year 11 pupils use. Null: every vacancy (a leaver).
   */
  startsFrom: Day | null;
}

export interface RecipientSelection {
  recipients: BulletinRecipient[];
  /** pupils in the cohort whose Email (or Bulletin value) cannot be used: they are skipped */
  problems: Problem[];
  optedOut: number;
  noEmail: number;
  /** rows whose address repeats an earlier row's (ignoring case) */
  duplicates: number;
}

/** The first year of leavers who still get the bulletin: S − N + 1 (rules.md, recent leavers). */
export function firstRecentLeaverYear(today: Day, tracker: Pick<Tracker, 'settings'>): number {
  const s = academicYearOf(today, tracker.settings.academicYearStart).startYear;
  return s - tracker.settings.bulletinLeaverYears + 1;
}

/**
 * The last Friday in June of the academic year containing `today`: the earliest day a Year 11 may
 * leave school, so the earliest an apprenticeship they take can start.
 */
export function year11LeavingDay(today: Day, academicYearStart: DayOfYear): Day {
  let day = makeDay(academicYearOf(today, academicYearStart).startYear + 1, 6, 30)!;
  while (isoWeekday(day) !== 5) day = addDays(day, -1);
  return day;
}

/** On roll in Year 11 and not marked as left: a Leaver year means the pupil has left (rules.md). */
export function isCurrentYear11(p: Pupil): boolean {
  return p.year === 11 && p.leaverYear === null;
}

/** The vacancies for one recipient: a current Year 11 does not see those starting before they may leave school. */
export function vacanciesFor(items: BulletinItem[], recipient: Pick<BulletinRecipient, 'startsFrom'>): BulletinItem[] {
  const from = recipient.startsFrom;
  return from ? items.filter((i) => !i.vacancy.starts || i.vacancy.starts >= from) : items;
}

/** On roll in Year 11, or a recent leaver. */
export function inBulletinCohort(p: Pupil, firstLeaverYear: number): boolean {
  return p.year === 11 || (p.leaverYear !== null && p.leaverYear >= firstLeaverYear);
}

/**
 * Who receives this week's bulletin: pupils on roll in Year 11 and recent leavers with a valid
 * Email whose Bulletin is not No (blank = yes). Addresses are de-duplicated ignoring case. An
 * invalid Email (or a Bulletin value that is neither yes nor no) is a problem, and that pupil is
 * skipped: when someone has written something unclear in Bulletin, we do not guess "yes".
 */
export function bulletinRecipients(
  tracker: Pick<Tracker, 'pupils' | 'settings' | 'problems' | 'headers'>,
  today: Day,
): RecipientSelection {
  const firstLeaverYear = firstRecentLeaverYear(today, tracker);
  const leavingDay = year11LeavingDay(today, tracker.settings.academicYearStart);
  const header = tracker.headers.Pupils;
  const headerOf = (key: string) => {
    const at = header?.columns.get(key);
    return at === undefined ? null : header.headers[at];
  };
  const emailHeader = headerOf('email');
  const bulletinHeader = headerOf('bulletin');
  const badEmail = new Map<number, Problem>();
  const badBulletin = new Map<number, Problem>();
  for (const p of tracker.problems) {
    if (p.tab !== 'Pupils') continue;
    if (emailHeader !== null && p.column === emailHeader) badEmail.set(p.row, p);
    if (bulletinHeader !== null && p.column === bulletinHeader) badBulletin.set(p.row, p);
  }

  const selection: RecipientSelection = { recipients: [], problems: [], optedOut: 0, noEmail: 0, duplicates: 0 };
  const byKey = new Map<string, BulletinRecipient>();
  for (const pupil of tracker.pupils) {
    if (!inBulletinCohort(pupil, firstLeaverYear)) continue;
    if (pupil.bulletin === false) {
      selection.optedOut++;
      continue;
    }
    const unclear = badBulletin.get(pupil.row);
    if (unclear) {
      selection.problems.push({ ...unclear, message: `${unclear.message} ${pupil.name} is left out of the bulletin until Bulletin says Yes or No.` });
      continue;
    }
    const invalid = badEmail.get(pupil.row);
    if (invalid) {
      selection.problems.push({ ...invalid, message: `${invalid.message} ${pupil.name} does not get the bulletin until it is corrected.` });
      continue;
    }
    if (!pupil.email) {
      selection.noEmail++;
      continue;
    }
    const checked = readEmail(pupil.email);
    if (!checked.ok) {
      selection.problems.push({
        tab: 'Pupils', row: pupil.row, column: emailHeader ?? 'Email', value: pupil.email,
        message: `${checked.message} ${pupil.name} does not get the bulletin until it is corrected.`,
      });
      continue;
    }
    const key = checked.value.toLowerCase();
    const earlier = byKey.get(key);
    if (earlier) {
      selection.duplicates++;
      const first = firstName(pupil.name);
      if (first && !earlier.firstNames.includes(first)) earlier.firstNames.push(first);
      earlier.pupilRows.push(pupil.row);
      // A family address shared with a leaver gets every vacancy.
      if (!isCurrentYear11(pupil)) earlier.startsFrom = null;
      continue;
    }
    const recipient: BulletinRecipient = {
      email: checked.value, key, firstNames: [], pupilRows: [pupil.row], startsFrom: isCurrentYear11(pupil) ? leavingDay : null,
    };
    const first = firstName(pupil.name);
    if (first) recipient.firstNames.push(first);
    byKey.set(key, recipient);
    selection.recipients.push(recipient);
  }
  return selection;
}

/** "Sam Jones" → Sam; "Jones, Sam" (surname first, as MIS exports write it) → Sam. */
export function firstName(name: string): string {
  const n = name.replace(/\s+/g, ' ').trim();
  const given = n.includes(',') ? n.slice(n.indexOf(',') + 1).trim() : n;
  return given.split(' ')[0] ?? '';
}

export interface BulletinWeek {
  /** ISO week of today, e.g. `2026-W10`: the Log's Week column */
  weekKey: string;
  monday: Day;
}

export function bulletinWeek(today: Day): BulletinWeek {
  return { weekKey: isoWeekKey(today), monday: mondayOf(today) };
}

/** `Apprenticeship vacancies – week of 2 March 2026`, after the school name when it is set. */
export function bulletinSubject(schoolName: string, monday: Day): string {
  const base = `Apprenticeship vacancies – week of ${formatLongDay(monday)}`;
  const school = oneLine(schoolName).slice(0, 100);
  return school ? `${school}: ${base}` : base;
}

/** Who pupils reply to: the careers leader named in Settings (or the first one in Staff). */
export interface BulletinContact {
  name: string | null;
  email: string | null;
}

export function bulletinContact(tracker: Pick<Tracker, 'settings' | 'staff'>): BulletinContact {
  const email = tracker.settings.careersLeaderEmail;
  const leaders = tracker.staff.filter((m: StaffMember) => m.roles.includes('Careers leader'));
  if (email) {
    const named = tracker.staff.find((m) => m.email === email.toLowerCase());
    return { name: named?.name ?? null, email };
  }
  const first = leaders[0];
  return first ? { name: first.name, email: first.email } : { name: null, email: null };
}

export interface BulletinContent {
  schoolName: string;
  today: Day;
  week: BulletinWeek;
  items: BulletinItem[];
  contact: BulletinContact;
  /** a Year 11's list: how many open vacancies start before `startsFrom` and are left out */
  startsFrom?: Day | null;
  startingEarlier?: number;
}

export interface RenderedBulletin {
  subject: string;
  /** the sender's display name */
  fromName: string;
  replyTo: string | undefined;
  render(recipient: Pick<BulletinRecipient, 'firstNames'>): { html: string; text: string };
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function longDayWithWeekday(day: Day): string {
  return `${WEEKDAYS[isoWeekday(day) - 1]} ${formatLongDay(day)}`;
}

function whenCloses(daysLeft: number): string {
  if (daysLeft === 0) return 'today';
  if (daysLeft === 1) return 'tomorrow';
  return `in ${daysLeft} days`;
}

/** Values from the sheet on one line: no control characters, single spaces. */
function oneLine(s: string | null | undefined): string {
  return String(s ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** One line, cut to `max` characters: a pasted paragraph must not swell every email. */
function short(s: string | null | undefined, max = 100): string {
  const t = oneLine(s);
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

/** Links longer than this are left out (ask the careers team), so no advert can blow the size limit. */
const MAX_LINK = 600;

function linkOf(v: Vacancy): string | null {
  const href = safeHref(v.link);
  return href && href.length <= MAX_LINK ? href : null;
}

const LEVEL_NAMES: Record<number, string> = { 2: 'Intermediate', 3: 'Advanced', 4: 'Higher', 5: 'Higher', 6: 'Degree', 7: 'Degree' };
const NAME_LEVELS: Record<string, string> = { intermediate: '2', advanced: '3', higher: '4 or 5', degree: '6 or 7' };

/**
 * A level written one way, `Level 3 (Advanced)`, whether the cell says `3`, `Level 3`, `L3`,
 * `Advanced`, `3 (Advanced)` or `advanced`; the number wins when the two disagree. Other text is
 * kept as written.
 */
export function formatLevel(level: string | null | undefined): string {
  const t = oneLine(level);
  if (!t) return '';
  const num = /^(?:level|lvl|l)?\s*([1-8])\b/i.exec(t) ?? /\blevel\s*([1-8])\b/i.exec(t);
  const word = /\b(intermediate|advanced|higher|degree)\b/i.exec(t);
  const given = word ? word[1].charAt(0).toUpperCase() + word[1].slice(1).toLowerCase() : '';
  if (num) {
    const n = Number(num[1]);
    const name = LEVEL_NAMES[n] ?? given;
    return name ? `Level ${n} (${name})` : `Level ${n}`;
  }
  return given ? `Level ${NAME_LEVELS[given.toLowerCase()]} (${given})` : t;
}

function levelText(level: string | null): string {
  return short(formatLevel(level), 60);
}

/** Start date, hours and distance, when the row gives them: `Starts Monday 7 September 2026`, `37.5 hours a week`, `4.2 miles away`. */
function factsOf(v: Vacancy): string[] {
  const facts: string[] = [];
  if (v.starts) facts.push(`Starts ${longDayWithWeekday(v.starts)}`);
  if (typeof v.hours === 'number' && v.hours > 0) facts.push(`${roundNumber(v.hours)} hours a week`);
  if (typeof v.distance === 'number' && v.distance >= 0) facts.push(`${roundNumber(v.distance)} mile${v.distance === 1 ? '' : 's'} away`);
  return facts;
}

function roundNumber(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function greetingNames(names: string[]): string {
  const clean = names.map(oneLine).filter(Boolean);
  if (clean.length === 0) return '';
  if (clean.length === 1) return clean[0];
  return `${clean.slice(0, -1).join(', ')} and ${clean[clean.length - 1]}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function summaryLine(items: BulletinItem[]): string {
  const fresh = items.filter((i) => i.isNew).length;
  const soon = items.filter((i) => i.closingSoon).length;
  const parts = [
    `${plural(items.length, 'apprenticeship is', 'apprenticeships are')} open for applications`,
  ];
  const extra: string[] = [];
  if (fresh) extra.push(`${fresh} new`);
  if (soon) extra.push(`${soon} closing within ${CLOSING_SOON_DAYS} days`);
  return extra.length ? `${parts[0]}: ${extra.join(', ')}.` : `${parts[0]}.`;
}

const FONT = "font-family:Arial,Helvetica,sans-serif;";

function badge(label: string, background: string, colour: string): string {
  return `<span style="display:inline-block;${FONT}font-size:12px;line-height:16px;font-weight:bold;letter-spacing:0.3px;background:${background};color:${colour};padding:2px 8px;border-radius:10px;margin:0 6px 6px 0;">${label}</span>`;
}

/** A UK postcode never breaks across lines on a narrow screen (applied to escaped text). */
function keepPostcodeTogether(html: string): string {
  return html.replace(/\b([A-Z]{1,2}\d[A-Z\d]?) (\d[A-Z]{2})\b/g, '$1&nbsp;$2');
}

function itemHtml(item: BulletinItem): string {
  const v = item.vacancy;
  const href = linkOf(v);
  const title = escapeHtml(short(v.title, 140));
  const badges = [
    item.isNew ? badge('NEW', '#d1fae5', '#065f46') : '',
    item.closingSoon ? badge('CLOSING SOON', '#fee2e2', '#991b1b') : '',
  ].join('');
  const employer = escapeHtml(short(v.employer));
  const location = keepPostcodeTogether(escapeHtml(short(v.location)));
  const what = [levelText(v.level), short(v.wage)].filter(Boolean).map(escapeHtml).join(' &middot; ');
  const facts = factsOf(v).map(escapeHtml).join(' &middot; ');
  const closing = `Closes ${escapeHtml(longDayWithWeekday(v.closing))} (${whenCloses(item.daysLeft)})`;
  const accent = item.closingSoon ? '#dc2626' : item.isNew ? '#059669' : '#d1d5db';
  const heading = href
    ? `<a href="${escapeHtml(href)}" style="color:#1d4ed8;text-decoration:underline;">${title}</a>`
    : title;
  const action = href
    ? `<a href="${escapeHtml(href)}" style="display:inline-block;${FONT}font-size:15px;line-height:20px;font-weight:bold;color:#ffffff;background:#1d4ed8;text-decoration:none;padding:10px 18px;border-radius:6px;">View and apply</a>`
    : `<span style="${FONT}font-size:14px;color:#4b5563;">Ask the careers team for the link to apply.</span>`;
  return `<tr><td style="padding:6px 10px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:separate;background:#ffffff;border:1px solid #e5e7eb;border-left:4px solid ${accent};border-radius:6px;">
<tr><td style="padding:14px 14px 16px;${FONT}color:#1f2937;word-break:break-word;overflow-wrap:anywhere;">
${badges ? `<div>${badges}</div>` : ''}<div style="font-size:18px;line-height:24px;font-weight:bold;margin:0 0 4px;">${heading}</div>
${employer ? `<div style="font-size:15px;line-height:22px;color:#111827;">${employer}</div>` : ''}
${location ? `<div style="font-size:15px;line-height:22px;color:#374151;">${location}</div>` : ''}
${what ? `<div style="font-size:15px;line-height:22px;color:#374151;">${what}</div>` : ''}
${facts ? `<div style="font-size:15px;line-height:22px;color:#374151;">${facts}</div>` : ''}
<div style="font-size:15px;line-height:22px;margin:6px 0 12px;color:${item.closingSoon ? '#b91c1c' : '#374151'};${item.closingSoon ? 'font-weight:bold;' : ''}">${closing}</div>
${action}
</td></tr></table>
</td></tr>`;
}

function itemText(item: BulletinItem, n: number): string {
  const v = item.vacancy;
  const href = linkOf(v);
  const flags = [item.isNew ? '[NEW]' : '', item.closingSoon ? '[CLOSING SOON]' : ''].filter(Boolean).join(' ');
  const lines = [
    `${n}. ${flags ? `${flags} ` : ''}${short(v.title, 140)}`,
    [short(v.employer), short(v.location)].filter(Boolean).join(' – '),
    [levelText(v.level), short(v.wage)].filter(Boolean).join(' – '),
    factsOf(v).join(' – '),
    `Closes ${longDayWithWeekday(v.closing)} (${whenCloses(item.daysLeft)})`,
    href ?? 'Ask the careers team for the link to apply.',
  ].filter(Boolean);
  return lines.map((l, i) => (i === 0 ? l : `   ${l}`)).join('\n');
}

function footerText(c: BulletinContent): string {
  const school = oneLine(c.schoolName) || 'school';
  const name = oneLine(c.contact.name);
  const email = oneLine(c.contact.email);
  const who = [name ? `${name}, the careers leader` : 'the careers leader', email].filter(Boolean).join(', ');
  const how = name || email
    ? `reply to this email (it goes to ${who}) and ask to be taken off the list.`
    : 'reply to this email and ask the careers leader to take you off the list.';
  return `You get this email because you are in Year 11 at ${school} or left recently. To stop receiving it, ${how}`;
}

/**
 * The message for this week: the vacancy list is built once; each recipient's copy only adds the
 * greeting. Every value from the sheet is escaped, and only http(s) links become links.
 */
export function renderBulletin(c: BulletinContent): RenderedBulletin {
  const subject = bulletinSubject(c.schoolName, c.week.monday);
  const school = oneLine(c.schoolName);
  // At most MAX_LISTED, and within a size budget well under Gmail's 200 KB body limit.
  const listed: BulletinItem[] = [];
  const htmlParts: string[] = [];
  let size = 0;
  for (const item of c.items.slice(0, MAX_LISTED)) {
    const part = itemHtml(item);
    if (size + part.length > LIST_BUDGET) break;
    listed.push(item);
    htmlParts.push(part);
    size += part.length;
  }
  const more = c.items.length - listed.length;
  const intro = summaryLine(c.items);
  const early = c.startsFrom && c.startingEarlier
    ? `${plural(c.startingEarlier, 'more starts', 'more start')} before ${longDayWithWeekday(c.startsFrom)}, the earliest you can leave school, so ${c.startingEarlier === 1 ? 'it is' : 'they are'} not listed.`
    : '';
  const weekOf = `Week of ${formatLongDay(c.week.monday)}`;
  const moreText = more > 0 ? `And ${plural(more, 'more vacancy', 'more vacancies')} closing later: ask the careers team, or search Find an apprenticeship.` : '';
  const contactEmail = c.contact.email ? oneLine(c.contact.email) : '';

  const htmlItems = htmlParts.join('\n');
  const htmlFooter = `<tr><td style="padding:16px 16px 20px;${FONT}font-size:14px;line-height:21px;color:#4b5563;">
${moreText ? `<p style="margin:0 0 12px;">${escapeHtml(moreText)}</p>` : ''}<p style="margin:0 0 12px;">Find more apprenticeships across England on <a href="${FIND_AN_APPRENTICESHIP}" style="color:#1d4ed8;">Find an apprenticeship</a>.</p>
<p style="margin:0;">${escapeHtml(footerText(c))}</p>
</td></tr>`;
  const htmlTop = `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6;">
<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(intro)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f3f4f6;">
<tr><td align="center" style="padding:12px 6px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background:#f9fafb;border-radius:8px;">
<tr><td style="padding:18px 16px 6px;${FONT}color:#1f2937;">
${school ? `<div style="font-size:13px;line-height:18px;color:#4b5563;text-transform:uppercase;letter-spacing:0.5px;">${escapeHtml(school)} careers</div>` : ''}
<h1 style="margin:2px 0 2px;${FONT}font-size:22px;line-height:28px;color:#111827;">Apprenticeship vacancies</h1>
<div style="font-size:14px;line-height:20px;color:#4b5563;">${escapeHtml(weekOf)}</div>`;

  const textList = listed.map((item, i) => itemText(item, i + 1)).join('\n\n');

  return {
    subject,
    fromName: school ? `${school} Careers` : 'Careers',
    replyTo: contactEmail || undefined,
    render(recipient) {
      const names = greetingNames(recipient.firstNames);
      const hello = names ? `Hello ${names},` : 'Hello,';
      const html = `${htmlTop}
<p style="margin:16px 0 8px;font-size:16px;line-height:24px;">${escapeHtml(hello)}</p>
<p style="margin:0 0 8px;font-size:16px;line-height:24px;">${escapeHtml(intro)}</p>
${early ? `<p style="margin:0 0 8px;font-size:15px;line-height:22px;color:#4b5563;">${escapeHtml(early)}</p>\n` : ''}</td></tr>
${htmlItems}
${htmlFooter}
</table>
</td></tr></table>
</body></html>`;
      const text = [
        hello,
        '',
        `${subject}`,
        '',
        intro,
        ...(early ? [early] : []),
        '',
        textList,
        ...(moreText ? ['', moreText] : []),
        '',
        `Find more apprenticeships across England: ${FIND_AN_APPRENTICESHIP}`,
        '',
        '--',
        footerText(c),
        '',
      ].join('\n');
      return { html, text };
    },
  };
}
