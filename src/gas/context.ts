/**
 * The Apps Script adapters behind one execution. Built on demand, never at load time.
 */
import { type JobContext, RUN_BUDGET_MS } from '../jobs/context';
import { BATCH } from '../jobs/bulletin';
import { SheetsWorkbook } from './workbook';
import { GasClock, GasDocumentLock, GasProperties, GasUser } from './services';
import { GasFolders } from './folders';
import { GasMail } from './mail';
import { GasHttp } from './http';

export function gasContext(): JobContext {
  const clock = new GasClock();
  return {
    workbook: new SheetsWorkbook(SpreadsheetApp.getActiveSpreadsheet()),
    clock,
    // Apps Script ends every run at 6 minutes: long jobs stop before, say what is left, and resume.
    deadline: clock.now().getTime() + RUN_BUDGET_MS,
    sendBatch: BATCH,
    lock: new GasDocumentLock(),
    documentProperties: new GasProperties(PropertiesService.getDocumentProperties()),
    userProperties: new GasProperties(PropertiesService.getUserProperties()),
    user: new GasUser(),
    folders: new GasFolders(),
    mail: new GasMail(),
    http: new GasHttp(),
  };
}
