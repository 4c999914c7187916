/**
 * Report on evidence folders (rules.md, "Evidence report"): files per benchmark, what is empty
 * or stale, folders that match no benchmark, activities without an evidence link.
 *
 * Two steps, so that the slow part (walking Drive) runs outside the document lock and only the
 * writing holds it: `gatherEvidence` reads, `writeEvidence` writes the Evidence tab and the Log.
 * A missing, blank or unreadable folder writes nothing.
 */
import type { CellValue, EvidenceFile, EvidenceFolder, OutCell } from '../ports';
import { FolderNotFoundError } from '../ports';
import { academicYearOf, formatLongDay, formatUkDay } from '../domain/calendar';
import { type EvidenceReport, type EvidenceStatus, evidenceReport, fileTypeLabel, staleCutoff } from '../domain/evidence';
import { type JobContext, type Now, appendLog, generatedRow, loadTracker, nowFor, timeIsUp } from './context';

export const EVIDENCE_TAB = 'Evidence';

export interface EvidenceOptions {
  /** the folder to report on; without it, the `Evidence folder` setting */
  folder?: string;
}

export type EvidenceGathered =
  | { ok: true; now: Now; folder: string; report: EvidenceReport }
  | { ok: false; now: Now; reason: 'not-set' | 'not-found'; message: string }
  /** the walk stopped at the time budget: `walk` is the progress tab to write, the next run carries on */
  | { ok: false; now: Now; reason: 'in-progress'; message: string; walk: CellValue[][] };

/**
 * A walk of a large folder that did not finish in one run is kept here between runs: row 1 the
 * folder and where to carry on (Drive continuation tokens), then one row per file found so far.
 */
export const WALK_TAB = 'Evidence walk';

export type EvidenceResult = EvidenceGathered;

const STATUS_FILL: Record<EvidenceStatus, 'green' | 'amber' | 'red'> = { OK: 'green', Stale: 'amber', Empty: 'red' };

export function gatherEvidence(ctx: JobContext, options: EvidenceOptions = {}): EvidenceGathered {
  const tracker = loadTracker(ctx.workbook);
  const now = nowFor(ctx, tracker);
  const folder = (options.folder ?? tracker.settings.evidenceFolder ?? '').trim();
  if (!folder) {
    return {
      ok: false, now, reason: 'not-set',
      message: 'The Evidence folder setting is blank. In the Settings tab, paste the link to the Drive folder that holds the benchmark folders (BM1 to BM8), then run this again. Nothing was changed.',
    };
  }
  if (!ctx.folders) throw new Error('The evidence report needs access to folders, and none was given.');
  let folders: EvidenceFolder[];
  try {
    if (ctx.folders.walkEvidence && ctx.deadline !== undefined) {
      // Carry on from an earlier run's walk of the same folder, if one was left.
      const kept = ctx.workbook.tabNames().includes(WALK_TAB) ? ctx.workbook.readTab(WALK_TAB) ?? [] : [];
      // (split over cells: a cell holds at most 50,000 characters)
      const resume = kept[0]?.[0] === folder && kept[0][1] ? kept[0].slice(1).join('') : null;
      const earlier = resume ? kept.slice(1) : [];
      const step = ctx.folders.walkEvidence(folder, now.timeZone, resume, () => timeIsUp(ctx));
      const rows = [...earlier, ...step.files.map((f): CellValue[] => [f.top, f.file.path, f.file.name, f.file.mimeType, f.file.updated, f.file.url])];
      if (step.resume) {
        return {
          ok: false, now, reason: 'in-progress', walk: [[folder, ...(step.resume.match(/[^]{1,40000}/g) ?? [])], ...rows],
          message: `${rows.length} files listed so far, more folders to go: stopped within Google's time limit. Run Report on evidence folders again to carry on.`,
        };
      }
      folders = step.tops.map((t) => ({ ...t, files: [] as EvidenceFile[] }));
      for (const r of rows) {
        folders[Number(r[0])]?.files.push({ path: String(r[1]), name: String(r[2]), mimeType: String(r[3]), updated: String(r[4]), url: String(r[5]) });
      }
      // The walk is over: its working tab (this folder's, or a changed folder's) is not the user's to tidy.
      if (kept.length > 0) {
        if (ctx.workbook.deleteTab) ctx.workbook.deleteTab(WALK_TAB);
        else ctx.workbook.writeOutputTab(WALK_TAB, { rows: [['Finished: this tab can be deleted.']] });
      }
    } else {
      folders = ctx.folders.listEvidence(folder, now.timeZone);
    }
  } catch (e) {
    if (e instanceof FolderNotFoundError) return { ok: false, now, reason: 'not-found', message: `${e.message} Nothing was changed.` };
    throw e;
  }
  const report = evidenceReport({
    folders, activities: tracker.activities, today: now.today,
    academicYear: academicYearOf(now.today, tracker.settings.academicYearStart),
    staleDays: tracker.settings.evidenceStaleDays,
  });
  return { ok: true, now, folder, report };
}

