/**
 * Small hand-made trackers with leavers and destination checks.
 */
import type { CellValue } from '../../src/ports';
import { INPUT_TABS } from '../../src/domain/schema';
import { readTracker, type Tracker } from '../../src/domain/tracker';

export type Row = Record<string, CellValue>;
export type Tabs = Record<string, CellValue[][]>;
export const d = (day: string) => ({ day });

export function grid(tab: string, rows: Row[]): CellValue[][] {
  const headers = INPUT_TABS.find((t) => t.name === tab)!.columns.map((c) => c.header);
  return [headers, ...rows.map((r) => headers.map((h) => r[h] ?? ''))];
}

export const STAFF: Row[] = [
  { Initials: 'CL', Name: 'Casey Leader', Email: 'cl@school.example', Role: 'Careers leader' },
  { Initials: 'DL', Name: 'Dana Lead', Email: 'dl@school.example', Role: 'Destinations lead, Mentor' },
  { Initials: 'CA', Name: 'Chris Adviser', Email: 'ca@school.example', Role: 'Careers adviser', 'Level 6': 'Yes' },
  { Initials: 'FR', Name: 'Fran Reed', Email: 'fr@school.example', Role: 'Mentor' },
];

export function leaver(id: string, leaverYear: number, over: Row = {}): Row {
  return { 'Pupil ID': id, Name: `Leaver ${id}`, 'Leaver year': leaverYear, 'Consent to track': 'Yes', 'Application status': 'Accepted', Email: `${id.toLowerCase()}@pupils.example`, ...over };
}

export interface Spec {
  pupils: Row[];
  destinations?: Row[];
  staff?: Row[];
  settings?: Record<string, CellValue>;
  meetings?: Row[];
  actions?: Row[];
  activities?: Row[];
  log?: Row[];
}

export function tabsOf(spec: Spec): Tabs {
  const settings: CellValue[][] = [['Setting', 'Value'], ['School name', 'Oakfield Academy']];
  for (const [k, v] of Object.entries(spec.settings ?? {})) settings.push([k, v]);
  return {
    Settings: settings,
    Staff: grid('Staff', spec.staff ?? STAFF),
    Pupils: grid('Pupils', spec.pupils),
    Meetings: grid('Meetings', spec.meetings ?? []),
    Actions: grid('Actions', spec.actions ?? []),
    Activities: grid('Activities', spec.activities ?? []),
    Destinations: grid('Destinations', spec.destinations ?? []),
    Log: grid('Log', spec.log ?? []),
  };
}

export const trackerOf = (spec: Spec): Tracker => readTracker(tabsOf(spec));

export const check = (id: string, day: string, status: string, over: Row = {}): Row => ({ 'Pupil ID': id, Checked: d(day), Status: status, ...over });

import { workbookOf } from '../support/workbook';

export async function writeWorkbook(file: string, tabs: Tabs): Promise<void> {
  await workbookOf(tabs).save(file);
}

export async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { main } = await import('../../src/node/cli');
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
  return { code, out: out.join(''), err: err.join('') };
}
