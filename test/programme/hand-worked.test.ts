/**
 * An independent, hand-worked check of the careers programme, the checklists and the governors'
 * report against programme.md (and activities-and-scores.md, product.md), on trackers built here
 * from scratch. Every expected figure below is worked out by hand in the comments, from the spec's
 * words, not from the code.
 */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import PostalMime from 'postal-mime';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { NodeClock } from '../../src/node/clock';
import { gatherReportData } from '../../src/jobs/report';
import { renderReport } from '../../src/domain/report-html';
import { FEWER_THAN_5, NOT_SHOWN, reportStrings } from '../../src/domain/report';
import { CHECKLIST_TEMPLATES } from '../../src/domain/checklists';
import type { CellValue } from '../../src/ports';
import { cli, tmp } from '../faults/support';
import { runScheduledTick } from '../../src/jobs/schedule';
import type { MailMessage, MailPort } from '../../src/ports';

const d = (day: string): CellValue => ({ day });

async function save(tabs: Record<string, CellValue[][]>, file: string): Promise<void> {
  const wb = XlsxWorkbook.empty();
  for (const [name, grid] of Object.entries(tabs)) {
    wb.createTab(name);
    wb.writeCells(name, 1, 1, grid);
  }
  await wb.save(file);
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

// ---------------------------------------------------------------------------------------------
// Tracker A: the careers calendar. Today is Monday 30 March 2026 (ISO week 2026-W14), the last
// week of the Spring term (1 January – 31 March 2026 by date).
// Due soon window: 30 March (today) to 13 April (today + 14); 14 April is 15 days away.
// ---------------------------------------------------------------------------------------------
const TODAY_A = '2026-03-30';
const A: Record<string, CellValue[][]> = {
  Settings: [['Setting', 'Value'], ['School name', 'Hand School A']],
  Staff: [
    ['Initials', 'Name', 'Email', 'Role'],
    ['HO', 'Hannah Okafor', 'ho@a.example', 'Careers leader'],
    ['FR', 'Fran Reed', 'fr@a.example', 'Mentor'],
    ['KB', 'Karen Blake', 'kb@a.example', 'Admin'],
    ['NH', 'Nigel Hartley', 'nh@a.example', 'Governor'],
  ],
  Pupils: [['Pupil ID', 'Name', 'Year'], ['A900800700600', 'Tegan Smith', 11], ['A900800700601', 'Zac Quill', 10]],
  Programme: [
    ['Action', 'Due', 'Term', 'Owner', 'Benchmarks', 'Status', 'Done on'],
    /* r2  */ ['Options assembly', d('2026-03-30'), 'Spring 2', 'HO', 'BM1', 'Planned', ''], // due today: due soon, not overdue
    /* r3  */ ['Year 10 CV workshop', d('2026-03-29'), 'Spring 2', 'FR', '4', 'In progress', ''], // yesterday: overdue
    /* r4  */ ['Employer panel', d('2026-04-13'), 'Summer 1', 'HO / FR', '5; 6', '', ''], // today + 14: due soon, two owners
    /* r5  */ ['College taster day', d('2026-04-14'), 'summer  1', 'KB', '7', '', ''], // today + 15: planned; same term label
    /* r6  */ ['Careers fair', d('2026-02-10'), 'Spring 1', 'HO', '2', 'Done', d('2026-02-10')], // done on the due day: on time
    /* r7  */ ['Parents information evening', d('2026-01-20'), 'Spring 1', 'KB', '3', 'Complete', d('2026-01-27')], // done late
    /* r8  */ ['Apprenticeship talk', d('2026-02-24'), 'Spring 1', 'FR', '5', 'Actioned', ''], // done, no Done on: not on time
    /* r9  */ ['Mock interviews', d('2026-03-20'), 'Spring 2', 'HO', '5', 'Cancelled', ''], // dropped (alias)
    /* r10 */ ['Army talk', d('2026-03-27'), 'Spring 2', 'ZZ', '5', '', ''], // overdue, unknown owner: nobody reminded
    /* r11 */ ['Work experience for Tegan Smith', d('2026-04-01'), 'Summer 1', 'KB', '6', '', ''], // due soon (next term), names a pupil
    /* r12 */ ['Early review', d('2026-05-20'), 'Summer 2', 'HO', '8', 'Done', d('2026-03-01')], // done early: on time, not yet due
    /* r13 */ ['Autumn employer visit', d('2025-11-15'), 'Autumn 1', 'FR', '3', 'Done', d('2025-11-14')], // on time
    /* r14 */ ['Autumn survey', d('2025-12-01'), 'Autumn 2', 'KB', '1', 'Planned', ''], // overdue since December
  ],
  Checklists: [
    ['Checklist', 'Item', 'Done'],
    // 20 items, 16 done: 80 % exactly, green (county 16-20)
    ...Array.from({ length: 20 }, (_, i): CellValue[] => ['Annual careers plan', `Item ${i + 1}`, i < 16 ? 'Yes' : 'No']),
    // 20 items, 15 done: 75 %, amber (county 11-15)
    ...Array.from({ length: 20 }, (_, i): CellValue[] => ['Plan 15', `Item ${i + 1}`, i < 15 ? 'Y' : '']),
    // 20 items, 11 done: 55 % exactly, amber
    ...Array.from({ length: 20 }, (_, i): CellValue[] => ['Plan 11', `Item ${i + 1}`, i < 11 ? 'x' : 'N']),
    // 20 items, 10 done: 50 %, red (county 0-10)
    ...Array.from({ length: 20 }, (_, i): CellValue[] => ['Plan 10', `Item ${i + 1}`, i < 10 ? 'TRUE' : 'FALSE']),
    // 9 items, 5 done: 55.6 %, amber; 4 of 5 = 80 %, green
    ...Array.from({ length: 9 }, (_, i): CellValue[] => ['Nine', `Item ${i + 1}`, i < 5 ? 'Yes' : 'No']),
    ...Array.from({ length: 5 }, (_, i): CellValue[] => ['Five', `Item ${i + 1}`, i < 4 ? 'Yes' : 'No']),
  ],
};

/* Hand-worked summary for tracker A on 30 March 2026.
 * States: overdue r3, r10, r14 (3); due soon r2, r4, r11 (3); planned r5; on time r6, r12, r13 (3);
 * late r7; done without date r8; dropped r9.
 * actions 13; done r6 r7 r8 r12 r13 = 5; onTime 3; overdue 3; dueSoon 3; dropped 1.
 * Due so far (not dropped, Due <= 30 March): r2 r3 r6 r7 r8 r10 r13 r14 = 8, on time among them r6 r13 = 2
 * -> 25 %.
 * Terms, in the order of their earliest action: Autumn 1 (r13), Autumn 2 (r14), Spring 1 (r7 r6 r8),
 * Spring 2 (r9 r10 r3 r2), Summer 1 (r11 r4 r5: "summer  1" is the same label), Summer 2 (r12).
 */
const C = (actions: number, done: number, onTime: number, overdue: number, dueSoon: number, dropped: number, dueSoFar: number, onTimePct: number | null) =>
  ({ actions, done, onTime, overdue, dueSoon, dropped, dueSoFar, onTimePct });
const BY_TERM_A = [
  { term: 'Autumn 1', ...C(1, 1, 1, 0, 0, 0, 1, 100) },
  { term: 'Autumn 2', ...C(1, 0, 0, 1, 0, 0, 1, 0) },
  { term: 'Spring 1', ...C(3, 3, 1, 0, 0, 0, 3, 33.3) }, // r6 on time, r7 late, r8 undated: 1 of 3
  { term: 'Spring 2', ...C(4, 0, 0, 2, 1, 1, 3, 0) }, // r3 r10 overdue, r2 due soon, r9 dropped
  { term: 'Summer 1', ...C(3, 0, 0, 0, 2, 0, 0, null) }, // r11 r4 due soon, r5 planned; none due yet
  { term: 'Summer 2', ...C(1, 1, 1, 0, 0, 0, 0, null) }, // r12 done early, due in May
];
const BY_BM_A = [
  { benchmark: 1, ...C(2, 0, 0, 1, 1, 0, 2, 0) }, // r2 r14
  { benchmark: 2, ...C(1, 1, 1, 0, 0, 0, 1, 100) }, // r6
  { benchmark: 3, ...C(2, 2, 1, 0, 0, 0, 2, 50) }, // r7 late, r13 on time
  { benchmark: 4, ...C(1, 0, 0, 1, 0, 0, 1, 0) }, // r3
  { benchmark: 5, ...C(4, 1, 0, 1, 1, 1, 2, 0) }, // r4 due soon, r8 done, r9 dropped, r10 overdue; due so far r8 r10
  { benchmark: 6, ...C(2, 0, 0, 0, 2, 0, 0, null) }, // r4 r11
  { benchmark: 7, ...C(1, 0, 0, 0, 0, 0, 0, null) }, // r5
  { benchmark: 8, ...C(1, 1, 1, 0, 0, 0, 0, null) }, // r12
];
// This term (Spring, 1 January – 31 March 2026 by date): r7 r6 r8 r9 r10 r3 r2 = 7 actions; done 3
// (r6 r7 r8), on time 1 (r6), overdue 2 (r10 r3), due soon 1 (r2), dropped 1 (r9); due so far 6,
// on time 1 -> 16.7 %. r11 (1 April) is the Summer term.
const THIS_TERM_A = C(7, 3, 1, 2, 1, 1, 6, 16.7);

async function mails(dir: string) {
  const out: { to: string; subject: string; text: string; html: string }[] = [];
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.eml')).sort()) {
    const m = await PostalMime.parse(fs.readFileSync(path.join(dir, f)));
    out.push({ to: m.to![0].address!, subject: m.subject ?? '', text: m.text ?? '', html: m.html ?? '' });
  }
  return out.sort((a, b) => a.to.localeCompare(b.to));
}

