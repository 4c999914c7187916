/**
 * careers-tracker bulletin: sends this week's apprenticeship bulletin into the outbox, one `.eml`
 * per recipient, and records each send in the Log.
 */
import type { Command } from './commands';
import { runBulletin } from '../jobs/bulletin';
import { table } from './output';

export const bulletin: Command = {
  name: 'bulletin',
  summary: "sends the week's bulletin into the outbox, one .eml per recipient; logs it",
  run({ ctx }) {
    const r = runBulletin(ctx);
    const json = {
      asOf: r.asOf, weekKey: r.weekKey, vacancies: r.vacancies, recipients: r.recipients, sent: r.sent,
      skippedAlreadySent: r.skippedAlreadySent, deferred: r.deferred, outbox: r.outbox,
      failed: r.failed, skippedFailedEarlier: r.skippedFailedEarlier, skippedNothingToStart: r.skippedNothingToStart, reason: r.reason,
      optedOut: r.optedOut, noEmail: r.noEmail, duplicates: r.duplicates, problems: r.problems,
    };
    const lines = [`Bulletin for ${r.weekKey}: ${r.vacancies} open vacanc${r.vacancies === 1 ? 'y' : 'ies'}, ${r.recipients} recipient${r.recipients === 1 ? '' : 's'}.`, r.message];
    if (r.problems.length > 0) {
      lines.push('', table(['Row', 'Column', 'Value', 'Problem'], r.problems.map((p) => [p.row, p.column, p.value, p.message])));
    }
    return { json, text: lines.join('\n') };
  },
};
