import { describe, expect, it } from 'vitest';
import { assessDestinations, checkPoints, sustainedOf } from '../../src/domain/destinations';
import { buildLaReturn, splitName, y11Pupils, y12LeaverYear } from '../../src/domain/la-return';
import { check, leaver, trackerOf } from './build';
import type { Destination } from '../../src/domain/tracker';

const OCT_MAR = [3, 10];

describe('check points', () => {
  it('are the 1st of each listed month from the first after 1 August of the leaver year, for Track leavers years', () => {
    expect(checkPoints(2025, OCT_MAR, 3, true)).toEqual(['2025-10-01', '2026-03-01', '2026-10-01', '2027-03-01', '2027-10-01', '2028-03-01']);
  });
  it('start with 1 August of the leaver year for a leaver who had not accepted a place', () => {
    expect(checkPoints(2025, OCT_MAR, 1, false)).toEqual(['2025-08-01', '2025-10-01', '2026-03-01']);
  });
  it('take September, January or August at the year boundaries (August: the next one, strictly after 1 August)', () => {
    expect(checkPoints(2024, [9, 1], 1, true)).toEqual(['2024-09-01', '2025-01-01']);
    expect(checkPoints(2024, [8], 2, true)).toEqual(['2025-08-01', '2026-08-01']);
  });
});

const today = '2026-03-02';

describe('due, missed and overdue', () => {
  const run = (pupils: ReturnType<typeof leaver>[], destinations: ReturnType<typeof check>[] = [], settings = {}, day = today) =>
    assessDestinations(trackerOf({ pupils, destinations, settings }), day);

  it('the latest check point reached is due, to the day, and earlier ones not done are missed, never due', () => {
    const r = run([leaver('L1', 2024)]);
    const t = r.tracked[0];
    // 1 Oct 2024, 1 Mar 2025, 1 Oct 2025 missed; 1 Mar 2026 due for 1 day
    expect(t.due).toBe('2026-03-01');
    expect(t.daysDue).toBe(1);
    expect(t.overdue).toBe(false);
    expect(t.missed).toBe(3);
    expect(r.missed.map((m) => m.pupil.id)).toEqual(['L1']);
  });

  it('a check point is due on its own day, and overdue after 30 days', () => {
    expect(run([leaver('L1', 2025)], [], {}, '2026-03-01').tracked[0].daysDue).toBe(0);
    const before = run([leaver('L1', 2025)], [], {}, '2026-02-28').tracked[0];
    expect(before.due).toBe('2025-10-01');
    expect(before.daysDue).toBe(150);
    expect(before.overdue).toBe(true);
    expect(run([leaver('L1', 2025)], [], {}, '2025-10-31').tracked[0].overdue).toBe(false); // 30 days
    expect(run([leaver('L1', 2025)], [], {}, '2025-11-01').tracked[0].overdue).toBe(true); // 31 days
  });

  it('a check dated in the window of a check point does it; the last one takes any later date', () => {
    const r = run([leaver('L1', 2025), leaver('L2', 2025)], [
      check('L1', '2025-10-01', 'Further education'), check('L1', '2026-03-01', 'Further education'),
      check('L2', '2025-09-30', 'Further education'), // before the first check point: does nothing
    ]);
    expect(r.tracked[0].due).toBe(null);
    expect(r.tracked[0].missed).toBe(0);
    expect(r.tracked[1].due).toBe('2026-03-01');
    expect(r.tracked[1].missed).toBe(1);
    const last = run([leaver('L3', 2023)], [check('L3', '2026-03-02', 'Apprenticeship')]).tracked[0];
    expect(last.points.at(-1)).toBe('2026-03-01');
    expect(last.due).toBe(null);
  });

  it('a Not known attempt clears a due check', () => {
    const r = run([leaver('L1', 2025)], [check('L1', '2025-10-10', 'Further education'), check('L1', '2026-03-02', 'Not known')]);
    expect(r.tracked[0].due).toBe(null);
    expect(r.due).toHaveLength(0);
    expect(r.years[0].notKnown).toBe(1);
  });

  it('no consent: no check is ever due and the leaver counts only as no consent', () => {
    const r = run([leaver('L1', 2025, { 'Consent to track': 'No' }), leaver('L2', 2025)], [check('L1', '2025-10-10', 'NEET')]);
    expect(r.tracked[0].due).toBe(null);
    expect(r.tracked[0].missed).toBe(0);
    const y = r.years.find((x) => x.leaverYear === 2025)!;
    expect(y).toMatchObject({ cohort: 2, noConsent: 1, neet: 0, noCheck: 1 });
  });

  it('blank consent: checks are due and marked consent not recorded', () => {
    const r = run([leaver('L1', 2025, { 'Consent to track': '' })]);
    expect(r.due).toHaveLength(1);
    expect(r.due[0].consent).toBe(null);
  });

  it('tracks leavers of S − Track leavers + 1 on, and lists older ones past retention (Keep leavers)', () => {
    const r = run([leaver('A', 2022), leaver('B', 2023), leaver('C', 2025)], [], { 'Track leavers (years)': 2, 'Keep leavers (years)': 3 });
    expect(r.firstTracked).toBe(2024);
    expect(r.tracked.map((t) => t.pupil.id)).toEqual(['C']);
    expect(r.pastRetention.map((p) => p.id)).toEqual(['A']);
    expect(r.years.map((y) => y.leaverYear)).toEqual([2025, 2024]);
  });

  it('reads the Destination checks setting, and orders due checks overdue first', () => {
    const r = run([leaver('L1', 2025), leaver('L2', 2024)], [check('L2', '2026-01-05', 'Apprenticeship')], { 'Destination checks': 'October, January' });
    expect(r.tracked[0].points).toEqual(['2025-10-01', '2026-01-01', '2026-10-01', '2027-01-01', '2027-10-01', '2028-01-01']);
    expect(r.due.map((x) => [x.pupil.id, x.daysDue, x.overdue])).toEqual([['L1', 60, true]]);
  });
});

