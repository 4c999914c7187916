/**
 * Menu: Send bulletin now. Shows how many will receive it and asks first; the confirmation is
 * asked before taking the document lock, so nobody else waits while the question is on screen.
 */
import { withPermission_ } from '../run';
import { type BulletinResult, planBulletin, runBulletin } from '../../jobs/bulletin';

const TITLE = 'Send bulletin now';

export function sendBulletinNow(): void {
  withPermission_('bulletin', TITLE, (ctx, ui) => {
    const plan = planBulletin(ctx);
    const vacancies = plan.items.length;
    const recipients = plan.toSend.length;
    if (vacancies > 0 && plan.selection.recipients.length > 0) {
      if (recipients === 0 && plan.nothingToStart.length === 0) {
        return `Everyone on the list (${plan.selection.recipients.length}) has already had this week's bulletin (${plan.week.weekKey}). Nothing was sent.`;
      }
      // Only Year 11s with nothing starting after they leave are left: the run just logs them.
      if (recipients === 0) return outcome_(ctx.lock!.withLock(() => runBulletin(ctx)));
      const question = `Send this week's bulletin of ${vacancies} vacanc${vacancies === 1 ? 'y' : 'ies'} to ${recipients} pupils and leavers?`;
      if (ui.alert(TITLE, question, ui.ButtonSet.YES_NO) !== ui.Button.YES) return null;
    }
    // With no open vacancy or nobody to send to, the run only records why in the Log.
    return outcome_(ctx.lock!.withLock(() => runBulletin(ctx)));
  });
}

function outcome_(r: BulletinResult): string {
  if (r.reason === 'no-open-vacancies' || r.reason === 'no-recipients') return `${r.message} The Log tab records this.`;
  return `${r.message} Each email is recorded in the Log tab.`;
}
