/**
 * The mentor log sidebar: loading the list as the careers leader (every pupil on roll) and saving
 * a meeting, at 100 to 10,000 pupils. Calls through the Apps Script fake; ms on an .xlsx in Node.
 * The note gives the list's JSON size (what google.script.run carries) and the sidebar file's size.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { syntheticTracker, type Tabs } from '../test/support/synthetic';
import { XlsxWorkbook } from '../src/node/xlsx-workbook';
import { NodeClock } from '../src/node/clock';
import { MemoryProperties, ProcessLock } from '../src/node/memory';
import { GasDocumentLock, GasProperties } from '../src/gas/services';
import { loadMentorLog, saveMeeting } from '../src/jobs/mentor-log';
import type { JobContext } from '../src/jobs/context';
import type { WorkbookPort } from '../src/ports';
import type { SaveMeetingRequest } from '../src/ui/api';
import type { BenchCase } from '../scripts/bench';
import { BENCH_DAY, benchClock, fakeWithTabs, timed } from './support';

const LEADER = 'cl@school.example';

function sidebarSize(): string {
  const file = path.resolve(__dirname, '../build/sidebar.html');
  return fs.existsSync(file) ? `sidebar.html ${fs.statSync(file).size.toLocaleString('en-GB')} bytes` : 'sidebar.html not built (npm run build)';
}

function xlsxOf(tabs: Tabs): XlsxWorkbook {
  const wb = XlsxWorkbook.empty();
  for (const [name, rows] of Object.entries(tabs)) {
    wb.createTab(name);
    const width = Math.max(...rows.map((r) => r.length));
    wb.writeCells(name, 1, 1, rows.map((r) => [...r, ...new Array(width - r.length).fill('')]));
  }
  return wb;
}

function nodeCtx(workbook: WorkbookPort): JobContext {
  return { workbook, clock: new NodeClock(BENCH_DAY), lock: new ProcessLock(), documentProperties: new MemoryProperties(), user: { email: () => LEADER } };
}

const request = (): SaveMeetingRequest => ({
  requestId: `bench-${Math.random().toString(36).slice(2, 12)}`, pupilId: 'P000004', type: 'Mentoring', date: BENCH_DAY,
  grades: '', needs: '', options: '', aspirations: '', motivation: '', notes: 'Bench meeting', sharedWithParents: false,
  nextMeeting: '', actions: [{ action: 'Write CV', due: '2026-03-20', owner: 'Pupil' }, { action: 'Apply to college', due: '2026-03-27', owner: 'Me' }],
  plan: { planA: 'College', planB: 'Apprenticeship', status: 'Applied' }, shown: { planA: 'College', planB: '', status: 'Applied' },
});

export const cases: BenchCase[] = [
  {
    name: 'sidebar load (leader: all pupils)',
    sizes: [100, 1_000, 10_000],
    run(size) {
      const tabs = syntheticTracker({ pupils: size });
      const { fake, workbook } = fakeWithTabs(tabs, { user: LEADER });
      fake.calls.reset();
      loadMentorLog({ workbook, clock: benchClock, user: { email: () => LEADER } });
      const calls = fake.calls.total('spreadsheet');
      const [view, ms] = timed(() => loadMentorLog(nodeCtx(xlsxOf(tabs))));
      const kb = Buffer.byteLength(JSON.stringify(view)) / 1024;
      return { calls, ms, note: `1 round trip, ${view.mentees.length.toLocaleString('en-GB')} listed, ${kb.toFixed(0)} KB JSON; ${sidebarSize()}` };
    },
  },
  {
    name: 'sidebar save meeting (2 actions, Plan B)',
    sizes: [100, 10_000],
    run(size) {
      const tabs = syntheticTracker({ pupils: size });
      const { fake, workbook } = fakeWithTabs(tabs, { user: LEADER });
      const props = new GasProperties(fake.globals.PropertiesService.getDocumentProperties() as unknown as GoogleAppsScript.Properties.Properties);
      fake.calls.reset();
      saveMeeting({ workbook, clock: benchClock, lock: new GasDocumentLock(), documentProperties: props, user: { email: () => LEADER } }, request());
      const calls = fake.calls.total('spreadsheet');
      const grow = fake.calls.count('Sheet.insertRowsAfter');
      const [, ms] = timed(() => saveMeeting(nodeCtx(xlsxOf(tabs)), request()));
      return { calls, ms, note: grow ? `includes ${grow} calls growing full grids` : 'one round trip, under the document lock' };
    },
  },
];
