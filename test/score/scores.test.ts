import { describe, expect, it } from 'vitest';
import {
  type CriterionKey, type MeasuredCriterion, type Scores, MET, NOT_MET, attendeesOf, computeScores, headline,
  ragFor, roundHalfUp, scoreBenchmark, yearGroupOn,
} from '../../src/domain/scores';
import { TODAY, makeTracker, type Parts, yearGroup } from './support';

function score(p: Parts, today = TODAY): Scores {
  return computeScores(makeTracker(p), today);
}

function criterion(s: Scores, key: CriterionKey): MeasuredCriterion {
  for (const b of s.benchmarks) for (const c of b.criteria) if (c.kind === 'measured' && c.key === key) return c;
  throw new Error(`no criterion ${key}`);
}

const metCohort = (s: Scores, key: CriterionKey) => {
  const c = criterion(s, key);
  return [c.met, c.cohort];
};

describe('year group on a past date', () => {
  it('counts back one year group per academic-year start between the date and today', () => {
    const y10 = { year: 10, leaverYear: null };
    expect(yearGroupOn(y10, '2026-02-01', TODAY)).toBe(10);
    expect(yearGroupOn(y10, '2025-09-01', TODAY)).toBe(10);
    expect(yearGroupOn(y10, '2025-08-31', TODAY)).toBe(9);
    expect(yearGroupOn(y10, '2024-06-30', TODAY)).toBe(8);
  });

  it('puts a leaver in Year 11 in the academic year ending in their Leaver year, counting back, and nowhere after', () => {
    const left2025 = { year: null, leaverYear: 2025 };
    expect(yearGroupOn(left2025, '2025-07-15', TODAY)).toBe(11);
    expect(yearGroupOn(left2025, '2024-09-01', TODAY)).toBe(11);
    expect(yearGroupOn(left2025, '2024-03-01', TODAY)).toBe(10);
    expect(yearGroupOn(left2025, '2025-09-01', TODAY)).toBeNull();
  });

  it('follows the Academic year start setting', () => {
    const y10 = { year: 10, leaverYear: null };
    expect(yearGroupOn(y10, '2025-08-25', TODAY, { month: 8, day: 20 })).toBe(10);
    expect(yearGroupOn(y10, '2025-08-25', TODAY)).toBe(9);
  });
});

describe('attendees', () => {
  const tracker = makeTracker({
    pupils: [['A', 10], ['B', 10], ['C', 9], ['L', '', 2025], ['M', '', 2024]],
    activities: [
      ['2025-10-01', 'Y10 talk', 'Employer encounter', 'Y10', 'C, A'],
      ['2025-05-01', 'Old Y10 talk', 'Employer encounter', 'Year 10', ''],
      ['2024-05-01', 'Old Y10 talk 2', 'Employer encounter', '10', ''],
      ['2025-10-01', 'Y12 talk', 'Employer encounter', 'Y12', ''],
    ],
  });

  it('is every pupil in a listed year group on the date, plus every listed pupil, each once', () => {
    expect(attendeesOf(tracker, tracker.activities[0], TODAY).map((p) => p.id).sort()).toEqual(['A', 'B', 'C']);
  });

  it('reaches leavers by their past year group, and not pupils who joined the year group later', () => {
    // In 2024-25 today's Year 10s were in Year 9; the 2025 leavers were in Year 10.
    expect(attendeesOf(tracker, tracker.activities[1], TODAY).map((p) => p.id)).toEqual([]);
    expect(attendeesOf(tracker, tracker.activities[2], TODAY).map((p) => p.id)).toEqual(['L']);
  });

  it('after the roll-over in July (Tracker year moved on), reads the Year column as next year\'s', () => {
    // 20 July 2026: the roll-over has run, so today's Year 10s were in Year 9 all of 2025-26, and
    // the new 2026 leaver (Year 11 until the roll-over) was in Year 11.
    const parts: Parts = {
      settings: [['Tracker year', '2026-27']],
      pupils: [['A', 10], ['B', 11], ['N', '', 2026]],
      activities: [['2026-02-10', 'Y9 options talk', 'Employer encounter', 'Y9', ''], ['2026-03-10', 'Y11 college talk', 'Further education', 'Y11', '']],
    };
    const rolled = makeTracker(parts);
    const july = '2026-07-20';
    expect(attendeesOf(rolled, rolled.activities[0], july).map((p) => p.id)).toEqual(['A']);
    expect(attendeesOf(rolled, rolled.activities[1], july).map((p) => p.id)).toEqual(['N']);
    expect(yearGroupOn({ year: 10, leaverYear: null }, '2026-02-10', july, undefined, 2026)).toBe(9);
    // A Tracker year left behind (Years brought up to date by an MIS import alone) is not trusted over today.
    const stale = makeTracker({ ...parts, settings: [['Tracker year', '2024-25']] });
    expect(attendeesOf(stale, stale.activities[0], '2026-03-20').map((p) => p.id)).toEqual([]);
    expect(attendeesOf(stale, stale.activities[1], '2026-03-20').map((p) => p.id).sort()).toEqual(['B', 'N']);
  });

  it('does not reach a leaver after they left, though they would be in that year group by now', () => {
    expect(attendeesOf(tracker, tracker.activities[3], TODAY).map((p) => p.id)).toEqual([]);
  });
});

