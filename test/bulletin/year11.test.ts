/**
 * Vacancies a Year 11 can take: a current Year 11's email leaves out vacancies that start before
 * the last Friday in June of their Year 11 (leavers get them all); a Year 11 left with nothing
 * gets no email that week, and the Log says so. Also the start date, hours and distance in the
 * email, levels written one way, and the `.eml` Date header of a `--today` run.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import PostalMime from 'postal-mime';
import {
  bulletinRecipients, bulletinWeek, formatLevel, openVacancies, renderBulletin, vacanciesFor, year11LeavingDay,
} from '../../src/domain/bulletin';
import { readTracker } from '../../src/domain/tracker';
import { runBulletin } from '../../src/jobs/bulletin';
import type { JobContext } from '../../src/jobs/context';
import { NodeClock } from '../../src/node/clock';
import { Outbox } from '../../src/node/outbox';
import type { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { main } from '../../src/node/cli';
import type { MailPort } from '../../src/ports';
import { sendBulletinNow } from '../../src/gas/handlers/bulletin';
import { gasJobContext, installFake, loadTabs } from '../gas/helpers';
import { GasMail } from '../../src/gas/mail';
import type { GasFake } from '../fakes/gas';
import { MONDAY, type Row, type Spec, d, tabsOf, vacancy, xlsxOf, y11 } from './build';

const LEAVING = '2026-06-26'; // the last Friday in June 2026

const dirs: string[] = [];
function tmp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-y11-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const leaver = (n: number, extra: Row = {}): Row => ({ 'Pupil ID': `L${n}`, Name: `Leaver${n} Surname`, 'Leaver year': 2025, Email: `leaver${n}@example.com`, ...extra });

/** Starts in April (before a Year 11 may leave), on the leaving day itself, in September, and not said. */
function mixedVacancies(): Row[] {
  return [
    vacancy(1, MONDAY, { Title: 'Starts in April', Starts: d('2026-04-20'), Hours: 37.5, Distance: 4.2 }),
    vacancy(2, MONDAY, { Title: 'Starts on the leaving day', Starts: d(LEAVING) }),
    vacancy(3, MONDAY, { Title: 'Starts in September', Starts: d('2026-09-07'), Hours: '30 hours', Distance: 12 }),
    vacancy(4, MONDAY, { Title: 'Start not given' }),
  ];
}

describe('the last Friday in June of Year 11', () => {
  it.each([
    ['2026-03-02', '2026-06-26'],
    ['2025-09-01', '2026-06-26'],
    ['2026-06-30', '2026-06-26'],
    ['2026-09-01', '2027-06-25'],
    ['2027-10-10', '2028-06-30'],
  ])('on %s it is %s', (today, day) => {
    expect(year11LeavingDay(today, { month: 9, day: 1 })).toBe(day);
  });
});

describe('levels written one way', () => {
  it.each([
    ['3', 'Level 3 (Advanced)'], ['Level 2', 'Level 2 (Intermediate)'], ['L4', 'Level 4 (Higher)'],
    ['2 (Intermediate)', 'Level 2 (Intermediate)'], ['Advanced', 'Level 3 (Advanced)'], ['intermediate', 'Level 2 (Intermediate)'],
    ['Higher', 'Level 4 or 5 (Higher)'], ['Degree', 'Level 6 or 7 (Degree)'], ['6', 'Level 6 (Degree)'],
    ['Level 3 (Advanced)', 'Level 3 (Advanced)'], ['advanced level 3', 'Level 3 (Advanced)'], ['Foundation', 'Foundation'], ['', ''],
  ])('%j is %j', (cell, words) => {
    expect(formatLevel(cell)).toBe(words);
  });
});

