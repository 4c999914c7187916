/**
 * Generated evidence folder trees, written to a temporary directory (Node adapter) or into the
 * Apps Script fake's Drive (GAS adapter), and a small tracker to report against.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CellValue, DayCell } from '../../src/ports';
import type { GasFake } from '../fakes/gas';
import { INPUT_TABS } from '../../src/domain/schema';
import { SETTING_SPECS } from '../../src/domain/settings';
import { mimeTypeOf } from '../../src/node/folders';
import type { Tabs } from '../support/synthetic';

export interface TreeFile {
  /** from the evidence folder, e.g. `BM1/2025-26/Minutes.pdf` */
  path: string;
  /** the day it was last updated (written at 12:00 UTC unless `at` is given) */
  updated: string;
  /** an exact instant instead, for time-zone tests */
  at?: string;
  mimeType?: string;
}

export interface Tree {
  /** every folder, including empty ones, from the evidence folder */
  folders: string[];
  files: TreeFile[];
}

export const TODAY = '2026-03-02';

/** Every naming form of rules.md, the stale boundary on both sides, nesting, an empty benchmark, unmatched folders. */
export const NAMING_TREE: Tree = {
  folders: [
    '1. A stable careers programme', '1. A stable careers programme/2025-26', '1. A stable careers programme/2025-26/Governors',
    '1. A stable careers programme/2024-25',
    'BM 2 Labour market information',
    'Benchmark 3 Needs of each pupil', 'Benchmark 3 Needs of each pupil/Surveys',
    'bm4 curriculum', 'bm4 curriculum/Science week', 'bm4 curriculum/Science week/Day 1', 'bm4 curriculum/Science week/Day 1/Registers',
    '5 - Employer encounters', 'BM5 Careers fair',
    '6) Workplaces', '6) Workplaces/Work experience',
    'benchmark 7 colleges',
    '8 Personal guidance', '8 Personal guidance/2025-26', '8 Personal guidance/2025-26/Interviews',
    'BM10 Archive', 'Benchmark 9', '18 Archive', 'Photos to sort',
  ],
  files: [
    { path: '1. A stable careers programme/Careers policy.pdf', updated: '2025-09-10' },
    { path: '1. A stable careers programme/2025-26/Governors/Minutes January', updated: '2026-01-12', mimeType: 'application/vnd.google-apps.document' },
    { path: '1. A stable careers programme/2024-25/Programme 2024.pdf', updated: '2024-09-05' },
    { path: 'BM 2 Labour market information/LMI assembly.pptx', updated: '2026-02-20' },
    { path: 'Benchmark 3 Needs of each pupil/Destinations 2025.xlsx', updated: '2025-12-01' },
    { path: 'Benchmark 3 Needs of each pupil/Surveys/Year 11 survey.pdf', updated: '2026-02-01' },
    { path: 'bm4 curriculum/Science week/Photo 1.jpg', updated: '2026-01-15' },
    { path: 'bm4 curriculum/Science week/Day 1/Registers/Register.pdf', updated: '2025-09-30' },
    { path: '5 - Employer encounters/Mock interviews.pdf', updated: '2025-06-30' },
    { path: 'BM5 Careers fair/Fair register.xlsx', updated: '2026-02-27' },
    // exactly 120 days before 2 March 2026: still recent
    { path: '6) Workplaces/Work experience/Placements.xlsx', updated: '2025-11-02' },
    { path: '6) Workplaces/Old placements.pdf', updated: '2025-03-01' },
    // 121 days: stale
    { path: 'benchmark 7 colleges/College visit.pdf', updated: '2025-11-01' },
    { path: 'BM10 Archive/Old.pdf', updated: '2024-01-01' },
    { path: 'Benchmark 9/Extra.docx', updated: '2026-01-01' },
    { path: 'Photos to sort/IMG_0001.jpg', updated: '2026-02-28' },
  ],
};

export const NAMING_EXPECTED = {
  benchmarks: [
    { id: 1, files: 3, updatedThisYear: 2, latest: '2026-01-12', status: 'OK' },
    { id: 2, files: 1, updatedThisYear: 1, latest: '2026-02-20', status: 'OK' },
    { id: 3, files: 2, updatedThisYear: 2, latest: '2026-02-01', status: 'OK' },
    { id: 4, files: 2, updatedThisYear: 2, latest: '2026-01-15', status: 'OK' },
    { id: 5, files: 2, updatedThisYear: 1, latest: '2026-02-27', status: 'OK' },
    { id: 6, files: 2, updatedThisYear: 1, latest: '2025-11-02', status: 'OK' },
    { id: 7, files: 1, updatedThisYear: 1, latest: '2025-11-01', status: 'Stale' },
    { id: 8, files: 0, updatedThisYear: 0, latest: null, status: 'Empty' },
  ],
  unmatchedFolders: ['18 Archive', 'Benchmark 9', 'BM10 Archive', 'Photos to sort'],
  activitiesWithoutEvidence: 4,
  files: 16,
};

const instant = (f: TreeFile) => new Date(f.at ?? `${f.updated}T12:00:00Z`);

