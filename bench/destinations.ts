/**
 * Leavers' destinations at 1,000 leavers with 6 checks each, and pseudonymising 1,000 leavers
 * past retention across every tab: spreadsheet calls through the Apps Script fake, time in Node.
 */
import { check, leaver, tabsOf, type Spec } from '../test/destinations/build';
import { XlsxWorkbook } from '../src/node/xlsx-workbook';
import { NodeClock } from '../src/node/clock';
import { runDestinations } from '../src/jobs/destinations';
import { runPseudonymise } from '../src/jobs/pseudonymise';
import { sha256Hex } from '../src/node/command-pseudonymise';
import type { JobContext } from '../src/jobs/context';
import type { BenchCase } from '../scripts/bench';
import { BENCH_DAY as DAY, benchClock as clock, fakeWithTabs, timed } from './support';

/** n leavers of 2023–2025 with 6 checks each; with `old`, n more of 2019–2022 with meetings, actions, activities and Log lines. */
function spec(n: number, old = 0): Spec {
  const s: Spec = { pupils: [], destinations: [], meetings: [], actions: [], activities: [], log: [] };
  for (let i = 0; i < n; i++) {
    const L = 2023 + (i % 3);
    s.pupils.push(leaver(`P${i}`, L, { 'Consent to track': i % 9 ? 'Yes' : '' }));
    for (let k = 0; k < 6; k++) s.destinations!.push(check(`P${i}`, `${L + Math.floor(k / 2)}-${k % 2 ? '02' : '10'}-0${1 + (k % 7)}`, k % 5 ? 'Further education' : 'NEET'));
  }
  for (let i = 0; i < old; i++) {
    const id = `OLD${i}`;
    s.pupils.push(leaver(id, 2019 + (i % 4), { Name: `Old Leaver ${i}`, Form: '11A', Postcode: 'CT1 1AA' }));
    s.destinations!.push(check(id, '2020-10-05', 'Apprenticeship', { Notes: 'Called' }));
    s.meetings!.push({ Date: { day: '2019-01-05' }, 'Pupil ID': id, Staff: 'FR', Type: 'Mentoring', Notes: 'Notes' });
    s.actions!.push({ 'Pupil ID': id, Action: 'Apply', Due: { day: '2019-02-01' } });
    s.log!.push({ Time: 'x', Job: 'bulletin', Outcome: 'sent', Recipient: `${id.toLowerCase()}@pupils.example`, Week: '2020-W01' });
    if (i % 10 === 0) s.activities!.push({ Date: { day: '2019-03-01' }, Activity: 'Visit', Type: 'Further education', Pupils: `${id}; OLD${i + 1}` });
  }
  return s;
}

function sheetsCalls(s: Spec, work: (ctx: JobContext) => void): number {
  const { fake, workbook } = fakeWithTabs(tabsOf(s), { user: 'cl@school.example' });
  fake.calls.reset();
  work({ workbook, clock });
  return fake.calls.total('spreadsheet');
}

function node(s: Spec, work: (ctx: JobContext) => string): { ms: number; note: string } {
  const workbook = XlsxWorkbook.empty();
  for (const [name, grid] of Object.entries(tabsOf(s))) {
    workbook.createTab(name);
    const width = Math.max(...grid.map((r) => r.length));
    workbook.writeCells(name, 1, 1, grid.map((r) => [...r, ...new Array(width - r.length).fill('')]));
  }
  const [note, ms] = timed(() => work({ workbook, clock: new NodeClock(DAY) }));
  return { ms, note };
}

const pseudo = (ctx: JobContext) => runPseudonymise(ctx, { apply: true, documentId: 'bench', sha256Hex });

export const cases: BenchCase[] = [
  {
    name: 'destinations (6 checks each)',
    sizes: [100, 1_000],
    run(size) {
      const calls = sheetsCalls(spec(size), (ctx) => { runDestinations(ctx); });
      const { ms, note } = node(spec(size), (ctx) => {
        const r = runDestinations(ctx).result;
        return `${r.tracked.length} leavers, ${r.due.length} due (${r.due.filter((d) => d.overdue).length} overdue)`;
      });
      return { calls, ms, note };
    },
  },
  {
    name: 'pseudonymise (all tabs)',
    sizes: [100, 1_000],
    run(size) {
      const calls = sheetsCalls(spec(100, size), (ctx) => { pseudo(ctx); });
      const { ms, note } = node(spec(100, size), (ctx) => {
        const r = pseudo(ctx);
        return `${r.leavers} leavers; rows ${Object.entries(r.rows).map(([t, n]) => `${t} ${n}`).join(', ')}`;
      });
      return { calls, ms, note };
    },
  },
];
