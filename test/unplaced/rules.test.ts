import { describe, expect, it } from 'vitest';
import { REASON_ORDER, type UnplacedFlag, assessUnplaced, unplacedDeadlines, unplacedStatusOf } from '../../src/domain/unplaced';
import { d, pupil, trackerOf, wellSupported, type Spec } from './build';

/** Assesses one pupil (well supported unless the spec says otherwise) and returns its flag. */
function flagFor(today: string, over: Record<string, unknown> = {}, extra: Partial<Spec> = {}): UnplacedFlag | undefined {
  const spec: Spec = { pupils: [pupil('A1', over as never)], meetings: extra.meetings ?? wellSupported(['A1'], today), ...extra };
  return assessUnplaced(trackerOf(spec), today).flagged[0];
}

describe('placed or flagged', () => {
  it('an accepted place is placed and not flagged; every other Year 11 is flagged', () => {
    const tracker = trackerOf({
      pupils: [pupil('A1', { 'Application status': 'Accepted' }), pupil('A2'), pupil('Y10', { Year: 10 }), pupil('L1', { Year: '', 'Leaver year': 2025 })],
    });
    const r = assessUnplaced(tracker, '2026-03-02');
    expect(r.cohort.map((p) => p.id)).toEqual(['A1', 'A2']);
    expect(r.placed.map((p) => p.id)).toEqual(['A1']);
    expect(r.flagged.map((f) => f.pupil.id)).toEqual(['A2']);
    expect(unplacedStatusOf(r, 'a1')).toBe('placed');
    expect(unplacedStatusOf(r, 'y10')).toBeNull();
  });

  it('a well-supported pupil has only the status reason, and is amber before the deadlines', () => {
    expect(flagFor('2026-03-02')).toMatchObject({ level: 'amber', reasons: ['no-offer'] });
  });
});

describe('status reasons and the deadlines', () => {
  for (const status of ['', 'Not started', 'Researching']) {
    it(`"${status || 'blank'}" is no-application: amber the day before the application deadline, red on it`, () => {
      expect(flagFor('2026-01-30', { 'Application status': status })).toMatchObject({ level: 'amber', reasons: ['no-application'] });
      expect(flagFor('2026-01-31', { 'Application status': status })).toMatchObject({ level: 'red', reasons: ['no-application'] });
    });
  }

  for (const status of ['Applied', 'Interview']) {
    it(`"${status}" is no-offer: amber the day before the offer deadline, red on it`, () => {
      expect(flagFor('2026-03-30', { 'Application status': status })).toMatchObject({ level: 'amber', reasons: ['no-offer'] });
      expect(flagFor('2026-03-31', { 'Application status': status })).toMatchObject({ level: 'red', reasons: ['no-offer'] });
    });
  }

  it('an offer not yet accepted is amber before the offer deadline and red from it', () => {
    expect(flagFor('2026-03-30', { 'Application status': 'Offer' })).toMatchObject({ level: 'amber', reasons: ['offer-not-accepted'] });
    expect(flagFor('2026-03-31', { 'Application status': 'Offer' })).toMatchObject({ level: 'red', reasons: ['offer-not-accepted'] });
    expect(flagFor('2026-04-20', { 'Application status': 'Offer' })).toMatchObject({ level: 'red', reasons: ['offer-not-accepted'] });
  });

  for (const status of ['Rejected', 'Withdrawn']) {
    it(`"${status}" with no other application is red at any time of year`, () => {
      expect(flagFor('2025-11-10', { 'Application status': status })).toMatchObject({ level: 'red', reasons: ['no-live-application'] });
    });
  }

  it('takes the deadlines from Settings, in the academic year that contains today', () => {
    const t = trackerOf({ pupils: [], settings: { 'Application deadline': '15 January', 'Offer deadline': '1 May' } });
    expect(unplacedDeadlines(t, '2025-10-01')).toEqual({ application: '2026-01-15', offer: '2026-05-01' });
    expect(unplacedDeadlines(t, '2026-08-31')).toEqual({ application: '2026-01-15', offer: '2026-05-01' });
    expect(unplacedDeadlines(t, '2026-09-01')).toEqual({ application: '2027-01-15', offer: '2027-05-01' });
    // In July the 2025-26 deadline has passed; in September a new year's deadline is ahead.
    expect(flagFor('2026-07-15', { 'Application status': 'Researching' })?.level).toBe('red');
    expect(flagFor('2026-09-07', { 'Application status': 'Researching' })?.level).toBe('amber');
    const custom = { settings: { 'Application deadline': '15 January' } };
    expect(flagFor('2026-01-14', { 'Application status': 'Researching' }, custom)?.level).toBe('amber');
    expect(flagFor('2026-01-15', { 'Application status': 'Researching' }, custom)?.level).toBe('red');
  });
});

