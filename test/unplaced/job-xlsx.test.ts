import { afterEach, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { NodeClock } from '../../src/node/clock';
import { Outbox } from '../../src/node/outbox';
import { main } from '../../src/node/cli';
import type { JobContext } from '../../src/jobs/context';
import type { MailMessage, MailPort } from '../../src/ports';
import { unplacedWeeklyJob, runUnplaced } from '../../src/jobs/unplaced';
import { d, pupil, tabsOf, wellSupported, type Spec } from './build';

const TODAY = '2026-03-02';
const dirs: string[] = [];
const tmp = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unplaced-job-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const SPEC: Spec = {
  pupils: [
    pupil('A1', { Name: 'Zoe Rejected', Mentor: 'FR', 'Application status': 'Rejected', SEND: 'EHCP' }),
    pupil('A2', { Name: 'Ben Applied', Mentor: 'JS' }),
    pupil('A3', { Name: 'Cara Placed', Mentor: 'JS', 'Application status': 'Accepted' }),
    pupil('A4', { Name: 'Ann Offer', Mentor: 'FR', 'Application status': 'Offer', 'Plan B': '' }),
    pupil('A5', { Name: 'Dev Nomentor', Mentor: '', 'Application status': 'Researching' }),
    pupil('Y10', { Name: 'Yasmin Ten', Year: 10 }),
  ],
  meetings: [
    ...wellSupported(['A2', 'A3', 'A4', 'A5'], TODAY),
    { Date: d('2026-01-05'), 'Pupil ID': 'A1', Staff: 'FR', Type: 'Mentoring' },
  ],
  actions: [{ 'Pupil ID': 'A1', Action: 'Find a new course', Due: d('2026-02-20'), Status: 'Open' }],
};

function workbookOf(spec: Spec = SPEC): XlsxWorkbook {
  const wb = XlsxWorkbook.empty();
  for (const [name, grid] of Object.entries(tabsOf(spec))) {
    wb.createTab(name);
    wb.writeCells(name, 1, 1, grid);
  }
  return wb;
}

const ctxFor = (workbook: XlsxWorkbook, mail: MailPort, today = TODAY): JobContext => ({ workbook, clock: new NodeClock(today), mail });

const logOf = (wb: XlsxWorkbook) => wb.readTab('Log')!.slice(1).map((r) => ({ job: r[1], outcome: r[2], details: r[3], recipient: r[4], week: r[5] }));

describe('Flag unplaced Year 11s on a .xlsx tracker', () => {
  it('writes the Unplaced tab: red first then amber by name, reasons in words, days since the last meeting, mentor', () => {
    const wb = workbookOf();
    const r = runUnplaced(ctxFor(wb, new Outbox(tmp())));
    expect(r.result.cohort).toHaveLength(5);
    const tab = wb.readTab('Unplaced')!;
    expect(tab[0].slice(0, 2)).toEqual(['Unplaced Year 11s', 'Generated']);
    expect(tab[0][2]).toEqual({ day: TODAY, time: '08:00' });
    expect(tab[1][0]).toBe('5 pupils in Year 11: 1 placed (offer accepted), 4 not yet: 1 holding an offer, 3 with no offer; 2 red, 2 amber. Application deadline 31 January 2026; offer deadline 31 March 2026.');
    expect(tab[3].slice(0, 8)).toEqual(['Level', 'Pupil ID', 'Name', 'Form', 'Mentor', 'Application status', 'Reasons', 'Days since last meeting']);
    const rows = tab.slice(4, 8);
    expect(rows.map((x) => [x[0], x[2]])).toEqual([['Red', 'Dev Nomentor'], ['Red', 'Zoe Rejected'], ['Amber', 'Ann Offer'], ['Amber', 'Ben Applied']]);
    const zoe = rows[1];
    expect(zoe[4]).toBe('Fran Reed (FR)');
    expect(zoe[6]).toBe('No live application (rejected or withdrawn); No recent careers meeting; 1 overdue action; No guidance meeting with a qualified (Level 6) adviser; EHCP');
    expect(zoe[7]).toBe(56);
    expect(zoe[8]).toEqual({ day: '2026-01-05' });
    expect(zoe[9]).toBe(1);
    expect(rows[0][4]).toBe('No mentor');
    expect(rows[0][6]).toBe('No application made; No mentor');
  });

  it('colours the level cells red and amber', async () => {
    const wb = workbookOf();
    runUnplaced(ctxFor(wb, new Outbox(tmp())));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await wb.toBuffer()) as unknown as ArrayBuffer);
    const ws = book.getWorksheet('Unplaced')!;
    const fill = (row: number) => (ws.getCell(row, 1).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect([fill(5), fill(6), fill(7), fill(8)]).toEqual(['FFF4C7C3', 'FFF4C7C3', 'FFFCE8B2', 'FFFCE8B2']);
    expect(ws.getCell(4, 1).font?.bold).toBe(true);
  });

  it('writes the September Guarantee tab: no offer and no accepted place, by name', () => {
    const wb = workbookOf();
    runUnplaced(ctxFor(wb, new Outbox(tmp())));
    const tab = wb.readTab('September Guarantee')!;
    expect(tab[0].slice(0, 2)).toEqual(['September Guarantee', 'Generated']);
    expect(tab[3].slice(0, 4)).toEqual(['Pupil ID', 'Name', 'Form', 'Application status']);
    expect(tab.slice(4).map((r) => [r[0], r[3]])).toEqual([['A2', 'Applied'], ['A5', 'Researching'], ['A1', 'Rejected']]);
  });

  it('sends each alert once per ISO week, logging each one with the week key', () => {
    const wb = workbookOf();
    const first = runUnplaced(ctxFor(wb, new Outbox(tmp())));
    expect(first).toMatchObject({ sent: 3, alreadySent: 0, deferred: 0, weekKey: '2026-W10' });
    const sentLines = logOf(wb).filter((l) => l.outcome === 'sent');
    expect(sentLines.map((l) => [l.job, l.recipient, l.week])).toEqual([
      ['unplaced', 'cl@school.example', '2026-W10'], ['unplaced', 'fr@school.example', '2026-W10'], ['unplaced', 'js@school.example', '2026-W10'],
    ]);
    const again = runUnplaced(ctxFor(wb, new Outbox(tmp()), '2026-03-06'));
    expect(again).toMatchObject({ sent: 0, alreadySent: 3 });
    const nextWeek = runUnplaced(ctxFor(wb, new Outbox(tmp()), '2026-03-09'));
    expect(nextWeek).toMatchObject({ sent: 3, alreadySent: 0, weekKey: '2026-W11' });
  });

  it('stops at the quota and finishes on the next run without repeating anyone', () => {
    const wb = workbookOf();
    const short = runUnplaced(ctxFor(wb, new Outbox(tmp(), 1)));
    expect(short).toMatchObject({ sent: 1, deferred: 2 });
    expect(logOf(wb).at(-1)).toMatchObject({ outcome: 'incomplete' });
    const rest = runUnplaced(ctxFor(wb, new Outbox(tmp(), 10)));
    expect(rest).toMatchObject({ sent: 2, alreadySent: 1, deferred: 0 });
    expect(logOf(wb).filter((l) => l.outcome === 'sent').map((l) => l.recipient)).toEqual(['cl@school.example', 'fr@school.example', 'js@school.example']);
  });

  it('one refused address is logged and skipped, the alerts after it still go, and it is not retried that week', () => {
    const wb = workbookOf();
    const sent: string[] = [];
    let failOn = 2;
    const flaky: MailPort = {
      remainingQuota: () => 100,
      send(m: MailMessage) {
        if (--failOn === 0) throw new Error('Invalid email: fr@school.example');
        sent.push(m.to);
        return m.to;
      },
    };
    const first = runUnplaced(ctxFor(wb, flaky));
    expect(first).toMatchObject({ sent: 2, deferred: 0, failure: null, refused: ['fr@school.example: Invalid email: fr@school.example'] });
    expect(logOf(wb).find((l) => l.outcome === 'failed')).toMatchObject({ recipient: 'fr@school.example', week: '2026-W10' });
    expect(logOf(wb).at(-1)!.details).toContain('1 refused (fr@school.example: Invalid email');
    const second = runUnplaced(ctxFor(wb, flaky));
    expect(second).toMatchObject({ sent: 0, alreadySent: 3, failure: null });
    expect(sent).toEqual(['cl@school.example', 'js@school.example']);
  });

  it('stops at the run\'s time budget, says so in the Log, and the next run sends the rest (the weekly job is incomplete meanwhile)', () => {
    const wb = workbookOf();
    const out = runUnplaced({ ...ctxFor(wb, new Outbox(tmp())), deadline: 0 });
    expect(out).toMatchObject({ sent: 0, deferred: 3 });
    expect(out.failure).toContain('time limit');
    expect(logOf(wb).at(-1)).toMatchObject({ outcome: 'incomplete' });
    expect(logOf(wb).at(-1)!.details).toContain('3 left for the next run (stopped to stay within Google\'s time limit');
    expect(unplacedWeeklyJob.run({ ...ctxFor(wb, new Outbox(tmp())), deadline: 0 }).complete).toBe(false);
    expect(runUnplaced(ctxFor(wb, new Outbox(tmp())))).toMatchObject({ sent: 3, deferred: 0 });
  });

  it('a quota refusal half-way stops the run, and the next run sends only what was not sent', () => {
    const wb = workbookOf();
    const sent: string[] = [];
    let failOn = 2;
    const flaky: MailPort = {
      remainingQuota: () => 100,
      send(m: MailMessage) {
        if (--failOn === 0) throw new Error('Service invoked too many times for one day: email.');
        sent.push(m.to);
        return m.to;
      },
    };
    expect(runUnplaced(ctxFor(wb, flaky))).toMatchObject({ sent: 1, deferred: 2 });
    expect(runUnplaced(ctxFor(wb, flaky))).toMatchObject({ sent: 2, alreadySent: 1, failure: null });
    expect(sent).toEqual(['cl@school.example', 'fr@school.example', 'js@school.example']);
  });

  it('sends nothing when no one is flagged', () => {
    const wb = workbookOf({ pupils: [pupil('A1', { 'Application status': 'Accepted' })] });
    const r = runUnplaced(ctxFor(wb, new Outbox(tmp())));
    expect(r).toMatchObject({ sent: 0, recipients: 0 });
    expect(wb.readTab('Unplaced')![4][0]).toBe('Every Year 11 has accepted a post-16 place.');
    expect(logOf(wb).filter((l) => l.outcome === 'sent')).toEqual([]);
  });
});

