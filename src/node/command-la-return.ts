/**
 * careers-tracker la-return --kind y11|y12|destinations --out FILE: one of the local authority's
 * CSV files (UTF-8 with BOM, CRLF, formula-safe), written with papaparse. The workbook is not changed.
 */
import * as fs from 'node:fs';
import Papa from 'papaparse';
import type { Command } from './commands';
import { UsageError } from './errors';
import { loadTracker, nowFor } from '../jobs/context';
import { LA_RETURN_KINDS, type LaReturnKind, buildLaReturn, laReturnCsv } from '../domain/la-return';

export const laReturn: Command = {
  name: 'la-return',
  summary: 'writes a return for the local authority as CSV: --kind y11|y12|destinations --out FILE',
  run({ ctx, options }) {
    const kind = options.kind as LaReturnKind | undefined;
    if (!kind || !(LA_RETURN_KINDS as readonly string[]).includes(kind)) throw new UsageError(`la-return needs --kind y11, y12 or destinations${kind ? `, not "${kind}"` : ''}`);
    if (!options.out) throw new UsageError('la-return needs --out FILE (where to write the CSV)');
    const tracker = loadTracker(ctx.workbook);
    const table = buildLaReturn(tracker, kind, nowFor(ctx, tracker).today);
    fs.writeFileSync(options.out, laReturnCsv(Papa.unparse as never, table), 'utf8');
    return {
      json: { kind, rows: table.rows.length, file: options.out },
      text: `${table.rows.length} rows written to ${options.out} (${table.name}: UTF-8 CSV for the local authority).`,
      changed: false,
    };
  },
};
