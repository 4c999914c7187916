/**
 * An independent check of the records against spec/records.md, on two trackers built here from
 * scratch (not the sample, not fixture.ts), run as the command line runs them (`main([...])`)
 * and through the Apps Script fake. Every expectation is worked out by hand from the spec's
 * words and written beside it.
 *
 * The rules read from records.md (before reading the code):
 *  - pupil record: name, year, form; Plan A and B, application status, provider and course;
 *    every meeting NOT Staff only (date, type, staff member's name, grades, options,
 *    aspirations, motivation, notes, next meeting: Needs is not in the list); open and done
 *    actions; activities attended grouped by benchmark; Level 6 guidance meetings marked;
 *    destinations for a leaver. Made by careers leader, careers adviser, the pupil's mentor.
 *  - transition: name, date of birth, provider and course, Plan A and B; from the latest
 *    meetings grades, options, aspirations, motivation, needs; open actions; dates of guidance
 *    meetings. No Notes, no Staff only meetings (not even a guidance meeting's date). Same
 *    makers; only with Consent to share = yes, else refused with the reason.
 *  - sar: careers leader only; their Pupils row, every Meetings row (Staff only included),
 *    Actions, Destinations, Activities that list them by ID, Log lines that name their email;
 *    a workbook with one tab per source tab, plus the pupil record.
 *  - No record ever names another pupil (activities by name, date, type, provider only; other
 *    pupils' names and IDs in free text are replaced).
 *  - Year 11 batch: one per Year 11 with consent; lists those without.
 *  - CLI: record --pupil ID --kind K --out FILE (.html/.pdf, .xlsx for a SAR); --year 11.
 *    Exit 0 when made, 1 refused (nothing written), 2 bad command line; one line on stderr.
 *  - Log: job `record`, kind, pupil ID, who asked.
 *  - Never in the pupil or transition record: SEND, looked after, disadvantaged, attendance.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/node/cli';
import type { CellValue, DayCell } from '../../src/ports';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { workbookOf as workbookFrom } from '../support/workbook';
import { installFake, loadTabs } from '../gas/helpers';
import type { FakeBlob, GasFake } from '../fakes/gas';
import { makeRecord, subjectAccessRequest, transitionDocumentsForYear11 } from '../../src/gas/handlers/records';
import type { ApiResult } from '../../src/ui/api';
import { HAVE_CHROMIUM } from '../browser/chromium';

const TODAY = '2026-03-02';
const d = (day: string): DayCell => ({ day });
type Tabs = Record<string, CellValue[][]>;

// ---------------------------------------------------------------- Tracker A: Hillside Academy

const STAFF = {
  leader: 'cl@h.example', adviser: 'ad@h.example', unqualified: 'uq@h.example', mentor: 'mn@h.example', otherMentor: 'ks@h.example',
  tutor: 'ft@h.example', admin: 'am@h.example', governor: 'gv@h.example',
};

/** The other pupils' names and IDs that must never appear in Aoife's (P100) records. */
const NOT_AOIFE = ['Aoibhe', 'Murphy', 'murphy@h.example', 'Orla', 'Quinn', 'P109', 'Zoë Müller', 'Zoe Muller', 'Will Rose', 'Primrose Day', 'Jo Rayner', 'Jo Ray', 'Ben Ali', 'Kai Ng', 'Sam Stone', 'Stone, Sam', 'P108', 'P101', 'P102', 'P103', 'P104', 'P105', 'P106', 'P107', 'L200', 'zoe@h.example', 'primrose@h.example'];

