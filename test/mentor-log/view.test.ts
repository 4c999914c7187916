import { describe, expect, it } from 'vitest';
import { readTracker } from '../../src/domain/tracker';
import {
  actionRecords, canSee, compareMentees, defaultMeetingType, findAction, meetingProblems, meetingRecord, menteeView,
  mentorLogAccess, mentorLogView, planChanges, type MeetingInput, type Viewer,
} from '../../src/domain/mentor-log';
import { REASON_WORDS } from '../../src/domain/unplaced';
import { ACTIONS, MEETINGS, STAFF, TODAY, XSS_NAME, d, meetingRequest, mentorLogTabs } from './fixture';

const tracker = (o: Parameters<typeof mentorLogTabs>[0] = {}) => readTracker(mentorLogTabs(o));
const EDITABLE = { planA: true, planB: true, status: true };

function viewerOf(email: string): Viewer {
  const a = mentorLogAccess(tracker(), email);
  if (!a.ok) throw new Error(a.message);
  return a.viewer;
}

describe('who sees whom', () => {
  it('finds the staff member by email whatever the case, and says who sees everyone', () => {
    const a = mentorLogAccess(tracker(), '  FR@School.Example ');
    expect(a).toMatchObject({ ok: true, viewer: { initials: 'FR', name: 'Fiona Reed', seesEveryone: false } });
    expect(viewerOf(STAFF.leader).seesEveryone).toBe(true);
    expect(viewerOf(STAFF.adviser).seesEveryone).toBe(true);
    expect(viewerOf(STAFF.admin).seesEveryone).toBe(false);
  });

  it('tells someone not in Staff, someone with no email, and an empty Staff tab why they see nothing', () => {
    const stranger = mentorLogAccess(tracker(), STAFF.stranger);
    expect(stranger.ok).toBe(false);
    expect(!stranger.ok && stranger.message).toContain('visitor@school.example is not in the Staff tab');
    const blank = mentorLogAccess(tracker(), '');
    expect(!blank.ok && blank.message).toContain('cannot see which Google account');
    const tabs = mentorLogTabs();
    tabs.Staff = [tabs.Staff[0]];
    const empty = mentorLogAccess(readTracker(tabs), STAFF.fr);
    expect(!empty.ok && empty.message).toContain('The Staff tab has nobody in it yet');
  });

  it('a mentor sees their own mentees on roll only; the leader and adviser see every pupil on roll', () => {
    const t = tracker();
    const names = (email: string) => mentorLogView(t, email, TODAY).mentees.map((m) => m.id).sort();
    expect(names(STAFF.fr)).toEqual(['P001', 'P002', 'P003']);
    expect(names(STAFF.lg)).toEqual(['P004']);
    expect(names(STAFF.leader)).toEqual(['P001', 'P002', 'P003', 'P004', 'P005']);
    expect(names(STAFF.adviser)).toEqual(['P001', 'P002', 'P003', 'P004', 'P005']);
    const leaver = t.pupilByKey.get('l001')!;
    expect(canSee(viewerOf(STAFF.fr), leaver)).toBe(false);
    expect(canSee(viewerOf(STAFF.leader), leaver)).toBe(false);
  });

  it('someone not in Staff gets an empty list and the reason; a member with no mentees is told how to get some', () => {
    const none = mentorLogView(tracker(), STAFF.stranger, TODAY);
    expect(none.viewer).toBeNull();
    expect(none.mentees).toEqual([]);
    expect(none.message).toContain('not in the Staff tab');
    const admin = mentorLogView(tracker(), STAFF.admin, TODAY);
    expect(admin.mentees).toEqual([]);
    expect(admin.message).toContain('No pupil on roll has PT in the Mentor column');
  });
});

