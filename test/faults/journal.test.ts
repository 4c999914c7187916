/**
 * A bulletin killed after N messages, then run again: nobody gets it twice, and nobody is missed
 * but at most the one being sent when the run was killed. Two runs started together: one waits or
 * gives up saying another run holds the workbook, and nobody gets it twice.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { WorkbookLock, lockFileFor } from '../../src/node/workbook-lock';
import { journalFileFor } from '../../src/node/journal';
import { MONDAY, simpleSpec, tabsOf, xlsxOf } from '../bulletin/build';
import { cli, spawnCli, tmp, until } from './support';

const PUPILS = 600;

function emlByRecipient(outbox: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of fs.existsSync(outbox) ? fs.readdirSync(outbox) : []) {
    if (!f.endsWith('.eml')) continue;
    const to = /^To: (.*)$/m.exec(fs.readFileSync(path.join(outbox, f), 'utf8'))![1].trim().toLowerCase();
    counts.set(to, (counts.get(to) ?? 0) + 1);
  }
  return counts;
}

function journalledMails(file: string): number {
  const j = journalFileFor(file);
  return fs.existsSync(j) ? fs.readFileSync(j, 'utf8').split('\n').filter((l) => l.startsWith('{"mail"')).length : 0;
}

async function sentLines(file: string): Promise<string[]> {
  const wb = await XlsxWorkbook.open(file);
  const grid = wb.readTab('Log')!;
  const h = grid[0].map(String);
  return grid.slice(1).filter((r) => r[h.indexOf('Job')] === 'bulletin' && r[h.indexOf('Outcome')] === 'sent').map((r) => String(r[h.indexOf('Recipient')]).toLowerCase());
}

describe('the send journal', () => {
  it('a bulletin killed after N messages and run again sends nobody twice and misses at most the one in flight', async () => {
    const dir = tmp();
    const file = path.join(dir, 'tracker.xlsx');
    const outbox = path.join(dir, 'outbox');
    await xlsxOf(tabsOf(simpleSpec(PUPILS))).save(file);
    const child = spawnCli(['bulletin', '--workbook', file, '--outbox', outbox, '--today', MONDAY, '--json']);
    expect(await until(() => journalledMails(file) >= 50, 120_000, 1)).toBe(true);
    child.proc.kill('SIGKILL');
    const end = await child.done;
    expect(end.signal).toBe('SIGKILL');
    const sentBeforeKill = journalledMails(file);
    expect(sentBeforeKill).toBeLessThan(PUPILS);

    const rerun = await cli(['bulletin', '--workbook', file, '--outbox', outbox, '--today', MONDAY, '--json']);
    expect(rerun.code).toBe(0);
    const json = JSON.parse(rerun.out);
    expect(json.skippedAlreadySent).toBeGreaterThanOrEqual(sentBeforeKill);
    const counts = emlByRecipient(outbox);
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
    expect(counts.size).toBeGreaterThanOrEqual(PUPILS - 1);
    expect(counts.size).toBeLessThanOrEqual(PUPILS);
    // The Log has one sent line per recipient, every email written is logged, and the journal is gone.
    const sent = await sentLines(file);
    expect(new Set(sent).size).toBe(sent.length);
    for (const to of counts.keys()) expect(sent).toContain(to);
    expect(fs.existsSync(journalFileFor(file))).toBe(false);
    expect(fs.existsSync(lockFileFor(file))).toBe(false);

    // and a third run sends nothing
    const third = JSON.parse((await cli(['bulletin', '--workbook', file, '--outbox', outbox, '--today', MONDAY, '--json'])).out);
    expect(third.sent).toBe(0);
  });

  it('Log lines journalled in a batch, by a run that died before saving, are merged once', async () => {
    const dir = tmp();
    const file = path.join(dir, 'tracker.xlsx');
    const outbox = path.join(dir, 'outbox');
    await xlsxOf(tabsOf(simpleSpec(5))).save(file);
    // A run that appended a batch of three sent lines, then died (nothing saved).
    const line = (n: number) => [{ day: MONDAY, time: '09:00' }, 'bulletin', 'sent', '3 vacancies', `pupil${n}@pupils.example`, '2026-W10'];
    fs.writeFileSync(journalFileFor(file), `${JSON.stringify({ log: [line(1), line(2), line(3)] })}\n{"log": [[`);
    const r = JSON.parse((await cli(['bulletin', '--workbook', file, '--outbox', outbox, '--today', MONDAY, '--json'])).out);
    expect(r.skippedAlreadySent).toBe(3);
    expect(r.sent).toBe(2);
    expect((await sentLines(file)).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `pupil${n}@pupils.example`));
  });
});

describe('the workbook lock', () => {
  it('two runs started together: nobody is sent the bulletin twice, and a run that cannot wait says another run holds it', async () => {
    const dir = tmp();
    const file = path.join(dir, 'tracker.xlsx');
    const outbox = path.join(dir, 'outbox');
    await xlsxOf(tabsOf(simpleSpec(300))).save(file);
    const args = ['bulletin', '--workbook', file, '--outbox', outbox, '--today', MONDAY, '--json'];
    const a = spawnCli(args, { CAREERS_TRACKER_LOCK_WAIT: '0' });
    const b = spawnCli(args, { CAREERS_TRACKER_LOCK_WAIT: '0' });
    const [ra, rb] = await Promise.all([a.done, b.done]);
    const codes = [ra.code, rb.code].sort();
    const counts = emlByRecipient(outbox);
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
    expect(counts.size).toBe(300);
    if (codes[1] === 1) {
      expect(codes).toEqual([0, 1]);
      const loser = ra.code === 1 ? a : b;
      expect(loser.err()).toMatch(/^careers-tracker: Another run is using tracker\.xlsx: "bulletin" \(process \d+, started \d\d:\d\d UTC\)\. Nothing was done/);
      expect(loser.out()).toBe('');
    } else {
      expect(codes).toEqual([0, 0]);
    }
  });

  it('a second run waits briefly, then exits 1; a lock left by a run that died is taken over', async () => {
    const dir = tmp();
    const file = path.join(dir, 'tracker.xlsx');
    await xlsxOf(tabsOf(simpleSpec(3))).save(file);
    const before = fs.readFileSync(file);
    const held = await WorkbookLock.acquire(file, 'score');
    process.env.CAREERS_TRACKER_LOCK_WAIT = '0.3';
    try {
      const started = Date.now();
      const r = await cli(['check', '--workbook', file]);
      expect(r.code).toBe(1);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect(r.err).toMatch(/Another run is using tracker\.xlsx: "score"/);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
      held.release();
      expect((await cli(['check', '--workbook', file])).code).toBe(0);
      // A lock whose process is gone (a run killed with Ctrl+C) does not block the next run.
      fs.writeFileSync(lockFileFor(file), JSON.stringify({ pid: 2 ** 22 + 7, host: require('node:os').hostname(), started: new Date().toISOString(), command: 'bulletin' }));
      expect((await cli(['check', '--workbook', file])).code).toBe(0);
      expect(fs.existsSync(lockFileFor(file))).toBe(false);
    } finally {
      delete process.env.CAREERS_TRACKER_LOCK_WAIT;
      held.release();
    }
  });
});