describe('risk factors', () => {
  it('three risk factors make a pupil red before any deadline; two leave it amber', () => {
    const two = flagFor('2025-11-03', { 'Application status': 'Researching', 'Plan B': '', Mentor: '' });
    expect(two).toMatchObject({ level: 'amber', reasons: ['no-application', 'no-plan-b', 'no-mentor'] });
    const three = flagFor('2025-11-03', { 'Application status': 'Researching', 'Plan B': '', Mentor: '', Attendance: 85 });
    expect(three).toMatchObject({ level: 'red', reasons: ['no-application', 'no-plan-b', 'low-attendance', 'no-mentor'] });
  });

  it('follows the Risk factors for red setting', () => {
    const one = { settings: { 'Risk factors for red': 1 } };
    expect(flagFor('2025-11-03', { 'Plan B': '' }, one)?.level).toBe('red');
    expect(flagFor('2025-11-03', {}, one)?.level).toBe('amber');
  });

  it('attendance below the threshold is a risk; at it, or blank, is not', () => {
    expect(flagFor('2025-11-03', { Attendance: 89.9 })?.reasons).toContain('low-attendance');
    expect(flagFor('2025-11-03', { Attendance: 90 })?.reasons).not.toContain('low-attendance');
    expect(flagFor('2025-11-03', { Attendance: '' })?.reasons).not.toContain('low-attendance');
    expect(flagFor('2025-11-03', { Attendance: 93 }, { settings: { 'Attendance threshold': 95 } })?.reasons).toContain('low-attendance');
  });

  it('a meeting exactly Meeting gap days ago counts; one day more does not', () => {
    const today = '2026-03-02';
    const exactly = flagFor(today, {}, { meetings: wellSupported(['A1'], today, 42) });
    expect(exactly?.reasons).not.toContain('no-recent-meeting');
    expect(exactly?.daysSinceLastMeeting).toBe(42);
    const over = flagFor(today, {}, { meetings: wellSupported(['A1'], today, 43) });
    expect(over?.reasons).toContain('no-recent-meeting');
    expect(over).toMatchObject({ daysSinceLastMeeting: 43, lastMeeting: '2026-01-18' });
    const gap10 = { meetings: wellSupported(['A1'], today, 11), settings: { 'Meeting gap days': 10 } };
    expect(flagFor(today, {}, gap10)?.reasons).toContain('no-recent-meeting');
  });

  it('no meeting at all is a risk, and a meeting dated after today does not count', () => {
    const none = flagFor('2026-03-02', {}, { meetings: [] });
    expect(none).toMatchObject({ daysSinceLastMeeting: null, lastMeeting: null });
    expect(none?.reasons).toEqual(['no-offer', 'no-recent-meeting', 'no-guidance']);
    const future = flagFor('2026-03-02', {}, { meetings: [{ Date: d('2026-03-09'), 'Pupil ID': 'A1', Staff: 'FR', Type: 'Mentoring' }] });
    expect(future?.reasons).toContain('no-recent-meeting');
  });

  it('an open action due before today is overdue; a done one, or one due today, is not', () => {
    const today = '2026-03-02';
    const actions = [
      { 'Pupil ID': 'A1', Action: 'Personal statement', Due: d('2026-03-01'), Status: 'Open' },
      { 'Pupil ID': 'A1', Action: 'CV', Due: d('2026-02-01'), Status: '' },
      { 'Pupil ID': 'A1', Action: 'College form', Due: d('2026-02-01'), Status: 'Done' },
      { 'Pupil ID': 'A1', Action: 'Visit', Due: d(today), Status: 'Open' },
    ];
    expect(flagFor(today, {}, { actions })).toMatchObject({ overdueActions: 2, reasons: ['no-offer', 'overdue-actions'] });
    expect(flagFor(today, {}, { actions: actions.slice(2) })).toMatchObject({ overdueActions: 0, reasons: ['no-offer'] });
  });

  it('a guidance meeting counts only with a Level 6 member of staff', () => {
    const today = '2026-03-02';
    const recent = { Date: d('2026-02-23'), 'Pupil ID': 'A1', Staff: 'FR', Type: 'Mentoring' };
    const byMentor = flagFor(today, {}, { meetings: [recent, { Date: d('2025-10-01'), 'Pupil ID': 'A1', Staff: 'FR', Type: 'Guidance' }] });
    expect(byMentor?.reasons).toContain('no-guidance');
    const adviserMentoring = flagFor(today, {}, { meetings: [recent, { Date: d('2025-10-01'), 'Pupil ID': 'A1', Staff: 'CA', Type: 'Mentoring' }] });
    expect(adviserMentoring?.reasons).toContain('no-guidance');
    const byAdviser = flagFor(today, {}, { meetings: [recent, { Date: d('2025-10-01'), 'Pupil ID': 'A1', Staff: 'CA', Type: 'IAG' }] });
    expect(byAdviser?.reasons).not.toContain('no-guidance');
  });

  it('Platform login is a risk only when the Pupils tab has the column', () => {
    const absent = flagFor('2026-03-02', { 'Platform login': 'No' });
    expect(absent?.reasons).not.toContain('no-platform-login');
    const withColumn = { dropPupilColumns: [] };
    expect(flagFor('2026-03-02', { 'Platform login': 'No' }, withColumn)?.reasons).toContain('no-platform-login');
    expect(flagFor('2026-03-02', { 'Platform login': '' }, withColumn)?.reasons).toContain('no-platform-login');
    expect(flagFor('2026-03-02', { 'Platform login': 'Yes' }, withColumn)?.reasons).not.toContain('no-platform-login');
  });

  it('EHCP and looked-after status are risk factors; SEN support is not', () => {
    expect(flagFor('2026-03-02', { SEND: 'EHCP' })?.reasons).toEqual(['no-offer', 'ehcp']);
    expect(flagFor('2026-03-02', { SEND: 'SEN support' })?.reasons).toEqual(['no-offer']);
    expect(flagFor('2026-03-02', { 'Looked after': 'Yes' })?.reasons).toEqual(['no-offer', 'looked-after']);
  });

  it('lists every reason in the order of the rules', () => {
    const all = flagFor('2026-03-02', {
      'Application status': 'Researching', 'Plan B': '', Attendance: 70, Mentor: '', 'Platform login': 'No', SEND: 'EHCP', 'Looked after': 'Yes',
    }, {
      meetings: [{ Date: d('2025-09-10'), 'Pupil ID': 'A1', Staff: 'FR', Type: 'Guidance' }],
      actions: [{ 'Pupil ID': 'A1', Action: 'CV', Due: d('2026-01-01'), Status: 'Open' }],
      dropPupilColumns: [],
    });
    expect(all?.reasons).toEqual(REASON_ORDER.filter((r) => !['no-offer', 'offer-not-accepted', 'no-live-application'].includes(r)));
    expect(all?.level).toBe('red');
  });
});