describe('the mentee list', () => {
  const view = mentorLogView(tracker(), STAFF.leader, TODAY);
  const item = (id: string) => view.mentees.find((m) => m.id === id)!;

  it('gives each Year 11 the chip of the unplaced rules, and no chip to other years', () => {
    expect(item('P002').chip).toBe('placed');
    expect(item('P003').chip).toBe('red'); // rejected: no live application
    expect(item('P001').chip).toBe('amber'); // applied, before the offer deadline, two risks
    expect(item('P004').chip).toBe('amber');
    expect(item('P005').chip).toBeNull();
  });

  it('counts days since the last meeting and overdue actions', () => {
    expect(item('P001')).toMatchObject({ daysSinceLastMeeting: 41, overdueActions: 1, nextMeeting: null });
    expect(item('P004')).toMatchObject({ daysSinceLastMeeting: 14, overdueActions: 0 });
    expect(item('P003')).toMatchObject({ daysSinceLastMeeting: null, overdueActions: 0 });
  });

  it('a meeting dated after today is not the last meeting; the next meeting is the earliest one booked from today', () => {
    const t = tracker({
      meetings: [
        ...MEETINGS,
        { Date: d('2026-03-09'), 'Pupil ID': 'P004', Staff: 'LG', Type: 'Mentoring' },
        { Date: d('2026-02-20'), 'Pupil ID': 'P004', Staff: 'LG', Type: 'Mentoring', 'Next meeting': d('2026-03-16') },
        { Date: d('2026-02-01'), 'Pupil ID': 'P004', Staff: 'LG', Type: 'Mentoring', 'Next meeting': d('2026-03-05') },
        { Date: d('2026-01-01'), 'Pupil ID': 'P004', Staff: 'LG', Type: 'Mentoring', 'Next meeting': d('2026-02-05') },
      ],
    });
    const p4 = mentorLogView(t, STAFF.lg, TODAY).mentees[0];
    expect(p4.daysSinceLastMeeting).toBe(10);
    expect(menteeView(t, viewerOf(STAFF.lg), t.pupilByKey.get('p004')!, TODAY).lastMeeting).toBe('2026-02-20');
    expect(p4.nextMeeting).toBe('2026-03-05');
  });

  it('lists red, then amber, then placed, then pupils with no chip, each by name', () => {
    expect(view.mentees.map((m) => m.id)).toEqual(['P003', 'P001', 'P004', 'P002', 'P005']);
    const base = { id: 'x', year: 11, form: null, mentor: null, daysSinceLastMeeting: null, nextMeeting: null, overdueActions: 0 };
    expect(compareMentees({ ...base, name: 'zed', chip: 'red' }, { ...base, name: 'Abe', chip: 'amber' })).toBeLessThan(0);
    expect(compareMentees({ ...base, name: 'bob', chip: 'amber' }, { ...base, name: 'Abe', chip: 'amber' })).toBeGreaterThan(0);
    expect(compareMentees({ ...base, name: 'Abe', chip: null }, { ...base, name: 'Zed', chip: 'placed' })).toBeGreaterThan(0);
  });

  it('is plain JSON: what google.script.run carries comes back the same', () => {
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    expect(item('P003').name).toBe(XSS_NAME);
  });
});

describe('a mentee summary', () => {
  const t = tracker();
  const amy = menteeView(t, viewerOf(STAFF.fr), t.pupilByKey.get('p001')!, TODAY);

  it('shows plans, status, the chip and its reasons in words', () => {
    expect(amy.pupil).toMatchObject({ id: 'P001', name: 'Amy Ash', mentorName: 'Fiona Reed', planA: 'College: health and social care', planB: null, status: 'Applied' });
    expect(amy.chip).toBe('amber');
    expect(amy.reasons).toEqual([REASON_WORDS['no-offer'], REASON_WORDS['no-plan-b'], REASON_WORDS['overdue-actions']]);
  });

  it('lists the history newest first, with who held each meeting', () => {
    expect(amy.meetings.map((m) => m.date)).toEqual(['2026-01-20', '2025-10-01']);
    expect(amy.meetings[0]).toMatchObject({ type: 'Guidance', staff: 'MH', staffName: 'Mandy Hill', notes: 'Applied to MidKent College' });
    expect(amy.meetings[1]).toMatchObject({ grades: '5s and 6s', shared: 'Yes', nextMeeting: '2025-11-12' });
  });

  it('lists open actions soonest first, marking the overdue ones, and recent done actions apart', () => {
    expect(amy.openActions.map((a) => [a.action, a.overdue])).toEqual([['Research college courses', true], ['Write CV', false]]);
    const ben = menteeView(t, viewerOf(STAFF.fr), t.pupilByKey.get('p002')!, TODAY);
    expect(ben.openActions).toEqual([]);
    expect(ben.doneActions.map((a) => [a.action, a.doneOn])).toEqual([['Accept the offer', '2026-02-09']]);
    expect(ben.chip).toBe('placed');
    expect(ben.reasons).toEqual([]);
  });

  it('says which of the pupil cells can be updated: only columns the Pupils tab has', () => {
    expect(amy.editable).toEqual(EDITABLE);
    const t2 = tracker({ withoutPupilColumns: ['Plan B'] });
    expect(menteeView(t2, viewerOf(STAFF.fr), t2.pupilByKey.get('p001')!, TODAY).editable).toEqual({ planA: true, planB: false, status: true });
  });

  it('starts the form with a careers support meeting for a first meeting, guidance for the adviser, mentoring after', () => {
    const fr = viewerOf(STAFF.fr);
    expect(defaultMeetingType(fr, 0)).toBe('Careers support');
    expect(defaultMeetingType(fr, 2)).toBe('Mentoring');
    expect(defaultMeetingType(viewerOf(STAFF.adviser), 0)).toBe('Guidance');
    expect(menteeView(t, fr, t.pupilByKey.get('p003')!, TODAY).defaultType).toBe('Careers support');
  });
});

