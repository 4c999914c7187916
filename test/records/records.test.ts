/**
 * The three records through the job and the Node (.xlsx) adapter: what each holds, what it never
 * holds, who may make it, and the Log line for each.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/ports';
import { type MadeRecord, type RecordRequest, Refusal, makeRecords } from '../../src/jobs/records';
import type { JobContext } from '../../src/jobs/context';
import { fixedClock } from '../gas/helpers';
import { Redactor, splitForMail, toCsv } from '../../src/domain/records';
import type { Pupil } from '../../src/domain/tracker';
import type { Tabs } from '../support/synthetic';
import { OTHERS, RUBY, STAFF, STAFF_ONLY_NOTE, TODAY, recordTabs, workbookFrom } from './fixture';

function run(tabs: Tabs, request: RecordRequest, user = '', checkRoles = false) {
  const workbook = workbookFrom(tabs);
  const ctx: JobContext = { workbook, clock: fixedClock(TODAY), user: { email: () => user } };
  const delivered: MadeRecord[] = [];
  const result = makeRecords(ctx, request, { checkRoles, deliver: (m) => { delivered.push(...m); return m.length; } });
  return { result, delivered, workbook, log: workbook.readTab('Log')! };
}

const everything = (m: MadeRecord) => [m.html, ...(m.sar ?? []).flatMap((t) => t.rows.flat().map(String))].join('\n').toLowerCase();

describe('the pupil record', () => {
  const { delivered, log } = run(recordTabs(), { kind: 'pupil', pupilId: 'r001' });
  const html = delivered[0].html;

  it('names no other pupil: the activity Ruby shared with four classmates shows none of them', () => {
    expect(html).toContain('Visit to Kent Accountants');
    for (const o of OTHERS) {
      expect(html.toLowerCase()).not.toContain(o.name.toLowerCase());
      expect(html).not.toMatch(new RegExp(`\\b${o.id}\\b`, 'i'));
      expect(html.toLowerCase()).not.toContain(o.email);
    }
    // The note that named Sam keeps its sense without his name or ID.
    expect(html).toContain('Went to the open evening with [another pupil] ([another pupil])');
  });

  it('leaves out Staff only meetings and the Needs field, and marks Level 6 guidance', () => {
    expect(html).not.toContain(STAFF_ONLY_NOTE);
    expect(html).not.toContain('5 November 2025 · Mentoring');
    expect(html).not.toContain('Extra time in exams');
    expect(html).toContain('1 October 2025 · Careers support · with Fiona Reed');
    expect(html).toContain('Guidance meeting with a qualified (Level 6) careers adviser');
    expect(html).toContain('Maths 7, English 6');
  });

  it('holds plans, actions open and done, and activities attended grouped by benchmark (year-group ones too)', () => {
    for (const s of ['A levels at Oakfield Sixth Form', 'Level 3 business at college', 'Offer', 'Oakfield Sixth Form', 'Draft personal statement', 'Book open evening', 'Done 18/10/2025',
      'Benchmark 5: Encounters with employers and employees', 'Year 11 careers fair', 'Benchmark 6: Experiences of workplaces']) expect(html).toContain(s);
    expect(html).not.toContain('Motor vehicle taster');
    expect(html).not.toContain('Sam action');
    expect(html.indexOf('Benchmark 5')).toBeLessThan(html.indexOf('Benchmark 6'));
  });

  it('is one Log line: job record, kind, the pupil ID, who asked', () => {
    expect(log.at(-1)!.slice(1, 5)).toEqual(['record', 'made', 'pupil; pupil ID R001; asked by command line', 'command line']);
  });

  it('escapes a name written as HTML', () => {
    const tabs = recordTabs();
    tabs.Pupils[1][1] = '<img src=x onerror=alert(1)>';
    const r = run(tabs, { kind: 'pupil', pupilId: 'R001' });
    expect(r.delivered[0].html).not.toContain('<img');
    expect(r.delivered[0].html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('shows a leaver their destinations', () => {
    const r = run(recordTabs(), { kind: 'pupil', pupilId: 'L001' });
    expect(r.delivered[0].html).toContain('Destinations since leaving');
    expect(r.delivered[0].html).toContain('Kent Rail');
  });
});

describe('the transition document', () => {
  it('is refused without Consent to share (blank or No), with the reason, and nothing is logged', () => {
    for (const id of ['R003', 'R004']) {
      const workbook = workbookFrom(recordTabs());
      const before = workbook.readTab('Log')!.length;
      const ctx: JobContext = { workbook, clock: fixedClock(TODAY), user: { email: () => STAFF.leader } };
      const deliver = () => { throw new Error('nothing should be delivered'); };
      expect(() => makeRecords(ctx, { kind: 'transition', pupilId: id }, { checkRoles: true, deliver })).toThrow(/no "Yes" in Consent to share/);
      expect(() => makeRecords(ctx, { kind: 'transition', pupilId: id }, { checkRoles: false, deliver })).toThrow(Refusal);
      expect(workbook.readTab('Log')!.length).toBe(before);
    }
  });

  it('holds date of birth, next step, the latest meetings\' fields and guidance dates; no notes, no Staff only meeting', () => {
    const { delivered } = run(recordTabs(), { kind: 'transition', pupilId: 'R001' });
    const html = delivered[0].html;
    for (const s of ['14 May 2010', 'Oakfield Sixth Form', 'A levels: maths, economics', 'Extra time in exams (01/10/2025)', 'Accountancy degree apprenticeship (15/01/2026)',
      'Draft personal statement', '15/01/2026']) expect(html).toContain(s);
    for (const s of ['Talked through routes', 'open evening with', STAFF_ONLY_NOTE, 'Book open evening', 'Sam Stone', 'R002']) expect(html).not.toContain(s);
  });

  it('the Year 11 batch makes one per pupil with consent and lists those without', () => {
    const { result, log } = run(recordTabs(), { kind: 'transition', year: 11 });
    expect(result.made.map((m) => m.pupil.id)).toEqual(['R001', 'R002']);
    expect(result.withoutConsent.map((p) => p.id)).toEqual(['R003', 'R004']);
    expect(log.slice(-2).map((r) => r[3])).toEqual(['transition; pupil ID R001; asked by command line', 'transition; pupil ID R002; asked by command line']);
    // Each names only its own pupil.
    expect(result.made[0].html).not.toContain('Sam Stone');
    expect(result.made[1].html).not.toContain('Ruby Reed');
  });
});

describe('the subject access request', () => {
  const { delivered } = run(recordTabs(), { kind: 'sar', pupilId: 'R001' }, STAFF.leader, true);
  const sar = delivered[0];
  const tab = (name: string) => sar.sar!.find((t) => t.name === name)!.rows;

  it('holds every row about the pupil in every tab, Staff only included', () => {
    expect(sar.sar!.map((t) => t.name)).toEqual(['Pupils', 'Meetings', 'Actions', 'Activities', 'Destinations', 'Log', 'Unplaced']);
    expect(tab('Pupils').length).toBe(2);
    expect(tab('Meetings').slice(1).map((r) => r[0])).toEqual([{ day: '2025-10-01' }, { day: '2025-11-05' }, { day: '2026-01-15' }]);
    expect(tab('Meetings').flat()).toContain(STAFF_ONLY_NOTE);
    expect(tab('Actions').length).toBe(3);
    expect(tab('Activities').slice(1).map((r) => [r[1], r[5]])).toEqual([['Visit to Kent Accountants', 'R001']]);
    expect(tab('Destinations').length).toBe(1);
    expect(tab('Log').slice(1).map((r) => r[1])).toEqual(['bulletin']);
    expect(tab('Unplaced')).toEqual([['Pupil ID', 'Name', 'Level', 'Reasons'], ['R001', 'Ruby Reed', 'amber', 'No accepted offer']]);
    expect(sar.html).toContain('Careers record');
  });

  it('holds nothing about anyone else', () => {
    const all = everything(sar);
    for (const o of [...OTHERS, { id: 'L001', name: 'Wyn Walker', email: 'wyn@pupils.example' }]) {
      expect(all).not.toContain(o.name.toLowerCase());
      expect(all).not.toMatch(new RegExp(`\\b${o.id.toLowerCase()}\\b`));
      expect(all).not.toContain(o.email);
    }
    expect(all).toContain(RUBY.email);
  });

  it('is for the careers leader only; a later SAR finds the Log lines of the records made', () => {
    for (const who of [STAFF.fr, STAFF.adviser, STAFF.admin]) {
      expect(() => run(recordTabs(), { kind: 'sar', pupilId: 'R001' }, who, true)).toThrow(/Only the careers leader/);
    }
    const first = run(recordTabs(), { kind: 'pupil', pupilId: 'R001' }, STAFF.fr, true);
    const tabs = recordTabs();
    tabs.Log = first.log;
    const again = run(tabs, { kind: 'sar', pupilId: 'R001' }, STAFF.leader, true);
    expect(again.delivered[0].sar!.find((t) => t.name === 'Log')!.rows.slice(1).map((r) => r[1])).toEqual(['bulletin', 'record']);
  });
});

describe('who may make a pupil\'s or transition record', () => {
  const attempt = (who: string, id: string, kind: 'pupil' | 'transition') => {
    try {
      run(recordTabs(), { kind, pupilId: id }, who, true);
      return 'made';
    } catch (e) {
      return (e as Error).message.includes('not one of your mentees') ? 'not theirs' : (e as Error).message;
    }
  };
  it('the careers leader and adviser any pupil; a mentor only their mentees; nobody else', () => {
    expect(attempt(STAFF.leader, 'R002', 'pupil')).toBe('made');
    expect(attempt(STAFF.adviser, 'R002', 'transition')).toBe('made');
    expect(attempt(STAFF.fr, 'R001', 'transition')).toBe('made');
    expect(attempt(STAFF.fr, 'R002', 'pupil')).toBe('not theirs');
    expect(attempt(STAFF.lg, 'R001', 'transition')).toBe('not theirs');
    expect(attempt(STAFF.admin, 'R001', 'pupil')).toBe('not theirs');
    expect(attempt('nobody@school.example', 'R001', 'pupil')).toMatch(/not in the Staff tab/);
  });
});

describe('rules', () => {
  const p = (id: string, name: string) => ({ id, name, key: id.toLowerCase() }) as Pupil;
  it('Redactor replaces other pupils\' whole names and IDs only', () => {
    const r = new Redactor([p('A1', 'Ann Lee'), p('B22', 'Bo Li'), p('C333', 'Ann Lee-Smith')]);
    expect(r.clean('Met Ann Lee and ann  lee-smith, B22 too; Bo Lion is not a pupil', 'a1')).toBe('Met Ann Lee and [another pupil], [another pupil] too; Bo Lion is not a pupil');
    const z = new Redactor([p('Z9', 'Zoë Hart'), p('N100', "Niamh O'Brien")]);
    // "zoe hart" is Zoë Hart typed without her accent: her name all the same (hand-worked.test.ts).
    expect(z.clean("Zoë Hart's CV; niamh\nO'Brien (n100); zoe hart; B22", 'x')).toBe('[another pupil] CV; [another pupil] ([another pupil]); [another pupil]; B22');
  });
  it('splitForMail keeps each message under the size and count limits', () => {
    expect(splitForMail([5, 5, 5, 12, 1], { bytes: 11, files: 2 })).toEqual([[0, 1], [2], [3], [4]]);
    expect(splitForMail([])).toEqual([]);
  });
  it('toCsv quotes, neutralises formulas and writes dates as YYYY-MM-DD', () => {
    const rows: CellValue[][] = [['a,b', '=1+1', { day: '2026-03-02' }, 'say "hi"']];
    expect(toCsv(rows)).toBe('"a,b",\'=1+1,2026-03-02,"say ""hi"""');
  });
});
