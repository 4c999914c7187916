/**
 * Menu: Export for the local authority…: a dialog that offers each CSV file as a download. The
 * rows and the CSV text are made in the dialog's browser code (the same domain rules, and
 * papaparse), so none of that weighs on the server script. Nothing is written to Drive; the server
 * only hands the dialog the three tabs it needs, after checking the caller's role.
 */
import { withPermission_ } from '../run';
import { permissionFor } from '../../jobs/permission';
import { gasContext } from '../context';
import { nowFor } from '../../jobs/context';
import type { ApiResult } from '../../ui/api';
import type { LaReturnData } from '../../domain/la-return';
import { readTracker } from '../../domain/tracker';

const TITLE = 'Export for the local authority';

export function exportForLocalAuthority(): void {
  withPermission_('laReturn', TITLE, (_ctx, ui) => {
    const html = HtmlService.createHtmlOutputFromFile('la-return').setWidth(460).setHeight(340);
    ui.showModalDialog(html, TITLE);
    return null;
  });
}

/** The dialog's server function: the tabs the returns are made from, for the careers leader or destinations lead. */
export function getLaReturnData(): ApiResult<LaReturnData> {
  try {
    const ctx = gasContext();
    const permission = permissionFor(ctx, 'laReturn');
    if (!permission.ok) return { ok: false, code: 'refused', message: permission.message };
    const tabs: LaReturnData['tabs'] = {};
    for (const name of ['Settings', 'Pupils', 'Destinations']) tabs[name] = ctx.workbook.readTab(name);
    return { ok: true, value: { tabs, today: nowFor(ctx, readTracker({ Settings: tabs.Settings })).today } };
  } catch (e) {
    return { ok: false, code: 'error', message: `Something went wrong in the tracker: ${(e as Error)?.message ?? String(e)}` };
  }
}
