/**
 * The sample's leavers' destinations (destinations.md), added to the tabs make-sample.ts builds:
 * the settings, a Destinations lead, dates of birth and postcodes for the LA returns, a few
 * leavers whose consent was never recorded, January checks (the school checks in October and
 * January), an NCCIS code, and a handful of leavers with hand-made histories that the tests
 * work out by hand (see sample/README.md and test/destinations/sample.test.ts).
 *
 * It uses its own random numbers, so the rest of the sample is exactly as before.
 */
import { mulberry32 } from './random';
type Day = string;
interface DateCell { date: Day }
type Cell = string | number | DateCell | null;
export interface SampleTab { name: string; headers: string[]; rows: Cell[][] }

const rand = mulberry32(20260105);
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const weekdayInJanuary = (): Day => {
  for (;;) {
    const day = int(5, 30);
    const w = new Date(Date.UTC(2026, 0, day)).getUTCDay();
    if (w >= 1 && w <= 5) return `2026-01-${pad2(day)}`;
  }
};

/** Leavers with hand-made histories, by leaver year and position in that year's Pupils rows. */
export const HAND_MADE = {
  /** 2025: FE in October, NEET in January: not sustained, latest NEET */
  droppedOut: { year: 2025, index: 0 },
  /** 2025: the one leaver whose consent was No and is now blank (never recorded): no check at all, 1 October missed, 1 January due (overdue, 60 days) */
  neverChecked: { year: 2025, index: -1 },
  /** 2024: illness, NCCIS code 640 (NEET not available), checked in January (the second 2024 leaver re-checked in autumn 2025) */
  illness: { year: 2024, index: 1 },
};

