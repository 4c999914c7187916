/**
 * Menu: Check leavers' destinations.
 */
import { runFromMenu_, showTab_ } from '../run';
import { LEAVERS_TAB, runDestinations } from '../../jobs/destinations';

export function checkLeaversDestinations(): void {
  runFromMenu_('destinations', "Check leavers' destinations", (ctx) => {
    const run = runDestinations(ctx, { email: true });
    const { result } = run;
    showTab_(LEAVERS_TAB);
    const overdue = result.due.filter((d) => d.overdue).length;
    return `${result.tracked.length} leavers tracked: ${result.due.length} checks due now (${overdue} overdue), `
      + `${result.missed.length} leavers with missed checks, ${result.pastRetention.length} past retention. The Leavers tab is up to date.`
      + (result.due.length ? `\nEmails sent: ${run.sent}${run.alreadySent ? ` (${run.alreadySent} already had this week's)` : ''}${run.deferred ? `; ${run.deferred} not sent yet` : ''}.` : '');
  });
}
