/**
 * A pupil's careers record (records.md): what each kind holds, who may make it, the one HTML
 * design (A4 when printed), and the subject access request's rows. Pure: no I/O.
 *
 * No record names another pupil: activities are shown by name, date, type and provider only,
 * and every free-text cell is searched for the other pupils' names and IDs, which are replaced
 * by "[another pupil]".
 */
import type { CellValue } from '../ports';
import { type Day, formatLongDay, formatUkDay } from './calendar';
import { BENCHMARK_NAMES } from './benchmarks';
import { escapeHtml } from './html';
import { ACTIVITIES_TAB, normaliseHeader } from './schema';
import { mapHeaders } from './table';
import type { Meeting, Pupil, StaffMember, Tracker } from './tracker';
import { displayCell, isBlank, splitList } from './values';
import { neutralise } from './write';
import { forEachAttendee, indexPupils } from './scores';

export type RecordKind = 'pupil' | 'transition' | 'sar';
export const RECORD_KINDS: readonly RecordKind[] = ['pupil', 'transition', 'sar'];

export const RECORD_TITLES: Record<RecordKind, string> = {
  pupil: 'Careers record',
  transition: 'Careers transition document',
  sar: 'Subject access request',
};

const OTHER = '[another pupil]';

// ---- Who may make which record ----

/** null when allowed; else the reason, for the member of staff who asked. */
export function recordRefusal(member: StaffMember | undefined, pupil: Pupil, kind: RecordKind): string | null {
  if (!member) return 'You are not in the Staff tab, so you cannot make pupils\' records. Ask the careers leader to add you.';
  const leader = member.roles.includes('Careers leader');
  if (kind === 'sar') return leader ? null : 'Only the careers leader can answer a subject access request.';
  if (!leader && !member.roles.includes('Careers adviser') && pupil.mentor !== member.initials) {
    return `${pupil.name} is not one of your mentees in the Pupils tab: only their mentor, the careers leader and the careers adviser can make their record.`;
  }
  return kind === 'transition' ? consentRefusal(pupil) : null;
}

/** The transition document goes to the next provider only with Consent to share. */
export function consentRefusal(pupil: Pupil): string | null {
  return pupil.shareConsent === true ? null
    : `${pupil.name} has no "Yes" in Consent to share (Pupils tab), so their transition document cannot be made: record the pupil's or parents' consent there first.`;
}

// ---- Keeping other pupils out ----

