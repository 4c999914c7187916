/**
 * The revised and new criteria of activities-and-scores.md, each at its edges, through the
 * criterion table on its own (`evaluate`), and the attendee rule with forms, named pupils and
 * absentees together.
 */
import { describe, expect, it } from 'vitest';
import { CRITERIA, CRITERIA_BY_KEY, type CriterionKey, evaluate, gatherFacts } from '../../src/domain/criteria';
import { attendeesOf, checkAbsentees } from '../../src/domain/attendees';
import { breakdownRows, computeScores } from '../../src/domain/scores';
import { readTracker } from '../../src/domain/tracker';
import { TODAY, makeTabs, makeTracker, type Parts, yearGroup } from './support';

function result(p: Parts, key: CriterionKey, today = TODAY) {
  return evaluate(CRITERIA_BY_KEY[key], gatherFacts(makeTracker(p), today));
}
const metCohort = (p: Parts, key: CriterionKey) => {
  const r = result(p, key);
  return [r.met, r.cohort];
};

describe('the criterion table', () => {
  it('has one definition per key, each with a benchmark, a cohort and a rule', () => {
    expect(new Set(CRITERIA.map((c) => c.key)).size).toBe(CRITERIA.length);
    expect(CRITERIA.map((c) => c.key)).toEqual([
      'bm2.information', 'bm3.records', 'bm3.destinations', 'bm4.curriculum', 'bm5.employers', 'bm6.by16', 'bm6.by18',
      'bm7.by16', 'bm7.he-by18', 'bm7.provider-access', 'bm7.provider-access-post16', 'bm8.by16', 'bm8.by18',
    ]);
    for (const c of CRITERIA) expect(Number(c.key.slice(2, 3))).toBe(c.benchmark);
  });
});

describe('bm6.by16 and bm6.by18: workplace experiences on different days', () => {
  it('two workplace experiences on the same day count once', () => {
    expect(metCohort({
      pupils: [['A', 11]],
      activities: [
        ['2025-11-01', 'Morning visit', 'Workplace visit', '', 'A', '', '', 'Firm 1'],
        ['2025-11-01', 'Afternoon visit', 'Workplace visit', '', 'A', '', '', 'Firm 2'],
      ],
    }, 'bm6.by16')).toEqual([0, 1]);
  });

  it('two on different days meet by 16; an activity counting for 6 by its Benchmarks column counts; one after today does not', () => {
    const p: Parts = {
      pupils: [['A', 11], ['B', 11]],
      activities: [
        ['2024-06-01', 'Y9 visit', 'Workplace visit', 'Y9', ''],
        ['2025-11-01', 'Employer project', 'Employer encounter', '', 'A', '', '5, 6'],
        ['2026-03-03', 'Tomorrow', 'Workplace visit', '', 'B'],
      ],
    };
    expect(metCohort(p, 'bm6.by16')).toEqual([1, 2]);
  });

  it('by 18 needs three different days', () => {
    const p: Parts = {
      pupils: [['C', 13], ['D', 13]],
      activities: [
        ['2023-07-01', 'Y10 work experience', 'Work experience', 'Y10', ''],
        ['2025-07-01', 'Y12 work experience', 'Work experience', 'Y12', ''],
        ['2025-07-01', 'Same day, again', 'Work shadowing', '', 'C'],
        ['2026-01-10', 'Shadowing', 'Work shadowing', '', 'D'],
      ],
    };
    expect(metCohort(p, 'bm6.by18')).toEqual([1, 2]);
  });
});