export function writeEvidence(ctx: JobContext, gathered: EvidenceGathered): void {
  if (!gathered.ok) {
    if (gathered.reason === 'in-progress') {
      ctx.workbook.writeOutputTab(WALK_TAB, { rows: gathered.walk });
      appendLog(ctx, gathered.now, [{ job: 'evidence', outcome: 'incomplete', details: gathered.message }]);
    }
    return;
  }
  const { now, report, folder } = gathered;
  ctx.workbook.writeOutputTab(EVIDENCE_TAB, evidenceSheet(now, folder, report));
  appendLog(ctx, now, [{ job: 'evidence', outcome: 'ok', details: evidenceSummary(report) }]);
}

/** Both steps, for the command line (one process, one writer). */
export function runEvidence(ctx: JobContext, options: EvidenceOptions = {}): EvidenceResult {
  const gathered = gatherEvidence(ctx, options);
  writeEvidence(ctx, gathered);
  return gathered;
}

export function evidenceSummary(report: EvidenceReport): string {
  const count = (s: EvidenceStatus) => report.benchmarks.filter((b) => b.status === s).length;
  return `${count('OK')} OK, ${count('Stale')} stale, ${count('Empty')} empty; ${report.files.length} files; `
    + `${report.unmatchedFolders.length} folders match no benchmark; ${report.activitiesWithoutEvidence.length} activities without evidence`;
}

function evidenceSheet(now: Now, folder: string, report: EvidenceReport) {
  const rows: OutCell[][] = [];
  const bold: number[] = [];
  const heading = (title: string) => {
    rows.push([]);
    bold.push(rows.length);
    rows.push([title]);
  };
  const tableHeader = (cells: string[]) => {
    bold.push(rows.length);
    rows.push(cells);
  };
  const ay = report.academicYear;

  rows.push(generatedRow(now, 'Benchmark evidence'));
  rows.push(['Evidence folder', folder]);
  rows.push([{
    value: `Academic year ${ay.name} (from ${formatLongDay(ay.start)}). A benchmark is Stale when no file in its folders has been updated in the last ${report.staleDays} days (since ${formatUkDay(staleCutoff(report.asOf, report.staleDays))}), and Empty when its folders hold no file.`,
    italic: true,
  }]);

  heading('Benchmarks');
  tableHeader(['Benchmark', 'Name', 'Status', 'Files', `Updated in ${ay.name}`, 'Latest update', 'Folders']);
  for (const b of report.benchmarks) {
    rows.push([
      b.id, b.name, { value: b.status, fill: STATUS_FILL[b.status], bold: true }, b.files, b.updatedThisYear,
      b.latest ? { day: b.latest } : 'Never', b.folders.length ? b.folders.join(', ') : 'No folder',
    ]);
  }

  heading('Folders that match no benchmark');
  if (report.unmatchedFolders.length === 0) {
    rows.push(['None: every folder in the evidence folder matches a benchmark.']);
  } else {
    rows.push([{ value: 'Their files are not counted. Rename each folder to start with BM and the benchmark number, e.g. "BM3 Destinations".', italic: true }]);
    tableHeader(['Folder', 'Files', 'Link']);
    for (const f of report.unmatchedFolders) rows.push([f.name, f.files, f.url]);
  }

  heading(`Activities in ${ay.name} without evidence`);
  if (report.activitiesWithoutEvidence.length === 0) {
    rows.push(['None: every activity this year so far has an evidence link.']);
  } else {
    rows.push([{ value: 'Add a link to the evidence (register, photos, feedback) in the Evidence column of the Activities tab.', italic: true }]);
    tableHeader(['Date', 'Activity', 'Type', 'Benchmarks', 'Activities row']);
    for (const a of report.activitiesWithoutEvidence) {
      rows.push([{ day: a.date }, a.title, a.type, [...a.benchmarks].sort((x, y) => x - y).join(', '), a.row]);
    }
  }

  heading('Files');
  if (report.files.length === 0) {
    rows.push(['No files found in the benchmark folders.']);
  } else {
    tableHeader(['Benchmark', 'Path', 'Name', 'Type', 'Last updated', 'Link']);
    for (const r of report.files) {
      rows.push([
        r.benchmark ?? 'None', r.folderPath, r.file.name, fileTypeLabel(r.file.mimeType), { day: r.file.updated }, r.file.url,
      ]);
    }
  }

  return { rows, boldRows: [0, ...bold], frozenRows: 1, columnWidths: [130, 300, 240, 110, 120, 300, 260] };
}
