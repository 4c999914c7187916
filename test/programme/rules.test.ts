/**
 * The programme rules (programme.md): overdue, due soon, on time, done late, done with no date,
 * dropped; an owner missing from Staff is a problem; the summary; checklist RAG; redaction.
 */
import { describe, expect, it } from 'vitest';
import { readTracker } from '../../src/domain/tracker';
import { actionState, schoolTermOf, summariseProgramme } from '../../src/domain/programme';
import { CHECKLIST_TEMPLATES, checklistRag, scoreChecklists } from '../../src/domain/checklists';
import { pupilRedactor } from '../../src/domain/redact';
import type { ProgrammeAction } from '../../src/domain/tracker';
import type { CellValue } from '../../src/ports';

const TODAY = '2026-03-02';
const action = (over: Partial<ProgrammeAction>): ProgrammeAction => ({
  row: 2, action: 'Book the careers fair', due: '2026-03-10', term: 'Term 4', owners: ['HO'], benchmarks: [5],
  status: 'Planned', doneOn: null, evidence: null, review: null, ...over,
});

describe('an action as of today', () => {
  it('is overdue when open and due before today, not on its due day', () => {
    expect(actionState(action({ due: '2026-03-01' }), TODAY)).toBe('overdue');
    expect(actionState(action({ due: '2026-03-01', status: 'In progress' }), TODAY)).toBe('overdue');
    expect(actionState(action({ due: TODAY }), TODAY)).toBe('due soon');
  });
  it('is due soon up to 14 days ahead, planned after', () => {
    expect(actionState(action({ due: '2026-03-16' }), TODAY)).toBe('due soon');
    expect(actionState(action({ due: '2026-03-17' }), TODAY)).toBe('planned');
  });
  it('done on or before its due day is on time; after it, late; with no Done on date, just done', () => {
    expect(actionState(action({ status: 'Done', due: '2026-02-01', doneOn: '2026-02-01' }), TODAY)).toBe('on time');
    expect(actionState(action({ status: 'Done', due: '2026-02-01', doneOn: '2026-02-02' }), TODAY)).toBe('late');
    expect(actionState(action({ status: 'Done', due: '2026-02-01', doneOn: null }), TODAY)).toBe('done');
  });
  it('dropped is never overdue', () => {
    expect(actionState(action({ status: 'Dropped', due: '2025-10-01' }), TODAY)).toBe('dropped');
  });
});

function tracker(programme: CellValue[][]) {
  return readTracker({
    Staff: [['Initials', 'Name', 'Email', 'Role'], ['HO', 'Hannah Okafor', 'ho@school.example', 'Careers leader'], ['FR', 'Fran Reed', 'fr@school.example', 'Mentor']],
    Pupils: [['Pupil ID', 'Name', 'Year'], ['A123', 'Tegan Smith', 11]],
    Programme: [['Task', 'Deadline', 'Half term', 'Lead', 'BM', 'Status', 'Done on'], ...programme],
  });
}

describe('reading the Programme tab', () => {
  it('reads aliases, statuses such as Actioned and Cancelled, and lists of owners and benchmarks', () => {
    const t = tracker([
      ['Careers fair', '28/01/2026', 'Term 3', 'HO / FR', 'BM5; 8', 'Actioned', '28/01/2026'],
      ['Army talk', '20/03/2026', 'Term 4', 'FR', '5', 'Cancelled', ''],
      ['College tours', '14/11/2025', 'Term 2', 'FR', 'BM7', '', ''],
    ]);
    expect(t.problems).toEqual([]);
    expect(t.programme.map((a) => [a.owners, a.benchmarks, a.status])).toEqual([
      [['HO', 'FR'], [5, 8], 'Done'], [['FR'], [5], 'Dropped'], [['FR'], [7], 'Planned'],
    ]);
  });
  it('an owner not in the Staff tab is a problem: left out, and the rest of the row is kept', () => {
    const t = tracker([['Careers fair', '28/01/2026', 'Term 3', 'HO, JW', '5', '', '']]);
    expect(t.problems).toHaveLength(1);
    expect(t.problems[0]).toMatchObject({ tab: 'Programme', row: 2, column: 'Lead', value: 'HO, JW' });
    expect(t.problems[0].message).toMatch(/JW/);
    expect(t.programme[0].owners).toEqual(['HO']);
  });
  it('a missing Due or an unknown status is a problem; the row is left out only for the Due', () => {
    const t = tracker([['No date', '', 'Term 1', 'HO', '', '', ''], ['Odd status', '01/03/2026', 'Term 4', 'HO', '', 'Maybe', '']]);
    expect(t.problems.map((p) => p.column)).toEqual(['Deadline', 'Status']);
    expect(t.programme.map((a) => [a.action, a.status])).toEqual([['Odd status', 'Planned']]);
  });
});