describe('bm7.by16: one of each of Further education, Higher education and Technical provider', () => {
  const base: Parts['activities'] = [
    ['2023-10-01', 'College visit', 'College visit', 'Y9', ''],
    ['2025-03-01', 'University visit', 'University visit', 'Y10', ''],
  ];
  it('needs all three types, ever', () => {
    const p: Parts = {
      pupils: [['A', 11], ['B', 11]],
      activities: [...base!, ['2025-12-01', 'Apprenticeship talk', 'Apprenticeship provider', '', 'A']],
    };
    expect(metCohort(p, 'bm7.by16')).toEqual([1, 2]);
  });

  it('an Other activity counting for 7 counts as none of them', () => {
    const p: Parts = {
      pupils: [['A', 11]],
      activities: [...base!, ['2025-12-01', 'Skills show', 'Other', '', 'A', '', '7', 'Training provider X']],
    };
    expect(metCohort(p, 'bm7.by16')).toEqual([0, 1]);
  });

  it('an activity of the type that does not count for 7 (its Benchmarks column says otherwise) does not count', () => {
    const p: Parts = {
      pupils: [['A', 11]],
      activities: [...base!, ['2025-12-01', 'ITP gives an LMI talk', 'Technical provider', '', 'A', '', '2']],
    };
    expect(metCohort(p, 'bm7.by16')).toEqual([0, 1]);
  });
});

describe('bm7.he-by18: two Higher education activities by 18', () => {
  it('counts activities of type Higher education only', () => {
    const p: Parts = {
      pupils: [['C', 13], ['D', 13], ['E', 13]],
      activities: [
        ['2024-11-01', 'University open day', 'University visit', 'Y12', ''],
        ['2025-11-01', 'University taster', 'Higher education', '', 'C, D'],
        ['2025-12-01', 'College visit', 'Further education', '', 'E'],
      ],
    };
    expect(metCohort(p, 'bm7.he-by18')).toEqual([2, 3]);
    expect(metCohort({ pupils: [['A', 11]] }, 'bm7.he-by18')).toEqual([0, 0]);
  });
});

describe('bm7.provider-access: different providers', () => {
  const pal = (provider: string, provider2: string): Parts => ({
    pupils: [['A', 11]],
    activities: [
      ['2024-10-01', 'ITP 1', 'Technical provider', 'Y10', '', '', '', provider],
      ['2025-10-01', 'ITP 2', 'Technical provider', 'Y11', '', '', '', provider2],
    ],
  });
  it('two encounters with the same provider (trimmed, any case) do not meet it', () => {
    expect(metCohort(pal('Kent Training', '  kent   TRAINING '), 'bm7.provider-access')).toEqual([0, 1]);
  });
  it('blank providers count as one unknown provider', () => {
    expect(metCohort(pal('', ''), 'bm7.provider-access')).toEqual([0, 1]);
    expect(metCohort(pal('', 'Kent Training'), 'bm7.provider-access')).toEqual([1, 1]);
  });
});

