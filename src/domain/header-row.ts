/**
 * Which row holds a tab's headers. Usually the first non-empty row; but schools put a title row
 * (or a note, or a blank-but-formatted banner) above their headers, so the header row is the row,
 * among the first few non-empty rows, that names the most of the tab's columns. When no row names
 * any column, it is the first non-empty row (as before), so setup writes headers where the user
 * expects them.
 */
import type { CellValue } from '../ports';
import { type TabSpec, columnNames, normaliseHeader } from './schema';
import { displayCell, isBlank } from './values';

/** How many non-empty rows from the top are looked at for the header row. */
export const HEADER_SEARCH_ROWS = 10;

/** 0-based index of the header row in the grid, or -1 when the tab is empty. */
export function findHeaderRow(grid: CellValue[][], spec: TabSpec): number {
  const names = new Set(spec.columns.flatMap((c) => columnNames(c).map(normaliseHeader)));
  let first = -1;
  let best = -1;
  let bestScore = 0;
  let looked = 0;
  for (let i = 0; i < grid.length && looked < HEADER_SEARCH_ROWS; i++) {
    const row = grid[i];
    if (!row.some((c) => !isBlank(c))) continue;
    looked++;
    if (first < 0) first = i;
    const seen = new Set<string>();
    for (const c of row) {
      const h = normaliseHeader(displayCell(c));
      if (names.has(h)) seen.add(h);
    }
    if (seen.size > bestScore) {
      best = i;
      bestScore = seen.size;
    }
  }
  return best >= 0 ? best : first;
}
