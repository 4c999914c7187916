/**
 * Through the Apps Script fake: the programme job and the report's figures cost the same number
 * of spreadsheet calls at 1,000 and 10,000 pupils; the menu items; the report dialog's server
 * functions (role checks, the PDF emailed to whoever asked as a MailApp attachment).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { installFake, gasJobContext, loadTabs } from '../gas/helpers';
import { runProgramme } from '../../src/jobs/programme';
import { gatherReportData } from '../../src/jobs/report';
import { programmeSummary, addAnnualPlanChecklist } from '../../src/gas/handlers/programme';
import { emailGovernorsReport, getGovernorsReport, openGovernorsReport } from '../../src/gas/handlers/report';
import { renderReport } from '../../src/domain/report-html';
import type { ReportData } from '../../src/domain/report';
import { PROGRAMME_TABS, withProgramme } from './fixture';
import { OWNER_KEY, runScheduledTick } from '../../src/jobs/schedule';
import { GasMail } from '../../src/gas/mail';
import { fixedClock } from '../gas/helpers';

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-02T09:30:00Z'));
});
afterAll(() => {
  vi.useRealTimers();
});

describe('spreadsheet calls do not grow with the rows', () => {
  it('programme (with its reminders) and the report figures, at 1,000 and 10,000 pupils', () => {
    const programme: number[] = [];
    const report: number[] = [];
    for (const pupils of [1_000, 10_000]) {
      const fake = installFake({ user: 'cl@school.example' });
      loadTabs(fake, withProgramme(pupils));
      const ctx = { ...gasJobContext(fake), mail: { remainingQuota: () => 100, send: (m: { to: string }) => m.to } };
      fake.calls.reset();
      const r = runProgramme(ctx);
      expect(r.sent).toBeGreaterThan(0);
      programme.push(fake.calls.total('spreadsheet'));
      fake.calls.reset();
      const data = gatherReportData(ctx);
      expect(data.checklists[0].items).toBe(20);
      report.push(fake.calls.total('spreadsheet'));
    }
    expect(programme[0]).toBeGreaterThan(0);
    expect(programme[1]).toBe(programme[0]);
    expect(report[1]).toBe(report[0]);
  }, 120_000);
});

describe('the menu items', () => {
  it('Careers programme lists what is overdue and due soon; Add annual-plan checklist adds it once', () => {
    const fake = installFake({ user: 'ho@school.example' });
    loadTabs(fake, PROGRAMME_TABS);
    programmeSummary();
    expect(fake.ui.alerts[0].title).toBe('Careers programme');
    expect(fake.ui.alerts[0].prompt).toMatch(/1 overdue, 2 due in the next 14 days/);
    expect(fake.sentMail).toHaveLength(0);
    addAnnualPlanChecklist();
    addAnnualPlanChecklist();
    expect(fake.ui.alerts[1].prompt).toMatch(/20 items/);
    expect(fake.ui.alerts[2].prompt).toMatch(/already has/);
    expect(fake.sheetValues('Checklists').length).toBe(21);
  });
  it('a mentor may not run them', () => {
    const fake = installFake({ user: 'fr@school.example' });
    loadTabs(fake, PROGRAMME_TABS);
    programmeSummary();
    expect(fake.ui.alerts[0].prompt).toMatch(/Careers leader/);
  });
});

describe("the Governors' report dialog", () => {
  it('opens for the careers leader and a governor, not for a mentor', () => {
    for (const [user, dialogs] of [['ho@school.example', 1], ['nh@school.example', 1], ['fr@school.example', 0]] as const) {
      const fake = installFake({ user, files: { report: '<!DOCTYPE html><p>dialog</p>' } });
      loadTabs(fake, PROGRAMME_TABS);
      openGovernorsReport();
      expect(fake.ui.dialogs).toHaveLength(dialogs);
      if (dialogs === 0) expect(fake.ui.alerts[0].prompt).toMatch(/Careers leader or Governor/);
    }
  });

  it('gives a governor the figures, with no pupil in them', () => {
    const fake = installFake({ user: 'nh@school.example' });
    loadTabs(fake, PROGRAMME_TABS);
    const r = getGovernorsReport();
    expect(r.ok).toBe(true);
    const text = JSON.stringify(r);
    expect(text).not.toContain('Tegan');
    expect(text).not.toContain('A100200300400');
    const fr = installFake({ user: 'fr@school.example' });
    loadTabs(fr, PROGRAMME_TABS);
    expect(getGovernorsReport()).toMatchObject({ ok: false });
  });

  it('emails the PDF to whoever asked, as an attachment, and logs it; a bad request sends nothing', () => {
    const fake = installFake({ user: 'nh@school.example' });
    loadTabs(fake, PROGRAMME_TABS);
    const got = getGovernorsReport();
    if (!got.ok) throw new Error(got.message);
    const html = renderReport(got.value as ReportData, { chartPng: 'data:image/png;base64,iVBORw0KGgo=' });
    expect(emailGovernorsReport({ html: 'not a report', fileName: 'x.pdf' })).toMatchObject({ ok: false });
    expect(emailGovernorsReport({ html, fileName: '../../etc.pdf' })).toMatchObject({ ok: false });
    expect(emailGovernorsReport('nonsense')).toMatchObject({ ok: false });
    expect(fake.sentMail).toHaveLength(0);
    const r = emailGovernorsReport({ html, fileName: 'Governors report 2025-26 (2026-03-02).pdf' });
    expect(r).toEqual({ ok: true, value: { to: 'nh@school.example' } });
    expect(fake.sentMail).toHaveLength(1);
    const m = fake.sentMail[0];
    expect(m.to).toEqual(['nh@school.example']);
    expect(m.attachments).toHaveLength(1);
    const pdf = m.attachments![0] as { _contentType: string; _name: string; _bytes: Buffer };
    expect(pdf._contentType).toBe('application/pdf');
    expect(pdf._name).toBe('Governors report 2025-26 (2026-03-02).pdf');
    expect(pdf._bytes.toString('utf8')).toContain('data:image/png;base64');
    expect(fake.sheetValues('Log').some((row) => row[1] === 'report' && row[2] === 'sent' && row[4] === 'nh@school.example')).toBe(true);
  });
});

describe('the weekly schedule', () => {
  it('sends the reminders on Monday from 7:00 with the other weekly jobs, once in the ISO week', () => {
    const fake = installFake({ user: 'ho@school.example' });
    loadTabs(fake, PROGRAMME_TABS);
    const at = (day: string, hour: number) => {
      const ctx = { ...gasJobContext(fake, day), clock: fixedClock(day, hour), mail: new GasMail() };
      ctx.documentProperties!.set(OWNER_KEY, 'ho@school.example');
      return ctx;
    };
    expect(runScheduledTick(at('2026-03-02', 6)).skipped).toBe('not due yet');
    const tick = runScheduledTick(at('2026-03-02', 7));
    expect(tick.jobs.find((j) => j.id === 'programme')).toMatchObject({ outcome: 'complete' });
    const reminders = fake.sentMail.filter((m) => m.subject.startsWith('Careers programme'));
    expect(reminders.map((m) => m.to[0]).sort()).toEqual(['fr@school.example', 'ho@school.example']);
    runScheduledTick(at('2026-03-04', 10));
    expect(fake.sentMail.filter((m) => m.subject.startsWith('Careers programme'))).toHaveLength(2);
  });
});
