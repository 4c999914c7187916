/**
 * careers-tracker new-year [--apply]: moves every pupil on roll up a year for the next academic
 * year. A dry run (the counts) unless --apply.
 */
import type { Command } from './commands';
import { runNewYear } from '../jobs/new-year';

export const newYear: Command = {
  name: 'new-year',
  summary: 'starts the next academic year: every pupil up a year; a dry run unless --apply',
  run({ ctx, options }) {
    const { message, ...json } = runNewYear(ctx, { apply: options.apply === true });
    const hint = !json.refused && !json.applied ? '\nRun again with --apply to make these changes.' : '';
    // A refused --apply could not do the work: exit 1, having written nothing.
    return { json, text: `${message}${hint}`, changed: json.applied, ...(json.refused && options.apply ? { exitCode: 1, error: json.refused } : {}) };
  },
};