function hillside(): Tabs {
  return {
    Settings: [['Setting', 'Value'], ['School name', 'Hillside Academy']],
    Staff: [
      ['Initials', 'Name', 'Email', 'Role', 'Level 6', 'Form'],
      ['CL', 'Cara Lee', STAFF.leader, 'Careers leader', 'No', ''],
      ['AD', 'Adam Dunn', STAFF.adviser, 'Careers adviser', 'Yes', ''],
      ['UQ', 'Una Quill', STAFF.unqualified, 'Careers adviser', 'No', ''],
      ['MN', 'Mo Nash', STAFF.mentor, 'Mentor', 'No', ''],
      ['KS', 'Kit Shaw', STAFF.otherMentor, 'Mentor', 'No', ''],
      ['FT', 'Flo Tate', STAFF.tutor, 'Form tutor', 'No', '11H'],
      ['AM', 'Ash Moss', STAFF.admin, 'Admin', 'No', ''],
      ['GV', 'Gil Vane', STAFF.governor, 'Governor', 'No', ''],
    ],
    Pupils: [
      ['Pupil ID', 'Name', 'Year', 'Form', 'Mentor', 'Leaver year', 'SEND', 'Looked after', 'Disadvantaged', 'Attendance', 'Email', 'Consent to share', 'Date of birth', 'Postcode', 'Plan A', 'Plan B', 'Application status', 'Provider', 'Course', 'House'],
      ['P100', "Aoife O'Brien", 11, '11H', 'MN', '', 'EHCP', 'Yes', 'Yes', '84%', 'aoife@h.example', 'Yes', d('2010-02-03'), 'CT1 1AA', 'Nursing (talk to Jo Rayner)', '<b>Health & social care</b>', 'Offer', 'Canterbury College', '=T Level Health', 'Oak'],
      ['P101', 'Zoë Müller', 11, '11H', 'MN', '', 'SEN support', 'No', 'No', '97', 'zoe@h.example', '', d('2010-04-04'), '', 'Art', '', '', '', '', 'Oak'],
      ['P102', 'Will Rose', 11, '11K', 'KS', '', '', '', '', '', 'rose@h.example', 'Yes', '', '', 'Engineering', '', 'Applied', '', '', 'Ash'],
      ['P103', 'Primrose Day', 11, '11K', 'KS', '', '', '', '', '', 'primrose@h.example', 'No', '', '', 'Hairdressing', '', '', '', '', 'Ash'],
      ['P104', 'Jo Rayner', 11, '11H', ' mn', '', '', '', '', '', '', 'Yes', '', '', 'Nursing', '', '', '', '', 'Oak'],
      ['P105', 'Jo Ray', 10, '10H', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', 'Oak'],
      ['P106', 'Ben Ali', 11, '11K', 'MN', '', '', '', '', '', '', 'Yes', '', '', 'Plumbing', '', '', '', '', 'Ash'],
      ['P107', 'Ben Ali Khan', 9, '9K', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', 'Ash'],
      // The same ID typed for another child: a problem, skipped by every job (tracker.md), so never in P100's SAR.
      ['p100 ', 'Aoibhe Murphy', 7, '7H', '', '', 'EHCP', '', '', '', 'murphy@h.example', '', '', '', '', '', '', '', '', 'Oak'],
      // A Year the tracker cannot read: a problem, the row left out of every job; still a child whose name stays out.
      ['P109', 'Orla Quinn', 'Reception', '', '', '', '', '', '', '', 'orla@h.example', '', '', '', '', '', '', '', '', 'Ash'],
      ['P108', 'Stone, Sam', 10, '10H', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', 'Oak'],
      ['L200', 'Kai Ng', '', '', 'MN', 2025, '', '', '', '', 'kai@h.example', '', '', '', 'Plumbing', '', 'Accepted', 'Canterbury College', 'Plumbing', 'Oak'],
    ],
    Meetings: [
      ['Date', 'Pupil ID', 'Staff', 'Type', 'Grades', 'Needs', 'Options', 'Aspirations', 'Motivation', 'Notes', 'Shared with parents', 'Next meeting', 'Staff only'],
      [d('2025-09-15'), 'P100', 'MN', 'Careers support', 'Maths 6, English 7', 'Anxiety: small room for exams', 'Biology, Health', 'Nursing', "Her nan's carers",
        "Came with Zoë Müller. Will ask Jo Rayner (P104) about nursing; Ben Ali Khan's sister is a nurse. <script>alert('x')</script>", 'Yes', d('2025-10-20'), ''],
      [d('2025-10-20'), 'P100', 'MN', 'Mentoring', '', 'STAFF-ONLY-NEEDS', '', 'STAFF-ONLY-ASP', '', 'DSL informed (STAFF-ONLY-NOTE)', '', '', 'Yes'],
      [d('2026-01-10'), 'P100', 'AD', 'Guidance', '', '', '', 'Midwifery degree', '', "Discussed Will Rose's plan too, and Orla Quinn (P109)", '', d('2026-03-10'), ''],
      [d('2026-02-01'), 'P100', 'UQ', 'Guidance', '', '', 'Biology, Chemistry, Health', '', '', 'Unqualified adviser meeting; copy to zoe@h.example.', '', '', 'No'],
      [d('2026-02-20'), 'P100', 'AD', 'Guidance', '', '', 'STAFF-ONLY-OPTIONS', '', '', 'STAFF-ONLY-GUIDANCE', '', '', 'x'],
      [d('2026-01-05'), 'P104', 'MN', 'Mentoring', '', '', '', '', '', 'Paired with Aoife O\u2019Brien for the college visit; Jo Ray came too, and Zoe Muller', '', '', ''],
      [d('2026-01-06'), 'P101', 'MN', 'Mentoring', '', '', '', '', '', 'ZOE-NOTE wants to go with Aoife', '', '', ''],
      [d('2025-06-01'), 'L200', 'MN', 'Mentoring', '', '', '', '', '', 'Leaver chat', '', '', ''],
      [d('2026-02-02'), 'P102', 'KS', 'Mentoring', '', '', '', '', '', 'WILL-NOTE', '', '', ''],
      [d('2026-02-03'), 'P107', 'MN', 'Mentoring', '', '', '', '', '', 'Ben Ali Khan led the group; Ben Ali helped', '', '', ''],
      [d('2026-02-04'), 'P106', 'MN', 'Mentoring', '', '', '', '', '', 'Helped Zoe\u0308 Mu\u0308ller (typed on a Mac) and Stone, Sam; Sam Stone too', '', '', ''],
    ],
    Actions: [
      ['Pupil ID', 'Action', 'Due', 'Owner', 'Status', 'Done on', 'Created'],
      ['P100', 'Visit college open day with Ben Ali', d('2026-03-20'), 'Pupil', 'Open', '', d('2026-01-10')],
      ['P100', 'Write CV (P101 and Aoibhe Murphy helped)', d('2025-11-01'), 'MN', 'Done', d('2025-10-30'), ''],
      ['P100', '+44 call Canterbury College', d('2026-04-01'), 'MN', '', '', ''],
      ['P101', 'ZOE-ACTION', d('2026-03-01'), 'Pupil', 'Open', '', ''],
    ],
    Activities: [
      ['Date', 'Activity', 'Type', 'Provider', 'Year groups', 'Forms', 'Pupils', 'Absent', 'Benchmarks', 'Provider access', 'Evidence'],
      [d('2025-10-01'), 'Careers fair', 'Employer encounter', 'Kent Employers', '11', '', '', 'P101', '', '', ''],
      [d('2025-11-12'), 'College taster with Jo Rayner', 'Further education', 'Canterbury College', '', '', 'P100, P101; P104', '', '', '', ''],
      [d('2026-01-20'), 'Hospital visit', 'Workplace experience', 'NHS Trust', '11', '', '', 'P100; P104', '', '', ''],
      [d('2026-02-05'), 'Form time LMI', 'Careers information', '', '', '11H', '', '', '', '', ''],
      [d('2026-02-10'), 'Study skills', 'Other', '', '', '', 'P100', '', '', '', ''],
      [d('2026-02-12'), 'STEM day', 'Curriculum link', 'Uni of Kent', '', '', 'P100', '', '4, 7', '', ''],
      [d('2026-02-15'), 'Apprenticeship talk', 'Technical provider', 'Kent Training', '10', '', '', '', '', '', ''],
      [d('2026-06-15'), 'Summer school', 'Higher education', 'Uni of Kent', '', '', 'P100', '', '', '', ''],
    ],
    Destinations: [
      ['Pupil ID', 'Checked', 'Status', 'Provider', 'Course or role', 'Notes'],
      ['L200', d('2025-10-01'), 'Further education', 'Canterbury College', 'Plumbing', "Aoife O'Brien's cousin; DEST-STAFF-NOTE"],
    ],
    // The school's own tabs: one naming pupils by name only, one with a title above its header.
    Pastoral: [
      ['Date', 'Pupil', 'Concern'],
      [d('2026-01-12'), 'Zoë Müller', 'PASTORAL-ZOE-DETAIL'],
      [d('2026-01-13'), 'Kai Ng', 'PASTORAL-KAI-DETAIL'],
    ],
    Groups: [
      ['Mentoring groups'],
      ['Pupil ID', 'Group', 'Note'],
      ['Zoë Müller', 'Red', 'GROUP-ZOE-NOTE'],
      ['P100', 'Blue', 'Aoife leads'],
    ],
    Log: [
      ['Time', 'Job', 'Outcome', 'Details', 'Recipient', 'Week'],
      ['2026-02-23 07:00', 'bulletin', 'sent', '', 'aoife@h.example', '2026-W09'],
      ['2026-02-23 07:00', 'bulletin', 'sent', '', 'primrose@h.example', '2026-W09'],
      ['2026-02-23 07:00', 'bulletin', 'sent', '', 'rose@h.example', '2026-W09'],
      ['2026-02-23 07:05', 'score', 'ok', '3 benchmarks achieved', '', ''],
    ],
  };
}

// ---------------------------------------------------------------- Tracker B: Brook School (aliases)

function brook(): Tabs {
  return {
    Settings: [['Setting', 'Value'], ['School name', 'Brook School']],
    Staff: [
      ['Staff', 'Name', 'Email', 'Role', 'L6'],
      ['AB', 'Al Bell', 'ab@b.example', 'Mentor, Careers leader', 'Y'],
    ],
    Pupils: [
      ['Adno', 'Forename', 'Surname', 'Year group', 'Tutor group', 'Mentor', 'Transition consent', 'DOB', 'SEN', 'LAC', 'Plan A'],
      ['4417', 'Niamh', "D'Arcy", 'Year 11', '11B', 'AB', 'N', '', 'E', 'Y', 'Sixth form'],
      ['4418', 'Seán', 'Ó Briain', 'Y11', '11B', 'AB', 'Y', '12/07/2010', 'K', 'N', 'Irish at university'],
      ['4419', 'Grace', 'Hope', '11', '11B', 'AB', 'Yes', '', '', '', 'Music'],
      ['4420', 'Ali', 'Stone', '10', '10B', '', '', '', '', '', ''],
    ],
    Meetings: [
      ['Date', 'Pupil ID', 'With', 'Type', 'Needs', 'Aspirations', 'Notes', 'Private'],
      ['01/10/2025', '4418', 'AB', 'IAG', 'Dyslexia: reader', 'Irish', 'Sat with Grace Hope and grace-ful Niamh D\u2019Arcy; hope to see 4417 and 4420 again. =cmd|calc', ''],
      ['05/11/2025', '4418', 'AB', '1:1', 'PRIVATE-NEEDS', 'PRIVATE-ASP', 'PRIVATE-NOTE', '\u2713'],
    ],
    Actions: [['Pupil ID', 'Action', 'Due', 'Owner', 'Status'], ['4418', "Ask Niamh D'Arcy's mum about the taster", '20 March 2026', 'Pupil', 'Open']],
    Activities: [
      ['Date', 'Event', 'Type', 'Employer', 'Years', 'Attendees', 'Did not attend'],
      ['3 Feb 2026', 'Irish society visit', 'HE', 'Trinity', '', '4417, 4418 / 4419', ''],
      ['4 Feb 2026', 'Year 11 assembly', 'LMI', '', 'Y11', '', '4417;4418'],
    ],
    Destinations: [['Pupil ID', 'Checked', 'Status']],
    Log: [['Time', 'Job', 'Outcome', 'Details', 'Recipient', 'Week']],
  };
}

// ---------------------------------------------------------------- helpers

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
/** The visible text of an HTML fragment, cells and lines separated by " | ". */
const textOf = (html: string) => decode(html.replace(/<(td|th|h3|p|div|tr)[^>]*>/g, ' | ').replace(/<[^>]+>/g, '')).replace(/\s*\|\s*(\|\s*)*/g, ' | ').replace(/^[\s|]+|[\s|]+$/g, '');

/** The record's sections, in order: [heading, visible text]. */
function sections(html: string): [string, string][] {
  return html.split('<section>').slice(1).map((s) => {
    const heading = decode(/<h2>(.*?)<\/h2>/.exec(s)![1]);
    return [heading, textOf(s.replace(/<h2>.*?<\/h2>/, '').replace(/<\/section>[\s\S]*$/, ''))];
  });
}
const section = (html: string, heading: string) => sections(html).find(([h]) => h === heading)?.[1] ?? '';

let dir: string;
let env: string | undefined;
async function cli(workbook: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main([...args, '--workbook', workbook, '--today', TODAY], { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
  return { code, stdout, stderr };
}
async function fresh(tabs: Tabs, name: string): Promise<string> {
  const file = path.join(dir, `${name}-${Math.random().toString(36).slice(2)}.xlsx`);
  await workbookFrom(tabs).save(file);
  return file;
}
async function logRows(workbook: string): Promise<CellValue[][]> {
  return (await XlsxWorkbook.open(workbook)).readTab('Log')!;
}
async function sheets(file: string): Promise<Map<string, string[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const out = new Map<string, string[][]>();
  book.eachSheet((ws) => {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (c, i) => {
        const v = c.value;
        cells[i - 1] = v instanceof Date ? v.toISOString().slice(0, 10) : v && typeof v === 'object' && 'formula' in v ? `FORMULA:${String((v as { formula: string }).formula)}` : String(v ?? '');
      });
      rows.push(Array.from({ length: cells.length }, (_, i) => cells[i] ?? ''));
    });
    out.set(ws.name, rows);
  });
  return out;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'records-hand-'));
  env = process.env.CAREERS_TRACKER_USER;
  process.env.CAREERS_TRACKER_USER = 'dpo@h.example';
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (env === undefined) delete process.env.CAREERS_TRACKER_USER;
  else process.env.CAREERS_TRACKER_USER = env;
});

