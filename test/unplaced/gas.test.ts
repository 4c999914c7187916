import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gasJobContext, installFake, loadTabs } from '../gas/helpers';
import { syntheticTracker } from '../support/synthetic';
import { GasMail } from '../../src/gas/mail';
import { runUnplaced } from '../../src/jobs/unplaced';
import { flagUnplacedYear11s } from '../../src/gas/handlers/unplaced';
import { d, everyMentorFlagged, pupil, tabsOf, wellSupported } from './build';

const SENSITIVE = /\bEHCP\b|\bSEND\b|\bSEN\b|looked[ -]after/i;
const TODAY = '2026-03-02';

const spec = {
  pupils: [
    pupil('A1', { Name: '<b>Sam</b> & "Jo"', Mentor: 'FR', 'Application status': 'Rejected', 'Looked after': 'Yes' }),
    pupil('A2', { Name: 'Ben Applied', Mentor: 'JS' }),
    pupil('A3', { Name: 'Cara Placed', Mentor: 'JS', 'Application status': 'Accepted' }),
  ],
  meetings: [...wellSupported(['A2', 'A3'], TODAY), { Date: d('2026-02-20'), 'Pupil ID': 'A1', Staff: 'FR', Type: 'Mentoring' }],
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-02T09:30:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Flag unplaced Year 11s in Google Sheets', () => {
  it('writes both tabs with RAG fills, sends one message per recipient, and says what it did', () => {
    const fake = installFake({ user: 'cl@school.example' });
    loadTabs(fake, tabsOf(spec));
    flagUnplacedYear11s();
    expect(fake.ui.alerts).toHaveLength(1);
    expect(fake.ui.alerts[0].title).toBe('Flag unplaced Year 11s');
    expect(fake.ui.alerts[0].prompt).toContain('3 pupils in Year 11: 1 placed (offer accepted), 2 not yet: 0 holding an offer, 2 with no offer; 1 red, 1 amber.');
    expect(fake.ui.alerts[0].prompt).toContain('Alerts sent: 3.');
    const values = fake.sheetValues('Unplaced');
    expect(values[4].slice(0, 3)).toEqual(['Red', 'A1', '<b>Sam</b> & "Jo"']);
    expect(values[5].slice(0, 3)).toEqual(['Amber', 'A2', 'Ben Applied']);
    expect(values[0][2]).toBeInstanceOf(Date);
    const formats = fake.sheetFormats('Unplaced');
    expect(formats.backgrounds[4][0]).toBe('#f4c7c3');
    expect(formats.backgrounds[5][0]).toBe('#fce8b2');
    expect(formats.frozenRows).toBe(4);
    expect(fake.sheetValues('September Guarantee').slice(4).map((r) => r[0])).toEqual(['A1', 'A2']);
    expect(fake.sentMail.map((m) => m.to)).toEqual([['cl@school.example'], ['fr@school.example'], ['js@school.example']]);
    for (const m of fake.sentMail) {
      expect(m.cc).toEqual([]);
      expect(m.bcc).toEqual([]);
      expect(`${m.subject}\n${m.body}\n${m.htmlBody}`).not.toMatch(SENSITIVE);
      expect(m.htmlBody).toContain('https://docs.google.com/spreadsheets/d/fake-spreadsheet-id/edit');
    }
    expect(fake.sentMail[0].htmlBody).toContain('&lt;b&gt;Sam&lt;/b&gt; &amp; &quot;Jo&quot;');
    expect(fake.sentMail[0].htmlBody).not.toContain('<b>Sam');
  });

  it('a second run in the same week rewrites the tabs but sends nothing again', () => {
    const fake = installFake({ user: 'cl@school.example' });
    loadTabs(fake, tabsOf(spec));
    flagUnplacedYear11s();
    flagUnplacedYear11s();
    expect(fake.sentMail).toHaveLength(3);
    expect(fake.ui.alerts[1].prompt).toContain('3 already had this week\'s alert');
  });

  it('needs the careers leader role', () => {
    const fake = installFake({ user: 'fr@school.example' });
    loadTabs(fake, tabsOf(spec));
    flagUnplacedYear11s();
    expect(fake.ui.alerts[0].prompt).toContain('This needs the role Careers leader');
    expect(fake.sentMail).toEqual([]);
    expect(() => fake.sheetValues('Unplaced')).toThrow();
  });

  it('makes the same number of spreadsheet calls at 100, 1,000 and 10,000 pupils', () => {
    const counts: number[] = [];
    const mail: number[] = [];
    for (const pupils of [100, 1_000, 10_000]) {
      const fake = installFake({ user: 'cl@school.example' });
      loadTabs(fake, everyMentorFlagged(syntheticTracker({ pupils })));
      const ctx = { ...gasJobContext(fake), mail: new GasMail() };
      fake.calls.reset();
      const r = runUnplaced(ctx);
      // Growing a tab's grid past its 1,000 rows is one call per output tab, once: left out of the comparison.
      const growth = fake.calls.count('Sheet.insertRowsAfter') + fake.calls.count('Sheet.insertColumnsAfter');
      expect(growth).toBeLessThanOrEqual(2);
      counts.push(fake.calls.total('spreadsheet') - growth);
      mail.push(r.sent);
      expect(r.result.cohort.length).toBe(pupils / 5);
      for (const m of fake.sentMail) expect(`${m.subject}\n${m.body}\n${m.htmlBody}`).not.toMatch(SENSITIVE);
    }
    expect(mail).toEqual([5, 5, 5]);
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts).toEqual([counts[0], counts[0], counts[0]]);
  });
});
