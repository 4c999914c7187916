/**
 * careers-tracker destinations: writes the Leavers tab (figures per leaver year, checks due and
 * missed, leavers past retention).
 */
import type { Command } from './commands';
import { runDestinations } from '../jobs/destinations';
import { table } from './output';

export const destinations: Command = {
  name: 'destinations',
  summary: "checks leavers' destinations: writes the Leavers tab (checks due, missed, sustained %)",
  run({ ctx }) {
    const run = runDestinations(ctx, { email: true });
    const { result } = run;
    const json = {
      asOf: result.asOf,
      years: result.years.map((y) => ({
        leaverYear: y.leaverYear, cohort: y.cohort, noConsent: y.noConsent, eet: y.eet, neet: y.neet, notKnown: y.notKnown,
        noCheck: y.noCheck, sustained: y.sustained, notSustained: y.notSustained, sustainedPct: y.sustainedPct,
        groups: y.groups, eetPct: y.eetPct, neetPct: y.neetPct, notKnownPct: y.notKnownPct, dueNow: y.dueNow, overdue: y.overdue, missed: y.missed,
      })),
      due: result.due.map((d) => ({
        pupilId: d.pupil.id, name: d.pupil.name, leaverYear: d.pupil.leaverYear, checkPoint: d.due, daysDue: d.daysDue, overdue: d.overdue,
        consentRecorded: d.consent !== null, lastStatus: d.latest?.status ?? null, lastChecked: d.latest?.checked ?? null,
      })),
      missed: result.missed.map((m) => ({ pupilId: m.pupil.id, count: m.missed })),
      pastRetention: result.pastRetention.map((p) => p.id),
      weekKey: run.weekKey, emails: run.sent, alreadySentThisWeek: run.alreadySent, deferred: run.deferred, outbox: run.outbox,
    };
    const overdue = result.due.filter((d) => d.overdue).length;
    const lines = [
      table(['Leaver year', 'Cohort', 'No consent', 'EET', 'NEET', 'Not known', 'No check', 'Sustained %'],
        result.years.map((y) => [y.leaverYear, y.cohort, y.noConsent, y.eet, y.neet, y.notKnown, y.noCheck, y.sustainedPct === null ? '' : `${y.sustainedPct}%`])),
      '',
      `${result.due.length} checks due now (${overdue} overdue); ${result.missed.length} leavers with missed checks; ${result.pastRetention.length} leavers past retention.`,
    ];
    if (result.due.length > 0) {
      lines.push('', table(['Pupil ID', 'Name', 'Left', 'Check point', 'Days due', ''],
        result.due.map((d) => [d.pupil.id, d.pupil.name, d.pupil.leaverYear, d.due, d.daysDue, `${d.overdue ? 'overdue' : ''}${d.consent === null ? ' consent not recorded' : ''}`.trim()])));
    }
    lines.push('', result.due.length === 0 ? 'No email: no check is due.' : `Emails to the destinations lead drafted into the outbox: ${run.sent}${run.alreadySent ? ` (${run.alreadySent} already drafted for ${run.weekKey})` : ''}.`);
    return { json, text: lines.join('\n') };
  },
};
