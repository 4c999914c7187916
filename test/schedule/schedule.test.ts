/**
 * The weekly schedule through the Apps Script adapters and the fake: the menu handlers, the
 * hourly trigger handler, and the clock (faked `Date`, read through Utilities.formatDate in the
 * spreadsheet's time zone, as GasClock does).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GasFake, GasFakeOptions } from '../fakes/gas';
import { gasJobContext, installFake, loadTabs } from '../gas/helpers';
import { syntheticTracker } from '../support/synthetic';
import { d, everyMentorFlagged, pupil, tabsOf, wellSupported } from '../unplaced/build';
import { runWeeklyJobs, scheduleWeeklyJobs, stopWeeklyJobs } from '../../src/gas/handlers/schedule';
import { GasMail } from '../../src/gas/mail';
import { OWNER_KEY, doneKey, runScheduledTick } from '../../src/jobs/schedule';
import type { WeeklyJob } from '../../src/jobs/weekly';
import { unplacedWeeklyJob } from '../../src/jobs/unplaced';

const SPEC = {
  pupils: [
    pupil('A1', { Name: 'Zoe Rejected', Mentor: 'FR', 'Application status': 'Rejected' }),
    pupil('A2', { Name: 'Ben Applied', Mentor: 'JS' }),
    pupil('A3', { Name: 'Cara Placed', Mentor: 'JS', 'Application status': 'Accepted' }),
  ],
  meetings: [...wellSupported(['A2', 'A3'], '2026-03-02'), { Date: d('2026-02-20'), 'Pupil ID': 'A1', Staff: 'FR', Type: 'Mentoring' }],
};
const RECIPIENTS = ['cl@school.example', 'fr@school.example', 'js@school.example'];

function setup(user = 'cl@school.example', opts: GasFakeOptions = {}): GasFake {
  const fake = installFake({ user, ...opts });
  loadTabs(fake, tabsOf(SPEC));
  return fake;
}

const at = (iso: string) => vi.setSystemTime(new Date(iso));

/** One hourly tick as Apps Script runs it: no UI, as the trigger's owner. */
function tick(fake: GasFake, as = 'cl@school.example'): void {
  const user = fake.user;
  fake.setUser(as);
  fake.setUiAvailable(false);
  try {
    runWeeklyJobs();
  } finally {
    fake.setUiAvailable(true);
    fake.setUser(user);
  }
}