describe('hand-worked: the careers programme (tracker A)', () => {
  it('programme --json: every figure, per term and per benchmark', async () => {
    const dir = tmp();
    const file = path.join(dir, 'a.xlsx');
    await save(A, file);
    const r = await cli(['programme', '--workbook', file, '--outbox', path.join(dir, 'out'), '--today', TODAY_A, '--json']);
    expect([r.code, r.err]).toEqual([0, '']);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ asOf: TODAY_A, ...C(13, 5, 3, 3, 3, 1, 8, 25), unownedDue: 1, weekKey: '2026-W14' });
    expect(j.byTerm).toEqual(BY_TERM_A);
    expect(j.byBenchmark).toEqual(BY_BM_A);
    expect(j.thisTerm).toMatchObject({ ...THIS_TERM_A, from: '2026-01-01', to: '2026-03-31' });
    expect(j.overdueActions.map((a: { row: number }) => a.row)).toEqual([14, 10, 3]);
    expect(j.dueSoonActions.map((a: { row: number }) => a.row)).toEqual([2, 11, 4]);
  });

  it('reminders: one per owner with something due, overdue first, action/due/term/benchmarks, no pupil; once per ISO week', async () => {
    const dir = tmp();
    const file = path.join(dir, 'a.xlsx');
    await save(A, file);
    const outbox = path.join(dir, 'out');
    const r = await cli(['programme', '--workbook', file, '--outbox', outbox, '--today', TODAY_A, '--json']);
    expect(JSON.parse(r.out)).toMatchObject({ reminders: 3, sent: 3, alreadySentThisWeek: 0 });
    const m = await mails(outbox);
    // HO: r2 (due soon, today), r4 (due soon, shared with FR). FR: r3 overdue, r4. KB: r14 overdue, r11.
    // NH (nothing owned) and ZZ (not on the Staff tab) get nothing.
    expect(m.map((x) => x.to)).toEqual(['fr@a.example', 'ho@a.example', 'kb@a.example']);
    const [fr, ho, kb] = m;
    expect(ho.subject).toBe('Careers programme: 2 due soon – week of 30 March 2026 (Hand School A)');
    expect(fr.subject).toBe('Careers programme: 1 overdue, 1 due soon – week of 30 March 2026 (Hand School A)');
    expect(kb.subject).toBe('Careers programme: 1 overdue, 1 due soon – week of 30 March 2026 (Hand School A)');
    const lines = (t: string) => t.split('\n').filter((l) => l.startsWith('- '));
    expect(lines(ho.text)).toEqual([
      '- Due soon: Options assembly (due 30 March 2026, Spring 2, BM1)',
      '- Due soon: Employer panel (due 13 April 2026, Summer 1, BM5, BM6)',
    ]);
    expect(lines(fr.text)).toEqual([
      '- Overdue: Year 10 CV workshop (due 29 March 2026, Spring 2, BM4)',
      '- Due soon: Employer panel (due 13 April 2026, Summer 1, BM5, BM6)',
    ]);
    expect(lines(kb.text)).toEqual([
      '- Overdue: Autumn survey (due 1 December 2025, Autumn 2, BM1)',
      '- Due soon: Work experience for [pupil] (due 1 April 2026, Summer 1, BM6)',
    ]);
    for (const x of m) {
      for (const s of ['Tegan', 'Smith', 'A900800700600', 'Zac Quill', 'College taster', 'Careers fair', 'Mock interviews', 'Army talk']) {
        expect(x.text + x.html, `${x.to} ${s}`).not.toContain(s);
      }
    }
    // Once per ISO week: Thursday of the same week drafts nothing; the next Monday drafts again.
    const again = await cli(['programme', '--workbook', file, '--outbox', outbox, '--today', '2026-04-02', '--json']);
    expect(JSON.parse(again.out)).toMatchObject({ sent: 0 });
    expect(fs.readdirSync(outbox).filter((f) => f.endsWith('.eml'))).toHaveLength(3);
  });

  it('checklists: score and RAG at the thresholds, in the report; add-checklist does not add a second Annual careers plan', async () => {
    const dir = tmp();
    const file = path.join(dir, 'a.xlsx');
    await save(A, file);
    const out = path.join(dir, 'r.html');
    const r = await cli(['report', '--workbook', file, '--out', out, '--today', TODAY_A, '--json']);
    expect([r.code, r.err]).toEqual([0, '']);
    const j = JSON.parse(r.out);
    expect(j.checklists).toEqual([
      { name: 'Annual careers plan', items: 20, done: 16, rag: 'green' },
      { name: 'Plan 15', items: 20, done: 15, rag: 'amber' },
      { name: 'Plan 11', items: 20, done: 11, rag: 'amber' },
      { name: 'Plan 10', items: 20, done: 10, rag: 'red' },
      { name: 'Nine', items: 9, done: 5, rag: 'amber' },
      { name: 'Five', items: 5, done: 4, rag: 'green' },
    ]);
    // The report's programme section: this term (Spring) as worked out above.
    expect(j.programme.thisTerm).toMatchObject({ name: 'Spring term 2026', ...THIS_TERM_A });
    const t = text(fs.readFileSync(out, 'utf8'));
    expect(t).toContain('Spring term 2026: 7 actions due, 3 done (1 on time), 2 overdue, 1 due in the next two weeks.'
      + ' This academic year (2025-26): 13 actions, 5 done; 25% of those due so far done on time; 3 overdue; 1 dropped.');
    expect(t).toContain('Annual careers plan 16 of 20 Green');
    expect(t).toContain('Plan 11 11 of 20 Amber');
    expect(t).toContain('Plan 10 10 of 20 Red');
    expect(t).not.toMatch(/Tegan|A900800700600/);
    const add = await cli(['add-checklist', 'annual-plan', '--workbook', file, '--json']);
    expect([add.code, JSON.parse(add.out)]).toEqual([0, { name: 'Annual careers plan', added: 0, existed: true }]);
  });
});

