/**
 * Reading the school's MIS export on the command line: a CSV (any of the shapes csv.ts reads) or
 * the first sheet of an .xlsx.
 */
import * as fs from 'node:fs';
import type { CellValue } from '../ports';
import { readCsvBytes } from '../domain/csv';
import { PupilImportError } from '../domain/pupils-import';
import { XlsxWorkbook } from './xlsx-workbook';

export async function readMisExport(file: string): Promise<CellValue[][]> {
  if (/\.xls$/i.test(file)) throw new PupilImportError(`${file} is an old Excel file (.xls): save it as CSV or .xlsx from Excel, then import that. Nothing was imported.`);
  if (/\.xlsx$/i.test(file)) {
    let book: XlsxWorkbook;
    try {
      book = await XlsxWorkbook.open(file);
    } catch (e) {
      throw new PupilImportError(`Cannot read the export ${file}: ${(e as Error).message} Nothing was imported.`);
    }
    const first = book.tabNames()[0];
    return (first ? book.readTab(first) : null) ?? [];
  }
  return readCsvBytes(new Uint8Array(fs.readFileSync(file)));
}