/** The unplaced alerts sent (the schedule also runs the other weekly jobs, e.g. the bulletin). */
const alertsOf = (fake: GasFake) => fake.sentMail.filter((m) => m.subject.includes('Year 11'));
const sentTo = (fake: GasFake) => alertsOf(fake).map((m) => m.to.join(','));
const logRows = (fake: GasFake) => fake.sheetValues('Log').slice(1).map((r) => ({ job: r[1], outcome: r[2], details: String(r[3]), recipient: r[4], week: r[5] }));
const lastAlert = (fake: GasFake) => fake.ui.alerts[fake.ui.alerts.length - 1];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  at('2026-03-02T08:30:00Z');
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Schedule weekly jobs / Stop weekly jobs', () => {
  it('scheduling twice leaves one hourly trigger, held by the user who scheduled it', () => {
    const fake = setup();
    scheduleWeeklyJobs();
    expect(lastAlert(fake).title).toBe('Schedule weekly jobs');
    expect(lastAlert(fake).prompt).toMatch(/^Scheduled\. Every week from Monday 7:00 \(Europe\/London time\)/);
    expect(lastAlert(fake).prompt).toContain("runs the unplaced Year 11 alerts, weekly apprenticeship bulletin, leavers' destination checks and programme reminders, once a week.");
    scheduleWeeklyJobs();
    expect(lastAlert(fake).prompt).toBe('The weekly jobs are already scheduled by you. Nothing was added.');
    expect(fake.triggers).toHaveLength(1);
    expect(fake.triggers[0]).toMatchObject({ handler: 'runWeeklyJobs', eventType: 'CLOCK', owner: 'cl@school.example', schedule: { everyHours: 1 } });
    expect(fake.propertyStore('document')[OWNER_KEY]).toBe('cl@school.example');
    expect(logRows(fake).filter((r) => r.outcome === 'scheduled')).toHaveLength(1);
  });

  it('a second user is told who holds the schedule, and no second trigger is added', () => {
    const fake = setup();
    scheduleWeeklyJobs();
    fake.setUser('ad@school.example');
    scheduleWeeklyJobs();
    expect(lastAlert(fake).prompt).toContain('already scheduled by cl@school.example');
    expect(fake.triggers).toHaveLength(1);
    expect(fake.triggers[0].owner).toBe('cl@school.example');
  });

  it('needs the careers leader or admin role', () => {
    const fake = setup('fr@school.example');
    scheduleWeeklyJobs();
    expect(lastAlert(fake).prompt).toContain('This needs the role Careers leader or Admin');
    expect(fake.triggers).toEqual([]);
  });

  it('stopping removes the trigger; stopping again says there was nothing to stop', () => {
    const fake = setup();
    scheduleWeeklyJobs();
    stopWeeklyJobs();
    expect(lastAlert(fake).prompt).toMatch(/^Stopped\./);
    expect(fake.triggers).toEqual([]);
    expect(fake.propertyStore('document')[OWNER_KEY]).toBeUndefined();
    stopWeeklyJobs();
    expect(lastAlert(fake).prompt).toBe('The weekly jobs are not scheduled, so there is nothing to stop.');
  });

  it('another user can stop and take over: the old trigger then does nothing, the new holder\'s sends', () => {
    const fake = setup();
    scheduleWeeklyJobs();
    fake.setUser('ad@school.example');
    stopWeeklyJobs();
    expect(lastAlert(fake).prompt).toContain('held by cl@school.example');
    tick(fake, 'cl@school.example');
    expect(alertsOf(fake)).toEqual([]);
    scheduleWeeklyJobs();
    expect(fake.triggers.map((t) => t.owner)).toEqual(['cl@school.example', 'ad@school.example']);
    tick(fake, 'cl@school.example');
    expect(alertsOf(fake)).toEqual([]);
    tick(fake, 'ad@school.example');
    expect(sentTo(fake)).toEqual(RECIPIENTS);
  });
});

