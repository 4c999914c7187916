/**
 * The sample's careers programme (programme.md), in the seed school's style: a year's termly
 * calendar of actions with owners' initials and benchmarks ("HO – organise careers adviser
 * appointments. BM8. Actioned"), the Audit action plan, the county annual-plan checklist, and the
 * Scores history of the runs the careers leader made before 2 March 2026. Called by make-sample.ts.
 *
 * Deliberate: two actions overdue, three due within 14 days, one done late, one done with no
 * date, one dropped, and one owned by "JW" (a supply teacher not on the Staff tab: a problem).
 */
import { CHECKLIST_TEMPLATES } from '../src/domain/checklists';

type Day = string;
type Cell = string | number | { date: Day } | null;
interface Tab { name: string; headers: string[]; rows: Cell[][]; widths?: number[] }
interface Problem { tab: string; row: number; column: string; value: string; why: string }

const D = (d: Day | null): Cell => (d ? { date: d } : null);

// [term, action, due, owner, benchmarks, status, done on]
type Row = [string, string, Day, string, string, string, Day | null];
// prettier-ignore
const CALENDAR: Row[] = [
  ['Term 1', 'Academic induction day: aspiration setting with pupils, form tutors and parents', '2025-09-03', 'HO, DP', 'BM3', 'Actioned', '2025-09-03'],
  ['Term 1', 'Allocate Year 11 mentors and share the careers support meeting agenda', '2025-09-12', 'HO', 'BM3', 'Done', '2025-09-10'],
  ['Term 1', 'Independent careers adviser agreement checked and signed', '2025-09-19', 'HO', 'BM1, BM8', 'Done', '2025-09-19'],
  ['Term 1', 'Careers adviser appointments booked for every Year 11', '2025-09-26', 'RC', 'BM8', 'Done', '2025-09-24'],
  ['Term 1', 'College information assemblies booked for KS3 and KS4', '2025-10-03', 'TB', 'BM7', 'Done', '2025-10-06'],
  ['Term 1', 'Careers programme and policies to governors for approval', '2025-10-14', 'HO', 'BM1', 'Done', '2025-10-14'],
  ['Term 1', 'Year 10 work experience week: placements confirmed, parents told', '2025-10-10', 'LF', 'BM6', 'Done', '2025-10-09'],
  ['Term 1', 'Year 11 careers carousel: interview practice, CVs, job roles', '2025-10-15', 'HO, MW', 'BM3, BM5', 'Complete', null],
  ['Term 2', 'Letters to Year 11 parents about post-16 choices', '2025-11-07', 'KB', 'BM3', 'Done', '2025-11-05'],
  ['Term 2', 'College tours for Year 11 (two colleges)', '2025-11-14', 'TB', 'BM7', 'Done', '2025-11-13'],
  ['Term 2', 'Every Year 11 seen once by the careers adviser', '2025-11-28', 'RC', 'BM8', 'Done', '2025-11-27'],
  ['Term 2', 'Leavers\' destinations check for last year\'s Year 11', '2025-10-31', 'KB', 'BM3', 'Done', '2025-11-10'],
  ['Term 2', 'Letters to local employers inviting them to the careers fair', '2025-12-05', 'HO', 'BM5', 'Done', '2025-12-03'],
  ['Term 2', 'Parents\' careers evening with the adviser', '2025-12-10', 'RC, HO', 'BM2, BM8', 'Cancelled', null],
  ['Term 3', 'Careers fair, 28 January: stands booked, rota set', '2026-01-28', 'HO', 'BM5, BM7', 'Done', '2026-01-28'],
  ['Term 3', 'Check applications on the local applications platform for every Year 11', '2026-01-30', 'MW', 'BM3, BM7, BM8', 'Done', '2026-02-02'],
  ['Term 3', 'Apprenticeship week talks from colleges and training providers', '2026-02-13', 'TB', 'BM2, BM7', 'Done', '2026-02-11'],
  ['Term 3', 'Task and finish group: review each Year 11\'s plan', '2026-02-06', 'HO', 'BM3', 'Done', '2026-02-06'],
  ['Term 3', 'Easy-read labour market information sheets for SEN support pupils', '2026-02-13', 'SN', 'BM2', 'In progress', null],
  ['Term 4', 'Follow up Year 11s without an application with their parents', '2026-02-27', 'HO', 'BM3', 'Planned', null],
  ['Term 4', 'National Careers Week: employers meet each option group', '2026-03-06', 'HO', 'BM4, BM5', 'In progress', null],
  ['Term 4', 'British Science Week: careers in STEM activities', '2026-03-13', 'AK', 'BM4, BM5', 'Planned', null],
  ['Term 4', 'Army careers talk booked', '2026-03-13', 'JW', 'BM5', 'Planned', null],
  ['Term 4', 'Year 8 employer encounter arranged for the summer term', '2026-03-16', 'LF', 'BM5', 'Planned', null],
  ['Term 4', 'September Guarantee: Year 11s and 12s without an offer sent to the local authority', '2026-03-31', 'KB', 'BM1, BM3', 'Planned', null],
  ['Term 5', 'Year 9 and 10 options letters with the careers each subject leads to', '2026-04-24', 'DP', 'BM3, BM4', 'Planned', null],
  ['Term 5', 'Transition meetings with colleges for Year 11 leavers', '2026-05-15', 'HO', 'BM1, BM3', 'Planned', null],
  ['Term 5', 'Compass evaluation and review of the year\'s programme', '2026-05-22', 'HO', 'BM1', 'Planned', null],
  ['Term 6', 'College taster days for Year 10', '2026-06-19', 'TB', 'BM7', 'Planned', null],
  ['Term 6', 'Extended work experience placements reviewed and renewed', '2026-07-03', 'LF', 'BM6', 'Planned', null],
  ['Term 6', 'Pupil, parent and employer surveys for the annual evaluation', '2026-07-10', 'HO, KB', 'BM1', 'Planned', null],
  ['Term 6', 'Year 11 destinations added for next year\'s tracking', '2026-07-17', 'KB', 'BM3', 'Planned', null],
  ['Summer holiday', 'Results day: check enrolment and offer support to anyone without a place', '2026-08-20', 'HO, RC', 'BM3, BM8', 'Planned', null],
];