describe('the summary', () => {
  const t = tracker([
    ['A', '01/10/2025', 'Term 1', 'HO', '1', 'Done', '30/09/2025'], // on time
    ['B', '01/10/2025', 'Term 1', 'HO', '3', 'Done', '05/10/2025'], // late
    ['C', '01/12/2025', 'Term 2', 'FR', '3', 'Done', ''], // done, no date
    ['D', '01/02/2026', 'Term 3', 'FR', '5, 3', 'In progress', ''], // overdue
    ['E', '10/03/2026', 'Term 4', 'FR', '5', '', ''], // due soon
    ['F', '01/01/2026', 'Term 3', 'HO', '5', 'Dropped', ''], // dropped
    ['G', '01/06/2026', 'term 5', 'HO', '', 'Done', '01/02/2026'], // on time, not due yet
  ]);
  const s = summariseProgramme(t.programme, TODAY);
  it('counts the whole year', () => {
    expect(s).toMatchObject({ actions: 7, done: 4, onTime: 2, overdue: 1, dueSoon: 1, dropped: 1, dueSoFar: 4, onTimePct: 25 });
  });
  it('per term label, in date order, and per benchmark', () => {
    expect(s.byTerm.map((x) => [x.term, x.actions, x.done, x.onTime, x.overdue])).toEqual([
      ['Term 1', 2, 2, 1, 0], ['Term 2', 1, 1, 0, 0], ['Term 3', 2, 0, 0, 1], ['Term 4', 1, 0, 0, 0], ['term 5', 1, 1, 1, 0],
    ]);
    expect(s.byBenchmark.map((x) => [x.benchmark, x.actions, x.overdue, x.dueSoon])).toEqual([[1, 1, 0, 0], [3, 3, 1, 0], [5, 3, 1, 1]]);
  });
  it('this term is the school term containing today (Spring: January to March)', () => {
    expect(s.thisTerm).toMatchObject({ name: 'Spring term 2026', from: '2026-01-01', to: '2026-03-31', actions: 3, overdue: 1, dueSoon: 1, dropped: 1 });
    expect(schoolTermOf('2025-09-01').name).toBe('Autumn term 2025');
    expect(schoolTermOf('2026-04-01')).toMatchObject({ name: 'Summer term 2026', to: '2026-08-31' });
  });
});

describe('checklist RAG (the county\'s 0–10 red, 11–15 amber, 16–20 green)', () => {
  it('at 10, 11, 15 and 16 of 20', () => {
    expect(checklistRag(10, 20)).toBe('red');
    expect(checklistRag(11, 20)).toBe('amber');
    expect(checklistRag(15, 20)).toBe('amber');
    expect(checklistRag(16, 20)).toBe('green');
  });
  it('scores each checklist by name, ignoring case', () => {
    const items = ['a', 'b', 'c', 'd', 'e'].map((item, i) => ({ row: i + 2, checklist: i < 3 ? 'Annual plan' : 'annual  PLAN', item, done: i < 4, evidence: null, notes: null }));
    expect(scoreChecklists(items)).toEqual([{ name: 'Annual plan', items: 5, done: 4, rag: 'green' }]);
  });
  it('the annual plan has the county\'s 20 points', () => {
    expect(CHECKLIST_TEMPLATES['annual-plan'].items).toHaveLength(20);
    expect(new Set(CHECKLIST_TEMPLATES['annual-plan'].items).size).toBe(20);
  });
});

describe('redacting pupils from free text', () => {
  const redact = pupilRedactor([{ name: 'Tegan Smith', id: 'A123456789012' }, { name: "Niamh O'Brien", id: 'B2' }]);
  it('replaces full names and IDs, ignoring case, and leaves other words', () => {
    expect(redact('Call TEGAN smith re A123456789012; see niamh o\'brien (b2). Smithfield visit.')).toBe('Call [pupil] re [pupil]; see [pupil] ([pupil]). Smithfield visit.');
  });
  it('a curly apostrophe or a name typed without its accents is the pupil all the same', () => {
    const r = pupilRedactor([{ name: 'Zoë Müller', id: 'Z100' }, { name: "Niamh O'Brien", id: 'N100' }]);
    expect(r('Call Niamh O\u2019Brien, Zoe Muller and Zoe\u0308 Mu\u0308ller')).toBe('Call [pupil], [pupil] and [pupil]');
  });
});