describe('sustained', () => {
  const row = (checked: string, status: string): Destination => ({ row: 2, pupil: 'x', checked, status, provider: null, course: null, notes: null });
  it('is yes with EET checks both before and after 1 January, all EET', () => {
    expect(sustainedOf(2025, [row('2025-10-05', 'Further education'), row('2026-01-05', 'Apprenticeship')])).toBe('yes');
  });
  it('is no with any NEET check in the window', () => {
    expect(sustainedOf(2025, [row('2025-10-05', 'Further education'), row('2026-02-05', 'NEET'), row('2026-03-05', 'Further education')])).toBe('no');
  });
  it('is unknown with only one side of 1 January, a Not known check, or checks outside October–March', () => {
    expect(sustainedOf(2025, [row('2025-10-05', 'Further education')])).toBe('unknown');
    expect(sustainedOf(2025, [row('2025-10-05', 'Further education'), row('2026-01-05', 'Not known')])).toBe('unknown');
    expect(sustainedOf(2025, [row('2025-09-30', 'NEET'), row('2026-04-01', 'NEET')])).toBe('unknown');
  });
  it('counts in the leaver year figures as sustained / (sustained + not sustained)', () => {
    const r = assessDestinations(trackerOf({
      pupils: [leaver('A', 2024), leaver('B', 2024), leaver('C', 2024), leaver('D', 2024)],
      destinations: [
        check('A', '2024-10-02', 'Sixth form'), check('A', '2025-03-02', 'Sixth form'),
        check('B', '2024-10-02', 'College'), check('B', '2025-03-02', 'College'),
        check('C', '2024-10-02', 'NEET'),
        check('D', '2024-10-02', 'Sixth form'),
      ],
    }), today);
    expect(r.years.find((y) => y.leaverYear === 2024)).toMatchObject({ sustained: 2, notSustained: 1, sustainedPct: 66.7, eet: 3, neet: 1 });
  });
});

