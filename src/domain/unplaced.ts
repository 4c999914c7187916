/**
 * Unplaced Year 11s (rules.md, "Unplaced Year 11"): who has no accepted post-16 place, how worried
 * to be (amber or red) and why, in the order the rules list the reasons.
 */
import { type Day, academicYearOf, daysBetween, deadlineInAcademicYear } from './calendar';
import type { Pupil, Tracker } from './tracker';

export type ReasonCode =
  | 'no-application' | 'no-offer' | 'offer-not-accepted' | 'no-live-application' | 'no-plan-b'
  | 'low-attendance' | 'no-mentor' | 'no-recent-meeting' | 'overdue-actions' | 'no-guidance'
  | 'no-platform-login' | 'ehcp' | 'looked-after';

/** The reasons in the order the rules list them (and every list of reasons is in). */
export const REASON_ORDER: ReasonCode[] = [
  'no-application', 'no-offer', 'offer-not-accepted', 'no-live-application', 'no-plan-b', 'low-attendance',
  'no-mentor', 'no-recent-meeting', 'overdue-actions', 'no-guidance', 'no-platform-login', 'ehcp', 'looked-after',
];

export const REASON_WORDS: Record<ReasonCode, string> = {
  'no-application': 'No application made',
  'no-offer': 'Applied but no offer yet',
  'offer-not-accepted': 'Offer not yet accepted',
  'no-live-application': 'No live application (rejected or withdrawn)',
  'no-plan-b': 'No Plan B',
  'low-attendance': 'Low attendance',
  'no-mentor': 'No mentor',
  'no-recent-meeting': 'No recent careers meeting',
  'overdue-actions': 'Overdue actions',
  'no-guidance': 'No guidance meeting with a qualified (Level 6) adviser',
  'no-platform-login': 'Not logged into the application platform',
  ehcp: 'EHCP',
  'looked-after': 'Looked after',
};

/** Status reasons describe the application; the rest are risk factors, counted towards red. */
export const STATUS_REASONS: ReadonlySet<ReasonCode> = new Set(['no-application', 'no-offer', 'offer-not-accepted', 'no-live-application']);

/** Reasons that stay in the tracker: no email ever names them. */
export const SENSITIVE_REASONS: ReadonlySet<ReasonCode> = new Set(['ehcp', 'looked-after']);

export interface UnplacedFlag {
  pupil: Pupil;
  level: 'red' | 'amber';
  /** red from the application status alone (a deadline passed, or no live application) */
  statusRed: boolean;
  reasons: ReasonCode[];
  daysSinceLastMeeting: number | null;
  lastMeeting: Day | null;
  overdueActions: number;
}

export interface UnplacedResult {
  /** Year 11 pupils on roll, by name */
  cohort: Pupil[];
  placed: Pupil[];
  /** red first, then amber, each by name */
  flagged: UnplacedFlag[];
  /** Year 11s with neither an offer nor an accepted place, by name */
  septemberGuarantee: Pupil[];
}

export interface UnplacedDeadlines {
  application: Day;
  offer: Day;
}

/** The Settings deadlines in the academic year that contains today. */
export function unplacedDeadlines(tracker: Tracker, today: Day): UnplacedDeadlines {
  const s = tracker.settings;
  const ay = academicYearOf(today, s.academicYearStart);
  return { application: deadlineInAcademicYear(ay, s.applicationDeadline), offer: deadlineInAcademicYear(ay, s.offerDeadline) };
}

export function byName(a: Pupil, b: Pupil): number {
  return a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }) || a.key.localeCompare(b.key);
}

export function assessUnplaced(tracker: Tracker, today: Day): UnplacedResult {
  const s = tracker.settings;
  const deadlines = unplacedDeadlines(tracker, today);
  const cohort = tracker.pupils.filter((p) => p.year === 11).sort(byName);
  const inCohort = new Set(cohort.map((p) => p.key));

  // One pass over Meetings and Actions, kept to the cohort.
  const lastMeeting = new Map<string, Day>();
  const guided = new Set<string>();
  for (const m of tracker.meetings) {
    if (!inCohort.has(m.pupil) || m.date > today) continue;
    const prev = lastMeeting.get(m.pupil);
    if (!prev || m.date > prev) lastMeeting.set(m.pupil, m.date);
    if (m.type === 'Guidance' && tracker.staffByInitials.get(m.staff)?.level6) guided.add(m.pupil);
  }
  const overdue = new Map<string, number>();
  for (const a of tracker.actions) {
    if (inCohort.has(a.pupil) && a.status === 'Open' && a.due < today) overdue.set(a.pupil, (overdue.get(a.pupil) ?? 0) + 1);
  }
  const hasPlatformColumn = tracker.pupilColumns.has('platformLogin');

  const placed: Pupil[] = [];
  const flagged: UnplacedFlag[] = [];
  for (const pupil of cohort) {
    if (pupil.status === 'Accepted') {
      placed.push(pupil);
      continue;
    }
    const reasons: ReasonCode[] = [];
    let statusRed = false;
    switch (pupil.status) {
      case null: case 'Not started': case 'Researching':
        reasons.push('no-application');
        statusRed = today >= deadlines.application;
        break;
      case 'Applied': case 'Interview':
        reasons.push('no-offer');
        statusRed = today >= deadlines.offer;
        break;
      case 'Offer':
        reasons.push('offer-not-accepted');
        statusRed = today >= deadlines.offer;
        break;
      case 'Rejected': case 'Withdrawn':
        reasons.push('no-live-application');
        statusRed = true;
        break;
    }
    const last = lastMeeting.get(pupil.key) ?? null;
    const since = last === null ? null : daysBetween(last, today);
    const overdueActions = overdue.get(pupil.key) ?? 0;
    if (!pupil.planB || pupil.planB.trim() === '') reasons.push('no-plan-b');
    if (pupil.attendance !== null && pupil.attendance < s.attendanceThreshold) reasons.push('low-attendance');
    if (!pupil.mentor) reasons.push('no-mentor');
    // A meeting exactly `Meeting gap days` ago still counts.
    if (since === null || since > s.meetingGapDays) reasons.push('no-recent-meeting');
    if (overdueActions > 0) reasons.push('overdue-actions');
    if (!guided.has(pupil.key)) reasons.push('no-guidance');
    if (hasPlatformColumn && pupil.platformLogin !== true) reasons.push('no-platform-login');
    if (pupil.send === 'EHCP') reasons.push('ehcp');
    if (pupil.lookedAfter) reasons.push('looked-after');
    const risks = reasons.filter((r) => !STATUS_REASONS.has(r)).length;
    flagged.push({
      pupil, reasons, daysSinceLastMeeting: since, lastMeeting: last, overdueActions, statusRed,
      level: statusRed || risks >= s.riskFactorsForRed ? 'red' : 'amber',
    });
  }
  flagged.sort((a, b) => (a.level === b.level ? byName(a.pupil, b.pupil) : a.level === 'red' ? -1 : 1));
  const septemberGuarantee = cohort.filter((p) => p.status !== 'Offer' && p.status !== 'Accepted');
  return { cohort, placed, flagged, septemberGuarantee };
}

/** placed / amber / red for one pupil (the mentor log's status chip); null when not in Year 11. */
export function unplacedStatusOf(result: UnplacedResult, pupilKey: string): 'placed' | 'red' | 'amber' | null {
  if (result.placed.some((p) => p.key === pupilKey)) return 'placed';
  return result.flagged.find((f) => f.pupil.key === pupilKey)?.level ?? null;
}