// Audit action plan, by the start of the criterion (Benchmark, Criterion → Action, Owner, Cost, Deadline, Success criteria).
// prettier-ignore
const ACTION_PLAN: [string, string, string, string, Day, string][] = [
  ['Every pupil uses careers and labour market', 'Year 7 labour market information lesson in PSHE', 'SN', 'Staff time', '2026-05-22', 'Every Year 7 class has had the lesson'],
  ['Parents and carers are encouraged', 'Labour market information newsletter for parents in National Careers Week', 'HO', '£40 printing', '2026-03-06', 'Newsletter sent; 20 or more parents open the links'],
  ['Information adapted for pupils with SEND', 'Easy-read sheets for SEN support pupils', 'SN', '£60', '2026-02-13', 'Sheets used in every SEN support review'],
  ['Programme tailored to vulnerable', 'Guidance appointments for persistent absentees first', 'RC', 'Adviser time (within the agreement)', '2026-04-30', 'Every persistent absentee in Year 11 seen by the adviser'],
  ['Destinations tracked for three years', 'Finish the 2024 leavers\' annual re-checks', 'KB', 'Admin time', '2026-03-31', 'Every 2024 leaver checked this year'],
  ['Every subject links its learning', 'PE, RE and languages careers links planned with subject leaders', 'DP', 'Staff time', '2026-06-30', 'Every subject has a careers link in its scheme of work'],
  ['Careers displays in every classroom', 'Displays for the last five classrooms', 'DP', '£120', '2026-04-24', 'Displays in all 14 classrooms'],
  ['Every pupil has at least one meaningful employer', 'Year 8 employer encounter in the summer term', 'LF', '£0 (volunteers)', '2026-06-26', 'Every Year 8 pupil attends'],
  ['Every pupil has meaningful experiences of workplaces', 'Workplace visits for the four Year 11s without one', 'LF', '£80 travel', '2026-03-27', 'All Year 11s have a workplace experience'],
  ['Two provider access encounters', 'Second provider access encounter for Year 11 next year before the end of February', 'TB', 'Staff time', '2026-10-16', 'Every Year 11 has two encounters by the end of February'],
  ['Every pupil has a guidance meeting', 'Adviser to see the five Year 11s not yet seen', 'RC', '£180 (adviser days)', '2026-03-20', 'Every Year 11 seen by a Level 6 adviser'],
];

// Items of the annual careers plan checklist marked done (by position, 1-based): 14 of 20, amber.
const CHECKLIST_DONE = new Set([1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 13, 14, 15, 20]);

