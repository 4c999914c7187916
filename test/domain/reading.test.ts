import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/ports';
import { readTracker, type TrackerTabs } from '../../src/domain/tracker';
import { readDate, readPercent, readYesNo, readYearGroup, readBenchmark, splitList } from '../../src/domain/values';
import { normaliseHeader } from '../../src/domain/schema';
import { readSettings } from '../../src/domain/settings';
import { neutralise } from '../../src/domain/write';

const STAFF: CellValue[][] = [
  ['Initials', 'Name', 'Email', 'Role', 'Level 6'],
  ['FR', 'Fran Reed', 'fr@school.example', 'Careers leader, Mentor', 'No'],
  ['JK', 'Jo King', 'jk@school.example', 'Careers adviser', 'Yes'],
];
const PUPIL_HEADER = ['Pupil ID', 'Name', 'Year', 'Mentor', 'Leaver year', 'SEND', 'Attendance', 'Email', 'Application status'];

function tracker(tabs: TrackerTabs) {
  return readTracker({ Staff: STAFF, ...tabs });
}

function problemsAt(tabs: TrackerTabs, tab: string) {
  return tracker(tabs).problems.filter((p) => p.tab === tab);
}

describe('dates', () => {
  it.each([
    [{ day: '2025-09-12' }, '2025-09-12'],
    ['12/9/2025', '2025-09-12'],
    ['12/09/2025', '2025-09-12'],
    ['1/2/2026', '2026-02-01'],
    ['12 September 2025', '2025-09-12'],
    ['12 Sept 2025', '2025-09-12'],
    ['12 sep 2025', '2025-09-12'],
    ['2025-09-12', '2025-09-12'],
    [' 3 March 2026 ', '2026-03-03'],
  ])('reads %j as %s', (cell, day) => {
    expect(readDate(cell as CellValue)).toEqual({ ok: true, value: day });
  });

  it('reads day first, never month first', () => {
    expect(readDate('04/05/2026')).toEqual({ ok: true, value: '2026-05-04' });
  });

  it('names a US date as such', () => {
    const r = readDate('03/25/2026');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/US date/);
  });

  it.each(['31/02/2026', 'next Tuesday', '2026/03/02', '12-09-25', '12/09/25', '45 March 2026'])('rejects %s', (text) => {
    expect(readDate(text).ok).toBe(false);
  });

  it('rejects a bare number in a date column', () => {
    expect(readDate(46083).ok).toBe(false);
  });
});

describe('yes/no, percentages, year groups, benchmarks, lists', () => {
  it.each([['Y', true], ['yes', true], ['TRUE', true], ['✓', true], ['x', true], [true, true], ['N', false], ['No', false], ['false', false], [false, false]])(
    'yes/no %j', (cell, value) => expect(readYesNo(cell as CellValue)).toEqual({ ok: true, value }),
  );
  it('rejects maybe', () => expect(readYesNo('maybe').ok).toBe(false));

  it.each([[94, 94], ['94', 94], ['94%', 94], [0.94, 94], ['0.94', 94], [100, 100], [0, 0]])('percentage %j', (cell, value) => {
    expect(readPercent(cell as CellValue)).toEqual({ ok: true, value });
  });
  it.each(['ninety', '120', '-5', '94 percent'])('rejects percentage %s', (cell) => expect(readPercent(cell).ok).toBe(false));

  it.each([['Y10', 10], ['Year 10', 10], ['10', 10], [10, 10], ['year 7', 7]])('year group %j', (cell, value) => {
    expect(readYearGroup(cell as CellValue)).toEqual({ ok: true, value });
  });
  it.each(['Y6', '14', 'Reception'])('rejects year group %s', (cell) => expect(readYearGroup(cell).ok).toBe(false));

  it.each([['BM5', 5], ['bm 5', 5], ['5', 5], ['Benchmark 8', 8]])('benchmark %s', (cell, value) => {
    expect(readBenchmark(cell)).toEqual({ ok: true, value });
  });
  it.each(['BM9', '0', 'BM10'])('rejects benchmark %s', (cell) => expect(readBenchmark(cell).ok).toBe(false));

  it('splits lists on commas, semicolons, slashes and new lines', () => {
    expect(splitList('Y10, Y11; Year 9/8\n7')).toEqual(['Y10', 'Y11', 'Year 9', '8', '7']);
  });
});