describe('bm7.provider-access-post16: the third key phase, for the school', () => {
  const sixthForm = [['S1', 12], ['S2', 13]] as Parts['pupils'];
  const act = (date: string, years: string, provider: string, pal = 'Yes'): NonNullable<Parts['activities']>[number] =>
    [date, `PAL ${date}`, 'Employer encounter', years, '', pal, '', provider];

  it('does not apply without pupils on roll in Year 12 or 13', () => {
    expect(result({ pupils: [['A', 11]], activities: [act('2025-10-01', 'Y11', 'X')] }, 'bm7.provider-access-post16').value).toBeNull();
  });

  it('is 0 with none, 0.5 with one, 0.5 with two from one provider, 1 with two providers', () => {
    const v = (acts: Parts['activities']) => result({ pupils: sixthForm, activities: acts }, 'bm7.provider-access-post16').value;
    expect(v([])).toBe(0);
    expect(v([act('2025-10-01', 'Y12', 'College A')])).toBe(0.5);
    expect(v([act('2025-10-01', 'Y12', 'College A'), act('2026-01-01', 'Y13', 'college a')])).toBe(0.5);
    expect(v([act('2025-10-01', 'Y12', 'College A'), act('2026-01-01', 'Y13', '')])).toBe(1);
    expect(v([act('2025-10-01', 'Y12', ''), act('2026-01-01', 'Y13', '')])).toBe(0.5);
  });

  it('counts from the start of last academic year (when today\'s Year 13 started Year 12) to today', () => {
    const v = (acts: Parts['activities']) => result({ pupils: sixthForm, activities: acts }, 'bm7.provider-access-post16').value;
    expect(v([act('2024-09-01', 'Y12', 'College A'), act('2026-03-02', 'Y12', 'College B')])).toBe(1);
    expect(v([act('2024-08-31', 'Y12', 'College A'), act('2026-03-02', 'Y12', 'College B')])).toBe(0.5);
    expect(v([act('2024-10-01', 'Y12', 'College A'), act('2026-03-03', 'Y12', 'College B')])).toBe(0.5);
  });

  it('counts only activities for Year 12 or 13 marked as provider access', () => {
    const v = (acts: Parts['activities']) => result({ pupils: sixthForm, activities: acts }, 'bm7.provider-access-post16').value;
    expect(v([act('2025-10-01', 'Y11', 'College A'), act('2025-10-02', 'Y12', 'College B')])).toBe(0.5);
    expect(v([act('2025-10-01', 'Y12', 'College A', 'No'), act('2025-10-02', 'Y12', 'College B')])).toBe(0.5);
    // A Year 12 pupil named on an activity makes it one for Year 12
    expect(v([[ '2025-10-01', 'Named', 'Technical provider', '', 'S1', '', '', 'ITP 1'], act('2025-10-02', 'Y13', 'ITP 2')])).toBe(1);
  });

  it('is a measured criterion with cohort "school"; in the scores as met of 2 providers', () => {
    const s = computeScores(makeTracker({ pupils: sixthForm, activities: [act('2025-10-01', 'Y12', 'College A')] }), TODAY);
    const c = s.benchmarks[6].criteria.find((x) => x.kind === 'measured' && x.key === 'bm7.provider-access-post16');
    expect(c).toMatchObject({ kind: 'measured', level: 'school', cohortLabel: 'school', met: 1, cohort: 2, value: 0.5 });
    expect(s.breakdowns.map((b) => b.key)).not.toContain('bm7.provider-access-post16');
  });
});

describe('bm3.destinations: recent leavers with consent to track', () => {
  it('leaves out leavers whose consent is no; blank consent is in', () => {
    const p: Parts = {
      pupils: [['L1', '', 2025, '', '', '', '', 'No'], ['L2', '', 2025, '', '', '', '', ''], ['L3', '', 2025, '', '', '', '', 'Yes']],
      destinations: [['L1', '2026-01-10', 'Sixth form'], ['L2', '2026-01-10', 'Apprenticeship'], ['L3', '2026-01-10', 'Not known']],
    };
    expect(metCohort(p, 'bm3.destinations')).toEqual([1, 2]);
  });
});

describe('breakdowns: the fewer-than-5 rule', () => {
  // Year 7: 5 SEN support (3 met), 4 EHCP (all met), 5 disadvantaged (1 met), 6 others (3 met)
  const pupils: Parts['pupils'] = [
    ...yearGroup('s', 7, 5).map(([id]) => [id, 7, '', '', 'SEN support'] as const),
    ...yearGroup('e', 7, 4).map(([id]) => [id, 7, '', '', 'EHCP'] as const),
    ...yearGroup('d', 7, 5).map(([id]) => [id, 7, '', '', '', '', 'Yes'] as const),
    ...yearGroup('r', 7, 6),
  ] as Parts['pupils'];
  const s = computeScores(makeTracker({
    pupils,
    activities: [['2025-10-01', 'LMI', 'Careers information', '', 's1, s2, s3, e1, e2, e3, e4, d1, r1, r2, r3']],
  }), TODAY);
  const bd = s.breakdowns.find((b) => b.key === 'bm2.information')!;
  const g = Object.fromEntries(bd.groups.map((x) => [x.group, x]));

  it('a group of exactly 4 shows no figures; exactly 5 does', () => {
    expect(g.ehcp).toEqual({ group: 'ehcp', pupils: 4, met: null, pct: null, gap: null });
    expect(g.disadvantaged).toEqual({ group: 'disadvantaged', pupils: 5, met: 1, pct: 20, gap: -30 });
    expect(g.lookedAfter).toEqual({ group: 'lookedAfter', pupils: 0, met: null, pct: null, gap: null });
  });

  it('SEND is SEN support or EHCP; the rest is none of the groups; the gap is to the rest, in points', () => {
    expect(g.all).toEqual({ group: 'all', pupils: 20, met: 11, pct: 55, gap: null });
    expect(g.send).toEqual({ group: 'send', pupils: 9, met: 7, pct: 77.8, gap: 27.8 });
    expect(g.rest).toEqual({ group: 'rest', pupils: 6, met: 3, pct: 50, gap: null });
    expect(bd.groups.map((x) => x.group)).toEqual(['all', 'send', 'ehcp', 'lookedAfter', 'disadvantaged', 'rest']);
  });

  it('a rest of fewer than 5 hides every gap', () => {
    const rows = breakdownRows({
      all: { pupils: 12, met: 6 }, send: { pupils: 8, met: 4 }, ehcp: { pupils: 0, met: 0 }, lookedAfter: { pupils: 0, met: 0 },
      disadvantaged: { pupils: 5, met: 1 }, rest: { pupils: 4, met: 4 },
    });
    expect(rows.map((r) => r.gap)).toEqual([null, null, null, null, null, null]);
    expect(rows.find((r) => r.group === 'send')!.pct).toBe(50);
  });

  it('leaves out criteria that do not apply', () => {
    expect(s.breakdowns.map((b) => b.key)).toEqual(['bm2.information', 'bm4.curriculum', 'bm5.employers']);
  });
});