// ---------------------------------------------------------------------------------------------
// Tracker C: empty (no tabs at all), then add-checklist annual-plan.
// ---------------------------------------------------------------------------------------------
describe('hand-worked: an empty tracker', () => {
  it('programme: all zero, nothing due, no reminders; report: every "no data yet"; add-checklist: the county 20, red', async () => {
    const dir = tmp();
    const file = path.join(dir, 'c.xlsx');
    await save({}, file);
    const p = await cli(['programme', '--workbook', file, '--outbox', path.join(dir, 'out'), '--today', TODAY_A, '--json']);
    expect([p.code, p.err]).toEqual([0, '']);
    expect(JSON.parse(p.out)).toMatchObject({ ...C(0, 0, 0, 0, 0, 0, 0, null), byTerm: [], byBenchmark: [], reminders: 0, sent: 0 });
    const out = path.join(dir, 'c.html');
    const r = await cli(['report', '--workbook', file, '--out', out, '--today', TODAY_A, '--json']);
    expect([r.code, r.err]).toEqual([0, '']);
    const t = text(fs.readFileSync(out, 'utf8'));
    expect(t).toContain('0 of 8 benchmarks achieved (indicative, from this tracker)');
    expect(t).toContain('No data yet: the Programme tab has no actions.');
    expect(t).toContain('No checklists in the tracker yet.');
    expect(t).toContain('No data yet: the evidence folders have not been reported on');
    // Destinations: the rules exist in this tracker, so the last three leaver years are listed with 0
    // leavers (0 picks out nobody) and no percentage.
    expect(t).toContain('2025 0 – – – – 2024 0 – – – – 2023 0 – – – –');
    expect(t).toContain('5. Each measured criterion by year group No data yet');
    expect(t).toContain('Years 8–9 0 0 Years 10–11 0 0 Years 12–13 0 0');
    const add = await cli(['add-checklist', 'annual-plan', '--workbook', file, '--json']);
    expect([add.code, JSON.parse(add.out)]).toEqual([0, { name: 'Annual careers plan', added: 20, existed: false }]);
    const wb = await XlsxWorkbook.open(file);
    const rows = wb.readTab('Checklists')!;
    expect(rows.slice(1).map((row) => row[1])).toEqual(CHECKLIST_TEMPLATES['annual-plan'].items);
    expect(rows.slice(1).every((row) => String(row[2]).toLowerCase() === 'no')).toBe(true);
    const r2 = await cli(['report', '--workbook', file, '--out', out, '--today', TODAY_A, '--json']);
    expect(JSON.parse(r2.out).checklists).toEqual([{ name: 'Annual careers plan', items: 20, done: 0, rag: 'red' }]);
  });
});

