/**
 * Hand-made google.script.run calls, through the Apps Script fake: a mentor trying to read or
 * write another mentor's mentee by every door the server functions have.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installFake, loadTabs } from '../gas/helpers';
import { getMentee, getMentorLog, markActionDone, saveMeeting } from '../../src/gas/handlers/mentor-log';
import type { ApiResult, MentorLogView, SaveMeetingResponse } from '../../src/ui/api';
import { STAFF, TODAY, meetingRequest, mentorLogTabs } from './fixture';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${TODAY}T09:30:00Z`));
});
afterEach(() => vi.useRealTimers());

function asLee() {
  const fake = installFake({ user: STAFF.lg });
  loadTabs(fake, mentorLogTabs());
  return fake;
}

const text = (r: ApiResult<unknown>) => JSON.stringify(r);

describe('a mentor cannot reach another mentor\'s mentee', () => {
  it('getMentee refuses P001 however the ID is written, and never shows her name or notes', () => {
    asLee();
    for (const id of ['P001', ' p001 ', 'P001\n', 'L001']) {
      const r = getMentee(id);
      expect(r).toMatchObject({ ok: false, code: 'refused' });
      expect(text(r)).not.toMatch(/Amy|Eve|Exam anxiety/);
    }
    for (const bad of [{ toString: () => 'P001' }, ['P001'], null, '', 'x'.repeat(10_000)]) {
      expect(getMentee(bad)).toMatchObject({ ok: false, code: 'invalid' });
    }
  });

  it('the list holds only his own mentee, whatever arguments are passed', () => {
    asLee();
    const r = (getMentorLog as (...a: unknown[]) => ApiResult<unknown>)('P001', { all: true });
    expect(r.ok && (r.value as MentorLogView).mentees.map((m) => m.id)).toEqual(['P004']);
    expect(text(r)).not.toMatch(/Amy/);
  });

  it('saveMeeting for P001 is refused and writes nothing; extra fields cannot set the staff or the row', () => {
    const fake = asLee();
    const before = { meetings: fake.sheetValues('Meetings'), actions: fake.sheetValues('Actions'), pupils: fake.sheetValues('Pupils') };
    for (const pupilId of ['P001', 'p001', ' P001 ']) {
      expect(saveMeeting(meetingRequest({ pupilId, plan: { planA: 'Hacked', planB: '', status: 'Withdrawn' } }))).toMatchObject({ ok: false, code: 'refused' });
    }
    expect(fake.sheetValues('Meetings')).toEqual(before.meetings);
    expect(fake.sheetValues('Actions')).toEqual(before.actions);
    expect(fake.sheetValues('Pupils')).toEqual(before.pupils);
    // His own mentee, with fields the API does not take: they are ignored.
    const shown = { planA: 'Sixth form', planB: 'College', status: 'Offer' };
    const r = saveMeeting({ ...meetingRequest({ pupilId: 'P004', shown, plan: shown }), staff: 'FR', row: 2, pupil: { row: 2 } });
    expect(r).toMatchObject({ ok: true });
    const last = fake.sheetValues('Meetings').slice(-1)[0];
    expect(last.slice(1, 3)).toEqual(['P004', 'LG']);
    expect(fake.sheetValues('Pupils')).toEqual(before.pupils);
  });

  it('a request id already used by Fiona for Amy gives Lee nothing of Amy\'s', () => {
    const fake = asLee();
    fake.setUser(STAFF.fr);
    const fiona = meetingRequest({ requestId: 'shared-id-1234', notes: 'Private to Amy' });
    expect(saveMeeting(fiona)).toMatchObject({ ok: true });
    fake.setUser(STAFF.lg);
    expect(saveMeeting({ ...fiona })).toMatchObject({ ok: false, code: 'refused' });
    const shown = { planA: 'Sixth form', planB: 'College', status: 'Offer' };
    const r = saveMeeting(meetingRequest({ requestId: 'shared-id-1234', pupilId: 'P004', shown, plan: shown }));
    expect(text(r)).not.toMatch(/Amy|Private to Amy/);
    expect(r.ok && (r.value as SaveMeetingResponse).mentee.pupil.id).toBe('P004');
  });

  it('markActionDone cannot close Amy\'s action, by her ID or by pointing his own pupil at her row', () => {
    const fake = asLee();
    const before = fake.sheetValues('Actions');
    expect(markActionDone({ pupilId: 'P001', row: 2, action: 'Research college courses', due: '2026-02-01' })).toMatchObject({ ok: false, code: 'refused' });
    expect(markActionDone({ pupilId: 'P004', row: 2, action: 'Research college courses', due: '2026-02-01' })).toMatchObject({ ok: false, code: 'refused' });
    for (const row of [2.5, -1, '2', 1e20]) {
      expect(markActionDone({ pupilId: 'P004', row, action: 'x', due: TODAY })).toMatchObject({ ok: false, code: 'invalid' });
    }
    expect(fake.sheetValues('Actions')).toEqual(before);
  });
});