describe('headers', () => {
  it('ignores case, spaces and a trailing ? * or :', () => {
    expect(normaliseHeader('  Pupil   ID * ')).toBe('pupil id');
    expect(normaliseHeader('Looked after?')).toBe('looked after');
    expect(normaliseHeader('Email:')).toBe('email');
  });

  it('finds columns by alias, in any order, below blank rows, keeping unknown columns', () => {
    const t = tracker({
      Pupils: [
        ['', '', ''],
        ['House', 'UPN', 'Student name', 'NC year', 'SEN', 'Attendance %'],
        ['Red', 'A1', 'Amy Ash', 'Y11', 'K', '91%'],
      ],
    });
    expect(t.problems).toEqual([]);
    expect(t.pupils).toHaveLength(1);
    expect(t.pupils[0]).toMatchObject({ id: 'A1', name: 'Amy Ash', year: 11, send: 'SEN support', attendance: 91, row: 3 });
  });

  it('reports a missing required column once and uses no row', () => {
    const problems = problemsAt({ Pupils: [['Name', 'Year'], ['Amy', 11]] }, 'Pupils');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ row: 1, column: 'Pupil ID' });
  });
});

describe('the Pupils tab', () => {
  const pupils = (rows: CellValue[][]) => ({ Pupils: [PUPIL_HEADER, ...rows] });

  it('skips blank rows silently and reports rows as the user numbers them', () => {
    const t = tracker(pupils([
      ['A1', 'Amy', 11, 'FR', '', 'None', 95, 'amy@example.com', 'Applied'],
      ['', '', '', '', '', '', '', '', ''],
      ['A2', 'Ben', 'eleven', '', '', '', '', '', ''],
    ]));
    expect(t.pupils.map((p) => p.id)).toEqual(['A1']);
    expect(t.problems).toEqual([
      expect.objectContaining({ tab: 'Pupils', row: 4, column: 'Year', value: 'eleven' }),
      expect.objectContaining({ tab: 'Pupils', row: 4, column: 'Year', message: expect.stringMatching(/both blank/) }),
    ]);
  });

  it('keeps the first of two duplicate IDs (trimmed, any case) and reports the later ones', () => {
    const t = tracker(pupils([
      ['A1', 'Amy', 11, '', '', '', '', '', ''],
      [' a1 ', 'Amy again', 10, '', '', '', '', '', ''],
      ['A1', 'Amy thrice', 9, '', '', '', '', '', ''],
    ]));
    expect(t.pupils.map((p) => p.name)).toEqual(['Amy']);
    expect(t.problems.map((p) => p.row)).toEqual([3, 4]);
    expect(t.problems[0].message).toMatch(/already used/);
  });

  it('treats an invalid optional value as blank and keeps the row', () => {
    const t = tracker(pupils([['A1', 'Amy', 11, 'ZZ', '', 'Statemented', 'ninety', 'not-an-email', 'Waiting']]));
    expect(t.pupils).toHaveLength(1);
    expect(t.pupils[0]).toMatchObject({ mentor: null, send: null, attendance: null, email: null, status: null });
    expect(t.problems.map((p) => p.column)).toEqual(['Mentor', 'SEND', 'Attendance', 'Email', 'Application status']);
    expect(t.problems[0].message).toMatch(/No staff member has the initials "ZZ"/);
    expect(t.problems[4].message).toMatch(/"Waiting" is not one of/);
  });

  it('accepts leavers with a Leaver year and no Year', () => {
    const t = tracker(pupils([['L1', 'Lee', '', '', 2024, '', '', '', '']]));
    expect(t.problems).toEqual([]);
    expect(t.pupils[0]).toMatchObject({ year: null, leaverYear: 2024 });
  });

  it('reads non-ASCII names, very long text and formula-looking text as plain text', () => {
    const long = 'x'.repeat(5000);
    const t = tracker(pupils([
      ['Z1', 'Zoë Łukasz-Siobhán', 10, '', '', '', '', '', ''],
      ['Z2', '=HYPERLINK("http://evil")', 10, '', '', '', '', '', ''],
      ['Z3', long, 10, '', '', '', '', '', ''],
    ]));
    expect(t.problems).toEqual([]);
    expect(t.pupils.map((p) => p.name)).toEqual(['Zoë Łukasz-Siobhán', '=HYPERLINK("http://evil")', long]);
  });

  it('reads a repeated value the same on every row, and reports a repeated bad one on every row', () => {
    // Each distinct text is read once per column (table.ts): the second and third rows must
    // still get their own values and their own problems.
    const t = tracker(pupils([
      ['A1', 'Amy', 'Y11', 'FR', '', 'Statemented', '', '', 'Applied'],
      ['A2', 'Ben', 'Y11', 'FR', '', 'Statemented', '', '', 'Applied'],
      ['A3', 'Cal', 'Y11', 'ZZ', '', 'EHCP', '', '', 'applied'],
      ['A4', 'Dee', 'Y11', 'ZZ', '', 'EHCP', '', '', 'Waiting'],
    ]));
    expect(t.pupils.map((p) => [p.year, p.mentor, p.send, p.status])).toEqual([
      [11, 'FR', null, 'Applied'], [11, 'FR', null, 'Applied'], [11, null, 'EHCP', 'Applied'], [11, null, 'EHCP', null],
    ]);
    expect(t.pupils[3].statusUnreadable).toBe('Waiting');
    expect(t.problems.map((p) => `${p.row} ${p.column}`)).toEqual(['2 SEND', '3 SEND', '4 Mentor', '5 Mentor', '5 Application status']);
  });

  it('reads a text number Year and percentage', () => {
    const t = tracker(pupils([['A1', 'Amy', '11', '', '', '', '0.935', '', '']]));
    expect(t.pupils[0]).toMatchObject({ year: 11, attendance: 93.5 });
  });
});

