/**
 * The demo: a fresh copy of the bundled sample in ./demo-output/, as of Monday 2 March 2026.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CliOptions } from './commands';

export const DEMO_DAY = '2026-03-02';

const SAMPLE_DIR = path.resolve(__dirname, '../../sample');

/**
 * A fresh copy in ./demo-output/. An earlier demo-output/ (which may hold meetings saved in the
 * preview) is never deleted: it is renamed `demo-output-<date>-<time>/` and `keptAs` says where.
 */
export function prepareDemo(cwd: string, options: CliOptions, now = new Date()): { options: CliOptions; keptAs: string | null } {
  const out = path.join(cwd, 'demo-output');
  let keptAs: string | null = null;
  if (fs.existsSync(out)) {
    const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    keptAs = `${out}-${stamp}`;
    for (let n = 2; fs.existsSync(keptAs); n++) keptAs = `${out}-${stamp}-${n}`;
    fs.renameSync(out, keptAs);
  }
  fs.mkdirSync(out, { recursive: true });
  const workbook = path.join(out, 'tracker.xlsx');
  fs.copyFileSync(path.join(SAMPLE_DIR, 'tracker.xlsx'), workbook);
  const evidence = path.join(out, 'evidence');
  fs.cpSync(path.join(SAMPLE_DIR, 'evidence'), evidence, { recursive: true });
  applyEvidenceDates(evidence, path.join(SAMPLE_DIR, 'evidence-dates.json'));
  const outbox = path.join(out, 'outbox');
  fs.mkdirSync(outbox, { recursive: true });
  const fromFile = path.join(SAMPLE_DIR, 'vacancies-response.json');
  return {
    keptAs,
    options: {
      ...options,
      workbook, evidence, outbox,
      today: options.today ?? DEMO_DAY,
      fromFile: fs.existsSync(fromFile) ? fromFile : options.fromFile,
      // import-pupils applies the bundled MIS export; new-year stays a dry run.
      misExport: path.join(SAMPLE_DIR, 'mis-export.csv'), applyImport: true,
      reportOut: path.join(out, 'governors-report.pdf'),
    },
  };
}

/** Git keeps no file times, so the sample's intended "last updated" days come from a manifest. */
export function applyEvidenceDates(folder: string, manifest: string): void {
  if (!fs.existsSync(manifest)) return;
  const dates = JSON.parse(fs.readFileSync(manifest, 'utf8')) as Record<string, string>;
  for (const [file, day] of Object.entries(dates)) {
    const target = path.join(folder, file);
    if (!fs.existsSync(target)) continue;
    const when = new Date(`${day}T12:00:00Z`);
    fs.utimesSync(target, when, when);
  }
}
