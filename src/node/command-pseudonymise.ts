/**
 * careers-tracker pseudonymise [--apply]: leavers past retention lose their names and contact
 * details; a dry run unless --apply.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { Command } from './commands';
import { runPseudonymise } from '../jobs/pseudonymise';

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const pseudonymise: Command = {
  name: 'pseudonymise',
  summary: 'pseudonymises leavers past retention (Keep leavers); a dry run unless --apply',
  run({ ctx, options }) {
    const r = runPseudonymise(ctx, { apply: options.apply === true, documentId: path.basename(options.workbook ?? ''), sha256Hex });
    const counts = Object.entries(r.rows).map(([t, n]) => `${t}: ${n}`).join(', ') || 'none';
    const text = r.leavers === 0
      ? `No leaver of ${r.firstKept - 1} or earlier is left to pseudonymise. Nothing changed.`
      : r.applied
        ? `${r.leavers} leavers of ${r.firstKept - 1} or earlier pseudonymised. Rows changed: ${counts}. This cannot be undone.`
        : `Dry run: ${r.leavers} leavers of ${r.firstKept - 1} or earlier would be pseudonymised (names, emails, dates of birth, postcodes, notes). Rows that would change: ${counts}. `
          + 'Run again with --apply to do it. It cannot be undone: keep a copy first if you may need the names.';
    return { json: { asOf: r.asOf, applied: r.applied, leavers: r.leavers, rows: r.rows }, text, changed: r.applied };
  },
};
