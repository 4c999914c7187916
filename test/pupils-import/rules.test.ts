import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/ports';
import { PUPILS_TAB, normaliseHeader } from '../../src/domain/schema';
import { mapHeaders } from '../../src/domain/table';
import { readTracker } from '../../src/domain/tracker';
import { trackerNotices } from '../../src/domain/notices';
import { readPostcode, readTerm, readYesNo, readYearGroup } from '../../src/domain/values';
import { SEND_TERMS } from '../../src/domain/schema';
import { assessUnplaced } from '../../src/domain/unplaced';
import { pupil, tabsOf, wellSupported } from '../unplaced/build';

const cols = (headers: string[]) => {
  const h = mapHeaders([headers], PUPILS_TAB);
  return Object.fromEntries([...h.columns].map(([k, at]) => [k, headers[at]]));
};

describe('MIS header aliases', () => {
  it('reads _ and - as spaces, and % alone or in brackets', () => {
    expect(normaliseHeader('Reg_Group')).toBe(normaliseHeader('Reg group'));
    expect(normaliseHeader('Looked-After Children')).toBe(normaliseHeader('Looked after children'));
    expect(normaliseHeader('Attendance (%)')).toBe(normaliseHeader('Attendance %'));
    expect(normaliseHeader('Attendance%')).toBe(normaliseHeader('Attendance %'));
    expect(normaliseHeader('%  Attendance:')).toBe(normaliseHeader('% attendance'));
    expect(cols(['UPN', 'Legal_Surname', 'Preferred-Forename', 'NC Year Actual', 'Registration Group', 'SEN_Provision', 'In LA Care', 'Eligible for FSM', 'Attendance (%)', 'Student Email', 'DOB', 'Home Postcode']))
      .toEqual({
        id: 'UPN', year: 'NC Year Actual', form: 'Registration Group', send: 'SEN_Provision', lookedAfter: 'In LA Care',
        disadvantaged: 'Eligible for FSM', attendance: 'Attendance (%)', email: 'Student Email', dateOfBirth: 'DOB',
        postcode: 'Home Postcode', forename: 'Preferred-Forename', surname: 'Legal_Surname',
      });
  });

  it('when two headers match one column: the canonical header wins, then the alias listed first; the other is ignored', () => {
    expect(cols(['Adno', 'Name', 'UPN']).id).toBe('UPN');
    expect(cols(['Status', 'Pupil ID', 'Name', 'Application status']).status).toBe('Application status');
    expect(cols(['FSM', 'Pupil premium']).disadvantaged).toBe('Pupil premium');
    const h = mapHeaders([['Status', 'Pupil ID', 'Name', 'Application status', 'House']], PUPILS_TAB);
    expect(h.ignored).toEqual([{ at: 0, key: 'status', used: 3 }]);
    expect(h.unknown).toEqual([4]);
  });

  it('prefers the preferred forename and surname, in the spec\'s order', () => {
    // pupils-import.md: Preferred forename, Forename, Legal forename, First name, in that order.
    expect(cols(['Legal forename', 'Forename', 'Preferred forename', 'Last name', 'Surname'])).toMatchObject({ forename: 'Preferred forename', surname: 'Surname' });
    expect(cols(['Legal forename', 'Forename', 'First name', 'Legal surname', 'Preferred surname', 'Surname'])).toMatchObject({ forename: 'Forename', surname: 'Preferred surname' });
  });
});

describe('MIS values', () => {
  it('reads SEND codes, alone or SIMS style "X - words"', () => {
    const send = (s: string) => { const r = readTerm(s, SEND_TERMS); return r.ok ? r.value : null; };
    expect(['N', 'No SEN', 'None', 'N - No Special Educational Need'].map(send)).toEqual(['None', 'None', 'None', 'None']);
    expect(['K', 'SEN support', 'K - SEN Support'].map(send)).toEqual(['SEN support', 'SEN support', 'SEN support']);
    expect(['E', 'S', 'EHCP', 'EHC plan', 'Statement', 'E - Education, Health and Care Plan', 'S - Statement'].map(send)).toEqual(Array(7).fill('EHCP'));
    expect(send('Q - Something else')).toBeNull();
    expect(send('Maybe')).toBeNull();
  });

  it('reads Eligible, T/F and 1/0 as yes/no, year values and postcodes', () => {
    const yn = (v: CellValue) => { const r = readYesNo(v); return r.ok ? r.value : 'bad'; };
    expect(['Eligible', 'T', '1', 1, 'Not eligible', 'F', '0', 0, ''].map(yn)).toEqual([true, true, true, true, false, false, false, false, false]);
    expect(['Year 11', 'Yr 11', 'Y11', '11', 11].map((v) => readYearGroup(v))).toEqual(Array(5).fill({ ok: true, value: 11 }));
    expect(readYearGroup('Year 14').ok).toBe(false);
    expect(readPostcode(' ct1  2ab ')).toEqual({ ok: true, value: 'CT1 2AB' });
    expect(readPostcode('sw1a1aa')).toEqual({ ok: true, value: 'SW1A 1AA' });
    expect(readPostcode('12345').ok).toBe(false);
  });
});