describe('each recipient\'s vacancy list', () => {
  const spec: Spec = {
    pupils: [
      y11(1), leaver(1),
      y11(2, { Email: 'family@example.com' }), leaver(2, { Email: 'FAMILY@example.com' }),
      y11(3, { Email: 'twins@example.com' }), y11(4, { Email: 'twins@example.com' }),
      { 'Pupil ID': 'Y5', Name: 'Marked Left', Year: 11, 'Leaver year': 2026, Email: 'left@example.com' },
    ],
    vacancies: mixedVacancies(),
  };
  const tracker = readTracker(tabsOf(spec));
  const selection = bulletinRecipients(tracker, MONDAY);
  const items = openVacancies(tracker.vacancies, MONDAY, 7);
  const titles = (email: string) => vacanciesFor(items, selection.recipients.find((r) => r.key === email)!).map((i) => i.vacancy.title);

  it('a current Year 11 gets only vacancies starting on or after the last Friday in June, or with no start date', () => {
    expect(selection.recipients.find((r) => r.key === 'pupil1@pupils.example')!.startsFrom).toBe(LEAVING);
    expect(titles('pupil1@pupils.example')).toEqual(['Starts on the leaving day', 'Starts in September', 'Start not given']);
    expect(titles('twins@example.com')).toEqual(['Starts on the leaving day', 'Starts in September', 'Start not given']);
  });

  it('a leaver, an address shared with a leaver, and a Year 11 already marked as left get them all', () => {
    const all = ['Starts in April', 'Starts on the leaving day', 'Starts in September', 'Start not given'];
    expect(titles('leaver1@example.com')).toEqual(all);
    expect(titles('family@example.com')).toEqual(all);
    expect(titles('left@example.com')).toEqual(all);
  });

  it('the email shows the start date, hours and distance when known, and says what was left out', () => {
    const y11Recipient = selection.recipients.find((r) => r.key === 'pupil1@pupils.example')!;
    const listed = vacanciesFor(items, y11Recipient);
    const body = renderBulletin({
      schoolName: 'Oakfield Academy', today: MONDAY, week: bulletinWeek(MONDAY), items: listed,
      contact: { name: null, email: null }, startsFrom: LEAVING, startingEarlier: items.length - listed.length,
    }).render(y11Recipient);
    expect(body.text).toContain('Starts Monday 7 September 2026 – 30 hours a week – 12 miles away');
    expect(body.html).toContain('Starts Monday 7 September 2026 &middot; 30 hours a week &middot; 12 miles away');
    expect(body.text).toContain('1 more starts before Friday 26 June 2026, the earliest you can leave school, so it is not listed.');
    expect(body.text).not.toContain('Starts in April');
    expect(body.text).toContain('Level 3 (Advanced)');
    const all = renderBulletin({ schoolName: '', today: MONDAY, week: bulletinWeek(MONDAY), items, contact: { name: null, email: null } }).render({ firstNames: [] });
    expect(all.text).toContain('Starts Monday 20 April 2026 – 37.5 hours a week – 4.2 miles away');
    expect(all.text).not.toContain('the earliest you can leave school');
  });
});

function ctxFor(workbook: XlsxWorkbook, day: string, mail: MailPort): JobContext {
  return { workbook, clock: new NodeClock(day), mail };
}

function logRows(workbook: XlsxWorkbook) {
  const [header, ...rows] = workbook.readTab('Log')!;
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])) as Record<string, unknown>);
}

describe('the bulletin job: a Year 11 and a leaver from the same run', () => {
  it('get different vacancy lists', async () => {
    const wb = xlsxOf(tabsOf({ pupils: [y11(1, { Name: 'Sam Year11' }), leaver(1, { Name: 'Lee Leaver' })], vacancies: mixedVacancies() }));
    const folder = tmp();
    const outbox = new Outbox(folder);
    const r = runBulletin(ctxFor(wb, MONDAY, outbox));
    expect(r).toMatchObject({ vacancies: 4, recipients: 2, sent: 2, skippedNothingToStart: 0 });
    await outbox.flush();
    const files = fs.readdirSync(folder).sort();
    const mails = await Promise.all(files.map(async (f) => PostalMime.parse(fs.readFileSync(path.join(folder, f)))));
    const [year11, left] = mails;
    expect(year11.to![0].address).toBe('pupil1@pupils.example');
    expect(year11.text).not.toContain('Starts in April');
    expect(year11.html).not.toContain('Starts in April');
    expect(year11.text).toContain('Starts in September');
    expect(year11.text).toContain('3 apprenticeships are open for applications');
    expect(left.to![0].address).toBe('leaver1@example.com');
    expect(left.text).toContain('Starts in April');
    expect(left.text).toContain('4 apprenticeships are open for applications');
    const sent = logRows(wb).filter((l) => l.Outcome === 'sent');
    expect(sent.map((l) => [l.Recipient, l.Details])).toEqual([
      ['pupil1@pupils.example', '3 of 4 vacancies'],
      ['leaver1@example.com', '4 vacancies'],
    ]);
  });

  it('a Year 11 left with nothing gets no email that week, and the Log says so once', () => {
    const early: Row[] = [
      vacancy(1, MONDAY, { Title: 'April start', Starts: d('2026-04-20') }),
      vacancy(2, MONDAY, { Title: 'May start', Starts: d('2026-05-11') }),
    ];
    const wb = xlsxOf(tabsOf({ pupils: [y11(1), leaver(1)], vacancies: early }));
    const sent: string[] = [];
    const mail: MailPort = { remainingQuota: () => 100, send: (m) => { sent.push(m.to); return m.to; } };
    const r = runBulletin(ctxFor(wb, MONDAY, mail));
    expect(sent).toEqual(['leaver1@example.com']);
    expect(r).toMatchObject({ sent: 1, skippedNothingToStart: 1 });
    expect(r.message).toContain('1 Year 11 pupil got no email: every open vacancy starts before they may leave school');
    const skipped = logRows(wb).filter((l) => l.Outcome === 'skipped');
    expect(skipped).toEqual([expect.objectContaining({
      Job: 'bulletin', Recipient: 'pupil1@pupils.example', Week: '2026-W10',
      Details: 'No email this week: every open vacancy starts before 26 June 2026, when Year 11 may leave school.',
    })]);
    // A second run that week sends nothing and logs no second skip.
    const again = runBulletin(ctxFor(wb, '2026-03-04', mail));
    expect(again).toMatchObject({ sent: 0, skippedNothingToStart: 1, skippedAlreadySent: 1, skippedFailedEarlier: 0 });
    expect(sent).toHaveLength(1);
    expect(logRows(wb).filter((l) => l.Outcome === 'skipped')).toHaveLength(1);
  });

  it('with only such Year 11s, the run needs no mail at all and still logs each one', () => {
    const wb = xlsxOf(tabsOf({ pupils: [y11(1), y11(2)], vacancies: [vacancy(1, MONDAY, { Starts: d('2026-04-20') })] }));
    const r = runBulletin({ workbook: wb, clock: new NodeClock(MONDAY) });
    expect(r).toMatchObject({ sent: 0, skippedNothingToStart: 2, reason: null });
    expect(logRows(wb).map((l) => [l.Outcome, l.Recipient])).toEqual([
      ['skipped', 'pupil1@pupils.example'], ['skipped', 'pupil2@pupils.example'], ['ok', ''],
    ]);
  });
});