// ---------------------------------------------------------------- the command line, tracker A

describe('Hillside (tracker A) through the command line', () => {
  it("the pupil record of Aoife (P100): every section as the spec lists it, nobody else, no Staff only, no SEND", async () => {
    const wb = await fresh(hillside(), 'a');
    const out = path.join(dir, 'aoife.html');
    const r = await cli(wb, 'record', '--pupil', 'p100', '--kind', 'pupil', '--out', out, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // One JSON document naming the file made.
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'pupil', asOf: TODAY, askedBy: 'dpo@h.example', files: [{ pupilId: 'P100', kind: 'pupil', file: out }], withoutConsent: [] });
    const html = fs.readFileSync(out, 'utf8');
    const all = textOf(html);

    // Order of sections: about (name, year, form), plans, meetings, actions, activities by benchmark.
    expect(sections(html).map(([h]) => h)).toEqual([
      'About', 'Plans', 'Meetings', 'Actions', 'Activities attended',
      'Benchmark 2: ' + sections(html)[5][0].slice('Benchmark 2: '.length),
      sections(html)[6][0], sections(html)[7][0], sections(html)[8][0], 'Other activities',
    ]);
    expect(sections(html).slice(5).map(([h]) => h.slice(0, 11))).toEqual(['Benchmark 2', 'Benchmark 4', 'Benchmark 5', 'Benchmark 7', 'Other activ']);

    // About: name, year, form. Nothing from SEND (EHCP), looked after, disadvantaged, attendance (84), DOB, postcode, email.
    expect(section(html, 'About')).toBe("Name | Aoife O'Brien | Year | 11 | Form | 11H");
    for (const never of ['EHCP', 'Looked after', 'Disadvantaged', '84', 'CT1 1AA', '2010', 'aoife@h.example', 'Oak']) expect(all).not.toContain(never);

    // Plans: Plan A with the other pupil's full name replaced; Plan B's HTML shown as text (escaped);
    // the course that looks like a formula shown as typed.
    expect(section(html, 'Plans')).toBe('Plan A | Nursing (talk to [another pupil]) | Plan B | <b>Health & social care</b> | Application status | Offer | Provider | Canterbury College | Course | =T Level Health');
    expect(html).not.toContain('<b>Health');
    expect(html).toContain('&lt;b&gt;Health &amp; social care&lt;/b&gt;');

    // Meetings: the three not marked Staff only, oldest first; staff by name; no Needs; the Level 6
    // guidance meeting (Adam Dunn) badged, the unqualified adviser's (Una Quill) not.
    const meetings = section(html, 'Meetings');
    expect(meetings).toBe([
      '15 September 2025 · Careers support · with Mo Nash | Grades | Maths 6, English 7 | Options | Biology, Health | Aspirations | Nursing | Motivation | Her nan\'s carers'
      + " | Notes | Came with [another pupil]. Will ask [another pupil] ([another pupil]) about nursing; [another pupil] sister is a nurse. <script>alert('x')</script> | Next meeting | 20 October 2025",
      '10 January 2026 · Guidance · with Adam Dunn | Guidance meeting with a qualified (Level 6) careers adviser | Aspirations | Midwifery degree | Notes | Discussed [another pupil] plan too, and [another pupil] ([another pupil]) | Next meeting | 10 March 2026',
      '1 February 2026 · Guidance · with Una Quill | Options | Biology, Chemistry, Health | Notes | Unqualified adviser meeting; copy to [another pupil].',
    ].join(' | ').replace(/^/, ''));
    expect(html).not.toContain('<script>');
    expect(all).not.toContain('Anxiety');
    expect(all).not.toMatch(/STAFF-ONLY/);
    expect(all).not.toContain('20 February 2026');

    // Actions: open ones first (by due date), then done; owner by name.
    expect(section(html, 'Actions')).toBe('Action | Due | Who | Status | Visit college open day with [another pupil] | 20/03/2026 | Pupil | Open | +44 call Canterbury College | 01/04/2026 | Mo Nash | Open | Write CV ([another pupil] and [another pupil] helped) | 01/11/2025 | Mo Nash | Done 30/10/2025');

    // Activities attended, by benchmark: the form's LMI (BM2), STEM day (BM4 and BM7), the Year 11
    // careers fair (BM5), the college taster (BM7, title without Jo Rayner), Study skills (Other).
    // Not the hospital visit (absent), not the Year 10 apprenticeship talk. Never other attendees.
    const acts = sections(html).slice(5).map(([, t]) => t);
    expect(acts).toEqual([
      'Date | Activity | Type | Provider | 05/02/2026 | Form time LMI | Careers information',
      'Date | Activity | Type | Provider | 12/02/2026 | STEM day | Curriculum link | Uni of Kent',
      'Date | Activity | Type | Provider | 01/10/2025 | Careers fair | Employer encounter | Kent Employers',
      'Date | Activity | Type | Provider | 12/11/2025 | College taster with [another pupil] | Further education | Canterbury College | 12/02/2026 | STEM day | Curriculum link | Uni of Kent',
      'Date | Activity | Type | Provider | 10/02/2026 | Study skills | Other',
    ]);
    expect(all).not.toContain('Hospital visit');
    expect(all).not.toContain('Apprenticeship talk');
    // Nor the summer school on 15 June 2026: after today, so not (yet) attended.
    expect(all).not.toContain('Summer school');
    // Not a leaver: no destinations.
    expect(sections(html).some(([h]) => /Destinations/.test(h))).toBe(false);

    for (const other of NOT_AOIFE) expect(all).not.toContain(other);

    // The Log line: job record, kind, the pupil's ID, who asked.
    const log = (await logRows(wb)).at(-1)!;
    expect(log.slice(1, 5)).toEqual(['record', 'made', 'pupil; pupil ID P100; asked by dpo@h.example', 'dpo@h.example']);
  });

  it("Jo Rayner's (P104) record: Aoife written with a curly apostrophe, Jo Ray (a prefix of Jo Rayner), Zoë Müller without accents, are all another pupil", async () => {
    const wb = await fresh(hillside(), 'a');
    const out = path.join(dir, 'jo.html');
    expect((await cli(wb, 'record', '--pupil', 'P104', '--kind', 'pupil', '--out', out)).code).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    // Notes: "Paired with Aoife O’Brien for the college visit; Jo Ray came too"
    // "Zoe Muller" is Zoë Müller typed without her accents.
    expect(section(html, 'Meetings')).toContain('Notes | Paired with [another pupil] for the college visit; [another pupil] came too, and [another pupil]');
    expect(textOf(html)).not.toMatch(/Aoife|O.Brien|Zo/);
    // His own name is not blanked.
    expect(section(html, 'About')).toBe('Name | Jo Rayner | Year | 11 | Form | 11H');
  });

  it("Ben Ali Khan's (P107) own name is his, though Ben Ali (P106) is a prefix of it; Ben Ali's: accents typed decomposed, a name stored surname first", async () => {
    const wb = await fresh(hillside(), 'a');
    const out = path.join(dir, 'benalikhan.html');
    expect((await cli(wb, 'record', '--pupil', 'P107', '--kind', 'pupil', '--out', out)).code).toBe(0);
    expect(section(fs.readFileSync(out, 'utf8'), 'Meetings')).toContain('Notes | Ben Ali Khan led the group; [another pupil] helped');
    const out2 = path.join(dir, 'benali.html');
    expect((await cli(wb, 'record', '--pupil', 'P106', '--kind', 'pupil', '--out', out2)).code).toBe(0);
    // "Helped Zoë Müller (NFD) and Stone, Sam; Sam Stone too": P101, and P108 (Name "Stone, Sam") either way round.
    expect(section(fs.readFileSync(out2, 'utf8'), 'Meetings')).toContain('Notes | Helped [another pupil] (typed on a Mac) and [another pupil]; [another pupil] too');
  });

  it("Kai Ng (L200), a leaver: his destinations (not staff's Notes), his old mentor's meeting; Left instead of Year", async () => {
    const wb = await fresh(hillside(), 'a');
    const out = path.join(dir, 'kai.html');
    expect((await cli(wb, 'record', '--pupil', 'L200', '--kind', 'pupil', '--out', out)).code).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    expect(section(html, 'About')).toBe('Name | Kai Ng | Left | summer 2025');
    expect(section(html, 'Destinations since leaving')).toBe('Checked | Destination | Provider | Course or role | 01/10/2025 | Further education | Canterbury College | Plumbing');
    expect(textOf(html)).not.toMatch(/DEST-STAFF-NOTE|Aoife/);
    expect(section(html, 'Meetings')).toContain('Leaver chat');
  });

  it("Aoife's transition document: only what the spec lists, from the latest meetings, no Notes, no Staff only meeting", async () => {
    const wb = await fresh(hillside(), 'a');
    const out = path.join(dir, 'aoife-transition.html');
    const r = await cli(wb, 'record', '--pupil', 'P100', '--kind', 'transition', '--out', out, '--json');
    expect(r.code).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    const all = textOf(html);
    expect(sections(html).map(([h]) => h)).toEqual(['About', 'Next step', 'From the latest careers meetings', 'Open actions', 'Careers guidance meetings']);
    expect(section(html, 'About')).toBe("Name | Aoife O'Brien | Date of birth | 3 February 2010");
    expect(section(html, 'Next step')).toBe('Provider | Canterbury College | Course | =T Level Health | Plan A | Nursing (talk to [another pupil]) | Plan B | <b>Health & social care</b>');
    // Each field from the latest meeting (not Staff only) where it is filled in.
    expect(section(html, 'From the latest careers meetings')).toBe(
      "Grades | Maths 6, English 7 (15/09/2025) | Options | Biology, Chemistry, Health (01/02/2026) | Aspirations | Midwifery degree (10/01/2026) | Motivation | Her nan's carers (15/09/2025) | Needs | Anxiety: small room for exams (15/09/2025)",
    );
    // Open actions only.
    expect(section(html, 'Open actions')).toBe('Action | Due | Visit college open day with [another pupil] | 20/03/2026 | +44 call Canterbury College | 01/04/2026');
    // The dates of the guidance meetings, not the Staff only one of 20 February.
    expect(section(html, 'Careers guidance meetings')).toBe('Date | With a qualified (Level 6) adviser | 10/01/2026 | Yes | 01/02/2026 | No');
    // No notes, no Staff only content, no flags, no other pupils, no activities, no Year/form.
    for (const never of ['Came with', 'Discussed', 'Unqualified adviser meeting', 'STAFF-ONLY', '20/02/2026', 'EHCP', 'Looked after', '84', 'Careers fair', 'Write CV']) expect(all).not.toContain(never);
    for (const other of NOT_AOIFE) expect(all).not.toContain(other);
    expect((await logRows(wb)).at(-1)!.slice(1, 4)).toEqual(['record', 'made', 'transition; pupil ID P100; asked by dpo@h.example']);
  });

  it('a transition document without Consent to share (blank, or No) is refused: exit 1, one line saying why, no file, no Log line', async () => {
    const wb = await fresh(hillside(), 'a');
    const before = (await logRows(wb)).length;
    for (const id of ['P101', 'P103']) {
      const out = path.join(dir, `${id}-transition.html`);
      const r = await cli(wb, 'record', '--pupil', id, '--kind', 'transition', '--out', out);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('Consent to share');
      expect(fs.existsSync(out)).toBe(false);
    }
    expect((await logRows(wb)).length).toBe(before);
  });

  it('bad command lines exit 2 with one line; an unknown pupil is refused (1)', async () => {
    const wb = await fresh(hillside(), 'a');
    const bad = [
      ['record', '--pupil', 'P100', '--kind', 'everything', '--out', path.join(dir, 'x.html')],
      ['record', '--pupil', 'P100', '--kind', 'pupil', '--out', path.join(dir, 'x.xlsx')],
      ['record', '--pupil', 'P100', '--kind', 'pupil'],
      ['record', '--year', '10', '--kind', 'transition', '--out', dir],
      ['record', '--year', '11', '--kind', 'pupil', '--out', dir],
    ];
    for (const args of bad) {
      const r = await cli(wb, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    const r = await cli(wb, 'record', '--pupil', 'P999', '--kind', 'pupil', '--out', path.join(dir, 'x.html'));
    expect(r.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'x.html'))).toBe(false);
  });

  it("Aoife's SAR workbook: her rows of every tab, Staff only included, no one else's name, ID or email", async () => {
    const wb = await fresh(hillside(), 'a');
    const out = path.join(dir, 'aoife-sar.xlsx');
    const r = await cli(wb, 'record', '--pupil', 'P100', '--kind', 'sar', '--out', out, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({ pupilId: 'P100', kind: 'sar', workbook: out });
    // The pupil record goes with it (here as PDF beside the workbook, or HTML when no Chromium is asked for).
    const tabs = await sheets(out);
    // One tab per source tab that holds anything about a pupil (Settings and Staff hold nothing about her).
    expect([...tabs.keys()]).toEqual(['Pupils', 'Meetings', 'Actions', 'Activities', 'Destinations', 'Pastoral', 'Groups', 'Log']);
    // The school's own tabs: Pastoral has nothing about her (its header only, never another pupil's
    // row in its place); Groups her row under its header, not under Zoë's row.
    expect(tabs.get('Pastoral')).toEqual([['Date', 'Pupil', 'Concern']]);
    expect(tabs.get('Groups')).toEqual([['Pupil ID', 'Group', 'Note'], ['P100', 'Blue', 'Aoife leads']]);
    // Pupils: the header and her row, every column (her own SEND etc. are hers), Plan A redacted.
    expect(tabs.get('Pupils')!.length).toBe(2);
    expect(tabs.get('Pupils')![1].slice(0, 2)).toEqual(['P100', "Aoife O'Brien"]);
    expect(tabs.get('Pupils')![1]).toContain('EHCP');
    expect(tabs.get('Pupils')![1]).toContain('Nursing (talk to [another pupil])');
    // Meetings: all five of hers, the Staff only ones included.
    const meetings = tabs.get('Meetings')!;
    expect(meetings.slice(1).map((m) => m[1])).toEqual(['P100', 'P100', 'P100', 'P100', 'P100']);
    expect(meetings.flat().join('\n')).toContain('DSL informed (STAFF-ONLY-NOTE)');
    expect(meetings.flat().join('\n')).toContain('STAFF-ONLY-GUIDANCE');
    // Actions: her three; the formula-looking one written as text, not a formula.
    expect(tabs.get('Actions')!.slice(1).map((a) => a[1])).toEqual(['Visit college open day with [another pupil]', 'Write CV ([another pupil] and [another pupil] helped)', expect.stringContaining('+44 call Canterbury College')]);
    expect(tabs.get('Actions')!.flat().join('\n')).not.toContain('FORMULA:');
    expect(tabs.get('Pupils')!.flat().join('\n')).not.toContain('FORMULA:');
    // Activities that list her by ID (Pupils or Absent); those lists show only her.
    const acts = tabs.get('Activities')!;
    const head = acts[0];
    const col = (h: string) => head.indexOf(h);
    expect(acts.slice(1).map((a) => [a[col('Activity')], a[col('Pupils')], a[col('Absent')]])).toEqual([
      ['College taster with [another pupil]', 'P100', ''],
      ['Hospital visit', '', 'P100'],
      ['Study skills', 'P100', ''],
      ['STEM day', 'P100', ''],
      ['Summer school', 'P100', ''],
    ]);
    // Destinations: header only. Log: the bulletin line that names her email.
    expect(tabs.get('Destinations')!.length).toBe(1);
    expect(tabs.get('Log')!.slice(1).map((l) => l[4])).toEqual(['aoife@h.example']);
    const everything = [...tabs.values()].flat(2).join('\n');
    for (const other of NOT_AOIFE) expect(everything).not.toContain(other);
    expect(everything).not.toMatch(/PASTORAL-|GROUP-ZOE/);
    expect((await logRows(wb)).at(-1)!.slice(1, 4)).toEqual(['record', 'made', 'sar; pupil ID P100; asked by dpo@h.example']);
  });

  it("Will Rose's SAR (P102, rose@h.example): the Log lines that name HIS email, not primrose@h.example's", async () => {
    const wb = await fresh(hillside(), 'a');
    const out = path.join(dir, 'will-sar.xlsx');
    expect((await cli(wb, 'record', '--pupil', 'P102', '--kind', 'sar', '--out', out)).code).toBe(0);
    const tabs = await sheets(out);
    expect(tabs.get('Log')!.slice(1).map((l) => l[4])).toEqual(['rose@h.example']);
    expect([...tabs.values()].flat(2).join('\n')).not.toContain('primrose');
    expect(tabs.get('Meetings')!.slice(1).map((m) => m[9])).toEqual(['WILL-NOTE']);
  });

  it('the SAR as --out .html writes the pupil record and the workbook beside it', async () => {
    const wb = await fresh(hillside(), 'a');
    const out = path.join(dir, 'aoife-sar2.html');
    expect((await cli(wb, 'record', '--pupil', 'P100', '--kind', 'sar', '--out', out)).code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'aoife-sar2.xlsx'))).toBe(true);
    expect(sections(fs.readFileSync(out, 'utf8')).map(([h]) => h).slice(0, 5)).toEqual(['About', 'Plans', 'Meetings', 'Actions', 'Activities attended']);
  });
});

