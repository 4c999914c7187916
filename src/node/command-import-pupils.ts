/**
 * careers-tracker import-pupils --from-file EXPORT [--apply]: pupils from the school's MIS export
 * (CSV or .xlsx) into the Pupils tab. A dry run unless --apply.
 */
import * as fs from 'node:fs';
import type { Command } from './commands';
import { runImportPupils } from '../jobs/import-pupils';
import { readMisExport } from './mis-export';
import { table } from './output';
import { truncate } from './commands';
import { UsageError } from './errors';

export const importPupils: Command = {
  name: 'import-pupils',
  summary: 'pupils from the MIS export (--from-file F, a CSV or .xlsx); a dry run unless --apply',
  async run({ ctx, options }) {
    const file = options.misExport ?? options.fromFile;
    if (!file) throw new UsageError('import-pupils needs --from-file F: the pupils exported from your MIS as CSV or .xlsx. Nothing was imported.');
    if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) throw new UsageError(`No such file: ${file} (--from-file). Nothing was imported.`);
    const rows = await readMisExport(file);
    const apply = options.apply === true || options.applyImport === true;
    const r = runImportPupils(ctx, rows, { apply });
    const { plan } = r;
    const lines = [r.message];
    if (plan.added.length) lines.push('', apply ? 'Added:' : 'To add:', table(['Pupil ID', 'Name', 'Year'], plan.added.map((a) => [a.id, a.name, a.year])));
    if (plan.changed.length) {
      lines.push('', 'Changes (old → new):', table(['Pupil ID', 'Name', 'Column', 'Old', 'New'],
        plan.changed.flatMap((c) => Object.entries(c.fields).map(([f, [o, n]]) => [c.id, c.name, f, truncate(o, 30), truncate(n, 30)]))));
    }
    if (plan.absent.length) lines.push('', 'On roll in the tracker but not in the export (left as they are):', table(['Pupil ID', 'Name'], plan.absent.map((a) => [a.id, a.name])));
    if (plan.skipped.length) lines.push('', 'Skipped (rows of the file that cannot be read):', table(['Row', 'Column', 'Value', 'Problem'], plan.skipped.map((s) => [s.row, s.column, truncate(s.value, 24), s.message])));
    if (!apply && plan.added.length + plan.changed.length + plan.newColumns.length > 0) lines.push('', 'Run again with --apply to make these changes.');
    const { plan: _plan, message: _m, ...json } = r;
    return { json, text: lines.join('\n'), changed: apply };
  },
};
