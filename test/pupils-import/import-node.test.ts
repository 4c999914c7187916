import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, tmpDir } from '../support/cli';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { ARBOR_CSV, BOM, SIMS_CSV, cp1252, trackerTabs, writeText, writeTracker, writeXlsxExport } from './exports';

const cli = (args: string[]) => runCli([...args, '--today', '2026-03-02']);

const tmp = () => tmpDir('pupils-import-');

async function pupils(file: string) {
  return (await XlsxWorkbook.open(file)).readTab('Pupils')!;
}

describe('import-pupils on the command line', () => {
  it('a dry run reports adds, changes (old → new), absent pupils and unreadable rows, and writes nothing', async () => {
    const dir = tmp();
    const book = await writeTracker(dir);
    const before = fs.readFileSync(book);
    const csv = writeText(path.join(dir, 'sims.csv'), BOM + SIMS_CSV);
    const r = await cli(['import-pupils', '--workbook', book, '--from-file', csv, '--json']);
    expect(r.code).toBe(0);
    expect(r.json.applied).toBe(false);
    expect(r.json.added).toEqual(['N1']);
    expect(r.json.absent).toEqual(['B1']);
    const changes = Object.fromEntries(r.json.changed.map((c: { id: string; fields: unknown }) => [c.id, c.fields]));
    expect(changes.A1).toEqual({ Form: ['11A', '11B'], 'Date of birth': ['', '2010-02-03'], Postcode: ['', 'CT1 2AB'] });
    expect(changes.A3).toEqual({ SEND: ['None', 'SEN support'], 'Looked after': ['No', 'Yes'], 'Date of birth': ['', '2010-01-01'] });
    expect(r.json.skipped).toEqual([
      { row: 4, column: 'Year', value: 'Year 14', message: '"Year 14" is not a year group from 7 to 13. The tracker keeps its value.' },
      { row: 6, column: 'UPN', value: 'N1', message: 'UPN "N1" is already on an earlier row of the export: this row is skipped (the first one counts).' },
    ]);
    expect(r.json.newColumns).toEqual(['Date of birth', 'Postcode']);
    expect(fs.readFileSync(book).equals(before)).toBe(true);
  });

  it('--apply writes only the MIS columns, appends new pupils, and a second import changes nothing', async () => {
    const dir = tmp();
    const book = await writeTracker(dir);
    const before = await pupils(book);
    const csv = writeText(path.join(dir, 'sims.csv'), BOM + SIMS_CSV);
    const r = await cli(['import-pupils', '--workbook', book, '--from-file', csv, '--apply', '--json']);
    expect(r.code).toBe(0);
    expect(r.json.applied).toBe(true);
    const after = await pupils(book);
    const h = after[0] as string[];
    expect(h.slice(-2)).toEqual(['Date of birth', 'Postcode']);
    const col = (name: string) => h.indexOf(name);
    const row = (id: string) => after.find((x) => x[0] === id)!;
    // Careers columns, the school's own House column and the absent pupil's and the leaver's rows are as they were.
    for (const name of ['Mentor', 'Plan A', 'Plan B', 'Application status', 'Provider', 'Course', 'Bulletin', 'Consent to track', 'Leaver year', 'House']) {
      expect(after.slice(0, before.length).map((x) => x[col(name)]), name).toEqual(before.map((x) => x[(before[0] as string[]).indexOf(name)]));
    }
    for (const id of ['B1', 'L1']) expect(row(id).slice(0, before[0].length)).toEqual(before.find((x) => x[0] === id));
    expect(row('A1')[col('Form')]).toBe('11B');
    expect(row('A1')[col('Email')]).toBe('zoe.own@example.com');
    expect(row('A1')[col('Date of birth')]).toEqual({ day: '2010-02-03' });
    expect(row('A3')[col('Year')]).toBe(11);
    expect(row('A3')[col('SEND')]).toBe('SEN support');
    const n1 = row('N1');
    expect([n1[col('Name')], n1[col('Year')], n1[col('Form')], n1[col('Disadvantaged')], n1[col('Postcode')], n1[col('Mentor')]]).toEqual(["Sam O'Neill, Jr", 9, '9C', 'Yes', 'ME13 8PQ', '']);
    const log = (await XlsxWorkbook.open(book)).readTab('Log')!;
    expect(log.at(-1)).toContain('import-pupils');
    expect(String(log.at(-1)!.join(' '))).toMatch(/added 1, changed 3, unchanged 0, absent 1, skipped 2/);

    const copy = fs.readFileSync(book);
    const again = await cli(['import-pupils', '--workbook', book, '--from-file', csv, '--apply']);
    expect(again.out).toMatch(/^Nothing to change: the tracker already matches the export \(4 pupils unchanged, 1 on roll but not in the export, 2 values skipped\)/);
    expect(await pupils(book)).toEqual(after);
    void copy;
  });

  it('reads an Arbor-style export: first and last name, yes/no words, email only into a blank cell', async () => {
    const dir = tmp();
    const book = await writeTracker(dir);
    const csv = writeText(path.join(dir, 'arbor.csv'), ARBOR_CSV);
    const r = await cli(['import-pupils', '--workbook', book, '--from-file', csv, '--apply', '--json']);
    expect(r.code).toBe(0);
    const changes = Object.fromEntries(r.json.changed.map((c: { id: string; fields: unknown }) => [c.id, c.fields]));
    // The tracker keeps Zoe's own address; Cara's name has a new line inside a quoted field.
    expect(changes.A1).toEqual({ Form: ['11A', '11B'], 'Date of birth': ['', '2010-02-03'], Postcode: ['', 'CT1 2AB'] });
    expect(changes.A3.Name).toEqual(['Cara Placed', 'Cara\nJane Placed']);
    expect(r.json.added).toEqual(['N2']);
    const after = await pupils(book);
    const h = after[0] as string[];
    const n2 = after.find((x) => x[0] === 'N2')!;
    expect([n2[h.indexOf('Name')], n2[h.indexOf('Disadvantaged')], n2[h.indexOf('Looked after')], n2[h.indexOf('Email')]]).toEqual(['Ana Novak', 'Yes', 'No', 'ana@pupils.example']);
  });

  it('reads an .xlsx export and a Windows-1252 CSV with semicolons', async () => {
    const dir = tmp();
    const book = await writeTracker(dir);
    const xlsx = path.join(dir, 'export.xlsx');
    await writeXlsxExport(xlsx, [
      ['Student List: Year 11', '', ''],
      ['Admission No', 'UPN', 'Forename', 'Surname', 'NC Year', 'Tutor Group', 'Date of Birth'],
      ['001', 'A1', 'Zoë', 'Rejected', 11, '11A', { day: '2010-02-03' }],
    ]);
    let r = await cli(['import-pupils', '--workbook', book, '--from-file', xlsx, '--json']);
    // A title row above the headers (as the tracker's tabs allow) does not stop the import.
    expect(r.code).toBe(0);
    await writeXlsxExport(xlsx, [
      ['Admission No', 'UPN', 'Forename', 'Surname', 'NC Year', 'Tutor Group', 'Date of Birth'],
      ['001', 'A1', 'Zoë', 'Rejected', 11, '11A', { day: '2010-02-03' }],
    ]);
    r = await cli(['import-pupils', '--workbook', book, '--from-file', xlsx, '--json']);
    expect(r.code).toBe(0);
    expect(r.json.changed).toEqual([{ id: 'A1', fields: { Name: ['Zoe Rejected', 'Zoë Rejected'], 'Date of birth': ['', '2010-02-03'] } }]);
    const cp = writeText(path.join(dir, 'excel.csv'), cp1252('UPN;Forename;Surname;Year\r\nA2;Zoë;Applied;11\r\n'));
    r = await cli(['import-pupils', '--workbook', book, '--from-file', cp, '--json']);
    expect(r.json.changed).toEqual([{ id: 'A2', fields: { Name: ['Ben Applied', 'Zoë Applied'] } }]);
  });

  it('takes UPN over Adno when an export has both, and matches IDs trimmed and in any case', async () => {
    const dir = tmp();
    const book = await writeTracker(dir);
    const csv = writeText(path.join(dir, 'both.csv'), 'Adno,Name,UPN,Year\n001, Zoe Rejected,  a1 ,11\n');
    const r = await cli(['import-pupils', '--workbook', book, '--from-file', csv, '--json']);
    expect(r.json).toMatchObject({ added: [], changed: [], unchanged: 1 });
  });

  it('is a bad command line without --from-file, and cannot do the work on an export without IDs', async () => {
    const dir = tmp();
    const book = await writeTracker(dir);
    const before = fs.readFileSync(book);
    expect((await cli(['import-pupils', '--workbook', book])).code).toBe(2);
    const csv = writeText(path.join(dir, 'bad.csv'), 'Forename,Surname\nA,B\n');
    const r = await cli(['import-pupils', '--workbook', book, '--from-file', csv, '--apply']);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(fs.readFileSync(book).equals(before)).toBe(true);
  });

  it('leaves the tracker as it was when nothing is applied, whatever the export', () => {
    expect(trackerTabs().Pupils[0]).toContain('House');
  });
});