describe('in Google Sheets', () => {
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

  it('a Year 11 and a leaver get different lists from one Send bulletin now', () => {
    const fake = installFake({ user: 'fr@school.example', mailQuota: 100 });
    loadTabs(fake, tabsOf({ pupils: [y11(1), leaver(1)], vacancies: mixedVacancies() }));
    fake.ui.respondWith('YES');
    sendBulletinNow();
    expect(fake.ui.alerts[0].prompt).toBe("Send this week's bulletin of 4 vacancies to 2 pupils and leavers?");
    expect(fake.sentMail.map((m) => m.to)).toEqual([['pupil1@pupils.example'], ['leaver1@example.com']]);
    expect(fake.sentMail[0].htmlBody).not.toContain('Starts in April');
    expect(fake.sentMail[1].htmlBody).toContain('Starts in April');
    expect(fake.sentMail[0].htmlBody).toContain('Starts Monday 7 September 2026');
  });

  it('with only Year 11s left with nothing, it does not ask: it logs them and says why', () => {
    const fake = installFake({ user: 'fr@school.example', mailQuota: 100 });
    loadTabs(fake, tabsOf({ pupils: [y11(1)], vacancies: [vacancy(1, MONDAY, { Starts: d('2026-04-20') })] }));
    sendBulletinNow();
    expect(fake.ui.alerts).toHaveLength(1);
    expect(fake.ui.alerts[0].prompt).toContain('1 Year 11 pupil got no email');
    expect(fake.sentMail).toHaveLength(0);
    expect(logOf(fake).filter((l) => l.Outcome === 'skipped').map((l) => l.Recipient)).toEqual(['pupil1@pupils.example']);
  });
});

describe('spreadsheet calls for Year 11s left with nothing', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-02T09:30:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('are the same for 10 and 300 of them (one Log write for all the skipped lines)', () => {
    const counts = [10, 300].map((n) => {
      const fake = installFake({ user: 'fr@school.example', mailQuota: 1000 });
      loadTabs(fake, tabsOf({ pupils: Array.from({ length: n }, (_, i) => y11(i + 1)), vacancies: [vacancy(1, MONDAY, { Starts: d('2026-04-20') })] }));
      fake.calls.reset();
      const r = runBulletin({ ...gasJobContext(fake, MONDAY), mail: new GasMail() });
      expect(r.skippedNothingToStart).toBe(n);
      expect(fake.sentMail).toHaveLength(0);
      return fake.calls.total('spreadsheet') - fake.calls.count('Sheet.insertRowsAfter');
    });
    expect(counts[1]).toBe(counts[0]);
  });
});

describe('the .eml Date header', () => {
  async function cli(args: string[]) {
    let out = '';
    let err = '';
    const code = await main(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; } });
    return { code, out, err };
  }

  it.each([
    [MONDAY, 'Mon, 02 Mar 2026 08:00:00 +0000'],
    ['2026-07-06', 'Mon, 06 Jul 2026 07:00:00 +0000'], // 08:00 in London is 07:00 UTC in summer
  ])('is the run\'s --today %s, not the machine\'s clock', async (today, header) => {
    const dir = tmp();
    const file = path.join(dir, 'tracker.xlsx');
    await xlsxOf(tabsOf({ pupils: [leaver(1)], vacancies: [vacancy(1, today)] })).save(file);
    const outbox = path.join(dir, 'outbox');
    const run = await cli(['bulletin', '--workbook', file, '--outbox', outbox, '--today', today, '--json']);
    expect(run.code).toBe(0);
    const [eml] = fs.readdirSync(outbox);
    const raw = fs.readFileSync(path.join(outbox, eml), 'utf8');
    expect(raw.split(/\r?\n/).filter((l) => l.startsWith('Date:'))).toEqual([`Date: ${header}`]);
    expect((await PostalMime.parse(raw)).date).toBe(new Date(header).toISOString());
  });
});