describe('measured criteria', () => {
  it('bm2, bm4, bm5: attended an activity counting for it this year', () => {
    const s = score({
      pupils: [...yearGroup('s', 7, 4), ...yearGroup('t', 8, 2)],
      activities: [
        ['2025-10-01', 'LMI lesson', 'Careers information', 'Y7', ''],
        ['2025-07-01', 'Last year LMI', 'Careers information', 'Y7', ''], // last academic year: not this year
        ['2026-01-10', 'Maths link', 'Curriculum link', '', 's1, t1'],
        ['2026-03-03', 'Tomorrow\'s fair', 'Employer encounter', 'Y7, Y8', ''], // after today
        ['2026-03-02', 'Today\'s talk', 'Employer encounter', 'Y8', ''],
      ],
    });
    expect(metCohort(s, 'bm2.information')).toEqual([4, 6]);
    expect(metCohort(s, 'bm4.curriculum')).toEqual([2, 6]);
    expect(metCohort(s, 'bm5.employers')).toEqual([2, 6]);
  });

  it('a year-group activity before a pupil joined the year group does not reach them', () => {
    const s = score({
      pupils: [['A', 10], ['B', 9]],
      activities: [['2025-06-10', 'Y10 work experience', 'Workplace experience', 'Y10', '']],
    });
    // A was in Year 9 then; B in Year 8. Nobody on roll now was in Year 10 in June 2025.
    expect(s.pairs).toBe(0);
    const s2 = score({
      pupils: [['A', 11]],
      activities: [['2025-06-10', 'Y10 work experience', 'Workplace experience', 'Y10', ''], ['2025-06-11', 'Y10 work experience, day 2', 'Workplace experience', 'Y10', '']],
    });
    expect(metCohort(s2, 'bm6.by16')).toEqual([1, 1]);
  });

  it('a leaver is not on roll: left out of pupil cohorts, counted as a recent leaver', () => {
    const s = score({
      pupils: [['A', 11], ['L', '', 2025]],
      activities: [['2025-03-01', 'Y11 college visit', 'Further education', 'Y11', '']],
    });
    expect(metCohort(s, 'bm7.by16')).toEqual([0, 1]);
    expect(metCohort(s, 'bm2.information')).toEqual([0, 1]);
    expect(metCohort(s, 'bm3.destinations')).toEqual([0, 1]);
    expect(s.pairs).toBe(1); // the leaver attended as a Year 11
    expect(s.coverage.pupils.map((p) => p.id)).toEqual(['A']);
  });

  it('an activity counts for its Benchmarks column when filled, instead of its type', () => {
    const s = score({
      pupils: yearGroup('p', 11, 2),
      activities: [['2025-11-01', 'Employer-led mock interviews', 'Employer encounter', 'Y11', '', '', 'BM4, 8']],
    });
    expect(metCohort(s, 'bm5.employers')).toEqual([0, 2]);
    expect(metCohort(s, 'bm4.curriculum')).toEqual([2, 2]);
  });

  it('type Other counts for nothing unless Benchmarks is filled', () => {
    const s = score({
      pupils: yearGroup('p', 11, 2),
      activities: [
        ['2025-11-01', 'Assembly', 'Other', 'Y11', ''],
        ['2025-11-02', 'Assembly with LMI', 'Other', '', 'p1', '', '2'],
      ],
    });
    expect(s.benchmarks.flatMap((b) => b.criteria).filter((c) => c.kind === 'measured' && c.met > 0).map((c) => (c as MeasuredCriterion).key)).toEqual(['bm2.information']);
    expect(metCohort(s, 'bm2.information')).toEqual([1, 2]);
  });

  it('bm3.records: Years 9–13 with any Meetings row this year', () => {
    const s = score({
      pupils: [['A', 8], ['B', 9], ['C', 12], ['D', 13], ['E', 11]],
      meetings: [
        ['2025-09-01', 'A', 'CL', 'Mentoring'],
        ['2025-09-01', 'B', 'CL', 'Parent meeting'],
        ['2026-03-02', 'C', 'CA', 'Guidance'],
        ['2025-08-31', 'D', 'CL', 'Careers support'], // last academic year
        ['2026-03-03', 'E', 'CL', 'Careers support'], // after today
      ],
    });
    expect(metCohort(s, 'bm3.records')).toEqual([2, 4]);
  });

  it('bm3.destinations: recent leavers with a known destination checked in the 365 days up to today', () => {
    const s = score({
      pupils: [['L1', '', 2023], ['L2', '', 2024], ['L3', '', 2025], ['L4', '', 2025], ['L5', '', 2025], ['OLD', '', 2022]],
      destinations: [
        ['L1', '2025-03-02', 'Apprenticeship'], // exactly 365 days ago: counts
        ['L2', '2025-03-01', 'Sixth form'], // 366 days ago: does not
        ['L3', '2026-01-10', 'Not known'],
        ['L4', '2025-10-01', 'NEET'], // known, even if not in education
        ['L5', '2026-03-03', 'Sixth form'], // a check dated after today
        ['OLD', '2026-01-10', 'Employment with training'], // not a recent leaver
      ],
    });
    expect(metCohort(s, 'bm3.destinations')).toEqual([2, 5]);
    expect(criterion(s, 'bm3.destinations').note).toMatch(/1 leaver has a known destination only from a check more than 365 days ago/);
  });

  it('recent leavers follow Bulletin leaver years', () => {
    const s = score({ pupils: [['L1', '', 2023], ['L2', '', 2024], ['L3', '', 2025]], settings: [['Bulletin leaver years', 1]] });
    expect(metCohort(s, 'bm3.destinations')).toEqual([0, 1]);
  });

  it('bm6: workplace experiences on two different days by Year 11, three by Year 13 (activities-and-scores.md)', () => {
    const s = score({
      pupils: [['A', 11], ['B', 11], ['C', 13], ['D', 13]],
      activities: [
        ['2024-07-01', 'Y9 taster day', 'Workplace experience', 'Y9', ''], // A and B were in Year 9
        ['2025-11-01', 'Site visit', 'Workplace visit', '', 'A'],
        ['2025-07-01', 'Y12 work experience', 'Workplace experience', '', 'D'],
        ['2026-01-15', 'Shadowing', 'Work shadowing', '', 'C, C, D'], // C listed twice: still one
        ['2026-02-15', 'Shadowing 2', 'Work shadowing', '', 'C, D'],
      ],
    });
    expect(metCohort(s, 'bm6.by16')).toEqual([1, 2]);
    expect(metCohort(s, 'bm6.by18')).toEqual([1, 2]);
  });

  it('bm6.by18: the same activity listing a pupil and their year group counts once', () => {
    const s = score({
      pupils: [['C', 13]],
      activities: [['2026-01-15', 'Work experience week', 'Workplace experience', 'Y13', 'C']],
    });
    expect(criterion(s, 'bm6.by18')).toMatchObject({ met: 0, cohort: 1 });
    expect(s.pairs).toBe(1);
  });

  it('bm7.provider-access: two encounters in the key phase, from two providers; in Year 9 or 11 only up to the end of February', () => {
    const s = score({
      pupils: [['N1', 9], ['N2', 9], ['E1', 11], ['E2', 11], ['T', 10]],
      activities: [
        // Year 9s now: one encounter in Year 8 (counted) and one in Year 9 after February (not counted)
        ['2025-03-10', 'ITP assembly (Y8)', 'Technical provider', 'Y8', '', '', '', 'Provider A'],
        ['2026-03-01', 'ITP talk after February (Y9)', 'Technical provider', '', 'N1', '', '', 'Provider B'],
        ['2026-02-28', 'ITP talk in February (Y9)', 'Technical provider', '', 'N2', '', '', 'Provider B'],
        // Year 11s now: Year 10 counts, a Year 9 encounter is the earlier phase
        ['2024-10-10', 'ITP (Y9)', 'Technical provider', 'Y9', '', '', '', 'Provider C'],
        ['2024-11-10', 'ITP (Y10)', 'Technical provider', '', 'E1, E2', '', '', 'Provider A'],
        ['2025-09-01', 'ITP (Y11, September)', 'Technical provider', '', 'E1', '', '', ' provider a '], // the same provider as in Year 10
        // A college visit marked as provider access counts; a technical provider marked No does not
        ['2025-12-10', 'College visit with PAL', 'Further education', '', 'E2', 'Yes', '', 'College D'],
        ['2025-12-11', 'ITP not PAL', 'Technical provider', '', 'N1, N2', 'No', '', 'Provider E'],
      ],
    });
    expect(metCohort(s, 'bm7.provider-access')).toEqual([2, 4]);
    const missing = s.coverage.pupils.filter((_, r) => s.coverage.columns.find((c) => c.key === 'bm7.provider-access')!.cells[r] === NOT_MET);
    expect(missing.map((p) => p.id)).toEqual(['N1', 'E1']);
  });

  it('bm8: guidance meetings with Level 6 staff, one by 16 and two by 18; others do not count and the note says so', () => {
    const s = score({
      pupils: [['A', 11], ['B', 11], ['C', 13], ['D', 13]],
      meetings: [
        ['2025-11-01', 'A', 'CA', 'Guidance'],
        ['2025-11-01', 'B', 'CL', 'Guidance'], // not Level 6
        ['2025-11-02', 'B', 'CA', 'Careers support'], // not a guidance meeting
        ['2024-05-01', 'C', 'CA', 'IAG'],
        ['2025-12-01', 'C', 'CA', 'Guidance interview'],
        ['2025-12-01', 'D', 'CA', 'Guidance'],
        ['2025-12-02', 'D', 'CL', 'Guidance'],
      ],
    });
    expect(metCohort(s, 'bm8.by16')).toEqual([1, 2]);
    expect(metCohort(s, 'bm8.by18')).toEqual([1, 2]);
    expect(criterion(s, 'bm8.by16').note).toBe('1 guidance meeting with staff not marked Level 6 in the Staff tab does not count.');
  });

  it('a measured criterion whose cohort is empty does not apply', () => {
    const s = score({ pupils: yearGroup('p', 7, 3), audit: [[6, 'Workplace policy', 'Achieved']] });
    const bm6 = s.benchmarks[5];
    expect(criterion(s, 'bm6.by16')).toMatchObject({ met: 0, cohort: 0, value: null });
    expect(bm6.score).toBe(100);
    expect(bm6.status).toBe('Achieved');
    expect(s.coverage.columns.map((c) => c.key)).toEqual(['bm2.information', 'bm4.curriculum', 'bm5.employers']);
  });
});