describe('the attendee rule: year groups, forms, named pupils, absentees', () => {
  const tabs = makeTabs({
    pupils: [['A', 10, '', '10X'], ['B', 10, '', '10Y'], ['C', 9, '', '9P'], ['D', 9, '', '9P'], ['E', 9, '', '9Q'], ['F', 11, '', '11Z'], ['L', '', 2025, '9P']],
    activities: [
      // Year 10, form 9P, and F by name; minus A (in Year 10) and D (in 9P)
      ['2025-10-01', 'Fair', 'Employer encounter', 'Y10', 'F', '', '', '', ' 9p ', 'A; D'],
      // E and F are not attendees: both are problems and dropped
      ['2025-10-02', 'Talk', 'Employer encounter', '', 'C', '', '', '', '', 'E, F, C'],
      // forms only
      ['2025-10-03', 'Form time', 'Careers information', '', '', '', '', '', '10Y'],
      // nothing says who attended
      ['2025-10-04', 'Nobody', 'Careers information', '', '', '', '', '', '', 'A'],
    ],
  });
  const tracker = readTracker(tabs);

  it('is the year groups and forms and named pupils, minus the absent', () => {
    const ids = (k: number) => attendeesOf(tracker, tracker.activities[k], TODAY).map((p) => p.id).sort();
    expect(ids(0)).toEqual(['B', 'C', 'F']);
    expect(ids(1)).toEqual([]);
    expect(ids(2)).toEqual(['B']);
    expect(tracker.activities).toHaveLength(3);
    expect(tracker.problems.map((p) => [p.row, p.column])).toEqual([[5, 'Year groups']]);
  });

  it('an Absent ID that is not an attendee is a problem and is dropped', () => {
    const t = readTracker(makeTabs({
      pupils: [['C', 9, '', '9P'], ['E', 9, '', '9Q'], ['F', 11, '', '11Z']],
      activities: [['2025-10-02', 'Talk', 'Employer encounter', '', 'C', '', '', '', '9P', 'E, F, C, nobody']],
    }));
    checkAbsentees(t, TODAY);
    expect(t.activities[0].absent).toEqual(['c']);
    expect(t.problems.map((p) => [p.tab, p.row, p.column, p.value])).toEqual([
      ['Activities', 2, 'Absent', 'E, F, C, nobody'],
      ['Activities', 2, 'Absent', 'E'],
      ['Activities', 2, 'Absent', 'F'],
    ]);
    expect(t.problems[1].message).toMatch(/Name E \(E\) is listed as absent but was not in a listed year group or form/);
  });

  it('counts in the scores: an absentee misses the encounter', () => {
    const s = computeScores(tracker, TODAY);
    expect(s.benchmarks[4].criteria.find((c) => c.kind === 'measured')).toMatchObject({ met: 3, cohort: 6 });
  });
});