describe('a Pupils tab with MIS headers', () => {
  const tracker = (grid: CellValue[][]) => readTracker({ Pupils: grid, Staff: [['Initials', 'Name', 'Email', 'Role'], ['FR', 'Fran Reed', 'fr@school.example', 'Mentor']] });

  it('builds the name from forename and surname and keeps them on the record', () => {
    const t = tracker([
      ['UPN', 'Adno', 'Preferred Forename', 'Legal Surname', 'Year', 'Reg Group', 'SEN Provision', 'In Care', 'FSM Eligible', 'DOB', 'Postcode'],
      ['A100', '001', 'Zoë', 'Brown', 'Year 11', '11B', 'E - Education, Health and Care Plan', 'Yes', 'Eligible', '03/02/2010', 'ct1 2ab'],
    ]);
    expect(t.problems).toEqual([]);
    expect(t.pupils[0]).toMatchObject({
      id: 'A100', name: 'Zoë Brown', forename: 'Zoë', surname: 'Brown', year: 11, form: '11B', send: 'EHCP',
      lookedAfter: true, disadvantaged: true, dateOfBirth: '2010-02-03', postcode: 'CT1 2AB',
    });
  });

  it('has no forename or surname on the record when the tab has only Name', () => {
    const t = tracker([['Pupil ID', 'Name', 'Year'], ['A1', 'Amy Li', 11]]);
    expect(t.pupils[0].forename ?? null).toBeNull();
    expect(t.pupils[0].surname ?? null).toBeNull();
  });

  it('gives notices, never problems, for what it lacks, ignores or cannot match', () => {
    const t = tracker([['UPN', 'Adno', 'Name', 'Year', 'House', 'Status', 'Application status'], ['A1', '7', 'Amy', 11, 'Red', 'x', 'Applied']]);
    expect(t.problems).toEqual([]);
    expect(t.pupils[0].status).toBe('Applied');
    const notices = trackerNotices(t.headers).filter((n) => n.tab === 'Pupils');
    expect(notices.find((n) => n.column === 'SEND')?.message).toBe('Pupils has no SEND column: the unplaced flags and the SEND breakdowns cannot use SEND.');
    expect(notices.find((n) => n.column === 'Adno')?.message).toMatch(/"Adno" and "UPN" both mean Pupil ID: "UPN" is read and "Adno" is ignored/);
    expect(notices.find((n) => n.column === 'Status')?.message).toMatch(/"Application status" is read and "Status" is ignored/);
    expect(notices.find((n) => n.column === 'House')?.message).toBe('"House" matches no column the tracker reads: ignored; rename it if it should be read.');
  });
});

describe('the same unplaced reasons under SIMS headers', () => {
  it('a SIMS-headed Pupils tab gives the same flags and reasons as the tracker\'s own headers', () => {
    const today = '2026-03-02';
    const rows = [
      pupil('A1', { SEND: 'EHCP', 'Application status': 'Not started' }),
      pupil('A2', { 'Looked after': 'Yes', 'Application status': '' }),
      pupil('A3', { Disadvantaged: 'Yes', Attendance: 82, 'Application status': 'Applied' }),
      pupil('A4', { SEND: 'SEN support', 'Application status': 'Accepted' }),
    ];
    const own = tabsOf({ pupils: rows, meetings: wellSupported(['A1', 'A2', 'A3', 'A4'], today) });
    const sims: Record<string, string> = { 'Pupil ID': 'UPN', Year: 'NC Year', Form: 'Reg Group', SEND: 'SEN Provision', 'Looked after': 'In Care', Disadvantaged: 'FSM Eligible', Attendance: 'Attendance %' };
    const code: Record<string, string> = { None: 'N - No Special Educational Need', 'SEN support': 'K - SEN Support', EHCP: 'E - Education, Health and Care Plan' };
    const header = own.Pupils[0] as string[];
    const simsTab: CellValue[][] = [
      header.map((h) => sims[h] ?? h),
      ...own.Pupils.slice(1).map((r) => r.map((c, i) => (header[i] === 'SEND' ? code[String(c)] ?? c : header[i] === 'Year' ? `Year ${c}` : header[i] === 'Looked after' || header[i] === 'Disadvantaged' ? (c === 'Yes' ? 'T' : 'F') : c))),
    ];
    const flags = (t: ReturnType<typeof readTracker>) => assessUnplaced(t, today).flagged.map((f) => ({ id: f.pupil.id, level: f.level, reasons: f.reasons }));
    const a = flags(readTracker(own));
    const b = flags(readTracker({ ...own, Pupils: simsTab }));
    expect(readTracker({ ...own, Pupils: simsTab }).problems).toEqual([]);
    expect(b).toEqual(a);
    const reasons = JSON.stringify(a);
    expect(reasons).toMatch(/ehcp/);
    expect(reasons).toMatch(/looked-after/);
    expect(a).toHaveLength(3);
  });
});