// ---------------------------------------------------------------------------------------------
// Tracker B: the governors' report. Today is Monday 30 March 2026 (academic year 2025-26).
// Pupils: Year 11 P01–P12 (12), Year 9 P13–P15 (3: a tiny group). P01–P05 Accepted, P06 Offer,
// P07 Applied, P08–P12 no status. SEND: P01–P05 SEN support, P06 EHCP; P13 disadvantaged.
// Risk factors for red = 20 (more than any pupil can have), so only the status reasons make red.
// ---------------------------------------------------------------------------------------------
const TODAY_B = '2026-03-30';
const NAMES = ['Amy Able', 'Ben Bold', 'Cal Cope', 'Dee Dunn', 'Eve Ebb', 'Fay Fell', 'Gus Gale', 'Hal Hove', 'Ivy Isle', 'Jon Jury',
  'Kit Kale', 'Lou Lark', 'Mo Mint', 'Ned Nook', 'Tegan Smith'];
const IDS = NAMES.map((_, i) => `B${String(i + 1).padStart(12, '0')}`);
const B: Record<string, CellValue[][]> = {
  Settings: [['Setting', 'Value'], ['School name', 'Hand School B'], ['Risk factors for red', '20']],
  Staff: [['Initials', 'Name', 'Email', 'Role'], ['HO', 'Hannah Okafor', 'ho@b.example', 'Careers leader']],
  Pupils: [
    ['Pupil ID', 'Name', 'Year', 'Application status', 'SEND', 'Disadvantaged'],
    ...NAMES.map((name, i): CellValue[] => [
      IDS[i], name, i < 12 ? 11 : 9,
      i < 5 ? 'Accepted' : i === 5 ? 'Offer' : i === 6 ? 'Applied' : '',
      i < 5 ? 'SEN support' : i === 5 ? 'EHCP' : '', i === 12 ? 'Yes' : '',
    ]),
  ],
  Activities: [
    ['Date', 'Activity', 'Type', 'Provider', 'Year groups', 'Provider access', 'Benchmarks', 'Absent'],
    // A1: Year 9 only (Years 8–9 phase). A2: Years 9 and 11, P12 absent. A3: last year, the present
    // Year 11 then in Year 10, the same provider as A1 written differently.
    [d('2026-02-05'), 'College open evening', 'Further education', 'Town College', '9', 'Yes', '7', ''],
    [d('2026-02-12'), 'Apprenticeship provider visit', 'Technical provider', 'Skills Ltd', '9, 11', 'Yes', '7', IDS[11]],
    [d('2025-06-10'), 'Sixth form taster', 'Further education', ' town college ', '10', 'Yes', '7', ''],
  ],
  Audit: [
    ['Benchmark', 'Criterion', 'Rating', 'Owner', 'Action', 'Cost', 'Deadline', 'Success criteria'],
    /* r2 */ [1, 'A written careers programme', 'Not achieved', '', '', '', '', ''], // Achieved from 2026-01-11
    /* r3 */ [1, 'Programme published on the website', 'Not achieved', 'HO', 'Publish the programme page', '£0', d('2026-05-01'), 'Page live and linked'],
    /* r4 */ [2, 'Labour market information in corridors', 'Partially achieved', '', '', '', '', ''],
    /* r5 */ [3, 'Records kept', 'N/A', '', '', '', '', ''],
    /* r6 */ [4, 'Curriculum mapping piloted with Tegan Smith', '', '', '', '', '', ''],
    /* r7 */ [5, 'Employer links', 'Achieved', '', '', '', '', ''],
    /* r8 */ [8, 'Adviser contract', 'Achieved', '', '', '', '', ''], // Not achieved on 2026-01-10 only
  ],
};

/* Scores on 30 March 2026 (criteria: rules.md as revised by activities-and-scores.md).
 * Measured, cohorts: on roll 15; Years 9–13 15; Year 11 12; Years 9 and 11 15.
 *   bm2.information 0/15, bm3.records 0/15, bm4.curriculum 0/15, bm5.employers 0/15 (no activity counts
 *   for 2–5), bm6.by16 0/12, bm7.by16 0/12 (nobody at a Higher education activity), bm8.by16 0/12.
 *   bm7.provider-access: Year 9 (P13–P15): A1 + A2, two providers, both by end of February: met 3.
 *   Year 11: A3 (in Year 10, Town College) + A2 (Skills Ltd, 12 February): met by P01–P11; P12 was
 *   absent from A2, so 1 encounter: not met. 14/15.
 * BM1 audit [1, 0] = 50.0 amber, In progress; measured –, self 50.
 * BM2 [0, 0.5] = 25.0 red; measured 0, self 50.   BM3 [0] (N/A left out) = 0 red Not started; self –.
 * BM4 [0, 0 (blank)] = 0; measured 0, self 0.     BM5 [0, 1] = 50 amber; measured 0, self 100.
 * BM6 [0] = 0; self –.                            BM7 [0, 14/15] = 46.666… -> 46.7 red; measured 46.7.
 * BM8 [0, 1] = 50 amber; measured 0, self 100.    Achieved: 0.
 * History: score runs on 15 December 2025 (BM1 0, BM7 0: A1/A2 not yet happened, Y11 one encounter;
 * BM8 50) and 10 January 2026 (BM8 0). The snapshot is the last run on or before 31 December 2025:
 * 15 December. Change: BM1 +50, BM7 +46.7, the rest 0 (BM8 50 -> 50, not the 10 January 0).
 */