describe('logging a meeting', () => {
  const input = (over: Record<string, unknown> = {}) => meetingRequest(over) as unknown as MeetingInput;
  const amy = tracker().pupilByKey.get('p001')!;

  it('accepts a meeting today with actions due later', () => {
    expect(meetingProblems(input({ actions: [{ action: 'Write CV', due: '2026-03-20', owner: 'Pupil' }], nextMeeting: '2026-03-30' }), TODAY, EDITABLE)).toEqual([]);
  });

  it('refuses a future or unreal meeting date, a next meeting before it, and actions without text or due date', () => {
    const problems = (over: Record<string, unknown>) => meetingProblems(input(over), TODAY, EDITABLE).join(' ');
    expect(problems({ date: '2026-03-03' })).toContain('in the future');
    expect(problems({ date: '2026-02-30' })).toContain('not a real date');
    expect(problems({ date: '2023-01-01' })).toContain('more than two years ago');
    expect(problems({ nextMeeting: '2026-03-01' })).toContain('next meeting is before this meeting');
    expect(problems({ actions: [{ action: ' ', due: '2026-03-20', owner: 'Pupil' }] })).toContain('Action 1 has no text');
    expect(problems({ actions: [{ action: 'x', due: '', owner: 'Pupil' }, { action: 'y', due: '2026-02-01', owner: 'Me' }] }))
      .toMatch(/Action 1 needs a due date.*Action 2 is due before the meeting date/);
  });

  it('refuses to change a plan the Pupils tab has no column for, but not when it is left alone', () => {
    const editable = { planA: true, planB: false, status: true };
    expect(meetingProblems(input(), TODAY, editable)).toEqual([]);
    expect(meetingProblems(input({ plan: { planA: 'College: health and social care', planB: 'Sixth form', status: 'Applied' } }), TODAY, editable).join(' '))
      .toContain('no Plan B column');
  });

  it('makes the Meetings row and the Actions rows in the schema words, owned by the pupil or the mentor', () => {
    const i = input({ grades: ' 5s ', sharedWithParents: true, nextMeeting: '2026-03-30', actions: [{ action: ' Write CV ', due: '2026-03-20', owner: 'Pupil' }, { action: 'Call college', due: '2026-03-10', owner: 'Me' }] });
    expect(meetingRecord(i, amy, 'FR')).toMatchObject({ date: { day: TODAY }, pupil: 'P001', staff: 'FR', type: 'Mentoring', grades: '5s', shared: 'Yes', nextMeeting: { day: '2026-03-30' } });
    expect(actionRecords(i, amy, 'FR', TODAY)).toEqual([
      { pupil: 'P001', action: 'Write CV', due: { day: '2026-03-20' }, owner: 'Pupil', status: 'Open', doneOn: '', created: { day: TODAY } },
      { pupil: 'P001', action: 'Call college', due: { day: '2026-03-10' }, owner: 'FR', status: 'Open', doneOn: '', created: { day: TODAY } },
    ]);
  });

  it('writes only the plan fields the user changed, and not when the sheet already says so', () => {
    expect(planChanges(input(), amy)).toEqual([]);
    const changed = input({ plan: { planA: 'College: nursing', planB: 'Sixth form', status: 'Interview' } });
    expect(planChanges(changed, amy)).toEqual([{ key: 'planA', value: 'College: nursing' }, { key: 'planB', value: 'Sixth form' }, { key: 'status', value: 'Interview' }]);
    // Someone else already set Plan B to what this user typed: nothing to write for it.
    const already = { ...amy, planB: 'Sixth form' };
    expect(planChanges(changed, already).map((c) => c.key)).toEqual(['planA', 'status']);
    // Untouched fields never overwrite someone else's change.
    const theirs = { ...amy, planA: 'Apprenticeship' };
    expect(planChanges(input(), theirs)).toEqual([]);
    // Clearing a field is a change.
    expect(planChanges(input({ plan: { planA: '', planB: '', status: 'Applied' } }), amy)).toEqual([{ key: 'planA', value: '' }]);
  });
});

describe('finding the action the sidebar showed', () => {
  it('uses the row when it still holds that action, and one unambiguous match when the row moved', () => {
    const t = tracker();
    const amy = t.pupilByKey.get('p001')!;
    const cv = t.actions.find((a) => a.action === 'Write CV')!;
    expect(findAction(t, amy, { row: cv.row, action: 'Write CV', due: '2026-03-20' })).toBe(cv);
    expect(findAction(t, amy, { row: 2, action: 'Write CV', due: '2026-03-20' })).toBe(cv);
    expect(findAction(t, amy, { row: cv.row, action: 'Write a CV', due: '2026-03-20' })).toBeNull();
    expect(findAction(t, t.pupilByKey.get('p002')!, { row: cv.row, action: 'Write CV', due: '2026-03-20' })).toBeNull();
    const twice = tracker({ actions: [...ACTIONS, { 'Pupil ID': 'P001', Action: 'Write CV', Due: d('2026-03-20'), Status: 'Open' }] });
    expect(findAction(twice, twice.pupilByKey.get('p001')!, { row: 99, action: 'Write CV', due: '2026-03-20' })).toBeNull();
  });
});