export function tempDir(prefix = 'evidence-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes the tree under `dir` with each file's modification time. */
export function writeTreeToDir(tree: Tree, dir: string): string {
  for (const f of tree.folders) fs.mkdirSync(path.join(dir, f), { recursive: true });
  for (const f of tree.files) {
    const full = path.join(dir, f.path);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, `evidence: ${f.path}\n`);
    fs.utimesSync(full, instant(f), instant(f));
  }
  return dir;
}

/** Builds the tree in the fake's Drive under a new evidence folder; returns that folder's ID. */
export function writeTreeToDrive(fake: GasFake, tree: Tree, rootId = '1EvidenceFolderAbcDEF_ghi-123'): string {
  const root = fake.drive.addFolder(null, 'Careers evidence', rootId);
  const ids = new Map<string, string>([['', root]]);
  const ensure = (p: string): string => {
    const known = ids.get(p);
    if (known) return known;
    const cut = p.lastIndexOf('/');
    const parent = ensure(cut < 0 ? '' : p.slice(0, cut));
    const id = fake.drive.addFolder(parent, cut < 0 ? p : p.slice(cut + 1));
    ids.set(p, id);
    return id;
  };
  for (const f of tree.folders) ensure(f);
  for (const f of tree.files) {
    const cut = f.path.lastIndexOf('/');
    const name = f.path.slice(cut + 1);
    fake.drive.addFile(ensure(f.path.slice(0, cut)), { name, mimeType: f.mimeType ?? mimeTypeOf(name), lastUpdated: instant(f) });
  }
  return root;
}

/**
 * A tree of `files` files: eight benchmark folders (plus one unmatched), each with `subfolders`
 * subfolders two levels deep, the files spread evenly.
 */
export function bigTree(files: number, subfolders = 10): Tree {
  const tops = ['BM1 Programme', 'BM2 LMI', 'BM3 Needs', 'BM4 Curriculum', 'BM5 Employers', 'BM6 Workplaces', 'BM7 Colleges', 'BM8 Guidance', 'Unsorted'];
  const folders: string[] = [];
  const leaves: string[] = [];
  for (const top of tops) {
    folders.push(top);
    for (let s = 0; s < subfolders; s++) {
      folders.push(`${top}/Term ${s}`, `${top}/Term ${s}/Week ${s}`);
      leaves.push(`${top}/Term ${s}`, `${top}/Term ${s}/Week ${s}`);
    }
  }
  const out: TreeFile[] = [];
  for (let i = 0; i < files; i++) {
    const day = new Date(Date.UTC(2025, 8, 1) + (i % 180) * 86_400_000).toISOString().slice(0, 10);
    out.push({ path: `${leaves[i % leaves.length]}/Evidence ${i}.pdf`, updated: day });
  }
  return { folders, files: out };
}

const d = (day: string): DayCell => ({ day });
const header = (name: string) => INPUT_TABS.find((t) => t.name === name)!.columns.map((c) => c.header);

/** A small tracker: settings (with the evidence folder), staff and pupils, and activities with and without evidence. */
export function evidenceTracker(evidenceFolder: string, extraSettings: Record<string, CellValue> = {}): Tabs {
  const settings: CellValue[][] = [['Setting', 'Value'], ...SETTING_SPECS.map((s) => [s.label, s.defaultText] as CellValue[])];
  for (const row of settings) {
    if (row[0] === 'Evidence folder') row[1] = evidenceFolder;
    if (typeof row[0] === 'string' && row[0] in extraSettings) row[1] = extraSettings[row[0]];
  }
  return {
    Settings: settings,
    Staff: [
      header('Staff'),
      ['CL', 'Casey Leader', 'cl@school.example', 'Careers leader', 'No'],
      ['GV', 'Gill Governor', 'gv@school.example', 'Governor', 'No'],
      ['M1', 'Morgan One', 'm1@school.example', 'Mentor', 'No'],
    ],
    Pupils: [header('Pupils'), ['P1', 'Amy Adams', 11, '11A', 'M1'], ['P2', 'Ben Brown', 10, '10B', '']],
    Activities: [
      header('Activities'),
      [d('2025-10-01'), 'Careers fair', 'Employer encounter', 'Local employers', 'Y10', '', '', '', 'https://drive.google.com/file/d/abc/view'],
      [d('2025-11-15'), 'College visit', 'Further education', 'East Kent College', 'Y11', '', '', '', ''],
      [d('2026-01-20'), 'Science careers week', 'Curriculum link', '', 'Y9', '', '', '', ''],
      [d('2026-02-10'), 'Apprenticeship talk', 'Technical provider', 'ITP', 'Y11', '', '', '', 'not a link'],
      [d('2025-06-15'), 'Work experience week', 'Workplace experience', '', 'Y10', '', '', '', ''],
      [d('2026-03-20'), 'University trip (planned)', 'Higher education', '', 'Y11', '', '', '', ''],
      [d(TODAY), 'LMI assembly', 'Careers information', '', 'Y7', '', '', '', ''],
    ],
    Log: [header('Log')],
  };
}