describe('the hourly trigger', () => {
  it('run twice in the same week sends the alerts once; in the next week, again', () => {
    const fake = setup();
    scheduleWeeklyJobs();
    tick(fake);
    expect(sentTo(fake)).toEqual(RECIPIENTS);
    expect(fake.sheetValues('Unplaced')[4][2]).toBe('Zoe Rejected');
    at('2026-03-02T09:30:00Z');
    tick(fake);
    at('2026-03-06T15:30:00Z');
    tick(fake);
    expect(alertsOf(fake)).toHaveLength(3);
    expect(fake.propertyStore('document')[doneKey('unplaced')]).toBe('2026-W10');
    const done = logRows(fake).filter((r) => r.job === 'schedule' && r.outcome === 'complete' && r.details.startsWith('unplaced:'));
    expect(done).toEqual([expect.objectContaining({ week: '2026-W10', details: expect.stringMatching(/^unplaced: /) })]);
    at('2026-03-09T07:30:00Z');
    tick(fake);
    expect(sentTo(fake)).toEqual([...RECIPIENTS, ...RECIPIENTS]);
    expect(logRows(fake).filter((r) => r.outcome === 'sent').map((r) => r.week)).toEqual(['2026-W10', '2026-W10', '2026-W10', '2026-W11', '2026-W11', '2026-W11']);
    // The menu's one alert; the trigger never asks for a UI.
    expect(fake.calls.count('SpreadsheetApp.getUi')).toBe(1);
  });

  it('when the holder is no longer allowed to schedule (role changed), sends nothing, says why in the Log once a week, and resumes under a new holder', () => {
    const fake = setup();
    scheduleWeeklyJobs();
    // The careers leader becomes a mentor; their trigger still fires.
    const staff = fake.sheetValues('Staff');
    const row = staff.findIndex((r) => r[2] === 'cl@school.example');
    fake.spreadsheet.getSheetByName('Staff')!.getRange(row + 1, staff[0].indexOf('Role') + 1).setValue('Mentor');
    tick(fake);
    at('2026-03-02T09:30:00Z');
    tick(fake);
    expect(fake.sentMail).toEqual([]);
    const paused = logRows(fake).filter((r) => r.outcome === 'paused');
    expect(paused).toHaveLength(1);
    expect(paused[0].details).toBe('The weekly jobs did not run: they are scheduled by cl@school.example, whose role in the Staff tab is now Mentor, '
      + 'and the emails would go from that account. Someone with the role Careers leader or Admin: choose Stop weekly jobs, then Schedule weekly jobs.');
    // The admin takes over: the alerts go from their account.
    fake.setUser('ad@school.example');
    stopWeeklyJobs();
    scheduleWeeklyJobs();
    tick(fake, 'ad@school.example');
    expect(sentTo(fake)).toEqual(RECIPIENTS);
  });

  it('before Monday 7:00 in the spreadsheet\'s time zone it does nothing; from 7:00 it sends', () => {
    const fake = setup();
    scheduleWeeklyJobs();
    at('2026-03-02T06:59:00Z');
    tick(fake);
    expect(alertsOf(fake)).toEqual([]);
    expect(() => fake.sheetValues('Unplaced')).toThrow();
    at('2026-03-02T07:00:00Z');
    tick(fake);
    expect(sentTo(fake)).toEqual(RECIPIENTS);
  });

  it('uses the spreadsheet\'s time zone: British Summer Time, and a spreadsheet in Tokyo', () => {
    const summer = setup();
    scheduleWeeklyJobs();
    at('2026-03-30T05:59:00Z'); // 06:59 BST
    tick(summer);
    expect(alertsOf(summer)).toEqual([]);
    at('2026-03-30T06:00:00Z'); // 07:00 BST
    tick(summer);
    expect(alertsOf(summer)).toHaveLength(3);

    const tokyo = setup('cl@school.example', { timeZone: 'Asia/Tokyo' });
    scheduleWeeklyJobs();
    at('2026-03-01T21:59:00Z'); // Monday 2 March, 06:59 in Tokyo (Sunday evening in London)
    tick(tokyo);
    expect(alertsOf(tokyo)).toEqual([]);
    at('2026-03-01T22:00:00Z');
    tick(tokyo);
    expect(alertsOf(tokyo)).toHaveLength(3);
    expect(logRows(tokyo).find((r) => r.outcome === 'complete' && r.details.startsWith('unplaced:'))?.week).toBe('2026-W10');
  });

  it('knows a week is complete from the Log when the document property is lost', () => {
    const fake = setup();
    scheduleWeeklyJobs();
    tick(fake);
    delete fake.propertyStore('document')[doneKey('unplaced')];
    at('2026-03-03T10:00:00Z');
    tick(fake);
    expect(alertsOf(fake)).toHaveLength(3);
    expect(fake.propertyStore('document')[doneKey('unplaced')]).toBe('2026-W10');
  });

  it('one refused address is logged and skipped, the alerts after it still go, and it is not retried every hour', () => {
    const fake = setup();
    scheduleWeeklyJobs();
    fake.failMailOn(2, 'Invalid email: fr@school.example');
    tick(fake);
    expect(sentTo(fake)).toEqual(RECIPIENTS.filter((r) => r !== 'fr@school.example'));
    expect(logRows(fake).find((r) => r.outcome === 'failed')).toMatchObject({ job: 'unplaced', recipient: 'fr@school.example' });
    expect(logRows(fake).find((r) => r.job === 'unplaced' && r.outcome === 'ok')?.details).toContain('1 refused (fr@school.example: Invalid email');
    at('2026-03-02T09:30:00Z');
    tick(fake);
    expect(sentTo(fake)).toEqual(RECIPIENTS.filter((r) => r !== 'fr@school.example'));
  });

  it('when the daily quota runs out, the rest go at a later tick', () => {
    const fake = setup('cl@school.example', { mailQuota: 1 });
    scheduleWeeklyJobs();
    tick(fake);
    expect(alertsOf(fake)).toHaveLength(1);
    fake.mailQuota = 100;
    at('2026-03-03T08:30:00Z');
    tick(fake);
    expect(sentTo(fake)).toEqual(RECIPIENTS);
  });

  it('does nothing, and no harm, when someone else holds the document lock', () => {
    const fake = setup();
    scheduleWeeklyJobs();
    fake.holdDocumentLock();
    expect(() => tick(fake)).not.toThrow();
    expect(alertsOf(fake)).toEqual([]);
    expect(fake.logs.some((l) => l.level === 'error' && l.message.includes('Weekly jobs did not run'))).toBe(true);
    fake.releaseHeld();
    at('2026-03-02T09:30:00Z');
    tick(fake);
    expect(alertsOf(fake)).toHaveLength(3);
  });

  it('writes a failure outside the jobs to the Log, and never throws', () => {
    const fake = setup();
    scheduleWeeklyJobs();
    const real = fake.globals.PropertiesService;
    vi.stubGlobal('PropertiesService', {
      getUserProperties: () => real.getUserProperties(),
      getDocumentProperties: () => ({ getProperty: () => { throw new Error('Service unavailable: Properties'); } }),
    });
    expect(() => tick(fake)).not.toThrow();
    const last = logRows(fake).at(-1);
    expect(last).toMatchObject({ job: 'schedule', outcome: 'failed' });
    expect(last?.details).toContain('Service unavailable: Properties');
    expect(alertsOf(fake)).toEqual([]);
  });
});