describe('references and required values in other tabs', () => {
  const base = { Pupils: [PUPIL_HEADER, ['A1', 'Amy', 11, 'FR', '', '', '', '', '']] };

  it('skips a meeting with an unknown pupil or staff member, or a missing date', () => {
    const t = tracker({
      ...base,
      Meetings: [
        ['Date', 'Pupil ID', 'Staff', 'Type'],
        ['12/09/2025', 'A1', 'FR', 'Initial meeting'],
        ['13/09/2025', 'NOPE', 'FR', 'Mentoring'],
        ['14/09/2025', 'a1', 'XX', '1:1'],
        ['', 'A1', 'FR', 'Mentoring'],
        ['09/25/2025', 'A1', 'FR', 'Mentoring'],
        ['15/09/2025', 'A1', 'FR', 'Coffee'],
      ],
    });
    expect(t.meetings).toHaveLength(1);
    expect(t.meetings[0]).toMatchObject({ date: '2025-09-12', pupil: 'a1', staff: 'FR', type: 'Careers support' });
    expect(t.problems.map((p) => [p.row, p.column])).toEqual([[3, 'Pupil ID'], [4, 'Staff'], [5, 'Date'], [6, 'Date'], [7, 'Type']]);
  });

  it('keeps a meeting private when its Staff only cell is filled in but unreadable (fails closed), and says so', () => {
    const t = tracker({
      ...base,
      Meetings: [
        ['Date', 'Pupil ID', 'Staff', 'Type', 'Staff only'],
        ['12/09/2025', 'A1', 'FR', 'Mentoring', 'Yes - DSL'],
        ['13/09/2025', 'A1', 'FR', 'Mentoring', ''],
        ['14/09/2025', 'A1', 'FR', 'Mentoring', 'No'],
        ['15/09/2025', 'A1', 'FR', 'Mentoring', 'Y'],
      ],
    });
    expect(t.meetings.map((m) => m.staffOnly)).toEqual([true, false, false, true]);
    expect(t.problems).toEqual([expect.objectContaining({ tab: 'Meetings', row: 2, column: 'Staff only', value: 'Yes - DSL' })]);
  });

  it('drops only the bad items of a list column', () => {
    const t = tracker({
      ...base,
      Activities: [
        ['Date', 'Activity', 'Type', 'Year groups', 'Pupils', 'Benchmarks'],
        ['1/10/2025', 'Careers fair', 'Careers fair', 'Y10, Y14, Year 11', 'A1, GHOST', 'BM5, BM12'],
      ],
    });
    expect(t.activities).toHaveLength(1);
    expect(t.activities[0]).toMatchObject({ type: 'Employer encounter', yearGroups: [10, 11], pupils: ['a1'], benchmarks: [5] });
    expect(t.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/"Y14" is not a year group/),
      expect.stringMatching(/"GHOST"/),
      expect.stringMatching(/"BM12" is not a Gatsby Benchmark/),
    ]);
  });

  it('needs Year groups or Pupils on an activity, and defaults its benchmarks and provider access from its type', () => {
    const t = tracker({
      ...base,
      Activities: [
        ['Date', 'Activity', 'Type', 'Year groups', 'Pupils', 'Provider access', 'Benchmarks'],
        ['1/10/2025', 'Nobody came', 'LMI', '', '', '', ''],
        ['2/10/2025', 'ITP assembly', 'ITP', 'Y9', '', '', ''],
        ['3/10/2025', 'Tutor time', 'Other', 'Y9', '', '', ''],
        ['4/10/2025', 'Personal statements', 'Other', 'Y11', '', 'No', 'BM3, BM8'],
      ],
    });
    expect(t.activities.map((a) => [a.title, a.benchmarks, a.providerAccess])).toEqual([
      ['ITP assembly', [7], true],
      ['Tutor time', [], false],
      ['Personal statements', [3, 8], false],
    ]);
    expect(t.problems).toHaveLength(1);
    expect(t.problems[0].row).toBe(2);
  });

  it('keeps a destination only for a leaver', () => {
    const t = tracker({
      Pupils: [PUPIL_HEADER, ['A1', 'Amy', 11, '', '', '', '', '', ''], ['L1', 'Lee', '', '', 2025, '', '', '', '']],
      Destinations: [['Pupil ID', 'Checked', 'Status'], ['L1', '1/10/2025', 'College'], ['A1', '1/10/2025', 'Sixth form'], ['L1', '2/10/2025', 'Gap yah']],
    });
    expect(t.destinations).toEqual([expect.objectContaining({ pupil: 'l1', status: 'Further education' })]);
    expect(t.problems.map((p) => p.row).sort()).toEqual([3, 4]);
  });

  it('reads unique vacancy references and http(s) links only', () => {
    const t = tracker({
      Vacancies: [
        ['Title', 'Employer', 'Closing date', 'Link', 'Reference'],
        ['Chef', 'Café Zoë', '31/03/2026', 'https://example.com/1', 'R1'],
        ['Chef 2', 'Café Zoë', '31/03/2026', 'javascript:alert(1)', 'R2'],
        ['Chef 3', 'Café Zoë', '31/03/2026', 'https://example.com/3', 'r1'],
      ],
    });
    expect(t.vacancies.map((v) => v.title)).toEqual(['Chef']);
    expect(t.problems.map((p) => [p.row, p.column])).toEqual([[3, 'Link'], [4, 'Reference']]);
  });

  it('reads audit ratings by alias and blank as not yet rated', () => {
    const t = tracker({
      Audit: [['BM', 'Statement', 'Rating'], ['BM1', 'Programme published', 'Yes'], [2, 'LMI', ''], ['3', 'Records', 'partial'], ['4', 'X', 'Not applicable'], ['9', 'Y', 'Yes']],
    });
    expect(t.audit.map((a) => [a.benchmark, a.rating])).toEqual([[1, 'Achieved'], [2, null], [3, 'Partially achieved'], [4, 'N/A']]);
    expect(t.problems).toHaveLength(1);
  });
});

