import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gasJobContext, installFake, loadTabs } from '../gas/helpers';
import { syntheticTracker } from '../support/synthetic';
import { GasMail } from '../../src/gas/mail';
import { sendBulletinNow } from '../../src/gas/handlers/bulletin';
import { bulletinWeeklyJob, runBulletin } from '../../src/jobs/bulletin';
import { WEEKLY_JOBS } from '../../src/jobs/schedule';
import { MONDAY, type Spec, d, simpleSpec, tabsOf, vacancy, y11 } from './build';
import type { GasFake } from '../fakes/gas';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-02T09:30:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

function logOf(fake: GasFake) {
  const [header, ...rows] = fake.sheetValues('Log');
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])) as Record<string, unknown>);
}

function setUp(spec: Spec, opts: { user?: string; mailQuota?: number } = {}) {
  const fake = installFake({ user: opts.user ?? 'fr@school.example', mailQuota: opts.mailQuota ?? 100 });
  loadTabs(fake, tabsOf(spec));
  return fake;
}

describe('Send bulletin now, in Google Sheets', () => {
  it('asks first, then sends one message per recipient and records each in the Log', () => {
    const fake = setUp(simpleSpec(3));
    fake.ui.respondWith('YES');
    sendBulletinNow();
    expect(fake.ui.alerts[0]).toMatchObject({
      title: 'Send bulletin now', buttons: 'YES_NO',
      prompt: "Send this week's bulletin of 3 vacancies to 3 pupils and leavers?",
    });
    expect(fake.ui.alerts[1].prompt).toContain('Sent 3 of 3');
    expect(fake.sentMail.map((m) => m.to)).toEqual([['pupil1@pupils.example'], ['pupil2@pupils.example'], ['pupil3@pupils.example']]);
    for (const m of fake.sentMail) {
      expect(m.cc).toEqual([]);
      expect(m.bcc).toEqual([]);
      expect(m.subject).toBe('Oakfield Academy: Apprenticeship vacancies – week of 2 March 2026');
      expect(m.replyTo).toBe('fr@school.example');
      expect(m.name).toBe('Oakfield Academy Careers');
      expect(m.body).toContain('Apprentice 001');
      expect(m.htmlBody).toContain('Apprentice 001');
    }
    expect(fake.sentMail[1].htmlBody).toContain('Hello Pupil2,');
    const sent = logOf(fake).filter((l) => l.Outcome === 'sent');
    expect(sent.map((l) => [l.Recipient, l.Week])).toEqual([
      ['pupil1@pupils.example', '2026-W10'], ['pupil2@pupils.example', '2026-W10'], ['pupil3@pupils.example', '2026-W10'],
    ]);
    expect(logOf(fake)[0].Time).toBeInstanceOf(Date);
  });

  it('sends nothing and writes nothing when the answer is No', () => {
    const fake = setUp(simpleSpec(3));
    fake.ui.respondWith('NO');
    sendBulletinNow();
    expect(fake.ui.alerts).toHaveLength(1);
    expect(fake.sentMail).toEqual([]);
    expect(logOf(fake)).toEqual([]);
  });

  it('needs the careers leader or admin role', () => {
    const fake = setUp(simpleSpec(3), { user: 'gm@school.example' });
    sendBulletinNow();
    expect(fake.ui.alerts).toHaveLength(1);
    expect(fake.ui.alerts[0].prompt).toContain('This needs the role Careers leader or Admin');
    expect(fake.sentMail).toEqual([]);
  });

  it('stops at the daily quota (5 of 12), logs the 7 deferred, and the next run sends the 7', () => {
    const fake = setUp(simpleSpec(12), { mailQuota: 5 });
    sendBulletinNow();
    expect(fake.sentMail).toHaveLength(5);
    expect(fake.ui.alerts[1].prompt).toContain('7 deferred');
    expect(logOf(fake).filter((l) => l.Outcome === 'deferred')).toHaveLength(1);
    fake.mailQuota = 100;
    vi.setSystemTime(new Date('2026-03-03T09:30:00Z'));
    sendBulletinNow();
    expect(fake.ui.alerts[2].prompt).toBe("Send this week's bulletin of 3 vacancies to 7 pupils and leavers?");
    expect(fake.sentMail).toHaveLength(12);
    expect(new Set(fake.sentMail.map((m) => m.to[0])).size).toBe(12);
    sendBulletinNow();
    expect(fake.ui.alerts[4].prompt).toContain('has already had this week\'s bulletin');
    expect(fake.sentMail).toHaveLength(12);
  });

  it('with no open vacancy sends nothing, asks nothing, and the Log says why', () => {
    const fake = setUp({ pupils: [y11(1)], vacancies: [vacancy(1, MONDAY, { 'Closing date': d('2026-03-01') })] });
    sendBulletinNow();
    expect(fake.ui.alerts).toHaveLength(1);
    expect(fake.ui.alerts[0].prompt).toContain('no open vacancy');
    expect(fake.sentMail).toEqual([]);
    expect(logOf(fake).map((l) => l.Outcome)).toEqual(['no email']);
  });

  it('is one of the weekly jobs, after the unplaced alerts', () => {
    expect(WEEKLY_JOBS.map((j) => j.id).slice(0, 2)).toEqual(['unplaced', 'bulletin']);
    expect(WEEKLY_JOBS[1]).toBe(bulletinWeeklyJob);
  });

  it('the weekly job over the Apps Script adapters is incomplete while the quota defers anyone', () => {
    const fake = setUp(simpleSpec(4), { mailQuota: 3 });
    const ctx = { ...gasJobContext(fake, MONDAY), mail: new GasMail() };
    expect(bulletinWeeklyJob.run(ctx)).toMatchObject({ complete: false });
    fake.mailQuota = 3;
    expect(bulletinWeeklyJob.run(ctx)).toMatchObject({ complete: true });
    expect(fake.sentMail).toHaveLength(4);
  });
});