const BMS_B = [
  [1, null, 50, 50, 'In progress', 'amber', 50],
  [2, 0, 50, 25, 'In progress', 'red', 0],
  [3, 0, null, 0, 'Not started', 'red', 0],
  [4, 0, 0, 0, 'Not started', 'red', 0],
  [5, 0, 100, 50, 'In progress', 'amber', 0],
  [6, 0, null, 0, 'Not started', 'red', 0],
  [7, 46.7, null, 46.7, 'In progress', 'red', 46.7],
  [8, 0, 100, 50, 'In progress', 'amber', 0],
];

async function trackerB(dir: string): Promise<string> {
  const file = path.join(dir, 'b.xlsx');
  await save(B, file);
  const setRating = async (row: number, rating: string) => {
    const wb = await XlsxWorkbook.open(file);
    wb.writeCells('Audit', row, 3, [[rating]]);
    await wb.save(file);
  };
  expect((await cli(['score', '--workbook', file, '--today', '2025-12-15'])).code).toBe(0);
  await setRating(8, 'Not achieved');
  expect((await cli(['score', '--workbook', file, '--today', '2026-01-10'])).code).toBe(0);
  await setRating(8, 'Achieved');
  await setRating(2, 'Achieved');
  const evidence = path.join(dir, 'evidence');
  fs.mkdirSync(path.join(evidence, 'BM1 Programme'), { recursive: true });
  await cli(['evidence', '--workbook', file, '--evidence', evidence, '--today', '2026-03-01']);
  return file;
}