/** Words: letters (accented too), digits, apostrophes and hyphens; anything else separates them. */
const SEPARATOR = /([^A-Za-z0-9\u00C0-\u024F'\u2019-]+)/;
/**
 * A word as it is compared: lower case, without accents (staff often type "Zoe Muller" for Zoë
 * Müller, and a Mac may type ë as e + ¨), and a curly apostrophe read as a straight one
 * ("O’Brien" is O'Brien).
 */
const fold = (w: string) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
/** A name's words, joined by one space: "Stone, Sam" is "stone sam", "St. John" is "st john". */
const norm = (s: string) => fold(s).split(SEPARATOR).filter((w, i) => i % 2 === 0 && w !== '').join(' ');
/** A name as a careers leader may type it: "aoife  O’Brien" is Aoife O'Brien. */
export const nameKey = norm;
/** Between two words of a name: spaces, after a comma or full stop at most ("Stone, Sam", "St. John"). */
const NAME_GAP = /^[,.]?\s+$/;

/**
 * Replaces every other pupil's name or ID in a text by "[another pupil]". Built once per tracker
 * for any pupil: a text is cut into words and each run of up to the longest name's word count is
 * looked up, so the cost does not grow with the number of pupils.
 */
/** An email address in free text (a trailing full stop is the sentence's). */
const EMAIL_IN_TEXT = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]*[A-Za-z0-9]/g;

export class Redactor {
  private readonly owner = new Map<string, string>();
  /** each pupil's email address: "sam.stone@school.org" names Sam Stone as surely as his name */
  private readonly emails = new Map<string, string>();
  private longest = 1;

  constructor(pupils: Pupil[]) {
    for (const p of pupils) {
      const email = (p.email ?? '').trim().toLowerCase();
      if (email && !this.emails.has(email)) this.emails.set(email, p.key);
      // A name kept surname first ("Stone, Sam") is also written forename first in notes.
      const comma = /^([^,]+),([^,]+)$/.exec(p.name);
      for (const w of [p.name, p.id, ...(comma ? [`${comma[2]} ${comma[1]}`] : [])]) {
        const k = norm(w);
        if (k.length < 3 || this.owner.has(k)) continue;
        this.owner.set(k, p.key);
        this.longest = Math.max(this.longest, k.split(' ').length);
      }
    }
  }

  /** The text with everyone but `self` (a pupil key) replaced. */
  clean(text: string, self: string): string {
    if (!text || this.owner.size === 0) return text;
    let changed = false;
    let source = text.normalize('NFC');
    if (this.emails.size && source.includes('@')) {
      source = source.replace(EMAIL_IN_TEXT, (e) => {
        const who = this.emails.get(e.toLowerCase());
        if (who === undefined || who === self) return e;
        changed = true;
        return OTHER;
      });
    }
    const parts = source.split(SEPARATOR);
    const out: string[] = [];
    for (let i = 0; i < parts.length; i += 2) {
      // The longest name found here wins: "Ben Ali Khan" is Ben Ali Khan, not Ben Ali and a word.
      let hit = 0;
      let mine = false;
      let phrase = '';
      for (let k = 0, j = i; k < this.longest && j < parts.length; k++, j += 2) {
        if (k > 0 && !NAME_GAP.test(parts[j - 1])) break;
        phrase = k ? `${phrase} ${fold(parts[j])}` : fold(parts[j]);
        // "Sam Stone's" is Sam Stone.
        const who = this.owner.get(phrase) ?? this.owner.get(phrase.replace(/'s$/, ''));
        if (who !== undefined) {
          hit = k + 1;
          mine = who === self;
        }
      }
      if (hit && !mine) {
        out.push(OTHER);
        changed = true;
        i += 2 * (hit - 1);
      } else if (hit) {
        out.push(parts.slice(i, i + 2 * hit - 1).join(''));
        i += 2 * (hit - 1);
      } else out.push(parts[i]);
      if (i + 1 < parts.length) out.push(parts[i + 1]);
    }
    return changed ? out.join('') : text;
  }
}

// ---- The document model, and its one HTML design ----

export interface RecordBlock {
  heading: string;
  badge?: string;
  facts: [string, string][];
}

export interface RecordSection {
  heading: string;
  facts?: [string, string][];
  table?: { headers: string[]; rows: string[][] };
  blocks?: RecordBlock[];
  /** shown when the section has nothing */
  empty?: string;
  note?: string;
}

export interface RecordDocument {
  kind: RecordKind;
  pupilId: string;
  pupilName: string;
  title: string;
  school: string;
  made: Day;
  madeBy: string;
  sections: RecordSection[];
  footer: string;
}

const dayText = (d: Day | null | undefined) => (d ? formatLongDay(d) : '');
const or = (v: string | null | undefined, blank = '') => (v && v.trim() ? v.trim() : blank);

function staffName(tracker: Tracker, initials: string): string {
  return tracker.staffByInitials.get(initials)?.name ?? initials;
}

function meetingsOf(tracker: Tracker, pupil: Pupil, withStaffOnly: boolean): Meeting[] {
  return tracker.meetings
    .filter((m) => m.pupil === pupil.key && (withStaffOnly || !m.staffOnly))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row));
}

function isLevel6Guidance(tracker: Tracker, m: Meeting): boolean {
  return m.type === 'Guidance' && tracker.staffByInitials.get(m.staff)?.level6 === true;
}

/** The activities the pupil attended up to today (the attendee rule of the scores), grouped by benchmark. */
export function activitiesByBenchmark(tracker: Tracker, pupil: Pupil, today: Day): Map<number, typeof tracker.activities> {
  const index = indexPupils(tracker.pupils, today, tracker.settings.academicYearStart, tracker.settings.trackerYear);
  const me = index.byKey.get(pupil.key);
  const groups = new Map<number, typeof tracker.activities>();
  if (me === undefined) return groups;
  const seen = new Int32Array(index.pupils.length).fill(-1);
  tracker.activities.forEach((a, k) => {
    // Attended: up to today, as the scores count them; a planned activity is not attended yet.
    if (a.date > today) return;
    let attended = false;
    forEachAttendee(index, a, seen, k, (i) => { if (i === me) attended = true; });
    if (!attended) return;
    for (const bm of a.benchmarks.length ? a.benchmarks : [0]) {
      const list = groups.get(bm) ?? [];
      list.push(a);
      groups.set(bm, list);
    }
  });
  for (const list of groups.values()) list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  return new Map([...groups.entries()].sort((x, y) => (x[0] || 99) - (y[0] || 99)));
}

interface Build {
  tracker: Tracker;
  pupil: Pupil;
  today: Day;
  madeBy: string;
  redactor: Redactor;
}

function doc(b: Build, kind: RecordKind, sections: RecordSection[], footer: string): RecordDocument {
  return {
    kind, pupilId: b.pupil.id, pupilName: b.pupil.name, title: RECORD_TITLES[kind], school: b.tracker.settings.schoolName,
    made: b.today, madeBy: b.madeBy, sections, footer,
  };
}

/** The pupil's own record, for them and their parents or carers. */
export function pupilRecord(b: Build): RecordDocument {
  const { tracker, pupil, redactor } = b;
  const clean = (t: string | null) => redactor.clean(or(t), pupil.key);
  const fact = (label: string, v: string | null): [string, string] => [label, clean(v)];
  const sections: RecordSection[] = [];
  sections.push({
    heading: 'About',
    facts: [
      ['Name', pupil.name],
      pupil.year !== null ? ['Year', String(pupil.year)] : ['Left', `summer ${pupil.leaverYear}`],
      fact('Form', pupil.form),
    ],
  });
  sections.push({
    heading: 'Plans',
    facts: [fact('Plan A', pupil.planA), fact('Plan B', pupil.planB), ['Application status', or(pupil.status)], fact('Provider', pupil.provider), fact('Course', pupil.course)],
  });
  sections.push({
    heading: 'Meetings',
    empty: 'No meetings recorded yet.',
    blocks: meetingsOf(tracker, pupil, false).map((m) => ({
      heading: `${formatLongDay(m.date)} · ${m.type} · with ${staffName(tracker, m.staff)}`,
      badge: isLevel6Guidance(tracker, m) ? 'Guidance meeting with a qualified (Level 6) careers adviser' : undefined,
      facts: [
        fact('Grades', m.grades), fact('Options', m.options), fact('Aspirations', m.aspirations),
        fact('Motivation', m.motivation), fact('Notes', m.notes), ['Next meeting', dayText(m.nextMeeting)],
      ],
    })),
  });
  const actions = tracker.actions.filter((a) => a.pupil === pupil.key)
    .sort((x, y) => (x.status === y.status ? (x.due < y.due ? -1 : 1) : x.status === 'Open' ? -1 : 1));
  sections.push({
    heading: 'Actions',
    empty: 'No actions agreed yet.',
    table: {
      headers: ['Action', 'Due', 'Who', 'Status'],
      rows: actions.map((a) => [
        clean(a.action), formatUkDay(a.due), a.owner === null ? '' : a.owner === 'Pupil' ? 'Pupil' : staffName(tracker, a.owner),
        a.status === 'Done' ? `Done${a.doneOn ? ` ${formatUkDay(a.doneOn)}` : ''}` : 'Open',
      ]),
    },
  });
  const groups = activitiesByBenchmark(tracker, pupil, b.today);
  sections.push({ heading: 'Activities attended', empty: 'No careers activities recorded for this pupil yet.', note: groups.size ? 'By Gatsby Benchmark; an activity may count for more than one.' : undefined });
  for (const [bm, list] of groups) {
    sections.push({
      heading: bm ? `Benchmark ${bm}: ${BENCHMARK_NAMES[bm]}` : 'Other activities',
      table: { headers: ['Date', 'Activity', 'Type', 'Provider'], rows: list.map((a) => [formatUkDay(a.date), clean(a.title), a.type, clean(a.provider)]) },
    });
  }
  if (pupil.leaverYear !== null) {
    sections.push({
      heading: 'Destinations since leaving',
      empty: 'No destination recorded yet.',
      table: {
        headers: ['Checked', 'Destination', 'Provider', 'Course or role'],
        rows: tracker.destinations.filter((d) => d.pupil === pupil.key).sort((x, y) => (x.checked < y.checked ? -1 : 1))
          .map((d) => [formatUkDay(d.checked), d.status, clean(d.provider), clean(d.course)]),
      },
    });
  }
  return doc(b, 'pupil', sections, 'This record holds the careers advice and activities the school has recorded for this pupil. Ask the careers leader if anything in it is wrong.');
}

/** The transition document for the next provider: only with Consent to share (checked by recordRefusal). */
export function transitionRecord(b: Build, dateOfBirth: Day | null): RecordDocument {
  const { tracker, pupil, redactor } = b;
  const clean = (t: string | null) => redactor.clean(or(t), pupil.key);
  const meetings = meetingsOf(tracker, pupil, false);
  const latest = (key: 'grades' | 'options' | 'aspirations' | 'motivation' | 'needs'): string => {
    for (let i = meetings.length - 1; i >= 0; i--) {
      const v = meetings[i][key];
      if (v && v.trim()) return `${clean(v)} (${formatUkDay(meetings[i].date)})`;
    }
    return '';
  };
  const open = tracker.actions.filter((a) => a.pupil === pupil.key && a.status === 'Open').sort((x, y) => (x.due < y.due ? -1 : 1));
  const guidance = meetings.filter((m) => m.type === 'Guidance');
  return doc(b, 'transition', [
    { heading: 'About', facts: [['Name', pupil.name], ['Date of birth', dayText(dateOfBirth)]] },
    { heading: 'Next step', facts: [['Provider', clean(pupil.provider)], ['Course', clean(pupil.course)], ['Plan A', clean(pupil.planA)], ['Plan B', clean(pupil.planB)]] },
    {
      heading: 'From the latest careers meetings',
      facts: [['Grades', latest('grades')], ['Options', latest('options')], ['Aspirations', latest('aspirations')], ['Motivation', latest('motivation')], ['Needs', latest('needs')]],
    },
    { heading: 'Open actions', empty: 'None.', table: { headers: ['Action', 'Due'], rows: open.map((a) => [clean(a.action), formatUkDay(a.due)]) } },
    {
      heading: 'Careers guidance meetings',
      empty: 'None recorded.',
      table: { headers: ['Date', 'With a qualified (Level 6) adviser'], rows: guidance.map((m) => [formatUkDay(m.date), isLevel6Guidance(tracker, m) ? 'Yes' : 'No']) },
    },
  ], 'Shared with the consent recorded by the school (Consent to share). For the post-16 provider\'s transition meeting; please keep it confidential.');
}

export function buildRecord(tracker: Tracker, pupil: Pupil, kind: 'pupil' | 'transition', o: { today: Day; madeBy: string; redactor: Redactor }): RecordDocument {
  const b: Build = { tracker, pupil, today: o.today, madeBy: o.madeBy, redactor: o.redactor };
  return kind === 'pupil' ? pupilRecord(b) : transitionRecord(b, pupil.dateOfBirth ?? null);
}

const CSS = `@page{size:A4;margin:16mm 15mm 18mm}
*{box-sizing:border-box}
body{font:10.5pt/1.4 Arial,Helvetica,sans-serif;color:#202124;margin:0}
@media screen{body{max-width:210mm;margin:0 auto;padding:16mm 15mm}}
header{border-bottom:3px solid #1a5b8c;padding-bottom:6px;margin-bottom:10px}
header .school{font-size:9.5pt;color:#5f6368;text-transform:uppercase;letter-spacing:.04em}
h1{font-size:18pt;margin:2px 0;color:#1a5b8c}
header .who{font-size:12pt;font-weight:bold}
header .meta{font-size:9pt;color:#5f6368}
h2{font-size:12pt;color:#1a5b8c;border-bottom:1px solid #dadce0;margin:14px 0 6px;padding-bottom:2px;break-after:avoid}
table.f td{border:0;padding:1px 8px 1px 0;font-size:10.5pt}
table.f td:first-child{width:34mm;color:#5f6368}
table{width:100%;border-collapse:collapse;font-size:9.5pt}
th{text-align:left;background:#eef3f8;border-bottom:1px solid #c6d3e0;padding:3px 5px}
td{border-bottom:1px solid #eceff1;padding:3px 5px;vertical-align:top;white-space:pre-wrap}
td.d{white-space:nowrap}
tr,.block{break-inside:avoid}
.block{border:1px solid #dadce0;border-radius:4px;padding:6px 8px;margin:0 0 6px}
.block h3{font-size:10.5pt;margin:0 0 4px}
.badge{display:inline-block;background:#e6f4ea;color:#137333;border-radius:3px;padding:0 5px;font-size:8.5pt;margin-bottom:4px}
.empty,.note{color:#5f6368;font-style:italic;margin:2px 0}
footer{margin-top:16px;border-top:1px solid #dadce0;padding-top:6px;font-size:8.5pt;color:#5f6368}`;

function factsHtml(facts: [string, string][]): string {
  const shown = facts.filter(([, v]) => v !== '');
  // A table, not CSS grid: Apps Script's own HTML-to-PDF conversion lays tables out, not grids.
  return shown.length ? `<table class="f">${shown.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`).join('')}</table>` : '';
}

function sectionHtml(s: RecordSection): string {
  let body = '';
  if (s.note) body += `<p class="note">${escapeHtml(s.note)}</p>`;
  if (s.facts) body += factsHtml(s.facts);
  if (s.blocks) {
    body += s.blocks.map((k) => `<div class="block"><h3>${escapeHtml(k.heading)}</h3>${k.badge ? `<div class="badge">${escapeHtml(k.badge)}</div>` : ''}${factsHtml(k.facts)}</div>`).join('');
  }
  if (s.table && s.table.rows.length) {
    const t = s.table;
    body += `<table><thead><tr>${t.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${t.rows.map((r) => `<tr>${r.map((c) => `<td${/^\d\d\/\d\d\/\d{4}$/.test(c) ? ' class="d"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  }
  const hasContent = (s.facts && s.facts.some(([, v]) => v !== '')) || (s.blocks && s.blocks.length) || (s.table && s.table.rows.length);
  if (!hasContent && s.empty) body += `<p class="empty">${escapeHtml(s.empty)}</p>`;
  return `<section><h2>${escapeHtml(s.heading)}</h2>${body}</section>`;
}

/** The one design every record is printed with: A4, every value escaped, nothing fetched. */
export function recordHtml(d: RecordDocument): string {
  const title = `${d.title}: ${d.pupilName}`;
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${CSS}</style></head><body>`
    + `<header>${d.school ? `<div class="school">${escapeHtml(d.school)}</div>` : ''}<h1>${escapeHtml(d.title)}</h1>`
    + `<div class="who">${escapeHtml(d.pupilName)}</div><div class="meta">Made on ${escapeHtml(formatLongDay(d.made))} by ${escapeHtml(d.madeBy)}</div></header>`
    + d.sections.map(sectionHtml).join('')
    + `<footer>${escapeHtml(d.footer)}</footer></body></html>`;
}

/** A file name with the pupil's name and the kind, safe on every system. */
export function recordFileName(kind: RecordKind, pupil: Pupil, ext: string): string {
  const name = `${RECORD_TITLES[kind]} - ${pupil.name} (${pupil.id})`.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').slice(0, 120);
  return `${name}.${ext}`;
}

// ---- The subject access request: every row about the pupil, in every tab ----

export interface SarTab {
  name: string;
  rows: CellValue[][];
}

/** Tabs that hold nothing about any one pupil. */
const NOT_ABOUT_PUPILS = new Set(['Settings', 'Staff', 'Audit', 'Vacancies']);

const cellKey = (c: CellValue) => normaliseHeader(displayCell(c));

/**
 * The SAR workbook's tabs: for each tab of the tracker, its header and every row about the
 * pupil. A column headed Pupil ID (or an alias) decides in the tabs that have one; Activities
 * by their Pupils or Absent list (each list cell then shows only this pupil's ID, or is blank);
 * the Log by the pupil's email or, for records made, their ID; any other tab by a cell holding exactly their ID or email.
 * Every other pupil's name or ID left in a cell is replaced by "[another pupil]".
 */
/** The text holds this whole address: rose@x.org is not in primrose@x.org, nor in rose@x.org.uk. */
function namesEmail(text: string, email: string): boolean {
  for (let at = text.indexOf(email); at >= 0; at = text.indexOf(email, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text.slice(at + email.length, at + email.length + 2);
    if (!/[a-z0-9._%+'-]/.test(before) && !/^([a-z0-9_-]|\.[a-z0-9])/.test(after)) return true;
  }
  return false;
}

export function sarTabs(grids: [string, CellValue[][] | null][], tracker: Tracker, pupil: Pupil, redactor: Redactor): SarTab[] {
  const email = (pupil.email ?? '').trim().toLowerCase();
  const ids = new Set(tracker.pupils.map((p) => p.key));
  const tabs: SarTab[] = [];
  for (const [name, grid] of grids) {
    if (!grid || NOT_ABOUT_PUPILS.has(name)) continue;
    const first = grid.findIndex((r) => r.some((c) => !isBlank(c)));
    if (first < 0) continue;
    const header = grid[first];
    const at = (names: string[]) => header.findIndex((h) => names.includes(cellKey(h)));
    const idCol = at(['pupil id', 'upn', 'id', 'student id']);
    // Activities: the Pupils and Absent lists name pupils by ID; either naming this pupil makes the row theirs.
    const lists = name === 'Activities' ? mapHeaders(grid, { name, columns: ACTIVITIES_TAB.columns.filter((c) => c.key === 'pupils' || c.key === 'absent') }).columns : null;
    const pupilsCol = lists?.get('pupils') ?? -1;
    const absentCol = lists?.get('absent') ?? -1;
    const listsMe = (row: CellValue[], at: number) => at >= 0 && splitList(row[at] ?? '').some((x) => x.toLowerCase() === pupil.key);
    const about = (row: CellValue[], r: number): boolean => {
      // Their Pupils row is the one the tracker reads: a later row with the same ID is skipped by
      // every job (tracker.md), and may well be another child typed with the wrong ID.
      if (name === 'Pupils') return r + 1 === pupil.row;
      if (pupilsCol >= 0 || absentCol >= 0) return listsMe(row, pupilsCol) || listsMe(row, absentCol);
      if (idCol >= 0 && name !== 'Log') return displayCell(row[idCol] ?? '').trim().toLowerCase() === pupil.key;
      if (name === 'Log') {
        const text = row.map((c) => displayCell(c).toLowerCase()).join('\n');
        // A record made for them: job record, details "<kind>; pupil ID <id>; asked by ...".
        return (!!email && namesEmail(text, email)) || (/\nrecord\n/.test(text) && text.includes(`; pupil id ${pupil.key};`));
      }
      return row.some((c) => { const t = displayCell(c).trim().toLowerCase(); return t === pupil.key || (!!email && t === email); });
    };
    const rows: CellValue[][] = [];
    let head = header;
    let candidate = header;
    let headFound = idCol >= 0 || pupilsCol >= 0 || absentCol >= 0 || name === 'Log' || name === 'Pupils';
    // A row that names another pupil (by ID, name or email) is theirs, never this SAR's header.
    const namesNobody = (row: CellValue[]) => row.some((c) => !isBlank(c))
      && row.every((c) => !ids.has(displayCell(c).trim().toLowerCase()) && (typeof c !== 'string' || redactor.clean(c, pupil.key) === c));
    for (let r = first + 1; r < grid.length; r++) {
      const row = grid[r];
      if (!about(row, r)) {
        // In a tab of its own layout (an output tab), the header is the last row above the first match
        // naming nobody; with no match, the tab's own first row (never a row of someone else's).
        if (!headFound && namesNobody(row)) candidate = row;
        continue;
      }
      if (!headFound) head = candidate;
      headFound = true;
      rows.push(row.map((c, i) => {
        // The other pupils on a list are not their data: the list shows only this pupil, or nothing.
        if (i === pupilsCol || i === absentCol) return listsMe(row, i) ? pupil.id : '';
        return typeof c === 'string' ? redactor.clean(c, pupil.key) : c;
      }));
    }
    tabs.push({ name, rows: [head.map((c) => (typeof c === 'string' ? redactor.clean(c, pupil.key) : c)), ...rows] });
  }
  return tabs;
}

/** One tab as CSV (RFC 4180, CRLF), formula text neutralised, dates as YYYY-MM-DD. */
export function toCsv(rows: CellValue[][]): string {
  return rows.map((r) => r.map((c) => {
    const v = displayCell(neutralise(c));
    return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(',')).join('\r\n');
}

// ---- Email: files split so each message stays under MailApp's limits ----

/** MailApp: 25 MB of attachments and 250 attachments per message; kept well under both. */
export const MAIL_LIMITS = { bytes: 20 * 1024 * 1024, files: 100 };

/** Groups files (by size in bytes, in order) into messages under the limits; one too large goes alone. */
export function splitForMail(sizes: number[], limits = MAIL_LIMITS): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  sizes.forEach((size, i) => {
    if (current.length && (bytes + size > limits.bytes || current.length >= limits.files)) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(i);
    bytes += size;
  });
  if (current.length) groups.push(current);
  return groups;
}