describe('notices in check', () => {
  it('lists them in the Problems tab and in check --json, apart from the problems', async () => {
    const dir = tmp();
    const tabs = trackerTabs();
    tabs.Pupils = tabs.Pupils.map((r, i) => [i === 0 ? 'Adno' : `00${i}`, ...r]);
    const book = await writeTracker(dir, tabs);
    const r = await cli(['check', '--workbook', book, '--json']);
    expect(r.code).toBe(0);
    expect(r.json.problems).toEqual([]);
    expect(r.json.notices).toEqual(expect.arrayContaining([
      { tab: 'Pupils', column: 'Adno', message: expect.stringMatching(/"Adno" and "Pupil ID" both mean Pupil ID/) },
      { tab: 'Pupils', column: 'House', message: '"House" matches no column the tracker reads: ignored; rename it if it should be read.' },
    ]));
    const problemsTab = (await XlsxWorkbook.open(book)).readTab('Problems')!;
    const at = problemsTab.findIndex((row) => String(row[0]).startsWith('Notices ('));
    expect(at).toBeGreaterThan(0);
    expect(problemsTab.slice(at + 2).map((row) => row[2])).toEqual(expect.arrayContaining(['Adno', 'House']));
    const text = await cli(['check', '--workbook', book]);
    expect(text.out).toMatch(/Notices \(no row is left out for these\):\n(- .*\n)*- "Adno" and "Pupil ID"/);
  });
});
