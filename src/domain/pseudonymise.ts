/**
 * Pseudonymising leavers past retention (destinations.md, Retention): which cells change, worked
 * out from the tabs as read, before anything is written. Pure: the SHA-256 comes from the caller.
 */
import type { CellValue } from '../ports';
import { isDayCell } from '../ports';
import {
  ACTIONS_TAB, ACTIVITIES_TAB, DESTINATIONS_TAB, LOG_TAB, MEETINGS_TAB, PUPILS_TAB, type TabSpec, normaliseHeader,
} from './schema';
import { mapHeaders } from './table';
import { displayCell, isBlank, pupilKey, splitList } from './values';
import type { Pupil } from './tracker';

export const REDACTED = 'Redacted';

/** `X-` and the first 10 hex digits of SHA-256 of the old ID and the spreadsheet's ID. */
export function pseudonym(oldId: string, documentId: string, sha256Hex: (text: string) => string): string {
  return `X-${sha256Hex(`${oldId.trim()}${documentId}`).slice(0, 10).toLowerCase()}`;
}

/** Already done: a pseudonymised row keeps its `X-` ID and `Redacted` name, so a second run skips it. */
export function isPseudonymised(p: Pupil): boolean {
  return /^X-[0-9a-f]{10}$/i.test(p.id.trim()) && p.name.trim() === REDACTED;
}

export interface CellChange {
  row: number;
  column: number;
  value: CellValue;
}

export interface PseudonymisePlan {
  leavers: number;
  /** rows that change, per tab */
  rows: Record<string, number>;
  /** cells to write, per tab (1-based rows and columns) */
  cells: Record<string, CellChange[]>;
}

interface Leaver {
  newId: string;
  email: string | null;
}

const BLANKED = ['email', 'dateOfBirth', 'postcode', 'form', 'mentor'];
const NAME_KEYS = ['name', 'forename', 'surname'];
const REDACTED_IN: Record<string, string[]> = {
  Meetings: ['grades', 'needs', 'options', 'aspirations', 'motivation', 'notes'],
  Actions: ['action'],
  Destinations: ['notes'],
};

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The cells to change in every tab for these leavers. `tabs`: every tab of the spreadsheet as read
 * (the output tabs the jobs rewrite may be left out).
 */
export function planPseudonymise(
  tabs: Record<string, CellValue[][] | null>, leavers: Pupil[], documentId: string, sha256Hex: (t: string) => string,
): PseudonymisePlan {
  const byKey = new Map<string, Leaver>();
  for (const p of leavers) byKey.set(p.key, { newId: pseudonym(p.id, documentId, sha256Hex), email: p.email ? p.email.trim() : null });
  const plan: PseudonymisePlan = { leavers: byKey.size, rows: {}, cells: {} };
  if (byKey.size === 0) return plan;
  const add = (tab: string, row: number, column: number, value: CellValue) => {
    (plan.cells[tab] ??= []).push({ row, column, value });
  };
  const countRow = (tab: string) => {
    plan.rows[tab] = (plan.rows[tab] ?? 0) + 1;
  };

  // Free text anywhere (the Log, the school's own tabs): old IDs become the new ones, emails Redacted.
  // One regular expression for them all, longest first, and a lookup for the replacement.
  const to = new Map<string, string>();
  for (const [key, l] of byKey) {
    to.set(key, l.newId);
    if (l.email) to.set(l.email.toLowerCase(), REDACTED);
  }
  const alternatives = [...to.keys()].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
  const words = new RegExp(`(?<![A-Za-z0-9.@_-])(?:${alternatives})(?![A-Za-z0-9])`, 'gi');
  const scrub = (text: string): string => text.replace(words, (m) => to.get(m.toLowerCase()) ?? m);

  const specs: Record<string, TabSpec> = {
    Pupils: PUPILS_TAB, Meetings: MEETINGS_TAB, Actions: ACTIONS_TAB, Destinations: DESTINATIONS_TAB, Activities: ACTIVITIES_TAB,
  };
  for (const [name, grid] of Object.entries(tabs)) {
    if (!grid) continue;
    const spec = specs[name];
    if (!spec) {
      // The Log and any other tab: scrub text cells.
      const header = name === LOG_TAB.name ? mapHeaders(grid, LOG_TAB).headerRow : 0;
      grid.forEach((r, i) => {
        if (i < header) return;
        let changed = false;
        r.forEach((c, j) => {
          if (typeof c !== 'string' || c === '') return;
          const s = scrub(c);
          if (s !== c) {
            add(name, i + 1, j + 1, s);
            changed = true;
          }
        });
        if (changed) countRow(name);
      });
      continue;
    }
    const header = mapHeaders(grid, spec);
    if (header.headerRow === 0) continue;
    const idCol = header.columns.get(name === 'Pupils' ? 'id' : 'pupil');
    const col = (key: string): number | undefined => {
      const at = header.columns.get(key);
      if (at !== undefined) return at;
      const i = header.headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(key));
      return i >= 0 ? i : undefined;
    };
    const listCols = name === 'Activities' ? [col('pupils'), col('absent')].filter((x): x is number => x !== undefined) : [];
    for (let i = header.headerRow; i < grid.length; i++) {
      const r = grid[i];
      let changed = false;
      const set = (at: number | undefined, value: CellValue, onlyIfSet = false) => {
        if (at === undefined) return;
        const was = r[at] ?? '';
        if (onlyIfSet && isBlank(was)) return;
        if (displayCell(was) === displayCell(value) && !isDayCell(was)) return;
        add(name, i + 1, at + 1, value);
        changed = true;
      };
      if (idCol !== undefined) {
        const l = byKey.get(pupilKey(displayCell(r[idCol] ?? '')));
        if (l) {
          set(idCol, l.newId);
          if (name === 'Pupils') {
            for (const k of NAME_KEYS) set(col(k), REDACTED, k !== 'name');
            for (const k of BLANKED) set(col(k), '', true);
          } else {
            for (const k of REDACTED_IN[name] ?? []) set(col(k), REDACTED, true);
          }
        }
      }
      for (const at of listCols) {
        const cell = r[at] ?? '';
        const items = splitList(cell);
        if (!items.some((x) => byKey.has(pupilKey(x)))) continue;
        // The list keeps its own separators; only the IDs change.
        const text = displayCell(cell).replace(/[^,;/\n\r]+/g, (item) => {
          const l = byKey.get(pupilKey(item));
          return l ? item.replace(item.trim(), l.newId) : item;
        });
        set(at, text);
      }
      if (changed) countRow(name);
    }
  }
  return plan;
}
