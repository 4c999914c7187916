/**
 * The evidence report's rules (rules.md, "Evidence report"): which folder belongs to which
 * benchmark, and each benchmark's files, updates and status. No I/O: the folders come in
 * through the folders port.
 */
import type { EvidenceFile, EvidenceFolder } from '../ports';
import { type AcademicYear, type Day, addDays } from './calendar';
import { BENCHMARK_NAMES } from './benchmarks';
import type { Activity } from './tracker';

export type EvidenceStatus = 'OK' | 'Stale' | 'Empty';

// `BM N`, `BMN`, `Benchmark N` (spaces optional), or `N` then `.`, `-`, `)` or a space.
const LETTERS_FORM = /^(?:benchmark|bm)\s*(\d+)/i;
const NUMBER_FORM = /^(\d+)[.\-)\s]/;

/** The benchmark (1–8) a folder's name starts with, or null. `BM10` and `18 Archive` match nothing. */
export function benchmarkOfFolder(name: string): number | null {
  const text = name.trim();
  const m = LETTERS_FORM.exec(text) ?? NUMBER_FORM.exec(text);
  if (!m || m[1].length !== 1) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 8 ? n : null;
}

/**
 * A benchmark is Stale when none of its files was updated within the last `staleDays` days:
 * a file updated exactly `staleDays` days ago still counts as recent.
 */
export function evidenceStatus(files: number, latest: Day | null, today: Day, staleDays: number): EvidenceStatus {
  if (files === 0 || latest === null) return 'Empty';
  return latest >= staleCutoff(today, staleDays) ? 'OK' : 'Stale';
}

/** The earliest day a file may have been updated and still keep its benchmark from being stale. */
export function staleCutoff(today: Day, staleDays: number): Day {
  return addDays(today, -staleDays);
}

export interface BenchmarkEvidence {
  id: number;
  name: string;
  /** the folders counted for it, by name */
  folders: string[];
  files: number;
  updatedThisYear: number;
  latest: Day | null;
  status: EvidenceStatus;
}

export interface EvidenceFileRow {
  /** null for a file in a folder that matches no benchmark */
  benchmark: number | null;
  /** where the file is, from the evidence folder: `BM7 Colleges/2025-26` */
  folderPath: string;
  file: EvidenceFile;
}

export interface UnmatchedFolder {
  name: string;
  url: string;
  files: number;
}

export interface EvidenceReport {
  asOf: Day;
  academicYear: AcademicYear;
  staleDays: number;
  benchmarks: BenchmarkEvidence[];
  unmatchedFolders: UnmatchedFolder[];
  /** every file, benchmark by benchmark (unmatched folders last), then by folder and name */
  files: EvidenceFileRow[];
  /** activities of this academic year, up to today, whose Evidence link is blank */
  activitiesWithoutEvidence: Activity[];
}

export interface EvidenceInput {
  folders: EvidenceFolder[];
  activities: Activity[];
  today: Day;
  academicYear: AcademicYear;
  staleDays: number;
}

export function evidenceReport(input: EvidenceInput): EvidenceReport {
  const { today, academicYear: year, staleDays } = input;
  const byBenchmark = new Map<number, EvidenceFolder[]>();
  const unmatched: EvidenceFolder[] = [];
  const files: EvidenceFileRow[] = [];
  for (const folder of input.folders) {
    const bm = benchmarkOfFolder(folder.name);
    if (bm === null) unmatched.push(folder);
    else byBenchmark.set(bm, [...(byBenchmark.get(bm) ?? []), folder]);
    for (const file of folder.files) files.push({ benchmark: bm, folderPath: folderPathOf(folder.name, file), file });
  }

  const benchmarks: BenchmarkEvidence[] = [];
  for (let id = 1; id <= 8; id++) {
    const folders = (byBenchmark.get(id) ?? []).sort((a, b) => compareText(a.name, b.name));
    const all = folders.flatMap((f) => f.files);
    let latest: Day | null = null;
    let updatedThisYear = 0;
    for (const f of all) {
      if (latest === null || f.updated > latest) latest = f.updated;
      if (f.updated >= year.start && f.updated <= today) updatedThisYear++;
    }
    benchmarks.push({
      id, name: BENCHMARK_NAMES[id], folders: folders.map((f) => f.name), files: all.length, updatedThisYear, latest,
      status: evidenceStatus(all.length, latest, today, staleDays),
    });
  }

  const rank = (bm: number | null) => (bm === null ? 9 : bm);
  files.sort((a, b) =>
    rank(a.benchmark) - rank(b.benchmark) || compareText(a.folderPath, b.folderPath) || compareText(a.file.name, b.file.name));

  const activitiesWithoutEvidence = input.activities
    .filter((a) => a.evidence === null && a.date >= year.start && a.date <= today)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row));

  return {
    asOf: today, academicYear: year, staleDays, benchmarks,
    unmatchedFolders: unmatched
      .map((f) => ({ name: f.name, url: f.url, files: f.files.length }))
      .sort((a, b) => compareText(a.name, b.name)),
    files, activitiesWithoutEvidence,
  };
}

/** `BM7 Colleges` + `2025-26/Visits/Register.pdf` → `BM7 Colleges/2025-26/Visits` (a Drive name may contain `/`) */
export function folderPathOf(folderName: string, file: Pick<EvidenceFile, 'path' | 'name'>): string {
  const below = file.path.endsWith(file.name) ? file.path.slice(0, file.path.length - file.name.length) : file.path.slice(0, file.path.lastIndexOf('/') + 1);
  return below ? `${folderName}/${below.replace(/\/$/, '')}` : folderName;
}

function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

const MIME_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.google-apps.document': 'Google Doc',
  'application/vnd.google-apps.spreadsheet': 'Google Sheet',
  'application/vnd.google-apps.presentation': 'Google Slides',
  'application/vnd.google-apps.form': 'Google Form',
  'application/vnd.google-apps.drawing': 'Google Drawing',
  'application/vnd.google-apps.shortcut': 'Shortcut',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.ms-excel': 'Excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.ms-powerpoint': 'PowerPoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument spreadsheet',
  'application/vnd.oasis.opendocument.presentation': 'OpenDocument presentation',
  'application/rtf': 'Rich text',
  'application/zip': 'Zip',
  'message/rfc822': 'Email',
  'application/vnd.ms-outlook': 'Email',
  'text/plain': 'Text',
  'text/csv': 'CSV',
  'text/html': 'Web page',
  'text/markdown': 'Text',
  'application/json': 'Data',
};

/** A file type in words for the Evidence tab: `PDF`, `Word`, `Image`... */
export function fileTypeLabel(mimeType: string): string {
  const known = MIME_LABELS[mimeType.toLowerCase()];
  if (known) return known;
  const kind = mimeType.split('/')[0].toLowerCase();
  if (kind === 'image') return 'Image';
  if (kind === 'video') return 'Video';
  if (kind === 'audio') return 'Audio';
  return 'Other';
}