// Runs of Score benchmarks before today: [day, BM1..BM8] (blank = not assessed).
// prettier-ignore
const HISTORY: [Day, ...(number | null)[]][] = [
  ['2025-09-15', 80, 16.7, 20.5, 33.3, 16.7, 25, 40, 12.5],
  ['2025-10-06', 90, 25, 27.1, 42.9, 28.6, 33.3, 52.9, 25],
  ['2025-11-03', 90, 33.3, 33.6, 52.4, 40.5, 38.7, 64.7, 41.2],
  ['2025-12-01', 100, 38.2, 39.8, 61.9, 47.6, 42, 70.6, 52.5],
  ['2025-12-15', 100, 41.7, 41.5, 64.3, 52.4, 42, 72.1, 56.3],
  ['2026-01-12', 100, 43.8, 44.2, 66.7, 54.8, 44, 74.5, 58.8],
  ['2026-02-02', 100, 45.9, 46.3, 69.0, 69.0, 44, 80.4, 62.5],
  ['2026-02-23', 100, 47.9, 47.7, 71.4, 71.4, 46, 80.4, 66],
];

/** The Programme, Checklists and Scores tabs, and the Audit tab's action-plan columns. */
export function addProgramme(tabs: Tab[], problems: Problem[]): void {
  const programme: Tab = {
    name: 'Programme',
    headers: ['Term', 'Action', 'Due', 'Owner', 'Benchmarks', 'Status', 'Done on', 'Evidence', 'Review'],
    rows: CALENDAR.map(([term, action, due, owner, bm, status, doneOn]) => [term, action, D(due), owner, bm, status, D(doneOn), null, null]),
    widths: [14, 70, 12, 10, 14, 12, 12, 20, 30],
  };
  CALENDAR.forEach((r, i) => {
    if (r[3] === 'JW') problems.push({ tab: 'Programme', row: i + 2, column: 'Owner', value: r[3], why: 'Owner "JW" (a supply teacher) is not on the Staff tab: the action is kept, with no owner to remind.' });
  });
  const template = CHECKLIST_TEMPLATES['annual-plan'];
  const checklists: Tab = {
    name: 'Checklists',
    headers: ['Checklist', 'Item', 'Done', 'Evidence', 'Notes'],
    rows: template.items.map((item, i) => [template.name, item, CHECKLIST_DONE.has(i + 1) ? 'Yes' : 'No', null, null]),
    widths: [22, 90, 8, 20, 30],
  };
  const scores: Tab = {
    name: 'Scores',
    headers: ['Benchmark scores', 'Generated', ''],
    rows: [[], ['History'], ['Date', 'BM1', 'BM2', 'BM3', 'BM4', 'BM5', 'BM6', 'BM7', 'BM8', 'Achieved'],
      ...HISTORY.map(([day, ...v]) => [D(day), ...v, v.filter((x) => x === 100).length])],
  };
  const audit = tabs.find((t) => t.name === 'Audit');
  if (audit) {
    audit.headers.push('Action', 'Cost', 'Deadline', 'Success criteria');
    for (const row of audit.rows) {
      const plan = ACTION_PLAN.find(([start]) => String(row[1]).startsWith(start));
      row.push(plan ? plan[1] : null, plan ? plan[3] : null, plan ? D(plan[4]) : null, plan ? plan[5] : null);
      if (plan && !row[4]) row[4] = plan[2];
    }
  }
  const log = tabs.findIndex((t) => t.name === 'Log');
  tabs.splice(log < 0 ? tabs.length : log, 0, programme, checklists);
  tabs.push(scores);
}

export function programmeReadme(): string {
  return [
    '',
    '## The careers programme (Programme, Checklists, Audit action plan, Scores history)',
    '',
    `- Programme: ${CALENDAR.length} actions from Term 1 to the summer holiday in the seed school's style (owners' initials, benchmarks). As of 2 March 2026: two overdue (easy-read LMI sheets, due 13 February; following up Year 11s without an application, due 27 February), three due within 14 days with an owner on Staff, three done late (the college assemblies, the destinations check and the applications check), one done with no Done on date (the careers carousel), one dropped (the parents' careers evening).`,
    '- The Army careers talk is owned by "JW", a supply teacher not on the Staff tab: a problem; the action stays, with no one to remind.',
    '- Checklists: the county annual careers plan checklist, 14 of 20 done (amber).',
    '- Audit: action plans (Action, Owner, Cost, Deadline, Success criteria) for most criteria not yet achieved; "Alumni help with the careers programme" and the unrated criteria have none ("no action planned" in the report).',
    '- Scores: eight earlier runs of Score benchmarks (15 September 2025 to 23 February 2026) in the History table, so the governors\' report has a chart and a change since the 31 December snapshot (the 15 December run).',
    '',
  ].join('\n');
}
