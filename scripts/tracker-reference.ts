/**
 * The user reference of the tracker (docs/tracker-reference.md), generated from the schema and the
 * settings so it can never fall out of step: `npm run docs` writes it; test/docs checks the committed
 * file is what this makes. Column meanings below are the documentation's words; a column without one
 * is still listed, with what it accepts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ColumnKind, type ColumnSpec, INPUT_TABS, OUTPUT_TABS, type Term } from '../src/domain/schema';
import { SETTING_SPECS } from '../src/domain/settings';

const TAB_INTRO: Record<string, string> = {
  Settings: 'Two columns, `Setting` and `Value`, one setting a row. A setting that is missing or blank takes its default.',
  Staff: 'One row per member of staff who uses the tracker. The Role decides what each person may do; the Email is how the add-on knows who is signed in.',
  Pupils: 'One row per pupil, current and former (leavers stay for at least three years). A pupil is on roll when Year is set, a leaver when Leaver year is set.',
  Meetings: 'The mentor log: one row per careers meeting. The mentor log sidebar adds rows here.',
  Actions: 'Agreed next steps from meetings. The sidebar adds rows and marks them done.',
  Activities: 'Careers encounters and events: the evidence of the programme. Fill in at least one of Year groups and Pupils.',
  Destinations: 'Leavers\' destinations, checked for at least three years after they leave.',
  Audit: 'The benchmark self-assessment. Set up tracker fills it with the school-level criteria of each benchmark; edit, delete and add rows freely.',
  Vacancies: 'Apprenticeships for the weekly bulletin, typed in or added by Import vacancies.',
  Log: 'Written by the add-on (do not edit): every job run and every email sent. The bulletin and the alerts read it so that nobody gets the same week\'s email twice.',
};

const COLUMN_MEANING: Record<string, string> = {
  'Staff.initials': 'Short code used in other tabs, e.g. `FR`',
  'Staff.role': 'What the person may do in the tracker',
  'Staff.level6': 'Holds a Level 6 careers guidance qualification (their guidance meetings count for Benchmark 8)',
  'Pupils.year': 'Year group for pupils on roll, in the academic year the Tracker year setting names; blank for leavers',
  'Pupils.mentor': 'The pupil\'s Year 11 mentor',
  'Pupils.leaverYear': 'The calendar year the pupil left at the end of the summer term (e.g. 2025 for the 2024-25 leavers); blank for pupils on roll',
  'Pupils.email': 'Where the weekly bulletin goes',
  'Pupils.bulletin': 'Whether the pupil gets the bulletin; blank means yes when Email is filled in',
  'Pupils.consent': 'Consent to track destinations',
  'Pupils.platformLogin': 'Has logged into the area\'s post-16 application platform',
  'Pupils.status': 'Where the pupil\'s post-16 application stands; Accepted means placed',
  'Meetings.staff': 'Who held the meeting',
  'Meetings.grades': 'Grades achieved so far',
  'Meetings.needs': 'Emotional, behavioural and academic needs',
  'Meetings.options': 'Option choices',
  'Meetings.aspirations': 'Post-16 aspirations',
  'Meetings.motivation': 'Motivation triggers',
  'Meetings.shared': 'When (or whether) the meeting was shared with parents',
  'Meetings.staffOnly': 'A meeting staff chose not to share: left out of the pupil\'s record and the transition document (it is in a subject access request). Anything typed here that is not yes or no (e.g. `Yes - DSL`) also counts as Staff only, to be safe',
  'Pupils.shareConsent': 'Consent to share the transition document with the next provider; without yes it is not made',
  'Actions.owner': 'Who does it: staff initials, or `Pupil`',
  'Actions.status': 'Blank means Open',
  'Activities.yearGroups': 'Year groups that attended as a whole, as they were on the activity\'s date (pupils who have since left included)',
  'Activities.forms': 'Forms that attended as a whole (the pupils in that form now)',
  'Activities.pupils': 'Pupils who attended, by Pupil ID',
  'Activities.absent': 'Pupils in a listed year group or form, or listed in Pupils, who did not attend: they are not counted',
  'Activities.providerAccess': 'A provider access encounter; blank (or anything not yes or no) means yes for type Technical provider',
  'Activities.benchmarks': 'Benchmarks it counts for; blank means the type\'s default',
  'Activities.evidence': 'A link to the evidence (register, photos, feedback)',
  'Destinations.checked': 'When the destination was checked',
  'Audit.rating': 'Blank is "not yet rated" and scores 0',
  'Vacancies.posted': 'Blank: the day the bulletin first saw it',
  'Vacancies.reference': 'The advert\'s reference; the import uses it so nothing is added twice',
  'Vacancies.starts': 'When the apprenticeship starts: a Year 11 is only sent vacancies starting once they may leave school',
  'Vacancies.hours': 'Hours of work per week',
  'Vacancies.distance': 'Miles from the school, as the vacancy import gives it',
};

const code = (s: string) => `\`${s}\``;
const termList = (terms: Term[]) => terms.map((t) => code(t.value) + (t.aliases?.length ? ` (also ${t.aliases.map(code).join(', ')})` : '')).join(', ');

/** What a column accepts, in words. */
export function accepts(type: ColumnKind): string {
  switch (type.kind) {
    case 'text': return 'free text';
    case 'date': return 'a date: a date cell, or `12/09/2025`, `12 September 2025`, `2025-09-12` (day first)';
    case 'dateOrYesNo': return 'a date, or yes/no';
    case 'yesno': return 'yes (`Y`, `Yes`, `TRUE`, `✓`, `x`) or no (`N`, `No`, `FALSE`, blank)';
    case 'percent': return 'a percentage: `94`, `94%` or `0.94`';
    case 'yearGroup': return 'a year group 7–13: `Y10`, `Year 10` or `10`';
    case 'calendarYear': return 'a calendar year, e.g. `2025`';
    case 'benchmark': return 'a benchmark 1–8: `BM5` or `5`';
    case 'term': return `${type.multiple ? 'one or more of (separated by commas)' : 'one of'}: ${termList(type.terms)}`;
    case 'email': return 'an email address';
    case 'url': return 'a link starting `http://` or `https://`';
    case 'textOrUrl': return 'free text or a link';
    case 'pupil': return 'a Pupil ID from the Pupils tab';
    case 'staff': return `staff initials from the Staff tab${type.orPupil ? ', or `Pupil`' : ''}`;
    case 'yearGroups': return 'a list of year groups, e.g. `Y10, Y11`';
    case 'pupils': return 'a list of Pupil IDs';
    case 'benchmarks': return 'a list of benchmarks 1–8, e.g. `BM5, BM6`';
    case 'number': return `a number from ${type.min} to ${type.max}`;
    default: return String((type as { kind: string }).kind);
  }
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function columnRow(tab: string, c: ColumnSpec): string {
  const name = `**${c.header}**${c.required ? ' *' : ''}`;
  const also = [...(c.preferred ?? []), ...(c.aliases ?? [])].map(code).join(', ');
  const meaning = COLUMN_MEANING[`${tab}.${c.key}`];
  const values = accepts(c.type) + (c.unique ? '; unique (a repeat is a problem, and the later row is skipped)' : '');
  return `| ${cell(name)} | ${cell(also)} | ${cell(meaning ? `${meaning}. Accepts ${values}.` : `Accepts ${values}.`)} |`;
}

export function trackerReference(): string {
  const out: string[] = [
    '# Tracker reference: every tab, column, accepted value and setting',
    '',
    '<!-- Generated from src/domain/schema.ts and src/domain/settings.ts by `npm run docs`. Do not edit by hand. -->',
    '',
    'The add-on reads each tab by its **header names**, never by column position: reorder the columns, add your own',
    '(they are ignored and kept), or use any of the other names listed. Header matching ignores capitals, extra spaces',
    'and a trailing `?`, `*` or `:`. The header row is the first row that is not empty.',
    '',
    '- A column marked * is **required**: a row where it is blank or unreadable is skipped by every job (and listed by',
    '  **Check tracker for problems**).',
    '- Any other unreadable value is listed as a problem and read as blank; the rest of the row is used. The add-on never',
    '  changes what you typed.',
    '- Dates are read day first (UK): `12/09/2025` is 12 September. Lists may be separated by commas, semicolons,',
    '  slashes or new lines.',
    '- Values from a list (statuses, types, roles...) may be typed in any capitals, or as one of the other words shown.',
    '',
    '## Tabs',
    '',
  ];
  for (const tab of INPUT_TABS) {
    out.push(`### ${tab.name}`, '', TAB_INTRO[tab.name] ?? '', '', '| Column | Also accepted as | What it holds |', '|---|---|---|');
    for (const c of tab.columns) out.push(columnRow(tab.name, c));
    out.push('');
  }
  out.push(
    '### Tabs the add-on writes',
    '',
    `${OUTPUT_TABS.map(code).join(', ')}: rewritten whole each time their job runs, starting with the time they were made. `
      + 'Do not type in them: your changes would be lost at the next run.',
    '',
    '`Evidence walk` appears only in Google Sheets, while a report on a large evidence folder takes more than one run: it holds the '
      + 'files listed so far and where to carry on. Run Report on evidence folders again until it finishes; the tab is then removed.',
    '',
    '## Settings',
    '',
    'In the Settings tab, one row per setting: the name in `Setting`, your value in `Value`. A blank value takes the default.',
    '',
    '| Setting | Default | What it does |',
    '|---|---|---|',
    ...SETTING_SPECS.map((s) => `| **${s.label}** | ${s.defaultText ? code(s.defaultText) : '(blank)'} | ${cell(s.help)}${s.min !== undefined ? ` (a number from ${s.min} to ${s.max})` : ''} |`),
    '',
  );
  return out.join('\n');
}

export const REFERENCE_FILE = path.resolve(__dirname, '../docs/tracker-reference.md');

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  fs.writeFileSync(REFERENCE_FILE, trackerReference());
  console.log(`Wrote ${path.relative(process.cwd(), REFERENCE_FILE)}`);
}
