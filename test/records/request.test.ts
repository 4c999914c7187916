/**
 * Subject access request…: the pupil is found by Pupil ID or by a full name that picks out one
 * pupil (leavers too); anything else says what to type instead.
 */
import { describe, expect, it } from 'vitest';
import { findRequestedPupil } from '../../src/jobs/records';
import { NodeClock } from '../../src/node/clock';
import { workbookOf } from '../support/workbook';

const TABS = {
  Staff: [['Initials', 'Name', 'Email', 'Role'], ['CL', 'Casey Leader', 'cl@school.example', 'Careers leader']],
  Pupils: [
    ['Pupil ID', 'Name', 'Year', 'Form', 'Leaver year'],
    ['P1', "Aoife O'Brien", 11, '11A', ''],
    ['P2', 'Sam Stone', 10, '10B', ''],
    ['P3', 'Sam  Stone', 11, '11C', ''],
    ['L1', 'Lee Leaver', '', '', 2024],
  ],
};

const find = (typed: string) => findRequestedPupil({ workbook: workbookOf(TABS), clock: new NodeClock('2026-03-02') }, typed);
const idOf = (typed: string) => {
  const r = find(typed);
  return 'pupil' in r ? r.pupil.id : r.message;
};

describe('findRequestedPupil', () => {
  it('finds a pupil by ID in any case, or by a full name (curly apostrophe, extra spaces), leavers included', () => {
    expect(idOf(' p2 ')).toBe('P2');
    expect(idOf('aoife o’brien')).toBe('P1');
    expect(idOf('Lee   Leaver')).toBe('L1');
  });

  it('asks for the ID when a name fits two pupils, and says so when none fits or nothing was typed', () => {
    expect(idOf('Sam Stone')).toBe('2 pupils are called that: run this again with one of their Pupil IDs:\nP2 (Year 10, 10B)\nP3 (Year 11, 11C)');
    expect(idOf('Nobody Here')).toBe('No pupil in the Pupils tab has that ID or name. Check the spelling, or use their Pupil ID.');
    expect(idOf('   ')).toBe('No pupil given, so nothing was made.');
  });
});
