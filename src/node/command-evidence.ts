/**
 * careers-tracker evidence --workbook F --evidence DIR [--json]
 */
import type { Command } from './commands';
import { UsageError } from './errors';
import { type EvidenceResult, runEvidence } from '../jobs/evidence';
import { formatUkDay } from '../domain/calendar';
import { table } from './output';

/** A missing `--evidence` is a bad command line (exit 2), as a missing `--workbook` is. */
export class MissingEvidenceOptionError extends UsageError {}

/** The contract's JSON (product.md, `evidence:`), with a few extra fields. */
export function evidenceJson(result: EvidenceResult): unknown {
  if (!result.ok) {
    return { asOf: result.now.today, error: result.reason === 'not-set' ? 'evidence-folder-not-set' : 'evidence-folder-not-found', message: result.message };
  }
  const r = result.report;
  return {
    asOf: r.asOf,
    academicYear: r.academicYear.name,
    folder: result.folder,
    staleDays: r.staleDays,
    benchmarks: r.benchmarks.map((b) => ({
      id: b.id, name: b.name, files: b.files, updatedThisYear: b.updatedThisYear, latest: b.latest, status: b.status,
      folders: b.folders,
    })),
    unmatchedFolders: r.unmatchedFolders.map((f) => f.name),
    activitiesWithoutEvidence: r.activitiesWithoutEvidence.length,
    totalFiles: r.files.length,
  };
}

function evidenceText(result: EvidenceResult): string {
  if (!result.ok) return result.message;
  const r = result.report;
  const lines = [
    `Evidence in ${result.folder}, academic year ${r.academicYear.name} (stale after ${r.staleDays} days without an update):`,
    '',
    table(['BM', 'Benchmark', 'Status', 'Files', 'This year', 'Latest'], r.benchmarks.map((b) => [
      b.id, b.name, b.status, b.files, b.updatedThisYear, b.latest ? formatUkDay(b.latest) : 'never',
    ])),
    '',
    r.unmatchedFolders.length
      ? `Folders matching no benchmark (rename them to start with BM and the number): ${r.unmatchedFolders.map((f) => f.name).join(', ')}`
      : 'Every folder matches a benchmark.',
    `Activities in ${r.academicYear.name} without an evidence link: ${r.activitiesWithoutEvidence.length}`,
    'Every file is listed in the Evidence tab.',
  ];
  return lines.join('\n');
}

export const evidence: Command = {
  name: 'evidence',
  summary: 'reports on the evidence folder (--evidence DIR)',
  run({ options, ctx }) {
    if (!options.evidence) {
      throw new MissingEvidenceOptionError('evidence needs --evidence DIR (the folder that holds the benchmark folders BM1 to BM8)');
    }
    const result = runEvidence(ctx, { folder: options.evidence });
    return { json: evidenceJson(result), text: evidenceText(result), changed: result.ok };
  },
};
