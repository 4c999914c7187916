/**
 * The measured criteria (rules.md "Benchmark scores" as revised by activities-and-scores.md),
 * each a small named definition in one table: its key, benchmark, cohort and rule. The facts
 * they read are gathered once per run by `gatherFacts` (one pass over each tab, per-pupil
 * counts in typed arrays indexed by pupil), so a criterion is added, changed or tested on its
 * own: `evaluate(CRITERIA_BY_KEY['bm6.by16'], facts)`. Pure: no I/O.
 */
import { type AcademicYear, type Day, academicYearOf, academicYearStarting, addDays, daysBetween, formatLongDay, makeDay } from './calendar';
import { type PupilIndex, forEachAttendee, indexPupils } from './attendees';
import type { Tracker } from './tracker';
import { statusGroup } from './nccis';

export type CriterionKey =
  | 'bm2.information' | 'bm3.records' | 'bm3.destinations' | 'bm4.curriculum' | 'bm5.employers'
  | 'bm6.by16' | 'bm6.by18' | 'bm7.by16' | 'bm7.he-by18' | 'bm7.provider-access' | 'bm7.provider-access-post16'
  | 'bm8.by16' | 'bm8.by18';

/** A destination is known unless its status group (destinations.md, NCCIS) is `Not known`. */
export const destinationKnown = (status: string): boolean => statusGroup(status) !== 'Not known';

/** Activity types that count for `bm7.by16` (when the activity counts for Benchmark 7). */
export const BM7_TYPES = ['Further education', 'Higher education', 'Technical provider'] as const;

/** Everything the criteria read, gathered once per run. Per-pupil arrays are indexed like `tracker.pupils`. */
export interface Facts {
  tracker: Tracker;
  today: Day;
  ay: AcademicYear;
  index: PupilIndex;
  n: number;
  /** Year for pupils on roll, 0 for leavers */
  year: Int8Array;
  firstRecentLeaverYear: number;
  /** attended an activity counting for 2 / 4 / 5 this year */
  info: Uint8Array;
  curriculum: Uint8Array;
  employers: Uint8Array;
  /** different days with an activity counting for 6, ever (capped at 255) */
  workplaceDays: Uint8Array;
  /** bit 1 Further education, 2 Higher education, 4 Technical provider: activities of that type counting for 7, ever */
  providerTypes: Uint8Array;
  /** activities of type Higher education counting for 7, ever (capped at 255) */
  higherEducation: Uint8Array;
  /** provider access encounters in the pupil's current key phase */
  providerAccess: Uint16Array;
  /** distinct providers among them: 0, 1 or 2 (2 = two or more) */
  providerAccessProviders: Uint8Array;
  metThisYear: Uint8Array;
  guidance: Uint16Array;
  unqualifiedGuidance: Uint16Array;
  destination: Uint8Array;
  staleDestination: Uint8Array;
  /** the third key phase, for the whole school */
  post16: { from: Day; encounters: number; providers: number };
  /** attendee-activity pairs counted */
  pairs: number;
}