export function addDestinationsSample(tabs: { settings: SampleTab; staff: SampleTab; pupils: SampleTab; destinations: SampleTab }): { handMade: Record<keyof typeof HAND_MADE, string>; readme: string[] } {
  const { settings, staff, pupils, destinations } = tabs;
  settings.rows.push(['Destination checks', 'October, January'], ['Track leavers (years)', 3], ['Keep leavers (years)', 3]);

  const role = staff.headers.indexOf('Role');
  const admin = staff.rows.find((r) => r[role] === 'Admin');
  if (admin) admin[role] = 'Admin, Destinations lead';

  const P = (h: string) => pupils.headers.indexOf(h);
  const [id, year, leaverYear, consent] = [P('Pupil ID'), P('Year'), P('Leaver year'), P('Consent to track')];
  const addDob = P('Date of birth') < 0;
  if (addDob) pupils.headers.push('Date of birth', 'Postcode');
  for (const r of pupils.rows) {
    // In Year Y in 2025-26 (or Year 11 in the year ending L): born September to August.
    const y11End = typeof r[year] === 'number' ? 2026 + 11 - (r[year] as number) : (r[leaverYear] as number);
    const born = y11End - 16;
    const month = int(1, 12);
    const dob = `${month >= 9 ? born - 1 : born}-${pad2(month)}-${pad2(int(1, 28))}`;
    if (addDob) r.push({ date: dob }, `CT${int(1, 6)} ${int(1, 9)}${'ABDEFGHJLNPQRSTUWXY'[int(0, 18)]}${'ABDEFGHJLNPQRSTUWXY'[int(0, 18)]}`);
  }

  const leaversOf = (L: number) => pupils.rows.filter((r) => r[leaverYear] === L);
  const pick = (h: { year: number; index: number }) => leaversOf(h.year).filter((r) => r[consent] === 'Yes')[h.index];
  const dropped = pick(HAND_MADE.droppedOut);
  const never = leaversOf(2025).find((r) => r[consent] === 'No')!;

  const D = (h: string) => destinations.headers.indexOf(h);
  const [dPupil, dChecked, dStatus, dProvider, dCourse, dNotes] = ['Pupil ID', 'Checked', 'Status', 'Provider', 'Course or role', 'Notes'].map(D);
  destinations.headers.push('NCCIS code');
  for (const r of destinations.rows) r.push(null);

  const latest = new Map<string, Cell[]>();
  for (const r of destinations.rows) {
    const was = latest.get(r[dPupil] as string);
    if (!was || (r[dChecked] as DateCell).date >= (was[dChecked] as DateCell).date) latest.set(r[dPupil] as string, r);
  }
  // Checked in the autumn of 2025 (so Benchmark 3's figure is unchanged by a January check).
  const checkedThisAutumn = (r: Cell[]) => {
    const l = latest.get(r[id] as string);
    return !!l && (l[dChecked] as DateCell).date >= '2025-10-01' && l[dStatus] !== 'Not known';
  };
  const ill = leaversOf(HAND_MADE.illness.year).filter((r) => r[consent] === 'Yes' && checkedThisAutumn(r))[HAND_MADE.illness.index];

  // Consent never recorded: the never-checked 2025 leaver and two 2024 leavers.
  never[consent] = null;
  for (const r of leaversOf(2024).filter((x) => x[consent] === 'Yes' && x !== ill).slice(-2)) r[consent] = null;
  const row = (pupil: Cell, day: Day, st: string, provider: Cell, course: Cell, notes: string, code: Cell = null): Cell[] => {
    const out: Cell[] = new Array(destinations.headers.length).fill(null);
    out[dPupil] = pupil; out[dChecked] = { date: day }; out[dStatus] = st; out[dProvider] = provider; out[dCourse] = course; out[dNotes] = notes;
    out[destinations.headers.length - 1] = code;
    return out;
  };
  const added: Cell[][] = [];
  // January checks: about two in three leavers whose October 2025 check found them somewhere (not the hand-made ones).
  for (const [pupil, r] of latest) {
    if (pupil === dropped[id] || pupil === ill[id]) continue;
    const day = (r[dChecked] as DateCell).date;
    if (day < '2025-10-01' || r[dStatus] === 'Not known' || rand() > 0.66) continue;
    added.push(row(pupil, weekdayInJanuary(), r[dStatus] as string, r[dProvider], r[dCourse], 'January check: still there'));
  }
  // The hand-made histories.
  destinations.rows = destinations.rows.filter((r) => r[dPupil] !== dropped[id] || (r[dChecked] as DateCell).date < '2025-09-01');
  added.push(row(dropped[id], '2025-10-06', 'Further education', 'Stour Valley College', 'Level 2 Engineering', 'October check after leaving'));
  added.push(row(dropped[id], '2026-01-12', 'NEET', null, null, 'Left college at Christmas; looking for an apprenticeship'));
  added.push(row(ill[id], '2026-01-14', 'NEET not available', null, null, 'Off sick since November; hopes to return in September', 640));
  destinations.rows.push(...added);
  destinations.rows.sort((a, b) => ((a[dChecked] as DateCell).date < (b[dChecked] as DateCell).date ? -1 : (a[dChecked] as DateCell).date > (b[dChecked] as DateCell).date ? 1 : 0));
  const name = (r: Cell[]) => String(r[pupils.headers.indexOf('Name')]);
  const readme = [
    '',
    '### Leavers\' destinations (sample/destinations.ts)',
    '',
    `- The school checks leavers in October and January (\`Destination checks\`), so on 2 March 2026 every check due is the 1 January one, 60 days ago: overdue. ${added.length - 3} leavers had a January check; the others with consent are due. Karen Blake (Admin) is the Destinations lead and gets the weekly email.`,
    `- ${name(never)} (left 2025) never gave consent either way (blank) and has no check: 1 October 2025 missed, 1 January 2026 due, "consent not recorded". Two 2024 leavers also have blank consent.`,
    `- ${name(dropped)} (left 2025) was at college in October and NEET in January: not sustained (the 2025 leavers' sustained % counts it).`,
    `- ${name(ill)} (left 2024) is off sick: \`NEET not available\` with the finer NCCIS code 640 (Illness), which the destinations return exports. Leavers of 2024 and 2023 had not accepted a place, so their first check point is 1 August of their leaver year, and they missed the earlier January check points (the school started January checks this year): every one of them has missed checks.`,
    '- The 2021 and 2022 leavers are past retention (`Keep leavers (years)` 3): Pseudonymise old leavers lists 4.',
    '- Every pupil has a Date of birth and a Postcode for the local authority\'s returns.',
  ];
  return { handMade: { droppedOut: dropped[id] as string, neverChecked: never[id] as string, illness: ill[id] as string }, readme };
}
