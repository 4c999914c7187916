/**
 * careers-tracker unplaced: flags unplaced Year 11s, writes Unplaced and September Guarantee, and
 * drafts this week's alerts into the outbox.
 */
import type { Command } from './commands';
import { runUnplaced } from '../jobs/unplaced';
import { cohortSummary, reasonPhrase } from '../domain/unplaced-email';
import { table } from './output';

export const unplaced: Command = {
  name: 'unplaced',
  summary: 'flags unplaced Year 11s; writes Unplaced and September Guarantee; drafts the alerts into the outbox',
  run({ ctx }) {
    const r = runUnplaced(ctx);
    const { result } = r;
    const json = {
      asOf: r.asOf,
      cohort: result.cohort.length,
      placed: result.placed.length,
      flagged: result.flagged.map((f) => ({
        pupilId: f.pupil.id, name: f.pupil.name, mentor: f.pupil.mentor, level: f.level, reasons: f.reasons,
        daysSinceLastMeeting: f.daysSinceLastMeeting, overdueActions: f.overdueActions,
      })),
      septemberGuarantee: result.septemberGuarantee.map((p) => p.id),
      emails: r.sent,
      weekKey: r.weekKey,
      alreadySentThisWeek: r.alreadySent,
      deferred: r.deferred,
      outbox: r.outbox,
    };
    const lines = [
      `${cohortSummary(result)} ${result.septemberGuarantee.length} on the September Guarantee list.`,
    ];
    if (result.flagged.length > 0) {
      lines.push('', table(
        ['Level', 'Pupil ID', 'Name', 'Mentor', 'Reasons'],
        result.flagged.map((f) => [f.level, f.pupil.id, f.pupil.name, f.pupil.mentor, f.reasons.map((x) => reasonPhrase(f, x)).join('; ')]),
      ));
    }
    lines.push('', r.recipients === 0
      ? 'No alerts: no one is flagged, or no one to send them to.'
      : `Alerts drafted into the outbox: ${r.sent}${r.alreadySent ? ` (${r.alreadySent} already drafted for ${r.weekKey})` : ''}`
        + `${r.deferred ? `; ${r.deferred} left over${r.failure ? ` (${r.failure})` : ' (quota)'}` : ''}.`);
    return { json, text: lines.join('\n') };
  },
};