describe('spreadsheet calls', () => {
  /**
   * Spreadsheet calls of one run, without the `insertRowsAfter` the Sheets adapter adds when an
   * append needs more rows than the tab has (a new tab has 1,000): that is one extra call on a send
   * once the Log is that long, still a constant per send, and reported separately.
   */
  function measure(fake: GasFake, run: () => void) {
    fake.calls.reset();
    run();
    const growth = fake.calls.count('Sheet.insertRowsAfter');
    return { total: fake.calls.total('spreadsheet'), growth, withoutGrowth: fake.calls.total('spreadsheet') - growth };
  }

  function firstRun(spec: Spec) {
    const fake = installFake({ user: 'fr@school.example', mailQuota: 100_000 });
    loadTabs(fake, tabsOf(spec));
    let r!: ReturnType<typeof runBulletin>;
    const calls = measure(fake, () => { r = runBulletin({ ...gasJobContext(fake, MONDAY), mail: new GasMail() }); });
    return { r, fake, calls };
  }

  const fake0 = (runs: { fake: ReturnType<typeof firstRun>['fake'] }[]) => runs[0].fake;

  it('grow only by a constant per message sent: calls = a + b × sent, with a the same at 100 and 1,000 recipients', () => {
    const sizes = [100, 200, 1_000];
    const runs = sizes.map((n) => firstRun(simpleSpec(n)));
    runs.forEach(({ r, fake }, i) => {
      expect(r.sent).toBe(sizes[i]);
      expect(fake.calls.count('MailApp.sendEmail')).toBe(sizes[i]);
      expect(fake.calls.count('MailApp.getRemainingDailyQuota')).toBe(sizes[i]);
      for (const m of fake.sentMail) expect(m.to).toHaveLength(1);
    });
    const perSend = (runs[1].calls.withoutGrowth - runs[0].calls.withoutGrowth) / 100;
    expect(Number.isInteger(perSend)).toBe(true);
    expect(perSend).toBeGreaterThan(0);
    // one Log append (getSheetByName, getLastRow, size checks, getRange, formats, values) and a flush
    expect(perSend).toBeLessThanOrEqual(8);
    expect(fake0(runs).calls.count('SpreadsheetApp.flush')).toBeGreaterThanOrEqual(sizes[0]);
    const fixed = runs.map((run, i) => run.calls.withoutGrowth - sizes[i] * perSend);
    expect(fixed[1]).toBe(fixed[0]);
    expect(fixed[2]).toBe(fixed[0]);
    expect(fixed[0]).toBeLessThan(40);
    // Growing the Log past its 1,000 rows: at most one call per append.
    expect(runs[0].calls.growth).toBe(0);
    expect(runs[2].calls.growth).toBeLessThanOrEqual(2);
  });

  it('do not grow with the number of vacancies', () => {
    const few = firstRun(simpleSpec(50, 5));
    const many = firstRun(simpleSpec(50, 500));
    expect(many.r.vacancies).toBe(500);
    expect(many.calls.total).toBe(few.calls.total);
  });

  it('are the same at 100, 1,000 and 10,000 pupils when nothing can be sent (quota used up)', () => {
    const counts = [100, 1_000, 10_000].map((pupils) => {
      const fake = installFake({ user: 'fr@school.example', mailQuota: 0 });
      loadTabs(fake, syntheticTracker({ pupils }));
      let r!: ReturnType<typeof runBulletin>;
      const calls = measure(fake, () => { r = runBulletin({ ...gasJobContext(fake, MONDAY), mail: new GasMail() }); });
      expect(r.sent).toBe(0);
      expect(r.deferred).toBe(r.recipients);
      expect(r.recipients).toBeGreaterThanOrEqual(pupils / 5);
      return calls.total;
    });
    expect(counts[1]).toBe(counts[0]);
    expect(counts[2]).toBe(counts[0]);
  });

  it('are the same at 100 and 1,000 recipients on a second run in the same week (nothing to send)', () => {
    const counts = [100, 1_000].map((n) => {
      const { fake } = firstRun(simpleSpec(n));
      let r!: ReturnType<typeof runBulletin>;
      const calls = measure(fake, () => { r = runBulletin({ ...gasJobContext(fake, MONDAY), mail: new GasMail() }); });
      expect(r.skippedAlreadySent).toBe(n);
      expect(fake.sentMail).toHaveLength(n);
      return calls.withoutGrowth;
    });
    expect(counts[1]).toBe(counts[0]);
  });
});