describe("hand-worked: the governors' report (tracker B)", () => {
  it('sections 1–2: headline, footnote, the eight benchmarks, the snapshot change and the chart', async () => {
    const dir = tmp();
    const file = await trackerB(dir);
    const out = path.join(dir, 'b.html');
    const r = await cli(['report', '--workbook', file, '--out', out, '--today', TODAY_B, '--json']);
    expect([r.code, r.err]).toEqual([0, '']);
    const j = JSON.parse(r.out);
    expect([j.school, j.asOf, j.academicYear, j.achieved]).toEqual(['Hand School B', TODAY_B, '2025-26', 0]);
    expect(j.benchmarks.map((b: Record<string, unknown>) => [b.id, b.measured, b.selfAssessed, b.score, b.status, b.rag, b.change])).toEqual(BMS_B);
    expect(j.snapshot).toBe('2025-12-15');
    expect(j.history.days).toEqual(['2025-12-15', '2026-01-10', TODAY_B]);
    expect(j.history.series[0]).toEqual([0, 0, 50]);
    expect(j.history.series[6]).toEqual([0, 0, 46.7]);
    expect(j.history.series[7]).toEqual([50, 0, 50]);
    const t = text(fs.readFileSync(out, 'utf8'));
    expect(t).toContain('Hand School B');
    expect(t).toContain('academic year 2025-26');
    expect(t).toContain('30 March 2026');
    expect(t).toContain('0 of 8 benchmarks achieved (indicative, from this tracker)');
    expect(t).toContain('For context: schools in England fully achieved 5.96 of 8 on average in 2024/25 in Compass self-evaluations, which use a different method; the two are not directly comparable.');
    expect(t).toContain('1. A stable careers programme – 50 50 In progress Amber +50');
    expect(t).toContain('7. Encounters with further and higher education 46.7 – 46.7 In progress Red +46.7');
    expect(t).toContain('8. Personal guidance 0 100 50 In progress Amber 0');
    expect(t).toContain('(15 December 2025)');
    // The chart: 548 × 238 plot from (40, 28); 15 Dec -> 30 Mar is 105 days, 15 Dec -> 10 Jan 26 days:
    // x = 40, 40 + 548 × 26/105 = 175.7, 588; y(0) = 266, y(50) = 147, y(46.7) = 28 + 238 × 0.533 = 154.9.
    const svg = fs.readFileSync(out, 'utf8');
    expect(svg).toContain('<path d="M40 266L175.7 266L588 147"'); // BM1
    expect(svg).toContain('<path d="M40 266L175.7 266L588 154.9"'); // BM7
    expect(svg).toContain('<path d="M40 147L175.7 266L588 147"'); // BM8
  });

  it('sections 3–9: Year 11, destinations, breakdowns, year groups, provider access, action plan, evidence; fewer than 5; no pupil', async () => {
    const dir = tmp();
    const file = await trackerB(dir);
    const data = gatherReportData({ workbook: await XlsxWorkbook.open(file), clock: new NodeClock(TODAY_B) });
    // Year 11: cohort 12; accepted P01–P05 = 5; offer P06 = 1 (hidden); red P08–P12 (no application
    // after 31 January) = 5; amber P06 (offer, before 31 March) and P07 (applied) = 2 (hidden);
    // September Guarantee "no offer" (neither Offer nor Accepted): P07–P12 = 6. Accepted, offers and
    // no offer make up the cohort: 12 − 5 − 6 would give the hidden 1, so the smaller shown part
    // (accepted, 5) is "not shown".
    expect(data.year11).toEqual({ cohort: 12, accepted: NOT_SHOWN, offers: FEWER_THAN_5, red: 5, amber: FEWER_THAN_5, noOffer: 6 });
    // Destinations: no leavers; the last three leaver years with 0.
    expect(data.destinations!.map((y) => [y.leaverYear, y.cohort, y.eetPct])).toEqual([[2025, 0, null], [2024, 0, null], [2023, 0, null]]);
    // Breakdown for bm7.provider-access: all 14/15 = 93.3; SEND P01–P06 6/6 = 100, gap 100 − 87.5 = +12.5;
    // EHCP 1 pupil and disadvantaged 1 pupil: fewer than 5; looked after: nobody; the rest P07–P12,
    // P14, P15 = 8, met 7 (not P12) = 87.5.
    const pa = data.breakdowns!.find((b) => b.key === 'bm7.provider-access')!;
    expect(pa.groups).toEqual([
      { group: 'All pupils', pct: 93.3, gap: null },
      { group: 'SEND', pct: 100, gap: 12.5 },
      { group: 'EHCP', pct: FEWER_THAN_5, gap: null },
      { group: 'Looked after', pct: null, gap: null },
      { group: 'Disadvantaged', pct: FEWER_THAN_5, gap: null },
      { group: 'The rest', pct: 87.5, gap: null },
    ]);
    // Year groups: Year 9 (3 pupils) every figure hidden; Year 11 (12) 0 % except provider access 11/12 = 91.7.
    const yg = data.yearGroups;
    const row = (g: string) => Object.fromEntries(yg.criteria.map((c, k) => [c.key, yg.rows.find((x) => x.group === g)!.pct[k]]));
    expect(yg.rows.map((x) => [x.group, x.cohort])).toEqual([['Year 9', FEWER_THAN_5], ['Year 11', 12]]);
    expect(row('Year 9')).toEqual({
      'bm2.information': FEWER_THAN_5, 'bm3.records': FEWER_THAN_5, 'bm4.curriculum': FEWER_THAN_5, 'bm5.employers': FEWER_THAN_5,
      'bm6.by16': null, 'bm7.by16': null, 'bm7.provider-access': FEWER_THAN_5, 'bm8.by16': null,
    });
    expect(row('Year 11')).toEqual({
      'bm2.information': 0, 'bm3.records': 0, 'bm4.curriculum': 0, 'bm5.employers': 0,
      'bm6.by16': 0, 'bm7.by16': 0, 'bm7.provider-access': 91.7, 'bm8.by16': 0,
    });
    // Provider access this year (A3 was last year): Years 8–9 A1 + A2, 2 providers; Years 10–11 A2.
    expect(data.providerAccess.map((p) => [p.phase, p.encounters, p.providers])).toEqual([
      ['Years 8–9', 2, 2], ['Years 10–11', 1, 1], ['Years 12–13', 0, 0],
    ]);
    // Action plan: every criterion not Achieved (N/A left out), by benchmark; no Action: "no action planned".
    expect(data.auditPlan).toEqual([
      { benchmark: 1, criterion: 'Programme published on the website', rating: 'Not achieved', action: 'Publish the programme page', owner: 'Hannah Okafor', cost: '£0', deadline: '2026-05-01', success: 'Page live and linked' },
      { benchmark: 2, criterion: 'Labour market information in corridors', rating: 'Partially achieved', action: null, owner: null, cost: null, deadline: null, success: null },
      { benchmark: 4, criterion: 'Curriculum mapping piloted with [pupil]', rating: 'Not yet rated', action: null, owner: null, cost: null, deadline: null, success: null },
    ]);
    expect(data.programme).toBeNull();
    // Evidence: the report of 1 March 2026: BM1's folder exists but has no file; the others have none.
    expect(data.evidence!.generated).toBe('2026-03-01');
    expect(data.evidence!.benchmarks.map((b) => b.status)).toEqual(Array(8).fill('Empty'));
    const html = renderReport(data);
    const t = text(html);
    expect(t).toContain('12 not shown fewer than 5 5 fewer than 5 6');
    expect(t).toContain('no action planned');
    expect(t).toContain('Years 8–9 2 2 Years 10–11 1 1 Years 12–13 0 0');
    expect(t).toContain('1 March 2026');
    // Sections in the spec's order.
    const order = ['The eight benchmarks', 'Year 11', 'Destinations', 'Who is missing out', 'by year group', 'Provider access', 'The careers programme', 'Evidence folders'];
    const at = order.map((h) => t.indexOf(h));
    expect(at.every((x, i) => x > 0 && (i === 0 || x > at[i - 1]))).toBe(true);
    // No pupil named anywhere, in the document or the data behind it.
    const strings = reportStrings(data).join('\n');
    for (const s of [...NAMES, ...IDS, 'Tegan', 'Smith']) {
      expect(html, s).not.toContain(s);
      expect(strings, s).not.toContain(s);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Tracker D: last year's action still in the tab, and a Term label that names a pupil.
// Today Monday 30 March 2026; academic year 2025-26 from 1 September 2025.
// ---------------------------------------------------------------------------------------------
const D: Record<string, CellValue[][]> = {
  Staff: [['Initials', 'Name', 'Email', 'Role'], ['HO', 'Hannah Okafor', 'ho@d.example', 'Careers leader']],
  Pupils: [['Pupil ID', 'Name', 'Year'], ['D100200300400', 'Tegan Smith', 11]],
  Programme: [
    ['Task', 'By', 'Half term', 'Lead', 'BM', 'Status', 'Done on'], // the aliases of Action, Due, Term, Owner, Benchmarks
    /* r2 */ ['Last year review', d('2025-07-10'), 'Summer 2 2025', 'HO', '1', 'Done', d('2025-07-09')], // 2024-25, on time
    /* r3 */ ['Placement visit', d('2026-04-02'), 'Tegan Smith visits', 'HO', '6', '', ''], // due soon
    /* r4 */ ['Spring survey', d('2026-03-02'), 'Spring 2', 'HO', '1', 'Done', d('2026-03-05')], // late
  ],
};

describe('hand-worked: last year in the tab, a pupil in a Term label (tracker D)', () => {
  it('the reminder names no pupil, in the Term either', async () => {
    const dir = tmp();
    const file = path.join(dir, 'd.xlsx');
    await save(D, file);
    const outbox = path.join(dir, 'out');
    expect((await cli(['programme', '--workbook', file, '--outbox', outbox, '--today', TODAY_A])).code).toBe(0);
    const [ho] = await mails(outbox);
    expect(ho.text).toContain('- Due soon: Placement visit (due 2 April 2026, [pupil] visits, BM6)');
    for (const s of ['Tegan', 'Smith', 'D100200300400']) expect(ho.text + ho.html + ho.subject, s).not.toContain(s);
  });

  it('the report\'s "This year" counts this academic year\'s actions only; the per-term table keeps every label', async () => {
    const dir = tmp();
    const file = path.join(dir, 'd.xlsx');
    await save(D, file);
    const out = path.join(dir, 'd.html');
    const r = await cli(['report', '--workbook', file, '--out', out, '--today', TODAY_A, '--json']);
    const j = JSON.parse(r.out);
    // 2025-26: r3 (due soon) and r4 (done late): 2 actions, 1 done, 0 on time; due so far r4 -> 0 %.
    expect(j.programme.year).toEqual(C(2, 1, 0, 0, 1, 0, 1, 0));
    expect(j.programme.byTerm.map((t: { term: string }) => t.term)).toEqual(['Summer 2 2025', 'Spring 2', '[pupil] visits']);
    const t = text(fs.readFileSync(out, 'utf8'));
    // (Labelled with the academic year: rules.md's "this year" means up to today, and this sentence
    // counts the year's whole calendar, as its "of those due so far" says.)
    expect(t).toContain('This academic year (2025-26): 2 actions, 1 done; 0% of those due so far done on time; 0 overdue; 0 dropped.');
    expect(t).not.toMatch(/Tegan|Smith/);
  });
});

class Mail implements MailPort {
  sent: MailMessage[] = [];
  remainingQuota() { return 100; }
  send(m: MailMessage) { this.sent.push(m); return m.to; }
}

describe('hand-worked: the weekly schedule sends the reminders from Monday 7:00, once in the ISO week', () => {
  it('06:00 nothing; 07:00 three reminders (tracker A); later that week nothing more', async () => {
    const wb = XlsxWorkbook.empty();
    for (const [name, grid] of Object.entries(A)) { wb.createTab(name); wb.writeCells(name, 1, 1, grid); }
    const at = (day: string, hour: number, mail: Mail) => runScheduledTick({ workbook: wb, clock: new NodeClock(day, { hour, minute: 0 }), mail });
    const early = new Mail();
    expect(at(TODAY_A, 6, early).skipped).toBe('not due yet');
    expect(early.sent).toHaveLength(0);
    const seven = new Mail();
    at(TODAY_A, 7, seven);
    const reminders = (m: Mail) => m.sent.filter((x) => x.subject.startsWith('Careers programme:')).map((x) => x.to).sort();
    expect(reminders(seven)).toEqual(['fr@a.example', 'ho@a.example', 'kb@a.example']);
    const thursday = new Mail();
    at('2026-04-02', 10, thursday);
    expect(reminders(thursday)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Tracker E: destinations. Today 30 March 2026 (2025-26, S = 2025): leaver years 2025, 2024, 2023.
// 2025: L1 no consent; L2–L10 consented (9). Latest statuses: L2 FE, L3 Apprenticeship, L4 Employment
// without training, L5 NEET, L6 Not known, L7 Sixth form, L8 no row, L9 FE, L10 FE.
//   EET (Education, Employment with/without training, Training): L2 L3 L4 L7 L9 L10 = 6/9 = 66.7 %;
//   NEET L5 1/9 = 11.1 %; not known L6 1/9 = 11.1 %. Cohort 10.
//   Sustained (checks 1 Oct 2025 – 31 Mar 2026, one by 31 Dec and one from 1 Jan, all EET):
//   L2 L3 L4 L9 L10 sustained (5); L5 (NEET in March) not sustained (1); L6 (Not known in March),
//   L7 (March only), L8 (none) unknown. 5 / 6 = 83.3 %.
// 2024: 3 leavers (all consented, FE on 5 Oct 2025): fewer than 5 everywhere; sustained window
//   1 Oct 2024 – 31 Mar 2025 has no check: nothing to show. 2023: no leavers.
// ---------------------------------------------------------------------------------------------
const LEAVERS: [string, number, string, [string, string][]][] = [
  ['L1', 2025, 'No', [['2025-10-05', 'Further education'], ['2026-03-05', 'Further education']]],
  ['L2', 2025, 'Yes', [['2025-10-05', 'Further education'], ['2026-03-05', 'Further education']]],
  ['L3', 2025, 'Yes', [['2025-10-05', 'Apprenticeship'], ['2026-03-05', 'Apprenticeship']]],
  ['L4', 2025, '', [['2025-10-05', 'Employment without training'], ['2026-03-05', 'Employment without training']]],
  ['L5', 2025, 'Yes', [['2025-10-05', 'Further education'], ['2026-03-05', 'NEET']]],
  ['L6', 2025, 'Yes', [['2025-10-05', 'Further education'], ['2026-03-05', 'Not known']]],
  ['L7', 2025, 'Yes', [['2026-03-05', 'Sixth form']]],
  ['L8', 2025, 'Yes', []],
  ['L9', 2025, 'Yes', [['2025-10-05', 'FE'], ['2026-03-05', 'FE']]],
  ['L10', 2025, 'Yes', [['2025-10-05', 'Further education'], ['2026-01-05', 'Further education']]],
  ['M1', 2024, 'Yes', [['2025-10-05', 'Further education']]],
  ['M2', 2024, 'Yes', [['2025-10-05', 'Further education']]],
  ['M3', 2024, 'Yes', [['2025-10-05', 'Further education']]],
];
const E: Record<string, CellValue[][]> = {
  Staff: [['Initials', 'Name', 'Email', 'Role'], ['HO', 'Hannah Okafor', 'ho@e.example', 'Careers leader']],
  Pupils: [['Pupil ID', 'Name', 'Year', 'Leaver year', 'Consent to track', 'Application status'],
    ...LEAVERS.map(([id, year, consent]): CellValue[] => [id, `Leaver ${id}`, '', year, consent, 'Accepted']),
    ['Y1', 'Yasmin Yew', 11, '', '', '']],
  Destinations: [['Pupil ID', 'Checked', 'Status'], ...LEAVERS.flatMap(([id, , , rows]) => rows.map(([day, status]): CellValue[] => [id, d(day), status]))],
};

describe('hand-worked: destinations in the report (tracker E)', () => {
  it('per leaver year: cohort, EET, NEET, not known and sustained %, fewer than 5 where the group is small', async () => {
    const dir = tmp();
    const file = path.join(dir, 'e.xlsx');
    await save(E, file);
    const data = gatherReportData({ workbook: await XlsxWorkbook.open(file), clock: new NodeClock(TODAY_A) });
    expect(data.destinations).toEqual([
      { leaverYear: 2025, cohort: 10, eetPct: 66.7, neetPct: 11.1, notKnownPct: 11.1, sustainedPct: 83.3 },
      { leaverYear: 2024, cohort: FEWER_THAN_5, eetPct: FEWER_THAN_5, neetPct: FEWER_THAN_5, notKnownPct: FEWER_THAN_5, sustainedPct: null },
      { leaverYear: 2023, cohort: 0, eetPct: null, neetPct: null, notKnownPct: null, sustainedPct: null },
    ]);
    // Year 11 has one pupil: every Year 11 figure hidden.
    expect(data.year11).toEqual({ cohort: FEWER_THAN_5, accepted: FEWER_THAN_5, offers: FEWER_THAN_5, red: FEWER_THAN_5, amber: FEWER_THAN_5, noOffer: FEWER_THAN_5 });
    // Recent leavers (2023–2025) with consent not "no": L2–L10 and M1–M3 = 12; a row not Not known
    // checked since 30 March 2025: all but L8 (L5's NEET counts; L6 has October's FE) = 11/12 = 91.7 %.
    const k = data.yearGroups.criteria.findIndex((c) => c.key === 'bm3.destinations');
    const leavers = data.yearGroups.rows.find((r) => r.group === 'Recent leavers')!;
    expect([leavers.cohort, leavers.pct[k]]).toEqual([12, 91.7]);
    const t = text(renderReport(data));
    expect(t).toContain('2025 10 66.7 11.1 11.1 83.3');
    expect(t).not.toMatch(/Leaver L|Yasmin/);
  });
});

// ---------------------------------------------------------------------------------------------
// Tracker F: a gap that cannot be shown, and the evidence report's Stale and Empty with its date.
// Year 11: F1–F6 SEN support, F7–F9 none. Today 30 March 2026.
// ---------------------------------------------------------------------------------------------
describe('hand-worked: breakdown with a small "rest", evidence Stale/Empty (tracker F)', () => {
  it('SEND 6 pupils shown but no gap (the rest has 3); evidence from the report of 1 March 2026', async () => {
    const dir = tmp();
    const file = path.join(dir, 'f.xlsx');
    await save({
      Staff: [['Initials', 'Name', 'Email', 'Role'], ['HO', 'Hannah Okafor', 'ho@f.example', 'Careers leader']],
      Pupils: [['Pupil ID', 'Name', 'Year', 'SEND'], ...Array.from({ length: 9 }, (_, i): CellValue[] => [`F${i + 1}`, `Pupil F${i + 1}`, 11, i < 6 ? 'SEN support' : ''])],
      Activities: [['Date', 'Activity', 'Type', 'Year groups', 'Benchmarks', 'Pupils'],
        // bm5.employers this year: F1, F2 (SEND) and F7 (rest): all 3/9 = 33.3; SEND 2/6 = 33.3; rest 1/3 hidden.
        [d('2026-01-15'), 'Employer talk', 'Employer encounter', '', '5', 'F1, F2, F7']],
    }, file);
    // Evidence: BM1 has a file last changed 1 January 2025 (older than 120 days: Stale); BM2 one of
    // 20 February 2026 (OK); BM3–BM8 have no folder (Empty).
    const ev = path.join(dir, 'ev');
    for (const [folder, day] of [['BM1 Programme', '2025-01-01'], ['BM2 LMI', '2026-02-20']]) {
      fs.mkdirSync(path.join(ev, folder), { recursive: true });
      const f = path.join(ev, folder, 'evidence.txt');
      fs.writeFileSync(f, 'x');
      fs.utimesSync(f, new Date(`${day}T12:00:00Z`), new Date(`${day}T12:00:00Z`));
    }
    expect((await cli(['evidence', '--workbook', file, '--evidence', ev, '--today', '2026-03-01'])).code).toBe(0);
    const data = gatherReportData({ workbook: await XlsxWorkbook.open(file), clock: new NodeClock(TODAY_A) });
    expect(data.breakdowns!.find((b) => b.key === 'bm5.employers')!.groups).toEqual([
      { group: 'All pupils', pct: 33.3, gap: null },
      { group: 'SEND', pct: 33.3, gap: null },
      { group: 'EHCP', pct: null, gap: null },
      { group: 'Looked after', pct: null, gap: null },
      { group: 'Disadvantaged', pct: null, gap: null },
      { group: 'The rest', pct: FEWER_THAN_5, gap: null },
    ]);
    expect(data.evidence).toEqual({ generated: '2026-03-01', benchmarks: [1, 2, 3, 4, 5, 6, 7, 8].map((id) => ({ id, status: id === 1 ? 'Stale' : id === 2 ? 'OK' : 'Empty' })) });
    const t = text(renderReport(data));
    expect(t).toContain('From the last evidence report, 1 March 2026: BM1 stale, BM3 empty, BM4 empty, BM5 empty, BM6 empty, BM7 empty, BM8 empty');
    expect(t).not.toMatch(/Pupil F/);
  });
});
