/**
 * Small hand-made trackers for the unplaced and schedule tests: rows written as records keyed by
 * header, laid out under the schema's headers.
 */
import type { CellValue } from '../../src/ports';
import { INPUT_TABS } from '../../src/domain/schema';
import { readTracker, type Tracker } from '../../src/domain/tracker';

export type Row = Record<string, CellValue>;
export type Tabs = Record<string, CellValue[][]>;

export const d = (day: string) => ({ day });

function grid(tab: string, rows: Row[], drop: string[] = []): CellValue[][] {
  const headers = INPUT_TABS.find((t) => t.name === tab)!.columns.map((c) => c.header).filter((h) => !drop.includes(h));
  return [headers, ...rows.map((r) => headers.map((h) => r[h] ?? ''))];
}

export const STAFF: Row[] = [
  { Initials: 'CL', Name: 'Casey Leader', Email: 'cl@school.example', Role: 'Careers leader', 'Level 6': 'No' },
  { Initials: 'FR', Name: 'Fran Reed', Email: 'fr@school.example', Role: 'Mentor', 'Level 6': 'No' },
  { Initials: 'JS', Name: 'Jo Smith', Email: 'js@school.example', Role: 'Mentor, Form tutor', 'Level 6': 'No' },
  { Initials: 'CA', Name: 'Chris Adviser', Email: 'ca@school.example', Role: 'Careers adviser', 'Level 6': 'Yes' },
  { Initials: 'AD', Name: 'Alex Admin', Email: 'ad@school.example', Role: 'Admin', 'Level 6': 'No' },
];

export interface Spec {
  pupils: Row[];
  meetings?: Row[];
  actions?: Row[];
  staff?: Row[];
  settings?: Record<string, CellValue>;
  /** Pupils headers to leave out (e.g. 'Platform login') */
  dropPupilColumns?: string[];
}

export function tabsOf(spec: Spec): Tabs {
  const settings: CellValue[][] = [['Setting', 'Value'], ['Careers leader email', 'cl@school.example'], ['School name', 'Oakfield Academy']];
  for (const [k, v] of Object.entries(spec.settings ?? {})) {
    const at = settings.findIndex((r) => r[0] === k);
    if (at >= 0) settings[at] = [k, v];
    else settings.push([k, v]);
  }
  return {
    Settings: settings,
    Staff: grid('Staff', spec.staff ?? STAFF),
    Pupils: grid('Pupils', spec.pupils, spec.dropPupilColumns ?? ['Platform login']),
    Meetings: grid('Meetings', spec.meetings ?? []),
    Actions: grid('Actions', spec.actions ?? []),
    Log: grid('Log', []),
  };
}

export function trackerOf(spec: Spec): Tracker {
  return readTracker(tabsOf(spec));
}

/**
 * A Year 11 pupil with nothing to worry about except the status: Plan B, good attendance, a mentor,
 * a meeting last week and a guidance meeting with a Level 6 adviser (see `wellSupported`).
 */
export function pupil(id: string, over: Row = {}): Row {
  return {
    'Pupil ID': id, Name: `Pupil ${id}`, Year: 11, Form: '11A', Mentor: 'FR', SEND: 'None', 'Looked after': 'No',
    Attendance: 96, 'Plan A': 'College', 'Plan B': 'Sixth form', 'Application status': 'Applied', 'Platform login': 'Yes', ...over,
  };
}

/** A recent mentoring meeting and a Level 6 guidance meeting for each pupil. */
export function wellSupported(ids: string[], today: string, daysAgo = 7): Row[] {
  const [y, m, dd] = today.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, dd - daysAgo)).toISOString().slice(0, 10);
  return ids.flatMap((id) => [
    { Date: d(day), 'Pupil ID': id, Staff: 'FR', Type: 'Mentoring' },
    { Date: d('2025-10-01'), 'Pupil ID': id, Staff: 'CA', Type: 'Guidance' },
  ]);
}

/** Synthetic tabs patched so each synthetic mentor has a flagged Year 11: the same alerts at every size. */
export function everyMentorFlagged(tabs: Tabs): Tabs {
  const header = tabs.Pupils[0];
  const [year, mentor, status] = ['Year', 'Mentor', 'Application status'].map((h) => header.indexOf(h));
  ['CL', 'M1', 'M2', 'M3', 'M4'].forEach((initials, k) => {
    const row = tabs.Pupils[5 + 5 * k];
    if (row?.[year] !== 11) throw new Error('the synthetic tracker has changed: row is not a Year 11');
    row[mentor] = initials;
    row[status] = 'Researching';
  });
  return tabs;
}