describe('settings', () => {
  it('uses defaults, reads the sheet, and reports bad values without losing the default', () => {
    const problems: never[] = [];
    const { settings } = readSettings([
      ['Setting', 'Value'],
      ['Application deadline', '15 January'],
      ['Meeting gap days', 'lots'],
      ['Time zone', 'Europe/Paris'],
      ['Vacancy search', '51.28, 1.08, 15'],
    ], problems);
    expect(settings.applicationDeadline).toEqual({ month: 1, day: 15 });
    expect(settings.offerDeadline).toEqual({ month: 3, day: 31 });
    expect(settings.meetingGapDays).toBe(42);
    expect(settings.timeZone).toBe('Europe/Paris');
    expect(settings.vacancySearch).toEqual({ lat: 51.28, lon: 1.08, miles: 15 });
    expect(problems).toHaveLength(1);
  });
});

describe('writing', () => {
  it.each(['=1+1', '+44 7700', '-5', '@home', '\tx', '\rx', '\nx'])('neutralises %j', (text) => {
    expect(neutralise(text)).toBe(`'${text}`);
  });
  it('leaves ordinary text, numbers and dates alone', () => {
    expect(neutralise('Sam')).toBe('Sam');
    expect(neutralise(-5)).toBe(-5);
    expect(neutralise({ day: '2026-03-02' })).toEqual({ day: '2026-03-02' });
  });
});

describe('never crashes', () => {
  it('reads garbage of every type in every tab without throwing', () => {
    const junk: CellValue[] = ['', ' ', '=SUM(A1)', 0, -1, 1e12, true, false, { day: '2026-02-29' as string }, '\u0000', '💥', 'x'.repeat(10_000), '31/31/31'];
    const tabs: TrackerTabs = {};
    for (const name of ['Settings', 'Staff', 'Pupils', 'Meetings', 'Actions', 'Activities', 'Destinations', 'Audit', 'Vacancies', 'Log']) {
      const header = name === 'Pupils' ? PUPIL_HEADER : ['Date', 'Pupil ID', 'Staff', 'Type', 'Title', 'Employer', 'Closing date', 'Link', 'Benchmark', 'Criterion', 'Action', 'Due', 'Checked', 'Status', 'Activity', 'Year groups', 'Setting', 'Value', 'Initials', 'Name', 'Email', 'Role'];
      tabs[name] = [header, ...junk.map((j, i) => header.map((_, c) => junk[(i + c) % junk.length] ?? j))];
    }
    expect(() => readTracker(tabs)).not.toThrow();
    expect(readTracker(tabs).problems.length).toBeGreaterThan(0);
  });
});

describe('problem columns use the sheet\'s own header', () => {
  it('names the aliased Year column as written', () => {
    const t = readTracker({ Staff: STAFF, Pupils: [['UPN', 'Name', 'NC year', 'Leaver year'], ['A1', 'Amy', '', '']] });
    expect(t.problems).toEqual([expect.objectContaining({ row: 2, column: 'NC year' })]);
  });
});
