/**
 * Menu: Send bulletin now. Shows how many will receive it and asks first; the confirmation is
 * asked before taking the document lock, so nobody else waits while the question is on screen.
 */
import { gasContext } from '../context';
import { readStaff_ } from '../run';
import { mayRun } from '../../domain/roles';
import { type BulletinResult, planBulletin, runBulletin } from '../../jobs/bulletin';

const TITLE = 'Send bulletin now';

export function sendBulletinNow(): void {
  const ui = SpreadsheetApp.getUi();
  try {
    const ctx = gasContext();
    const permission = mayRun(readStaff_(ctx), ctx.user!.email(), 'bulletin');
    if (!permission.ok) {
      ui.alert(TITLE, permission.message, ui.ButtonSet.OK);
      return;
    }
    const plan = planBulletin(ctx);
    const vacancies = plan.items.length;
    const recipients = plan.toSend.length;
    if (vacancies > 0 && plan.selection.recipients.length > 0) {
      if (recipients === 0) {
        ui.alert(TITLE, `Everyone on the list (${plan.selection.recipients.length}) has already had this week's bulletin (${plan.week.weekKey}). Nothing was sent.`, ui.ButtonSet.OK);
        return;
      }
      const question = `Send this week's bulletin of ${vacancies} vacanc${vacancies === 1 ? 'y' : 'ies'} to ${recipients} pupils and leavers?`;
      if (ui.alert(TITLE, question, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
    }
    // With no open vacancy or nobody to send to, the run only records why in the Log.
    const result = ctx.lock!.withLock(() => runBulletin(ctx));
    ui.alert(TITLE, outcome_(result), ui.ButtonSet.OK);
  } catch (e) {
    ui.alert(TITLE, `Something went wrong: ${(e as Error).message}`, ui.ButtonSet.OK);
  }
}

function outcome_(r: BulletinResult): string {
  if (r.reason === 'no-open-vacancies' || r.reason === 'no-recipients') return `${r.message} The Log tab records this.`;
  return `${r.message} Each email is recorded in the Log tab.`;
}