/** A provider as the rules compare it: trimmed, case-insensitive; blank is one "unknown provider". */
export function providerKey(provider: string | null): string {
  return (provider ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function gatherFacts(tracker: Tracker, today: Day): Facts {
  const { settings } = tracker;
  const start = settings.academicYearStart;
  const ay = academicYearOf(today, start);
  const index = indexPupils(tracker.pupils, today, start, settings.trackerYear);
  const n = tracker.pupils.length;
  const year = new Int8Array(n);
  for (let i = 0; i < n; i++) year[i] = tracker.pupils[i].year ?? 0;
  const f: Facts = {
    tracker, today, ay, index, n, year,
    firstRecentLeaverYear: ay.startYear - settings.bulletinLeaverYears + 1,
    info: new Uint8Array(n), curriculum: new Uint8Array(n), employers: new Uint8Array(n),
    workplaceDays: new Uint8Array(n), providerTypes: new Uint8Array(n), higherEducation: new Uint8Array(n),
    providerAccess: new Uint16Array(n), providerAccessProviders: new Uint8Array(n),
    metThisYear: new Uint8Array(n), guidance: new Uint16Array(n), unqualifiedGuidance: new Uint16Array(n),
    destination: new Uint8Array(n), staleDestination: new Uint8Array(n),
    post16: { from: academicYearStarting(ay.startYear - 1, start).start, encounters: 0, providers: 0 },
    pairs: 0,
  };
  gatherActivities(f);
  gatherMeetings(f);
  gatherDestinations(f);
  return f;
}

function gatherActivities(f: Facts): void {
  const { index, today, ay, year } = f;
  const n = f.n;
  const seen = new Int32Array(n).fill(-1);
  // Workplace experiences count once per day: activities are taken in date order, and a pupil's
  // last counted day is kept, so two on the same day count once.
  const lastWorkplaceDay = new Int32Array(n).fill(-1);
  const firstProvider = new Int32Array(n).fill(-1);
  const providerIds = new Map<string, number>();
  const post16Providers = new Set<number>();
  const phaseWindow = new Map<number, [Day, Day]>();
  const activities = f.tracker.activities.filter((a) => a.date <= today).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let dayNo = -1;
  let lastDate = '';
  activities.forEach((a, k) => {
    if (a.date !== lastDate) {
      dayNo++;
      lastDate = a.date;
    }
    const thisYear = a.date >= ay.start;
    const c2 = thisYear && a.benchmarks.includes(2);
    const c4 = thisYear && a.benchmarks.includes(4);
    const c5 = thisYear && a.benchmarks.includes(5);
    const c6 = a.benchmarks.includes(6);
    const c7 = a.benchmarks.includes(7);
    const typeBit = c7 ? (1 << BM7_TYPES.indexOf(a.type as (typeof BM7_TYPES)[number])) & 7 : 0;
    const he = typeBit === 2;
    const pa = a.providerAccess;
    const post16 = pa && a.date >= f.post16.from;
    if (!(c2 || c4 || c5 || c6 || c7 || pa)) return;
    const key = providerKey(a.provider);
    let provider = providerIds.get(key);
    if (provider === undefined) {
      provider = providerIds.size;
      providerIds.set(key, provider);
    }
    let forPost16 = post16 && (a.yearGroups.includes(12) || a.yearGroups.includes(13));
    forEachAttendee(index, a, seen, k, (i, startYear) => {
      f.pairs++;
      if (c2) f.info[i] = 1;
      if (c4) f.curriculum[i] = 1;
      if (c5) f.employers[i] = 1;
      if (c6 && lastWorkplaceDay[i] !== dayNo) {
        lastWorkplaceDay[i] = dayNo;
        if (f.workplaceDays[i] < 255) f.workplaceDays[i]++;
      }
      if (typeBit) f.providerTypes[i] |= typeBit;
      if (he && f.higherEducation[i] < 255) f.higherEducation[i]++;
      if (!pa) return;
      const then = index.offset[i] + startYear;
      if (post16 && !forPost16 && (then === 12 || then === 13)) forPost16 = true;
      if (year[i] === 9 || year[i] === 11) {
        // The key phase is Years 8–9 (or 10–11): any time in the first year, and in the second
        // only those dated 1 September to the end of February (rules.md), whatever the year start.
        let counts = then === year[i] - 1;
        if (then === year[i]) {
          let w = phaseWindow.get(startYear);
          if (w === undefined) {
            w = [makeDay(startYear, 9, 1) as Day, addDays(makeDay(startYear + 1, 3, 1) as Day, -1)];
            phaseWindow.set(startYear, w);
          }
          counts = a.date >= w[0] && a.date <= w[1];
        }
        if (counts) {
          f.providerAccess[i]++;
          if (firstProvider[i] === -1) {
            firstProvider[i] = provider as number;
            f.providerAccessProviders[i] = 1;
          } else if (firstProvider[i] !== provider) {
            f.providerAccessProviders[i] = 2;
          }
        }
      }
    });
    if (forPost16) {
      f.post16.encounters++;
      post16Providers.add(provider);
    }
  });
  f.post16.providers = post16Providers.size;
}

function gatherMeetings(f: Facts): void {
  const { tracker, index, today, ay } = f;
  for (const m of tracker.meetings) {
    if (m.date > today) continue;
    const i = index.byKey.get(m.pupil);
    if (i === undefined) continue;
    if (m.date >= ay.start) f.metThisYear[i] = 1;
    if (m.type === 'Guidance') {
      if (tracker.staffByInitials.get(m.staff)?.level6) f.guidance[i]++;
      else f.unqualifiedGuidance[i]++;
    }
  }
}

function gatherDestinations(f: Facts): void {
  for (const d of f.tracker.destinations) {
    const i = f.index.byKey.get(d.pupil);
    if (i === undefined || !destinationKnown(d.status)) continue;
    const age = daysBetween(d.checked, f.today);
    if (age >= 0 && age <= 365) f.destination[i] = 1;
    else if (age > 365) f.staleDestination[i] = 1;
  }
}

// ---- The criteria ----

interface CriterionBase {
  key: CriterionKey;
  benchmark: number;
  /** what it asks, in the Scores tab */
  label: string;
  /** the Coverage tab's column heading */
  short: string;
  note?: (f: Facts) => string | null;
}

/** A criterion about pupils: value = met / cohort. */
export interface PupilCriterion extends CriterionBase {
  level: 'pupil';
  /** who is counted, in words */
  cohortLabel: (f: Facts) => string;
  /** about pupils on roll (a Coverage column) */
  onRoll: boolean;
  cohort: (f: Facts, i: number) => boolean;
  rule: (f: Facts, i: number) => boolean;
}

/** A criterion about the whole school: its value comes from `school` (null: does not apply). */
export interface SchoolCriterion extends CriterionBase {
  level: 'school';
  school: (f: Facts) => { met: number; cohort: number } | null;
}

export type CriterionDefinition = PupilCriterion | SchoolCriterion;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const onRoll = (f: Facts, i: number) => f.year[i] !== 0;
const inYears = (...ys: number[]) => (f: Facts, i: number) => ys.includes(f.year[i]);
const label = (s: string) => () => s;

function unqualifiedNote(cohort: (f: Facts, i: number) => boolean) {
  return (f: Facts): string | null => {
    let c = 0;
    for (let i = 0; i < f.n; i++) if (f.unqualifiedGuidance[i] > 0 && cohort(f, i)) c += f.unqualifiedGuidance[i];
    return c === 0 ? null : `${plural(c, 'guidance meeting')} with staff not marked Level 6 in the Staff tab ${c === 1 ? 'does' : 'do'} not count.`;
  };
}

export const recentLeaverWithConsent = (f: Facts, i: number): boolean => {
  const p = f.tracker.pupils[i];
  return p.leaverYear !== null && p.leaverYear >= f.firstRecentLeaverYear && p.consent !== false;
};

export const CRITERIA: CriterionDefinition[] = [
  {
    key: 'bm2.information', benchmark: 2, level: 'pupil', onRoll: true, cohortLabel: label('pupils on roll'),
    label: 'Took part in a careers and labour market information activity this year',
    short: 'BM2 careers information this year',
    cohort: onRoll, rule: (f, i) => f.info[i] === 1,
  },
  {
    key: 'bm3.records', benchmark: 3, level: 'pupil', onRoll: true, cohortLabel: label('pupils on roll in Years 9–13'),
    label: 'Had a careers meeting recorded in Meetings this year',
    short: 'BM3 meeting recorded this year',
    cohort: inYears(9, 10, 11, 12, 13), rule: (f, i) => f.metThisYear[i] === 1,
  },
  {
    key: 'bm3.destinations', benchmark: 3, level: 'pupil', onRoll: false,
    cohortLabel: (f) => `leavers of ${f.firstRecentLeaverYear} onwards with consent to track`,
    label: 'Leaver\'s destination known, checked in the last 365 days',
    short: 'BM3 destination known',
    cohort: recentLeaverWithConsent, rule: (f, i) => f.destination[i] === 1,
    note: (f) => {
      let c = 0;
      for (let i = 0; i < f.n; i++) if (f.staleDestination[i] && !f.destination[i] && recentLeaverWithConsent(f, i)) c++;
      return c === 0 ? null : `${plural(c, 'leaver')} ${c === 1 ? 'has' : 'have'} a known destination only from a check more than 365 days ago, which does not count.`;
    },
  },
  {
    key: 'bm4.curriculum', benchmark: 4, level: 'pupil', onRoll: true, cohortLabel: label('pupils on roll'),
    label: 'Took part in careers learning in a subject this year',
    short: 'BM4 subject link this year',
    cohort: onRoll, rule: (f, i) => f.curriculum[i] === 1,
  },
  {
    key: 'bm5.employers', benchmark: 5, level: 'pupil', onRoll: true, cohortLabel: label('pupils on roll'),
    label: 'Had an encounter with employers this year',
    short: 'BM5 employer encounter this year',
    cohort: onRoll, rule: (f, i) => f.employers[i] === 1,
  },
  {
    key: 'bm6.by16', benchmark: 6, level: 'pupil', onRoll: true, cohortLabel: label('Year 11'),
    label: 'By 16: experiences of workplaces on at least two different days',
    short: 'BM6 workplaces on 2 days by 16',
    cohort: inYears(11), rule: (f, i) => f.workplaceDays[i] >= 2,
  },
  {
    key: 'bm6.by18', benchmark: 6, level: 'pupil', onRoll: true, cohortLabel: label('Year 13'),
    label: 'By 18: experiences of workplaces on at least three different days',
    short: 'BM6 workplaces on 3 days by 18',
    cohort: inYears(13), rule: (f, i) => f.workplaceDays[i] >= 3,
  },
  {
    key: 'bm7.by16', benchmark: 7, level: 'pupil', onRoll: true, cohortLabel: label('Year 11'),
    label: 'By 16: encounters with further education, higher education and a technical provider (at least one of each)',
    short: 'BM7 FE, HE and technical provider by 16',
    cohort: inYears(11), rule: (f, i) => f.providerTypes[i] === 7,
  },
  {
    key: 'bm7.he-by18', benchmark: 7, level: 'pupil', onRoll: true, cohortLabel: label('Year 13'),
    label: 'By 18: at least two encounters with higher education',
    short: 'BM7 two HE encounters by 18',
    cohort: inYears(13), rule: (f, i) => f.higherEducation[i] >= 2,
  },
  {
    key: 'bm7.provider-access', benchmark: 7, level: 'pupil', onRoll: true, cohortLabel: label('Years 9 and 11'),
    label: 'At least two provider access encounters, from at least two different providers, in this key phase (Years 8–9 or 10–11; in Year 9 or 11 only up to the end of February)',
    short: 'BM7 two provider access encounters',
    cohort: inYears(9, 11), rule: (f, i) => f.providerAccess[i] >= 2 && f.providerAccessProviders[i] >= 2,
  },
  {
    key: 'bm7.provider-access-post16', benchmark: 7, level: 'school',
    label: 'Years 12 and 13: at least two provider access encounters from two different providers in the third key phase',
    short: 'BM7 provider access in Years 12–13',
    school: (f) => {
      let any = false;
      for (let i = 0; i < f.n && !any; i++) any = f.year[i] === 12 || f.year[i] === 13;
      return any ? { met: Math.min(f.post16.providers, 2), cohort: 2 } : null;
    },
    note: (f) => `${plural(f.post16.encounters, 'provider access encounter')} for Year 12 or 13 since ${formatLongDay(f.post16.from)}, from ${plural(f.post16.providers, 'provider')} (a blank Provider counts as one unknown provider).`,
  },
  {
    key: 'bm8.by16', benchmark: 8, level: 'pupil', onRoll: true, cohortLabel: label('Year 11'),
    label: 'By 16: at least one guidance meeting with a Level 6 adviser',
    short: 'BM8 Level 6 guidance by 16',
    cohort: inYears(11), rule: (f, i) => f.guidance[i] >= 1, note: unqualifiedNote(inYears(11)),
  },
  {
    key: 'bm8.by18', benchmark: 8, level: 'pupil', onRoll: true, cohortLabel: label('Year 13'),
    label: 'By 18: at least two guidance meetings with a Level 6 adviser',
    short: 'BM8 two Level 6 guidance meetings by 18',
    cohort: inYears(13), rule: (f, i) => f.guidance[i] >= 2, note: unqualifiedNote(inYears(13)),
  },
];

export const CRITERIA_BY_KEY = Object.fromEntries(CRITERIA.map((c) => [c.key, c])) as Record<CriterionKey, CriterionDefinition>;

/** One criterion's result. */
export interface Evaluated {
  met: number;
  cohort: number;
  /** met / cohort; null when it does not apply */
  value: number | null;
  cohortLabel: string;
  note: string | null;
}

/** Per pupil: 0 not in the cohort, 1 in it and not met, 2 met (the Coverage tab's cells). */
export function pupilStates(def: PupilCriterion, f: Facts): Uint8Array {
  const states = new Uint8Array(f.n);
  for (let i = 0; i < f.n; i++) if (def.cohort(f, i)) states[i] = def.rule(f, i) ? 2 : 1;
  return states;
}

/** One criterion on its own; `states` when already worked out (pupilStates). */
export function evaluate(def: CriterionDefinition, f: Facts, states?: Uint8Array): Evaluated {
  if (def.level === 'school') {
    const r = def.school(f);
    return {
      met: r?.met ?? 0, cohort: r?.cohort ?? 0, value: r && r.cohort > 0 ? r.met / r.cohort : null,
      cohortLabel: 'school', note: r && def.note ? def.note(f) : null,
    };
  }
  const st = states ?? pupilStates(def, f);
  let met = 0;
  let cohort = 0;
  for (let i = 0; i < st.length; i++) {
    if (st[i] === 0) continue;
    cohort++;
    if (st[i] === 2) met++;
  }
  return { met, cohort, value: cohort === 0 ? null : met / cohort, cohortLabel: def.cohortLabel(f), note: def.note ? def.note(f) : null };
}