describe('audit criteria and benchmark scores', () => {
  it('Achieved 1, Partially achieved 0.5, Not achieved and blank 0, N/A left out', () => {
    const s = score({
      audit: [
        [1, 'Programme', 'Achieved'],
        [1, 'Leader', 'Partially achieved'],
        [1, 'Website', ''],
        [1, 'Evaluation', 'Not achieved'],
        [1, 'PAL policy', 'N/A'],
      ],
    });
    const bm1 = s.benchmarks[0];
    expect(bm1.criteria.map((c) => c.value)).toEqual([1, 0.5, 0, 0, null]);
    expect(bm1.criteria.map((c) => (c.kind === 'audit' ? [c.row, c.rating] : null))).toEqual([[2, 'Achieved'], [3, 'Partially achieved'], [4, null], [5, 'Not achieved'], [6, 'N/A']]);
    expect(bm1.score).toBe(37.5);
    expect(bm1.status).toBe('In progress');
    expect(bm1.rag).toBe('red');
  });

  it('a benchmark with no applicable criterion is Not assessed', () => {
    const s = score({ audit: [[1, 'Only N/A', 'N/A']] });
    expect(s.benchmarks[0]).toMatchObject({ score: null, status: 'Not assessed', rag: null });
    expect(s.benchmarks[1]).toMatchObject({ score: null, status: 'Not assessed', rag: null });
  });

  it('status: Achieved when every criterion is 1, Not started when every one is 0', () => {
    const all = (v: number[]) => scoreBenchmark(1, v.map((value, i) => ({ kind: 'audit', benchmark: 1, label: `c${i}`, row: i + 2, rating: null, value })), 100, 50);
    expect(all([1, 1]).status).toBe('Achieved');
    expect(all([0, 0]).status).toBe('Not started');
    expect(all([0, 0.5]).status).toBe('In progress');
    expect(all([1, 0]).status).toBe('In progress');
  });

  it('rounds half up to one decimal, including halves that floating point stores just below', () => {
    expect(roundHalfUp(6.25)).toBe(6.3);
    expect(roundHalfUp(100 * (23 / 80))).toBe(28.8); // 28.749999999999996 in floating point
    expect(roundHalfUp(28.74)).toBe(28.7);
    expect(roundHalfUp(66.66666)).toBe(66.7);
    const s = score({ pupils: yearGroup('p', 7, 80), activities: [['2025-10-01', 'LMI', 'Careers information', '', yearGroup('p', 7, 23).map(([id]) => id).join(', ')]] });
    expect(s.benchmarks[1].score).toBe(28.8);
  });

  it('takes the RAG colour from the unrounded score', () => {
    // 1999 of 2000: 99.95, shown as 100.0 but below Green at 100
    const s = score({
      pupils: [...yearGroup('p', 7, 1999), ['late', 8]],
      activities: [['2025-10-01', 'LMI', 'Careers information', 'Y7', '']],
    });
    expect(s.benchmarks[1]).toMatchObject({ score: 100, status: 'In progress', rag: 'amber' });
    expect(s.benchmarks[1].exact).toBeCloseTo(99.95, 10);
    expect(ragFor(49.99, 100, 50)).toBe('red');
    expect(ragFor(50, 100, 50)).toBe('amber');
    expect(ragFor(100, 100, 50)).toBe('green');
  });

  it('follows the Green at and Amber at settings', () => {
    const s = score({ audit: [[1, 'a', 'Achieved'], [1, 'b', 'Achieved'], [1, 'c', 'Achieved'], [1, 'd', 'Partially achieved']], settings: [['Green at', 80], ['Amber at', 30]] });
    expect(s.benchmarks[0]).toMatchObject({ score: 87.5, rag: 'green', status: 'In progress' });
  });

  it('averages measured and audit criteria together, and counts achieved benchmarks for the headline', () => {
    const s = score({
      pupils: yearGroup('p', 7, 4),
      activities: [['2025-10-01', 'Employer talk', 'Employer talk', '', 'p1']],
      audit: [[5, 'Every year', 'Achieved'], [1, 'Programme', 'Achieved']],
    });
    expect(s.benchmarks[4]).toMatchObject({ score: 62.5, status: 'In progress' });
    expect(s.benchmarks[0].status).toBe('Achieved');
    expect(s.achieved).toBe(1);
    expect(headline(s.achieved)).toBe('1 of 8 benchmarks achieved (indicative, from this tracker)');
    expect(s.benchmarks[4]).toMatchObject({ measured: 25, selfAssessed: 100 });
    expect(s.benchmarks[0]).toMatchObject({ measured: null, selfAssessed: 100, score: 100 });
  });
});