describe('careers-tracker unplaced', () => {
  async function cli(args: string[]) {
    let out = '';
    let err = '';
    const code = await main(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; } });
    return { code, out, err };
  }

  it('prints the contract JSON, drafts one .eml per alert, and drafts nothing more that week', async () => {
    const dir = tmp();
    const file = path.join(dir, 'tracker.xlsx');
    await workbookOf().save(file);
    const outbox = path.join(dir, 'outbox');
    const run = await cli(['unplaced', '--workbook', file, '--outbox', outbox, '--today', TODAY, '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out);
    expect(json).toMatchObject({ asOf: TODAY, cohort: 5, placed: 1, emails: 3, septemberGuarantee: ['A2', 'A5', 'A1'] });
    expect(json.flagged[0]).toEqual(expect.objectContaining({ pupilId: 'A5', name: 'Dev Nomentor', mentor: null, level: 'red', reasons: ['no-application', 'no-mentor'] }));
    expect(json.flagged[1]).toEqual(expect.objectContaining({ pupilId: 'A1', mentor: 'FR', level: 'red' }));
    expect(json.flagged.map((f: { level: string }) => f.level)).toEqual(['red', 'red', 'amber', 'amber']);
    expect(fs.readdirSync(outbox).filter((f) => f.endsWith('.eml'))).toHaveLength(3);
    const saved = await XlsxWorkbook.open(file);
    expect(saved.readTab('Unplaced')![4][2]).toBe('Dev Nomentor');

    const again = JSON.parse((await cli(['unplaced', '--workbook', file, '--outbox', outbox, '--today', '2026-03-04', '--json'])).out);
    expect(again).toMatchObject({ emails: 0, alreadySentThisWeek: 3 });
    const next = JSON.parse((await cli(['unplaced', '--workbook', file, '--outbox', outbox, '--today', '2026-03-09', '--json'])).out);
    expect(next.emails).toBe(3);
    expect(fs.readdirSync(outbox).filter((f) => f.endsWith('.eml')).length).toBeGreaterThanOrEqual(3);
  });

  it('honours --quota and prints a table for people', async () => {
    const dir = tmp();
    const file = path.join(dir, 'tracker.xlsx');
    await workbookOf().save(file);
    const run = await cli(['unplaced', '--workbook', file, '--outbox', path.join(dir, 'out'), '--today', TODAY, '--quota', '2']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('5 pupils in Year 11: 1 placed (offer accepted), 4 not yet: 1 holding an offer, 3 with no offer; 2 red, 2 amber.');
    expect(run.out).toContain('Dev Nomentor');
    expect(run.out).toContain('Alerts drafted into the outbox: 2; 1 left over (quota).');
  });
});