describe('runScheduledTick', () => {
  const ctxAt = (fake: GasFake, day: string, hour: number) => {
    const ctx = { ...gasJobContext(fake, day), mail: new GasMail() };
    ctx.clock = { now: () => new Date(), local: () => ({ day, hour, minute: 0 }) };
    ctx.documentProperties!.set(OWNER_KEY, 'cl@school.example');
    return ctx;
  };

  it('logs a job that throws, carries on with the others, and runs it again next tick', () => {
    const fake = setup();
    let calls = 0;
    const flaky: WeeklyJob = { id: 'flaky', label: 'Flaky job', run: () => { calls++; if (calls === 1) throw new Error('Out of paper'); return { complete: true, summary: 'done' }; } };
    const fine: WeeklyJob = { id: 'fine', label: 'Fine job', run: () => ({ complete: true, summary: 'ok' }) };
    const first = runScheduledTick(ctxAt(fake, '2026-03-02', 8), [flaky, fine]);
    expect(first.jobs.map((j) => [j.id, j.outcome])).toEqual([['flaky', 'failed'], ['fine', 'complete']]);
    expect(logRows(fake).find((r) => r.outcome === 'failed')?.details).toBe('flaky: Out of paper (tried again next hour)');
    const second = runScheduledTick(ctxAt(fake, '2026-03-02', 9), [flaky, fine]);
    expect(second.jobs.map((j) => [j.id, j.outcome])).toEqual([['flaky', 'complete'], ['fine', 'already complete']]);
    expect(calls).toBe(2);
  });

  it('is not due on Monday before 7:00, and is due every later hour of the ISO week', () => {
    const fake = setup();
    const job: WeeklyJob = { id: 'count', label: 'Count', run: () => ({ complete: false, summary: 'more' }) };
    expect(runScheduledTick(ctxAt(fake, '2026-03-02', 6), [job]).skipped).toBe('not due yet');
    expect(runScheduledTick(ctxAt(fake, '2026-03-02', 7), [job]).skipped).toBeNull();
    expect(runScheduledTick(ctxAt(fake, '2026-03-08', 23), [job]).jobs[0].outcome).toBe('incomplete');
    expect(runScheduledTick(ctxAt(fake, '2026-03-09', 0), [job]).skipped).toBe('not due yet');
  });

  it('makes the same number of spreadsheet calls at 100, 1,000 and 10,000 pupils', () => {
    const counts: number[] = [];
    for (const pupils of [100, 1_000, 10_000]) {
      const fake = installFake({ user: 'cl@school.example' });
      loadTabs(fake, everyMentorFlagged(syntheticTracker({ pupils })));
      const ctx = ctxAt(fake, '2026-03-02', 8);
      fake.calls.reset();
      // This weekly job; the bulletin measures its own.
      const r = runScheduledTick(ctx, [unplacedWeeklyJob]);
      expect(r.jobs.map((j) => j.outcome)).toEqual(['complete']);
      expect(alertsOf(fake)).toHaveLength(5);
      const growth = fake.calls.count('Sheet.insertRowsAfter') + fake.calls.count('Sheet.insertColumnsAfter');
      expect(growth).toBeLessThanOrEqual(2);
      counts.push(fake.calls.total('spreadsheet') - growth);
    }
    expect(counts).toEqual([counts[0], counts[0], counts[0]]);
  });
});
