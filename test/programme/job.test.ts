/**
 * The programme job and its reminders (through the .xlsx adapter and the command line), the
 * add-checklist command, and the weekly schedule running the reminders once per ISO week.
 */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { NodeClock } from '../../src/node/clock';
import { runCli, tmpDir } from '../support/cli';
import { runProgramme } from '../../src/jobs/programme';
import type { MailMessage, MailPort } from '../../src/ports';
import { WEEKLY_JOBS } from '../../src/jobs/schedule';
import { PROGRAMME_TABS } from './fixture';

const run = runCli;

const TODAY = '2026-03-02';
const tmp = () => tmpDir('programme-');

function workbook(tabs = PROGRAMME_TABS): XlsxWorkbook {
  const wb = XlsxWorkbook.empty();
  for (const [name, grid] of Object.entries(tabs)) {
    wb.createTab(name);
    wb.writeCells(name, 1, 1, grid);
  }
  return wb;
}

class CapturingMail implements MailPort {
  sent: MailMessage[] = [];
  constructor(private quota = 100) {}
  remainingQuota() { return this.quota; }
  send(m: MailMessage) {
    this.quota--;
    this.sent.push(m);
    return m.to;
  }
}

describe('programme reminders', () => {
  it('one email per owner with their overdue and due-soon actions, none to an owner with nothing due, no pupil named', () => {
    const wb = workbook();
    const mail = new CapturingMail();
    const r = runProgramme({ workbook: wb, clock: new NodeClock(TODAY), mail });
    expect(r.summary).toMatchObject({ actions: 6, overdue: 1, dueSoon: 2, done: 1, onTime: 0, dropped: 1 });
    expect(mail.sent.map((m) => m.to).sort()).toEqual(['fr@school.example', 'ho@school.example']);
    const ho = mail.sent.find((m) => m.to === 'ho@school.example')!;
    expect(ho.subject).toBe('Careers programme: 1 overdue, 1 due soon – week of 2 March 2026 (Test School)');
    expect(ho.text).toContain('Overdue: Work experience visit for [pupil] ([pupil]) (due 20 February 2026, Term 3, BM6)');
    for (const body of [ho.text, ho.html]) {
      expect(body).not.toContain('Tegan');
      expect(body).not.toContain('A100200300400');
    }
    const fr = mail.sent.find((m) => m.to === 'fr@school.example')!;
    expect(fr.text).toContain('Due soon: National Careers Week');
    expect(fr.text).not.toContain('Work experience');
    expect(r.unowned).toBe(1);
  });

  it('once per ISO week: a second run that week sends nothing, the next week sends again', () => {
    const wb = workbook();
    const first = new CapturingMail();
    runProgramme({ workbook: wb, clock: new NodeClock(TODAY), mail: first });
    const again = new CapturingMail();
    const second = runProgramme({ workbook: wb, clock: new NodeClock('2026-03-05'), mail: again });
    expect(again.sent).toHaveLength(0);
    expect(second.alreadySent).toBe(2);
    const next = new CapturingMail();
    runProgramme({ workbook: wb, clock: new NodeClock('2026-03-09'), mail: next });
    expect(next.sent.length).toBeGreaterThan(0);
  });

  it('a quota that runs out leaves the rest for the next run, which sends only those', () => {
    const wb = workbook();
    const short = new CapturingMail(1);
    const r = runProgramme({ workbook: wb, clock: new NodeClock(TODAY), mail: short });
    expect([r.sent, r.deferred]).toEqual([1, 1]);
    const rest = new CapturingMail();
    runProgramme({ workbook: wb, clock: new NodeClock(TODAY), mail: rest });
    expect(rest.sent.map((m) => m.to)).not.toContain(short.sent[0].to);
    expect(rest.sent).toHaveLength(1);
  });

  it('is one of the weekly jobs, complete when every reminder has gone', () => {
    const job = WEEKLY_JOBS.find((j) => j.id === 'programme')!;
    const wb = workbook();
    expect(job.run({ workbook: wb, clock: new NodeClock(TODAY), mail: new CapturingMail(1) }).complete).toBe(false);
    expect(job.run({ workbook: wb, clock: new NodeClock(TODAY), mail: new CapturingMail() }).complete).toBe(true);
  });
});

describe('the command line', () => {
  it('programme --json prints the summary with the spec\'s names and drafts the reminders into --outbox', async () => {
    const dir = tmp();
    const file = path.join(dir, 'tracker.xlsx');
    await workbook().save(file);
    const outbox = path.join(dir, 'out');
    const { code, out, err } = await run(['programme', '--workbook', file, '--outbox', outbox, '--today', TODAY, '--json']);
    expect([code, err]).toEqual([0, '']);
    const json = JSON.parse(out);
    for (const k of ['asOf', 'actions', 'done', 'onTime', 'overdue', 'dueSoon', 'byTerm', 'byBenchmark']) expect(json).toHaveProperty(k);
    expect(json.byTerm.map((t: { term: string }) => t.term)).toEqual(['Term 2', 'Term 3', 'Term 4', 'Term 6']);
    expect(fs.readdirSync(outbox).filter((f) => f.endsWith('.eml'))).toHaveLength(2);
    const again = await run(['programme', '--workbook', file, '--outbox', outbox, '--today', TODAY, '--json']);
    expect(JSON.parse(again.out)).toMatchObject({ sent: 0, alreadySentThisWeek: 2 });
  });

  it('add-checklist annual-plan adds the 20 items once; an unknown or missing checklist is a bad command line', async () => {
    const dir = tmp();
    const file = path.join(dir, 'tracker.xlsx');
    await workbook().save(file);
    const first = await run(['add-checklist', 'annual-plan', '--workbook', file, '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toEqual({ name: 'Annual careers plan', added: 20, existed: false });
    const second = await run(['add-checklist', 'annual-plan', '--workbook', file, '--json']);
    expect(JSON.parse(second.out)).toMatchObject({ added: 0, existed: true });
    const wb = await XlsxWorkbook.open(file);
    expect(wb.readTab('Checklists')!.filter((r) => r[0] === 'Annual careers plan')).toHaveLength(20);
    expect((await run(['add-checklist', 'county', '--workbook', file])).code).toBe(2);
    expect((await run(['add-checklist', '--workbook', file])).code).toBe(2);
    expect((await run(['programme', 'extra', '--workbook', file])).code).toBe(2);
  });

  it('report --out writes HTML, and a PDF when Chromium is there; --out is required', async () => {
    const dir = tmp();
    const file = path.join(dir, 'tracker.xlsx');
    await workbook().save(file);
    const html = path.join(dir, 'report.html');
    const r = await run(['report', '--workbook', file, '--out', html, '--today', TODAY, '--json']);
    expect([r.code, r.err]).toEqual([0, '']);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ format: 'html', school: 'Test School', asOf: TODAY });
    expect(fs.readFileSync(html, 'utf8')).not.toContain('Tegan');
    expect((await run(['report', '--workbook', file])).code).toBe(2);
    expect((await run(['report', '--workbook', file, '--out', path.join(dir, 'r.docx')])).code).toBe(2);
    const missing = await run(['report', '--workbook', file, '--out', path.join(dir, 'no-such-folder', 'r.html')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/No such folder: .*no-such-folder/);
  });
});
