/**
 * NCCIS activity codes (reference/domain.md §4.3): each known code's group, so that an
 * `NCCIS code` cell that contradicts its row's Status can be reported.
 */
import type { CellValue } from '../ports';
import { DESTINATION_STATUSES, type DestinationGroup, type DestinationStatusTerm } from './schema';
import { displayCell } from './values';

const G: Record<DestinationGroup, number[]> = {
  'Education': [110, 120, 210, 220, 230, 240, 270, 280],
  'Education, not full time': [250],
  'Employment with training': [310, 320, 340, 381],
  'Employment without training': [330, 350, 360, 380],
  'Training': [410, 430, 440, 450, 460, 530],
  'NEET': [140, 510, 520, 540, 550, 610, 615, 616, 619, 620, 630, 640, 650, 660, 670, 680],
  'Not known': [150, 810, 820, 830],
  'Other': [130, 260, 290, 710, 720],
};

/** The group of a code on the LA's list, or null for a code not on it. */
export function codeGroup(code: number): DestinationGroup | null {
  for (const [group, codes] of Object.entries(G)) if (codes.includes(code)) return group as DestinationGroup;
  return null;
}

export function statusTerm(status: string): DestinationStatusTerm | undefined {
  return DESTINATION_STATUSES.find((t) => t.value === status);
}

/** The group of a (canonical) status; `Not known` for anything unrecognised. */
export function statusGroup(status: string): DestinationGroup {
  return statusTerm(status)?.group ?? 'Not known';
}

/** Reads an `NCCIS code` cell against the row's status: the code, or null with a problem message. */
export function readNccisCode(v: CellValue | undefined, status: string): { code: number | null; message: string | null } {
  const s = displayCell(v ?? '').trim();
  if (s === '') return { code: null, message: null };
  const n = /^\d{3}$/.test(s) ? Number(s) : NaN;
  const group = Number.isFinite(n) && n >= 110 && n <= 830 ? codeGroup(n) : null;
  if (group === null) {
    return { code: null, message: `"${s}" is not a code on the local authority's NCCIS list (three digits, 110 to 830). The status's own code is used.` };
  }
  const term = statusTerm(status);
  if (term && term.group !== group) {
    return { code: null, message: `NCCIS code ${n} is ${group}, but the status ${term.value} is ${term.group}. Correct one of them; until then the status's own code (${term.code}) is used.` };
  }
  return { code: n, message: null };
}

/** The code to export: the row's own valid code, else the status's. */
export function exportCode(status: string, own: number | null | undefined): number | null {
  return own ?? statusTerm(status)?.code ?? null;
}

/** In education, employment or training. Part-time education counts as education. */
export const EET_GROUPS: DestinationGroup[] = ['Education', 'Education, not full time', 'Employment with training', 'Employment without training', 'Training'];
/** Meets the duty to participate to 18. */
export const PARTICIPATING_GROUPS: DestinationGroup[] = ['Education', 'Employment with training', 'Training'];

export const isEet = (status: string): boolean => EET_GROUPS.includes(statusGroup(status));
export const isNeet = (status: string): boolean => statusGroup(status) === 'NEET';
