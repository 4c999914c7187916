/**
 * Tabs (arrays of rows) as an in-memory `.xlsx` workbook, as a test tracker: each tab's rows
 * padded to its widest row, so every row has a cell under every header.
 */
import type { CellValue } from '../../src/ports';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';

export function workbookOf(tabs: Record<string, CellValue[][]>): XlsxWorkbook {
  const wb = XlsxWorkbook.empty();
  for (const [name, grid] of Object.entries(tabs)) {
    wb.createTab(name);
    const width = Math.max(...grid.map((r) => r.length));
    wb.writeCells(name, 1, 1, grid.map((r) => [...r, ...new Array(width - r.length).fill('')]));
  }
  return wb;
}
