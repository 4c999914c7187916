/**
 * Walking a large evidence folder within Apps Script's time limit (issue 10): the menu item stops
 * at its time budget, keeps where it got to (Drive continuation tokens) and says so; running it
 * again carries on, and the finished Evidence tab lists every file exactly once, as one long run would.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFake, loadTabs } from '../gas/helpers';
import { reportOnEvidenceFolders } from '../../src/gas/handlers/evidence';
import { WALK_TAB } from '../../src/jobs/evidence';
import { RUN_BUDGET_MS } from '../../src/jobs/context';
import { TODAY, bigTree, evidenceTracker, writeTreeToDrive } from './tree';

afterEach(() => vi.useRealTimers());

const ROOT = '1EvidenceFolderAbcDEF_ghi-123';

function setUp(slowMsPerDriveCall: number) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${TODAY}T09:00:00Z`));
  const fake = installFake({
    user: 'cl@school.example',
    onCall: (service) => { if (service === 'drive') vi.setSystemTime(Date.now() + slowMsPerDriveCall); },
  });
  writeTreeToDrive(fake, bigTree(300, 6), ROOT);
  loadTabs(fake, evidenceTracker(ROOT));
  return fake;
}

const listed = (rows: unknown[][]) => {
  const start = rows.findIndex((r) => r[0] === 'Benchmark' && r[1] === 'Path');
  return rows.slice(start + 1).filter((r) => r[5]).map((r) => String(r[5]));
};

describe('Report on evidence folders on a large folder', () => {
  it('stops within its budget, says so, and the next runs finish with every file once', () => {
    const whole = setUp(0);
    reportOnEvidenceFolders();
    const expected = listed(whole.sheetValues('Evidence'));
    expect(expected.length).toBe(300);

    // about 1,500 Drive calls at 0.5 s each cannot fit in one 4.5-minute budget
    const fake = setUp(500);
    let runs = 0;
    for (; runs < 10; runs++) {
      const before = Date.now();
      reportOnEvidenceFolders();
      expect(Date.now() - before).toBeLessThan(RUN_BUDGET_MS + 30_000); // far from the 360 s limit
      const prompt = fake.ui.alerts.at(-1)!.prompt;
      if (!/run Report on evidence folders again/i.test(prompt)) break;
      expect(prompt).toMatch(/files listed so far/);
      expect(fake.spreadsheet.getSheetByName('Evidence')).toBeNull();
      vi.setSystemTime(Date.now() + 3_600_000);
    }
    expect(runs).toBeGreaterThan(0);
    const got = listed(fake.sheetValues('Evidence'));
    expect(got.sort()).toEqual([...expected].sort());
    expect(new Set(got).size).toBe(got.length);
    expect(fake.spreadsheet.getSheetByName(WALK_TAB)).toBeNull();
    const log = fake.sheetValues('Log').map((r) => r[2]);
    expect(log.filter((o) => o === 'incomplete')).toHaveLength(runs);
  });
});
