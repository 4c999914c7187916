/**
 * Menu: Flag unplaced Year 11s.
 */
import { runFromMenu_, showTab_ } from '../run';
import { UNPLACED_TAB, runUnplaced } from '../../jobs/unplaced';
import { cohortSummary } from '../../domain/unplaced-email';

export function flagUnplacedYear11s(): void {
  runFromMenu_('unplaced', 'Flag unplaced Year 11s', (ctx) => {
    const r = runUnplaced(ctx);
    showTab_(UNPLACED_TAB);
    const lines = [
      r.result.cohort.length === 0
        ? 'There are no pupils in Year 11 in the Pupils tab.'
        : `${cohortSummary(r.result)} `
          + `The Unplaced and September Guarantee (${r.result.septemberGuarantee.length} pupils) tabs are up to date.`,
    ];
    if (r.recipients === 0) lines.push(r.result.flagged.length === 0 ? 'No one is flagged, so no alert was sent.' : 'No alert was sent: there is no careers leader email and no flagged pupil has a mentor in the Staff tab.');
    else {
      lines.push(`Alerts sent: ${r.sent}.${r.alreadySent ? ` ${r.alreadySent} already had this week's alert and were not sent it again.` : ''}`);
      if (r.refused.length) lines.push(`Not sent (the mail service refused the address; see the Log): ${r.refused.join('; ')}.`);
      if (r.deferred) lines.push(`${r.deferred} not sent yet${r.failure ? ` (${r.failure})` : ' (daily email limit reached)'}: run this again later, or let the weekly schedule finish them.`);
    }
    return lines.join('\n');
  });
}