describe('statuses and NCCIS codes', () => {
  it('reads the old values as aliases', () => {
    const t = trackerOf({ pupils: [leaver('A', 2025)], destinations: [check('A', '2025-10-02', 'Sixth form'), check('A', '2025-10-03', 'Seeking work'), check('A', '2025-10-04', 'Cannot be contacted')] });
    expect(t.problems).toEqual([]);
    expect(t.destinations.map((x) => x.status)).toEqual(['School sixth form', 'NEET', 'Cannot be contacted']);
  });
  it('a code that contradicts its status is a problem, and the status code is exported', () => {
    const t = trackerOf({ pupils: [leaver('A', 2025)], destinations: [
      check('A', '2025-10-02', 'NEET not available', { 'NCCIS code': 640 }),
      check('A', '2025-10-03', 'Further education', { 'NCCIS code': '619' }),
      check('A', '2025-10-04', 'Further education', { 'NCCIS code': '999' }),
    ] });
    expect(t.destinations.map((x) => x.nccis)).toEqual([640, null, null]);
    expect(t.problems.map((p) => [p.row, p.column, p.value])).toEqual([[3, 'NCCIS code', '619'], [4, 'NCCIS code', '999']]);
    expect(t.problems[0].message).toContain('NEET');
    const y12 = buildLaReturn(t, 'y12', '2026-03-02');
    expect(y12.rows[0].slice(5, 7)).toEqual(['Further education', '230']);
  });
});

describe('the September Guarantee windows (1 July to 30 September)', () => {
  const t = trackerOf({ pupils: [
    { 'Pupil ID': 'Y11', Name: 'Yan Eleven', Year: 11, 'Application status': 'Offer' },
    { 'Pupil ID': 'Y10', Name: 'Ten Pupil', Year: 10 },
    leaver('L26', 2026, { 'Application status': 'Rejected' }), leaver('L25', 2025), leaver('L24', 2024),
  ] });
  const ids = (day: string) => y11Pupils(t, day).map((p) => p.id);
  it('Year 11: the Year 11s on roll outside the window', () => {
    expect(ids('2026-06-30')).toEqual(['Y11']);
    expect(ids('2026-10-01')).toEqual(['Y11']);
  });
  it('Year 11: this summer\'s leavers in the window (and the Year 11s still on roll before the new year)', () => {
    expect(ids('2026-07-01')).toEqual(['L26', 'Y11']);
    expect(ids('2026-09-01')).toEqual(['L26']);
    expect(ids('2026-09-30')).toEqual(['L26']);
  });
  it('Year 12: last summer\'s leavers; in the window, the cohort just finishing Year 12', () => {
    expect(y12LeaverYear(t, '2026-03-02')).toBe(2025);
    expect(y12LeaverYear(t, '2026-07-01')).toBe(2025);
    expect(y12LeaverYear(t, '2026-08-31')).toBe(2025);
    // From the academic year start, the previous academic year (2025-26) ended in 2026.
    expect(y12LeaverYear(t, '2026-09-01')).toBe(2026);
    expect(y12LeaverYear(t, '2026-09-30')).toBe(2026);
    expect(y12LeaverYear(t, '2026-10-01')).toBe(2026);
  });
  it('offer status from the application status', () => {
    const rows = buildLaReturn(t, 'y11', '2026-07-15').rows;
    expect(rows.map((r) => [r[0], r[8]])).toEqual([['L26', 'No offer'], ['Y11', 'Offer made']]);
  });
  it('splits the Name cell: the last word is the surname', () => {
    expect(splitName(t.pupils[0])).toEqual({ forename: 'Yan', surname: 'Eleven' });
    expect(splitName({ ...t.pupils[0], forename: 'Mary Ann', surname: 'de Souza' })).toEqual({ forename: 'Mary Ann', surname: 'de Souza' });
  });
});
