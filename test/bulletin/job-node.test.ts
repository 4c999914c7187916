import { afterEach, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import PostalMime from 'postal-mime';
import { runBulletin, bulletinWeeklyJob } from '../../src/jobs/bulletin';
import type { JobContext } from '../../src/jobs/context';
import { NodeClock } from '../../src/node/clock';
import { Outbox } from '../../src/node/outbox';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { main } from '../../src/node/cli';
import type { MailMessage, MailPort } from '../../src/ports';
import { MONDAY, type Spec, d, simpleSpec, tabsOf, vacancy, xlsxOf, y11 } from './build';

const dirs: string[] = [];
function tmp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function ctxFor(workbook: XlsxWorkbook, day: string, mail: MailPort): JobContext {
  return { workbook, clock: new NodeClock(day), mail };
}

function logRows(workbook: XlsxWorkbook) {
  const [header, ...rows] = workbook.readTab('Log')!;
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])) as Record<string, unknown>);
}

async function parseAll(folder: string) {
  const files = fs.readdirSync(folder).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(files.map(async (f) => ({ file: f, mail: await PostalMime.parse(fs.readFileSync(path.join(folder, f))) })));
}

describe('the bulletin job through the Node adapters', () => {
  it('writes one .eml per recipient, each with exactly one recipient and no Cc or Bcc', async () => {
    const spec: Spec = {
      pupils: [
        y11(1, { Name: 'Sam Jones' }), y11(2, { Name: 'Jones, Alex' }), y11(3, { Bulletin: 'No' }),
        { 'Pupil ID': 'L1', Name: 'Lee Leaver', 'Leaver year': 2024, Email: 'lee@example.com' },
        y11(4, { Email: 'PUPIL1@pupils.example' }),
      ],
      vacancies: [vacancy(1, MONDAY), vacancy(2, MONDAY, { 'Closing date': d('2026-03-01'), Title: 'Closed yesterday' })],
    };
    const wb = xlsxOf(tabsOf(spec));
    const folder = tmp();
    const outbox = new Outbox(folder);
    const r = runBulletin(ctxFor(wb, MONDAY, outbox));
    expect(r).toMatchObject({ asOf: MONDAY, weekKey: '2026-W10', vacancies: 1, recipients: 3, sent: 3, skippedAlreadySent: 0, deferred: 0, duplicates: 1, optedOut: 1 });
    expect(r.outbox).toHaveLength(3);
    const written = await outbox.flush();
    expect(written).toEqual(r.outbox);
    const parsed = await parseAll(folder);
    expect(parsed.map((p) => p.mail.to!.map((a) => a.address))).toEqual([['pupil1@pupils.example'], ['pupil2@pupils.example'], ['lee@example.com']]);
    for (const { mail } of parsed) {
      expect(mail.to).toHaveLength(1);
      expect(mail.cc ?? []).toEqual([]);
      expect(mail.bcc ?? []).toEqual([]);
      expect(mail.subject).toBe('Oakfield Academy: Apprenticeship vacancies – week of 2 March 2026');
      expect(mail.replyTo?.[0].address).toBe('fr@school.example');
      expect(mail.html).toContain('Apprentice 001');
      expect(mail.html).not.toContain('Closed yesterday');
      expect(mail.text).toContain('Apprentice 001');
    }
    expect(parsed[0].mail.text).toMatch(/^Hello Sam and Pupil4,/); // pupil 4 shares pupil 1's address
    expect(parsed[1].mail.text).toMatch(/^Hello Alex,/);
    expect(parsed[2].mail.text).toMatch(/^Hello Lee,/);
    const sent = logRows(wb).filter((l) => l.Outcome === 'sent');
    expect(sent.map((l) => [l.Job, l.Recipient, l.Week])).toEqual([
      ['bulletin', 'pupil1@pupils.example', '2026-W10'], ['bulletin', 'pupil2@pupils.example', '2026-W10'], ['bulletin', 'lee@example.com', '2026-W10'],
    ]);
  });

  it('sends nothing new on a second run in the same week, and sends again the next week', () => {
    const wb = xlsxOf(tabsOf(simpleSpec(4)));
    const first = runBulletin(ctxFor(wb, MONDAY, new Outbox(tmp())));
    expect(first.sent).toBe(4);
    const again = runBulletin(ctxFor(wb, '2026-03-06', new Outbox(tmp())));
    expect(again).toMatchObject({ weekKey: '2026-W10', sent: 0, skippedAlreadySent: 4, deferred: 0, outbox: [] });
    const next = runBulletin(ctxFor(wb, '2026-03-09', new Outbox(tmp())));
    expect(next).toMatchObject({ weekKey: '2026-W11', sent: 4, skippedAlreadySent: 0 });
  });

  it('with a quota of 5 for 12 recipients sends 5, defers 7 and logs it; the next run sends the 7', () => {
    const wb = xlsxOf(tabsOf(simpleSpec(12)));
    const r1 = runBulletin(ctxFor(wb, MONDAY, new Outbox(tmp(), 5)));
    expect(r1).toMatchObject({ recipients: 12, sent: 5, deferred: 7, skippedAlreadySent: 0, reason: 'quota' });
    const summary = logRows(wb).filter((l) => l.Outcome === 'deferred');
    expect(summary).toHaveLength(1);
    expect(summary[0].Details).toContain('7 deferred');
    const r2 = runBulletin(ctxFor(wb, '2026-03-03', new Outbox(tmp(), 100)));
    expect(r2).toMatchObject({ recipients: 12, sent: 7, deferred: 0, skippedAlreadySent: 5 });
    const recipients = logRows(wb).filter((l) => l.Outcome === 'sent').map((l) => l.Recipient);
    expect(new Set(recipients).size).toBe(12);
    expect(recipients).toHaveLength(12);
  });

  it('the weekly job is complete only when no one is deferred', () => {
    const wb = xlsxOf(tabsOf(simpleSpec(3)));
    expect(bulletinWeeklyJob.run(ctxFor(wb, MONDAY, new Outbox(tmp(), 2))).complete).toBe(false);
    expect(bulletinWeeklyJob.run(ctxFor(wb, MONDAY, new Outbox(tmp(), 2))).complete).toBe(true);
    const before = logRows(wb).length;
    const again = bulletinWeeklyJob.run(ctxFor(wb, MONDAY, new Outbox(tmp(), 2)));
    expect(again.complete).toBe(true);
    expect(logRows(wb)).toHaveLength(before); // the schedule's quiet run writes nothing when the week is done
  });

  it('a run cut off half-way resumes where it stopped and sends no one twice', () => {
    const wb = xlsxOf(tabsOf(simpleSpec(12)));
    const delivered: string[] = [];
    const mail: MailPort = { remainingQuota: () => 100, send: (m: MailMessage) => { delivered.push(m.to); return m.to; } };
    const ctx: JobContext = { ...ctxFor(wb, MONDAY, mail), progress: (done) => { if (done === 5) throw new Error('Exceeded maximum execution time'); } };
    expect(() => runBulletin(ctx)).toThrow('Exceeded maximum execution time');
    expect(delivered).toHaveLength(5);
    const r = runBulletin(ctxFor(wb, MONDAY, mail));
    expect(r).toMatchObject({ sent: 7, skippedAlreadySent: 5 });
    expect(delivered).toHaveLength(12);
    expect(new Set(delivered).size).toBe(12);
  });

  it('logs a refused send, carries on, and does not retry it the same week', () => {
    const wb = xlsxOf(tabsOf(simpleSpec(3)));
    const mail: MailPort = {
      remainingQuota: () => 100,
      send: (m) => { if (m.to.startsWith('pupil2')) throw new Error('Invalid email: pupil2@pupils.example'); return m.to; },
    };
    const r = runBulletin(ctxFor(wb, MONDAY, mail));
    expect(r).toMatchObject({ sent: 2, failed: 1, deferred: 0 });
    expect(logRows(wb).filter((l) => l.Outcome === 'failed').map((l) => l.Recipient)).toEqual(['pupil2@pupils.example']);
    const again = runBulletin(ctxFor(wb, MONDAY, mail));
    expect(again).toMatchObject({ sent: 0, skippedAlreadySent: 2, skippedFailedEarlier: 1 });
  });

  it('a quota error from the mail service defers that recipient and the rest', () => {
    const wb = xlsxOf(tabsOf(simpleSpec(4)));
    let n = 0;
    const mail: MailPort = { remainingQuota: () => 100, send: (m) => { if (++n === 3) throw new Error('Service invoked too many times for one day: email.'); return m.to; } };
    const r = runBulletin(ctxFor(wb, MONDAY, mail));
    expect(r).toMatchObject({ sent: 2, deferred: 2, reason: 'quota' });
    const next = runBulletin(ctxFor(wb, MONDAY, { remainingQuota: () => 100, send: (m) => m.to }));
    expect(next).toMatchObject({ sent: 2, skippedAlreadySent: 2 });
  });

  it('sends no email when no vacancy is open, and the Log says why', () => {
    const wb = xlsxOf(tabsOf({ pupils: [y11(1)], vacancies: [vacancy(1, MONDAY, { 'Closing date': d('2026-03-01') })] }));
    const folder = tmp();
    const r = runBulletin(ctxFor(wb, MONDAY, new Outbox(folder)));
    expect(r).toMatchObject({ vacancies: 0, sent: 0, reason: 'no-open-vacancies', outbox: [] });
    const why = logRows(wb).filter((l) => l.Job === 'bulletin');
    expect(why).toHaveLength(1);
    expect(why[0].Outcome).toBe('no email');
    expect(String(why[0].Details)).toContain('no open vacancy');
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('neutralises a <script> title, and a javascript: link never reaches the email', async () => {
    const wb = xlsxOf(tabsOf({
      pupils: [y11(1)],
      vacancies: [
        vacancy(1, MONDAY, { Title: '<script>alert(1)</script>' }),
        vacancy(2, MONDAY, { Title: 'Sneaky link', Link: 'javascript:alert(1)' }),
      ],
    }));
    const folder = tmp();
    const outbox = new Outbox(folder);
    const r = runBulletin(ctxFor(wb, MONDAY, outbox));
    expect(r.vacancies).toBe(1); // the javascript: row is a problem (Link must be http(s)) and left out
    await outbox.flush();
    const [{ mail }] = await parseAll(folder);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).not.toMatch(/<script/i);
    expect(`${mail.html}${mail.text}`.toLowerCase()).not.toContain('javascript:');
  });

  it('marks a vacancy with a blank Posted as New in the week it is first seen, not later', () => {
    const wb = xlsxOf(tabsOf({ pupils: [y11(1)], vacancies: [vacancy(1, MONDAY, { Posted: '', 'Closing date': d('2026-04-30') })] }));
    const texts: string[] = [];
    const mail: MailPort = { remainingQuota: () => 100, send: (m) => { texts.push(m.text); return m.to; } };
    runBulletin(ctxFor(wb, MONDAY, mail));
    runBulletin(ctxFor(wb, '2026-03-09', mail));
    runBulletin(ctxFor(wb, '2026-03-16', mail));
    expect(texts.map((t) => t.includes('[NEW]'))).toEqual([true, true, false]);
    expect(logRows(wb).filter((l) => l.Outcome === 'first seen')).toHaveLength(1);
  });
});

describe('careers-tracker bulletin', () => {
  async function cli(args: string[]) {
    let out = '';
    let err = '';
    const code = await main(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; } });
    return { code, out, err };
  }

  it('prints the contract JSON, writes the .eml files and saves the Log', async () => {
    const dir = tmp();
    const file = path.join(dir, 'tracker.xlsx');
    await xlsxOf(tabsOf(simpleSpec(12))).save(file);
    const outbox = path.join(dir, 'outbox');
    const run = await cli(['bulletin', '--workbook', file, '--outbox', outbox, '--today', MONDAY, '--quota', '5', '--json']);
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    const json = JSON.parse(run.out);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['asOf', 'weekKey', 'vacancies', 'recipients', 'sent', 'skippedAlreadySent', 'deferred', 'outbox']));
    expect(json).toMatchObject({ asOf: MONDAY, weekKey: '2026-W10', vacancies: 3, recipients: 12, sent: 5, skippedAlreadySent: 0, deferred: 7 });
    expect(fs.readdirSync(outbox).sort()).toEqual([...json.outbox].sort());
    for (const { mail } of await parseAll(outbox)) {
      expect(mail.to).toHaveLength(1);
      expect(mail.cc ?? []).toEqual([]);
      expect(mail.bcc ?? []).toEqual([]);
    }
    const again = JSON.parse((await cli(['bulletin', '--workbook', file, '--outbox', outbox, '--today', '2026-03-03', '--json'])).out);
    expect(again).toMatchObject({ sent: 7, skippedAlreadySent: 5, deferred: 0 });
    const saved = await XlsxWorkbook.open(file);
    expect(logRows(saved).filter((l) => l.Outcome === 'sent')).toHaveLength(12);
    expect(fs.readdirSync(outbox)).toHaveLength(12);
  });

  it('prints a short summary for people', async () => {
    const dir = tmp();
    const file = path.join(dir, 'tracker.xlsx');
    await xlsxOf(tabsOf(simpleSpec(2))).save(file);
    const run = await cli(['bulletin', '--workbook', file, '--outbox', path.join(dir, 'out'), '--today', MONDAY]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Bulletin for 2026-W10: 3 open vacancies, 2 recipients.');
    expect(run.out).toContain('Sent 2 of 2');
  });
});