describe('coverage', () => {
  it('lists pupils on roll by year, form and name against the criteria that apply to them', () => {
    const s = score({
      pupils: [['B', 11], ['A', 11], ['C', 7], ['L', '', 2025]],
      activities: [['2025-10-01', 'Employer talk', 'Employer talk', '', 'A']],
    });
    expect(s.coverage.pupils.map((p) => p.id)).toEqual(['C', 'A', 'B']);
    const col = (key: string) => Array.from(s.coverage.columns.find((c) => c.key === key)!.cells);
    expect(col('bm5.employers')).toEqual([NOT_MET, MET, NOT_MET]);
    expect(col('bm6.by16')).toEqual([0, NOT_MET, NOT_MET]);
    expect(s.coverage.columns.some((c) => c.key === 'bm3.destinations')).toBe(false);
  });
});

describe('speed', () => {
  it('expands a year-group activity with a lookup, not a scan of every pupil', () => {
    const pupils = yearGroup('p', 9, 3000);
    const activities = Array.from({ length: 40 }, (_, k) => [`2025-10-${String((k % 28) + 1).padStart(2, '0')}`, `A${k}`, 'Employer encounter', 'Y9', ''] as [string, string, string, string, string]);
    const s = score({ pupils, activities });
    expect(s.pairs).toBe(120_000);
    expect(metCohort(s, 'bm5.employers')).toEqual([3000, 3000]);
  });
});