describe('lists', () => {
  it('puts red first, then amber, each by name', () => {
    const today = '2026-03-02';
    const r = assessUnplaced(trackerOf({
      pupils: [
        pupil('1', { Name: 'Zara Amber' }), pupil('2', { Name: 'bea Red', 'Application status': 'Rejected' }),
        pupil('3', { Name: 'Adam Amber' }), pupil('4', { Name: 'Aaron Red', 'Application status': 'Withdrawn' }),
        pupil('5', { Name: 'Cleo Placed', 'Application status': 'Accepted' }),
      ],
      meetings: wellSupported(['1', '2', '3', '4', '5'], today),
    }), today);
    expect(r.flagged.map((f) => [f.level, f.pupil.name])).toEqual([
      ['red', 'Aaron Red'], ['red', 'bea Red'], ['amber', 'Adam Amber'], ['amber', 'Zara Amber'],
    ]);
  });

  it('the September Guarantee list is every Year 11 with neither an offer nor an accepted place', () => {
    const statuses = ['', 'Not started', 'Researching', 'Applied', 'Interview', 'Offer', 'Accepted', 'Rejected', 'Withdrawn'];
    const r = assessUnplaced(trackerOf({ pupils: statuses.map((s, i) => pupil(`P${i}`, { 'Application status': s, Name: `Pupil ${i}` })) }), '2026-03-02');
    expect(r.septemberGuarantee.map((p) => p.status)).toEqual([null, 'Not started', 'Researching', 'Applied', 'Interview', 'Rejected', 'Withdrawn']);
    expect(r.flagged).toHaveLength(8);
  });
});
