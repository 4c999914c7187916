/**
 * Tab names are matched as headers are: case, surrounding and repeated spaces do not matter, so a
 * school's `pupils` tab is the Pupils tab (never renamed, never doubled by setup).
 */

export function normaliseTabName(name: string): string {
  return String(name).trim().replace(/\s+/g, ' ').toLowerCase();
}

export class TabClashError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TabClashError';
  }
}

/**
 * The workbook's tab that stands for `wanted`: the tab of exactly that name, else the one tab that
 * matches it as a header would; null when none. Two tabs that both match (and neither exactly) are
 * a clash, reported in plain words.
 */
export function findTab(names: readonly string[], wanted: string): string | null {
  if (names.includes(wanted)) return wanted;
  const key = normaliseTabName(wanted);
  const matches = names.filter((n) => normaliseTabName(n) === key);
  if (matches.length > 1) {
    throw new TabClashError(
      `The tracker has ${matches.length} tabs that all read as the ${wanted} tab (${matches.map((m) => `"${m}"`).join(', ')}): rename all but one. Nothing was changed.`,
    );
  }
  return matches[0] ?? null;
}

export function hasTab(names: readonly string[], wanted: string): boolean {
  return findTab(names, wanted) !== null;
}
