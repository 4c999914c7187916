/**
 * The Apps Script adapters behind one execution. Built on demand, never at load time.
 */
import type { JobContext } from '../jobs/context';
import { SheetsWorkbook } from './workbook';
import { GasClock, GasDocumentLock, GasProperties, GasUser } from './services';
import { GasFolders } from './folders';
import { GasMail } from './mail';
import { GasHttp } from './http';

export function gasContext(): JobContext {
  return {
    workbook: new SheetsWorkbook(SpreadsheetApp.getActiveSpreadsheet()),
    clock: new GasClock(),
    lock: new GasDocumentLock(),
    documentProperties: new GasProperties(PropertiesService.getDocumentProperties()),
    userProperties: new GasProperties(PropertiesService.getUserProperties()),
    user: new GasUser(),
    folders: new GasFolders(),
    mail: new GasMail(),
    http: new GasHttp(),
  };
}
