/**
 * A cell showing a spreadsheet error (`#REF!`, `#N/A`...): Sheets hands it over as that text and the
 * `.xlsx` reader does the same, so it is reported with its error value, never read as blank.
 */
import type { CellValue } from '../ports';

const ERRORS = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|ERROR!|EXTERNAL!|PYTHON!)$/;

export function isErrorCell(cell: CellValue): cell is string {
  // Most cells have no "#": the test for it is far cheaper than the pattern.
  return typeof cell === 'string' && cell.includes('#') && ERRORS.test(cell.trim());
}

export function errorCellMessage(header: string, cell: string): string {
  return `${header} shows the error ${cell.trim()} (a formula or reference that no longer works), so it cannot be read: correct the cell.`;
}
