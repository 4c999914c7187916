/**
 * Records in Google Sheets: the Apps Script entry points over the fake, as google.script.run and
 * the menu call them. The Staff tab decides who may make what; the files go by email to whoever asked.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installFake, loadTabs } from '../gas/helpers';
import type { FakeBlob, GasFake } from '../fakes/gas';
import { makeRecord, subjectAccessRequest, transitionDocumentsForYear11 } from '../../src/gas/handlers/records';
import { MENU_ITEMS } from '../../src/gas/menu';
import type { ApiResult } from '../../src/ui/api';
import { syntheticTracker } from '../support/synthetic';
import { OTHERS, RUBY, STAFF, STAFF_ONLY_NOTE, TODAY, recordTabs } from './fixture';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${TODAY}T09:30:00Z`));
});
afterEach(() => vi.useRealTimers());

function tracker(user: string): GasFake {
  const fake = installFake({ user });
  loadTabs(fake, recordTabs());
  return fake;
}

const blobs = (fake: GasFake) => fake.sentMail.flatMap((m) => (m.attachments ?? []) as FakeBlob[]);
const text = (b: FakeBlob) => b._bytes.toString('utf8');
const code = (r: ApiResult<unknown>) => (r.ok ? 'ok' : r.code);

describe('makeRecord, the sidebar\'s server function', () => {
  it('a mentor gets their mentee\'s record as a PDF by email, naming no other pupil, and a Log line', () => {
    const fake = tracker(STAFF.fr);
    const r = makeRecord('R001', 'pupil');
    expect(r).toEqual({ ok: true, value: { message: `Careers record for Ruby Reed emailed to you (${STAFF.fr}).` } });
    expect(fake.sentMail).toHaveLength(1);
    expect(fake.sentMail[0].to).toEqual([STAFF.fr]);
    const [pdf] = blobs(fake);
    expect(pdf._contentType).toBe('application/pdf');
    expect(pdf._name).toBe('Careers record - Ruby Reed (R001).pdf');
    expect(text(pdf)).toContain('Ruby Reed');
    for (const o of OTHERS) expect(text(pdf)).not.toContain(o.name);
    expect(text(pdf)).not.toContain(STAFF_ONLY_NOTE);
    const log = fake.sheetValues('Log').at(-1)!;
    expect(log.slice(1, 5)).toEqual(['record', 'made', `pupil; pupil ID R001; asked by ${STAFF.fr}`, STAFF.fr]);
  });

  it('a mentor can make only their own mentees\' records, and only pupil and transition', () => {
    const fake = tracker(STAFF.fr);
    expect(code(makeRecord('R001', 'transition'))).toBe('ok');
    const notMine = makeRecord('R002', 'pupil');
    expect(notMine).toMatchObject({ ok: false, code: 'refused' });
    expect((notMine as { message: string }).message).toContain('not one of your mentees');
    expect(code(makeRecord('R002', 'transition'))).toBe('refused');
    const sar = makeRecord('R001', 'sar');
    expect(sar).toMatchObject({ ok: false, code: 'refused', message: 'Only the careers leader can answer a subject access request.' });
    expect(fake.sentMail).toHaveLength(1);
    expect(fake.sheetValues('Log').filter((r) => r[1] === 'record')).toHaveLength(1);
  });

  it('the adviser may make any pupil\'s; admin and strangers none; bad arguments are invalid', () => {
    const fake = tracker(STAFF.adviser);
    expect(code(makeRecord('R002', 'pupil'))).toBe('ok');
    fake.setUser(STAFF.admin);
    expect(code(makeRecord('R002', 'pupil'))).toBe('refused');
    fake.setUser('stranger@school.example');
    expect(code(makeRecord('R002', 'pupil'))).toBe('refused');
    fake.setUser(STAFF.leader);
    expect(code(makeRecord('R002', 'everything'))).toBe('invalid');
    expect(code(makeRecord({ id: 'R002' }, 'pupil'))).toBe('invalid');
    expect(code(makeRecord('R999', 'pupil'))).toBe('refused');
    expect(code(makeRecord('R003', 'transition'))).toBe('refused');
    expect(fake.sentMail).toHaveLength(1);
  });

  it('the careers leader\'s SAR comes as the pupil record and a zip of one CSV per tab, with nothing about anyone else', () => {
    const fake = tracker(STAFF.leader);
    expect(code(makeRecord('R001', 'sar'))).toBe('ok');
    const [pdf, zip] = blobs(fake);
    expect(pdf._contentType).toBe('application/pdf');
    expect(zip._contentType).toBe('application/zip');
    expect(zip._entries!.map((e) => e.name)).toEqual(['Pupils.csv', 'Meetings.csv', 'Actions.csv', 'Activities.csv', 'Destinations.csv', 'Log.csv', 'Unplaced.csv']);
    const all = zip._entries!.map((e) => e.bytes.toString('utf8')).join('\n');
    expect(all).toContain(STAFF_ONLY_NOTE);
    expect(all).toContain(RUBY.email);
    for (const o of OTHERS) {
      expect(all).not.toContain(o.name);
      expect(all).not.toMatch(new RegExp(`\\b${o.id}\\b`));
    }
  });

  it('reads each tab once: spreadsheet calls do not grow with the rows', () => {
    const calls = (pupils: number) => {
      const fake = installFake({ user: 'cl@school.example' });
      loadTabs(fake, syntheticTracker({ pupils }));
      fake.calls.reset();
      const r = makeRecord('P000004', 'pupil');
      expect(code(r)).toBe('ok');
      return fake.calls.total('spreadsheet');
    };
    expect(calls(1000)).toBe(calls(100));
  });
});

describe('the menu items', () => {
  it('are listed with the functions they call', () => {
    expect(MENU_ITEMS.map((i) => i.functionName)).toEqual(expect.arrayContaining(['subjectAccessRequest', 'transitionDocumentsForYear11']));
  });

  it('Subject access request… finds the pupil by name or ID and emails the careers leader', () => {
    const fake = tracker(STAFF.leader);
    fake.ui.respondWith({ text: '  ruby   REED ', button: 'OK' });
    subjectAccessRequest();
    expect(fake.ui.alerts.at(-1)!.prompt).toContain('Subject access request for Ruby Reed emailed to you');
    expect(blobs(fake).map((b) => b._contentType)).toEqual(['application/pdf', 'application/zip']);
    fake.ui.respondWith({ text: 'r002', button: 'OK' });
    subjectAccessRequest();
    expect(fake.sentMail).toHaveLength(2);
    fake.ui.respondWith({ text: 'Nobody Here', button: 'OK' });
    subjectAccessRequest();
    expect(fake.ui.alerts.at(-1)!.prompt).toContain('No pupil in the Pupils tab has that ID or name');
  });

  it('Subject access request… is refused to a mentor before any pupil is asked for', () => {
    const fake = tracker(STAFF.fr);
    subjectAccessRequest();
    expect(fake.ui.prompts).toHaveLength(0);
    expect(fake.ui.alerts.at(-1)!.prompt).toContain('Careers leader');
    expect(fake.sentMail).toHaveLength(0);
  });

  it('Transition documents for Year 11: one email with a PDF per pupil with consent; lists those without; not made twice in a day', () => {
    const fake = tracker(STAFF.leader);
    transitionDocumentsForYear11();
    expect(fake.sentMail).toHaveLength(1);
    expect(blobs(fake).map((b) => b._name)).toEqual(['Careers transition document - Ruby Reed (R001).pdf', 'Careers transition document - Sam Stone (R002).pdf']);
    const said = fake.ui.alerts.at(-1)!.prompt;
    expect(said).toContain('2 transition documents emailed to you');
    expect(said).toContain('Tia Todd (R003)');
    expect(said).toContain('Uma Underwood (R004)');
    transitionDocumentsForYear11();
    expect(fake.sentMail).toHaveLength(1);
    expect(fake.ui.alerts.at(-1)!.prompt).toContain('2 pupils already had theirs made by you today');
  });

  it('a mentor\'s batch covers their own Year 11 mentees only', () => {
    const fake = tracker(STAFF.fr);
    transitionDocumentsForYear11();
    expect(blobs(fake).map((b) => b._name)).toEqual(['Careers transition document - Ruby Reed (R001).pdf']);
    expect(fake.ui.alerts.at(-1)!.prompt).toContain('Uma Underwood (R004)');
    expect(fake.ui.alerts.at(-1)!.prompt).not.toContain('Tia Todd');
  });
});