// ---------------------------------------------------------------- tracker B: aliases, accents, names built from Forename/Surname

describe('Brook (tracker B): headers by alias', () => {
  it("Seán Ó Briain's (4418) pupil record: a Private (✓) meeting left out, classmates' names and admission numbers replaced", async () => {
    const wb = await fresh(brook(), 'b');
    const out = path.join(dir, 'sean.html');
    const r = await cli(wb, 'record', '--pupil', '4418', '--kind', 'pupil', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    const all = textOf(html);
    expect(section(html, 'About')).toBe('Name | Seán Ó Briain | Year | 11 | Form | 11B');
    // "Sat with Grace Hope and grace-ful Niamh D’Arcy; hope to see 4417 and 4420 again. =cmd|calc"
    // Grace Hope (a full name of common words) and Niamh D'Arcy (curly apostrophe) replaced, the
    // words "grace-ful" and "hope" kept, both admission numbers replaced.
    expect(section(html, 'Meetings')).toContain('Notes | Sat with [another pupil] and grace-ful [another pupil]; hope to see [another pupil] and [another pupil] again. =cmd');
    expect(all).not.toMatch(/PRIVATE-|Niamh|D.Arcy|4417|4419|4420|Grace Hope/);
    expect(section(html, 'Actions')).toContain('Ask [another pupil] mum about the taster');
    // The IAG meeting is a guidance meeting; Al Bell has L6 = Y.
    expect(section(html, 'Meetings')).toContain('Guidance meeting with a qualified (Level 6) careers adviser');
    // The HE visit (listed by Attendees) and the Year 11 assembly he did not attend.
    expect(all).toContain('Irish society visit');
    expect(all).not.toContain('Year 11 assembly');
  });

  it('the transition batch: one per Year 11 with consent (Y, Yes), those without listed, Year 10 left out', async () => {
    const wb = await fresh(brook(), 'b');
    const out = path.join(dir, 'batch-b');
    const r = await cli(wb, 'record', '--year', '11', '--kind', 'transition', '--out', out, '--json');
    if (!HAVE_CHROMIUM) {
      // Without Chromium the batch (PDFs) cannot print: exit 1 with one line, nothing logged.
      expect(r.code).toBe(1);
      expect((await logRows(wb)).length).toBe(1);
      return;
    }
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(fs.readdirSync(out).sort()).toEqual(['Careers transition document - Grace Hope (4419).pdf', 'Careers transition document - Seán Ó Briain (4418).pdf']);
    expect(json.files.map((f: { pupilId: string }) => f.pupilId)).toEqual(['4418', '4419']);
    expect(json.withoutConsent).toEqual([{ pupilId: '4417', name: "Niamh D'Arcy" }]);
    expect((await logRows(wb)).slice(1).map((l) => l[3])).toEqual(['transition; pupil ID 4418; asked by dpo@h.example', 'transition; pupil ID 4419; asked by dpo@h.example']);
  });

  it("Seán's transition document: DOB from DOB, needs from the latest non-private meeting", async () => {
    const wb = await fresh(brook(), 'b');
    const out = path.join(dir, 'sean-t.html');
    expect((await cli(wb, 'record', '--pupil', '4418', '--kind', 'transition', '--out', out)).code).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    expect(section(html, 'About')).toBe('Name | Seán Ó Briain | Date of birth | 12 July 2010');
    expect(section(html, 'From the latest careers meetings')).toBe('Aspirations | Irish (01/10/2025) | Needs | Dyslexia: reader (01/10/2025)');
    expect(section(html, 'Careers guidance meetings')).toBe('Date | With a qualified (Level 6) adviser | 01/10/2025 | Yes');
    expect(textOf(html)).not.toMatch(/PRIVATE|Sat with/);
  });

  it("Seán's SAR: the Adno column finds his Pupils row; the Activities lists show only him", async () => {
    const wb = await fresh(brook(), 'b');
    const out = path.join(dir, 'sean-sar.xlsx');
    expect((await cli(wb, 'record', '--pupil', '4418', '--kind', 'sar', '--out', out)).code).toBe(0);
    const tabs = await sheets(out);
    expect(tabs.get('Pupils')!.map((p) => p[0])).toEqual(['Adno', '4418']);
    expect(tabs.get('Meetings')!.length).toBe(3);
    expect(tabs.get('Activities')!.slice(1).map((a) => [a[1], a[5], a[6]])).toEqual([['Irish society visit', '4418', ''], ['Year 11 assembly', '', '4418']]);
    const everything = [...tabs.values()].flat(2).join('\n');
    expect(everything).not.toMatch(/4417|4419|4420|Niamh|Grace Hope/);
  });
});

// ---------------------------------------------------------------- Apps Script: who may make what

describe('Hillside in Google Sheets (the fake): the role checks', () => {
  let fake: GasFake;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${TODAY}T09:30:00Z`));
    fake = installFake({ user: STAFF.leader });
    loadTabs(fake, hillside());
  });
  afterEach(() => vi.useRealTimers());
  const code = (r: ApiResult<unknown>) => (r.ok ? 'ok' : r.code);
  const as = (user: string, id: string, kind: string) => { fake.setUser(user); return code(makeRecord(id, kind)); };
  const names = () => fake.sentMail.flatMap((m) => (m.attachments ?? []) as FakeBlob[]).map((b) => b._name);
  const records = () => fake.sheetValues('Log').filter((r) => r[1] === 'record').map((r) => r[3]);

  it('pupil and transition: careers leader, careers adviser (qualified or not), the pupil\'s own mentor; nobody else', () => {
    expect(as(STAFF.leader, 'P100', 'pupil')).toBe('ok');
    expect(as(STAFF.adviser, 'P102', 'pupil')).toBe('ok');
    expect(as(STAFF.unqualified, 'P102', 'transition')).toBe('ok');
    expect(as(STAFF.mentor, 'P100', 'transition')).toBe('ok');
    expect(as(STAFF.mentor, 'L200', 'pupil')).toBe('ok'); // his old mentee, a leaver
    expect(as(STAFF.mentor, 'P102', 'pupil')).toBe('refused'); // Kit Shaw's mentee
    expect(as(STAFF.otherMentor, 'P100', 'pupil')).toBe('refused');
    expect(as(STAFF.tutor, 'P100', 'pupil')).toBe('refused'); // her form tutor is not a maker
    expect(as(STAFF.admin, 'P100', 'pupil')).toBe('refused');
    expect(as(STAFF.governor, 'P100', 'transition')).toBe('refused');
    expect(as('stranger@h.example', 'P100', 'pupil')).toBe('refused');
    expect(records()).toEqual(['pupil; pupil ID P100; asked by cl@h.example', 'pupil; pupil ID P102; asked by ad@h.example',
      'transition; pupil ID P102; asked by uq@h.example', 'transition; pupil ID P100; asked by mn@h.example', 'pupil; pupil ID L200; asked by mn@h.example']);
  });

  it('the SAR: careers leader only, on the sidebar call and the menu', () => {
    for (const u of [STAFF.adviser, STAFF.mentor, STAFF.admin, STAFF.governor, STAFF.tutor]) expect(as(u, 'P100', 'sar')).toBe('refused');
    expect(fake.sentMail).toHaveLength(0);
    fake.setUser(STAFF.adviser);
    subjectAccessRequest();
    expect(fake.ui.prompts).toHaveLength(0);
    expect(fake.sentMail).toHaveLength(0);
    fake.setUser(STAFF.leader);
    // Typed with a curly apostrophe (as a Mac or phone types it): still Aoife O'Brien.
    fake.ui.respondWith({ text: ' aoife  o\u2019brien', button: 'OK' });
    subjectAccessRequest();
    expect(names()).toEqual(["Subject access request - Aoife O'Brien (P100).pdf", "Subject access request - Aoife O'Brien (P100) - workbook (one CSV per tab).zip"]);
    const zip = (fake.sentMail[0].attachments as FakeBlob[])[1];
    const csv = zip._entries!.map((e) => e.bytes.toString('utf8')).join('\n');
    expect(csv).toContain('STAFF-ONLY-NOTE');
    for (const other of NOT_AOIFE) expect(csv).not.toContain(other);
    expect(records()).toEqual(['sar; pupil ID P100; asked by cl@h.example']);
  });

  it('a tracker whose Staff tab is still empty (being set up): nobody can be checked, so no record is made', () => {
    const tabs = hillside();
    tabs.Staff = [tabs.Staff[0]];
    loadTabs(fake, tabs);
    expect(as(STAFF.leader, 'P100', 'pupil')).toBe('refused');
    fake.ui.respondWith({ text: 'P100', button: 'OK' });
    subjectAccessRequest();
    transitionDocumentsForYear11();
    expect(fake.sentMail).toHaveLength(0);
    expect(records()).toEqual([]);
  });

  it('a transition document without consent is refused with the reason, nothing sent, nothing logged', () => {
    const r = makeRecord('P101', 'transition');
    expect(r).toMatchObject({ ok: false, code: 'refused' });
    expect((r as { message: string }).message).toContain('Consent to share');
    expect(fake.sentMail).toHaveLength(0);
    expect(records()).toEqual([]);
  });

  it('the Year 11 batch: a mentor gets his own Year 11 mentees with consent; the leader all; tutors and admin none', () => {
    fake.setUser(STAFF.mentor);
    transitionDocumentsForYear11();
    // Mo Nash mentors P100, P101 (no consent), P104, P106 in Year 11, and L200 (a leaver).
    expect(names()).toEqual(["Careers transition document - Aoife O'Brien (P100).pdf", 'Careers transition document - Jo Rayner (P104).pdf', 'Careers transition document - Ben Ali (P106).pdf']);
    expect(fake.ui.alerts.at(-1)!.prompt).toContain('Zoë Müller (P101)');
    expect(fake.ui.alerts.at(-1)!.prompt).not.toContain('Primrose');
    fake.setUser(STAFF.leader);
    transitionDocumentsForYear11();
    expect(names().slice(3)).toEqual(["Careers transition document - Aoife O'Brien (P100).pdf", 'Careers transition document - Will Rose (P102).pdf',
      'Careers transition document - Jo Rayner (P104).pdf', 'Careers transition document - Ben Ali (P106).pdf']);
    expect(fake.ui.alerts.at(-1)!.prompt).toMatch(/Zoë Müller \(P101\)[\s\S]*Primrose Day \(P103\)/);
    const sent = fake.sentMail.length;
    for (const u of [STAFF.tutor, STAFF.admin, STAFF.governor]) {
      fake.setUser(u);
      transitionDocumentsForYear11();
    }
    expect(fake.sentMail).toHaveLength(sent);
  });
});
