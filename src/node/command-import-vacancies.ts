/**
 * careers-tracker import-vacancies: new vacancies from Find an apprenticeship into the Vacancies
 * tab, from the API (`--api-key K`) or a saved response (`--from-file F`).
 */
import * as fs from 'node:fs';
import type { Command } from './commands';
import { VacancyImportError, runImportVacancies } from '../jobs/import-vacancies';
import { table } from './output';
import { UsageError } from './errors';

export const importVacancies: Command = {
  name: 'import-vacancies',
  summary: 'imports from the API (--api-key, or --from-file F for a saved response)',
  run({ ctx, options }) {
    if (!options.fromFile && !options.apiKey) {
      throw new UsageError('import-vacancies needs --api-key K (a Find an apprenticeship Display advert API key) or --from-file F (a saved response). Nothing was imported.');
    }
    if (options.fromFile && !fs.statSync(options.fromFile, { throwIfNoEntry: false })?.isFile()) {
      throw new UsageError(`No such file: ${options.fromFile} (--from-file). Nothing was imported.`);
    }
    // A VacancyImportError propagates: the CLI prints it and the workbook is not saved.
    const r = runImportVacancies(ctx, { apiKey: options.apiKey ?? null, savedResponse: Boolean(options.fromFile) });
    const lines = [r.message];
    if (r.vacancies.length > 0) {
      lines.push('', table(['Reference', 'Title', 'Employer', 'Location', 'Closes'], r.vacancies.map((v) => [v.reference, v.title, v.employer, v.location, v.closingDate])));
    }
    return { json: r, text: lines.join('\n') };
  },
};
