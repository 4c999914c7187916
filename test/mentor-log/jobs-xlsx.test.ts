import { describe, expect, it } from 'vitest';
import type { JobContext } from '../../src/jobs/context';
import type { CellValue, LockPort } from '../../src/ports';
import { NodeClock } from '../../src/node/clock';
import { MemoryProperties } from '../../src/node/memory';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { MENTOR_LOG_TABS, Refusal, callMentorLogApi, loadMentee, loadMentorLog, markActionDone, saveMeeting } from '../../src/jobs/mentor-log';
import type { SaveMeetingRequest } from '../../src/ui/api';
import { STAFF, TODAY, meetingRequest, mentorLogTabs, workbookOf, type FixtureOptions } from './fixture';

interface Counted extends LockPort {
  held: number;
}
function countingLock(): Counted {
  const lock = {
    held: 0,
    withLock<T>(work: () => T): T {
      lock.held++;
      return work();
    },
  };
  return lock;
}

function setup(email: string, o: FixtureOptions = {}, wb = workbookOf(mentorLogTabs(o))) {
  const lock = countingLock();
  const ctx: JobContext = { workbook: wb, clock: new NodeClock(TODAY), lock, documentProperties: new MemoryProperties(), user: { email: () => email } };
  return { wb, ctx, lock };
}

/** The workbook as it would be saved and opened again. */
async function reopened(wb: XlsxWorkbook): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBuffer(await wb.toBuffer());
}

const request = (over: Record<string, unknown> = {}) => meetingRequest(over) as unknown as SaveMeetingRequest;
const row = (grid: CellValue[][], id: string) => grid.find((r) => r[1] === id || r[0] === id)!;

describe('loading the mentor log from a .xlsx tracker', () => {
  it('reads the five tabs it needs once each, and shows a mentor their own mentees', () => {
    const { wb, ctx } = setup(STAFF.fr, {}, workbookOf({ ...mentorLogTabs(), Activities: [['Date', 'Activity']], Log: [['Time']] }));
    const before = { ...wb.calls };
    const view = loadMentorLog(ctx);
    expect(view.mentees.map((m) => m.name)).toEqual(['<img src=x onerror=alert(1)>', 'Amy Ash', 'Ben Booth']);
    expect(wb.calls.reads - before.reads).toBe(MENTOR_LOG_TABS.length);
    expect(wb.calls.writes).toBe(before.writes);
  });

  it('loads one mentee, and refuses a pupil who is not the caller\'s, a leaver and an unknown ID', () => {
    const { ctx } = setup(STAFF.fr);
    expect(loadMentee(ctx, ' p001 ').pupil.name).toBe('Amy Ash');
    // One uniform refusal: a member of staff learns neither whether an ID exists nor who has left.
    const refusal = (id: string) => {
      try {
        loadMentee(ctx, id);
      } catch (e) {
        return e instanceof Refusal ? e.message : `not a refusal: ${String(e)}`;
      }
      return 'no refusal';
    };
    expect(refusal('P004')).toMatch(/not one of your mentees/);
    expect(refusal('L001')).toBe(refusal('P004'));
    expect(refusal('P999')).toBe(refusal('P004'));
    expect(refusal('P999')).not.toMatch(/P999|left|no pupil/i);
    expect(() => loadMentee(setup(STAFF.stranger).ctx, 'P001')).toThrow(Refusal);
  });
});

describe('saving a meeting to a .xlsx tracker', () => {
  it('appends the meeting and its actions, updates only the changed pupil cells, under the lock', async () => {
    const { wb, ctx, lock } = setup(STAFF.fr);
    const pupilsBefore = wb.readTab('Pupils')!;
    const res = saveMeeting(ctx, request({
      grades: '5s and 6s', needs: 'Exam anxiety', options: 'Health', aspirations: 'Nursing', motivation: 'Helping people',
      notes: '=HYPERLINK("http://evil.example")', sharedWithParents: true, nextMeeting: '2026-03-23',
      actions: [
        { action: 'Write personal statement', due: '2026-03-16', owner: 'Pupil' },
        { action: 'Call MidKent College', due: '2026-03-09', owner: 'Me' },
      ],
      plan: { planA: 'College: health and social care', planB: 'Sixth form: BTEC health', status: 'Interview' },
    }));
    expect(lock.held).toBe(1);
    expect(res.duplicate).toBe(false);
    expect(res.message).toBe('Meeting saved with 2 actions. Plan B and Application status updated.');

    const after = await reopened(wb);
    const meetings = after.readTab('Meetings')!;
    expect(meetings).toHaveLength(5);
    expect(meetings[4]).toEqual([{ day: TODAY }, 'P001', 'FR', 'Mentoring', '5s and 6s', 'Exam anxiety', 'Health', 'Nursing', 'Helping people', '=HYPERLINK("http://evil.example")', 'Yes', { day: '2026-03-23' }]);
    const actions = after.readTab('Actions')!;
    expect(actions.slice(4)).toEqual([
      ['P001', 'Write personal statement', { day: '2026-03-16' }, 'Pupil', 'Open', '', { day: TODAY }],
      ['P001', 'Call MidKent College', { day: '2026-03-09' }, 'FR', 'Open', '', { day: TODAY }],
    ]);
    // Only Plan B and Application status of Amy's row changed; every other cell is as it was.
    const pupilsAfter = after.readTab('Pupils')!;
    const header = pupilsBefore[0];
    const planB = header.indexOf('Plan B');
    const status = header.indexOf('Application status');
    pupilsAfter.forEach((r, i) => r.forEach((c, j) => {
      const changed = i === 1 && (j === planB || j === status);
      if (!changed) expect([i, j, c]).toEqual([i, j, pupilsBefore[i][j]]);
    }));
    expect(row(pupilsAfter, 'P001')[planB]).toBe('Sixth form: BTEC health');
    expect(row(pupilsAfter, 'P001')[status]).toBe('Interview');

    // The summary sent back is the tracker as now written: new meeting first, new actions open.
    expect(res.mentee.meetings[0]).toMatchObject({ row: 5, date: TODAY, notes: '=HYPERLINK("http://evil.example")', shared: 'Yes' });
    expect(res.mentee.openActions.map((a) => [a.row, a.action])).toEqual([
      [2, 'Research college courses'], [6, 'Call MidKent College'], [5, 'Write personal statement'], [3, 'Write CV'],
    ]);
    expect(res.mentee.pupil).toMatchObject({ planB: 'Sixth form: BTEC health', status: 'Interview' });
    expect(res.mentee.daysSinceLastMeeting).toBe(0);
    // ...and the same as reading it again.
    const fresh = loadMentee({ ...ctx, workbook: after }, 'P001');
    expect(fresh).toEqual(res.mentee);
  });

  it('saves a repeated request (double click, retry) once', () => {
    const { wb, ctx } = setup(STAFF.fr);
    const req = request({ actions: [{ action: 'Write CV', due: '2026-03-20', owner: 'Pupil' }] });
    expect(saveMeeting(ctx, req).duplicate).toBe(false);
    const again = saveMeeting(ctx, { ...req });
    expect(again.duplicate).toBe(true);
    expect(again.message).toContain('already been saved');
    expect(wb.readTab('Meetings')).toHaveLength(5);
    expect(wb.readTab('Actions')).toHaveLength(5);
    // A new form (new request id) is a new meeting.
    saveMeeting(ctx, request());
    expect(wb.readTab('Meetings')).toHaveLength(6);
  });

  it('refuses a pupil who is not the caller\'s mentee, someone not in Staff, and a bad meeting, writing nothing', () => {
    for (const [email, over, why] of [
      [STAFF.lg, {}, /not one of your mentees/],
      [STAFF.stranger, {}, /not in the Staff tab/],
      [STAFF.fr, { date: '2026-03-05' }, /in the future/],
      [STAFF.fr, { actions: [{ action: 'Write CV', due: '2026-02-01', owner: 'Pupil' }] }, /due before the meeting date/],
    ] as const) {
      const { wb, ctx } = setup(email);
      const before = wb.calls.writes;
      expect(() => saveMeeting(ctx, request(over))).toThrow(why);
      expect(wb.calls.writes).toBe(before);
    }
  });

  it('lets the careers leader and the adviser log for any pupil on roll', () => {
    for (const email of [STAFF.leader, STAFF.adviser]) {
      const { wb, ctx } = setup(email);
      saveMeeting(ctx, request({ pupilId: 'P004', type: 'Guidance', plan: { planA: 'Sixth form', planB: 'College', status: 'Offer' }, shown: { planA: 'Sixth form', planB: 'College', status: 'Offer' } }));
      expect(wb.readTab('Meetings')![4].slice(1, 4)).toEqual(['P004', email === STAFF.leader ? 'JS' : 'MH', 'Guidance']);
    }
  });

  it('does not overwrite a plan someone else changed meanwhile when this user left it alone', () => {
    const { wb, ctx } = setup(STAFF.fr);
    const header = wb.readTab('Pupils')![0];
    // Someone changes Amy's Plan A in the sheet after the sidebar showed it.
    wb.writeCells('Pupils', 2, header.indexOf('Plan A') + 1, [['Apprenticeship: dental nurse']]);
    saveMeeting(ctx, request({ plan: { planA: 'College: health and social care', planB: 'Sixth form', status: 'Applied' } }));
    const amy = row(wb.readTab('Pupils')!, 'P001');
    expect(amy[header.indexOf('Plan A')]).toBe('Apprenticeship: dental nurse');
    expect(amy[header.indexOf('Plan B')]).toBe('Sixth form');
  });

  it('refuses to change a plan the Pupils tab has no column for, and saves when it is left alone', () => {
    const { wb, ctx } = setup(STAFF.fr, { withoutPupilColumns: ['Plan B'] });
    expect(() => saveMeeting(ctx, request({ plan: { planA: 'College: health and social care', planB: 'Sixth form', status: 'Applied' } }))).toThrow(/no Plan B column/);
    expect(wb.readTab('Meetings')).toHaveLength(4);
    saveMeeting(ctx, request());
    expect(wb.readTab('Meetings')).toHaveLength(5);
    expect(wb.readTab('Pupils')![0]).not.toContain('Plan B');
  });

  it('creates missing Meetings and Actions tabs with their headers, and the rows it reports are right', () => {
    const tabs = mentorLogTabs();
    delete (tabs as Record<string, unknown>).Meetings;
    delete (tabs as Record<string, unknown>).Actions;
    const { wb, ctx } = setup(STAFF.fr, {}, workbookOf(tabs));
    const res = saveMeeting(ctx, request({ actions: [{ action: 'Write CV', due: '2026-03-20', owner: 'Pupil' }] }));
    expect(wb.readTab('Meetings')![0]).toContain('Shared with parents');
    expect(wb.readTab('Meetings')).toHaveLength(2);
    expect(res.mentee.meetings[0].row).toBe(2);
    expect(res.mentee.openActions[0].row).toBe(2);
    const done = markActionDone(ctx, { pupilId: 'P001', row: 2, action: 'Write CV', due: '2026-03-20' });
    expect(done.mentee.openActions).toEqual([]);
    expect(wb.readTab('Actions')![1]).toEqual(['P001', 'Write CV', { day: '2026-03-20' }, 'Pupil', 'Done', { day: TODAY }, { day: TODAY }]);
  });
});

describe('marking an action done in a .xlsx tracker', () => {
  it('writes only that row\'s Status and Done on, under the lock; a second click changes nothing', async () => {
    const { wb, ctx, lock } = setup(STAFF.fr);
    const before = wb.readTab('Actions')!;
    const res = markActionDone(ctx, { pupilId: 'P001', row: 3, action: 'Write CV', due: '2026-03-20' });
    expect(lock.held).toBe(1);
    expect(res.message).toBe('Marked done: Write CV');
    expect(res.mentee.openActions.map((a) => a.action)).toEqual(['Research college courses']);
    expect(res.mentee.doneActions[0]).toMatchObject({ action: 'Write CV', doneOn: TODAY });
    const after = (await reopened(wb)).readTab('Actions')!;
    expect(after[2]).toEqual([...before[2].slice(0, 4), 'Done', { day: TODAY }, before[2][6]]);
    expect(after.filter((_, i) => i !== 2)).toEqual(before.filter((_, i) => i !== 2));
    const writes = wb.calls.writes;
    expect(markActionDone(ctx, { pupilId: 'P001', row: 3, action: 'Write CV', due: '2026-03-20' }).message).toContain('already');
    expect(wb.calls.writes).toBe(writes);
  });

  it('finds the action when its row moved, and refuses when it is gone or not the caller\'s', () => {
    const { wb, ctx } = setup(STAFF.fr);
    markActionDone(ctx, { pupilId: 'P001', row: 4, action: 'Write CV', due: '2026-03-20' });
    expect(wb.readTab('Actions')![2][4]).toBe('Done');
    expect(() => markActionDone(ctx, { pupilId: 'P001', row: 2, action: 'Write a novel', due: '2026-03-20' })).toThrow(/no longer in the Actions tab/);
    expect(() => markActionDone(setup(STAFF.lg).ctx, { pupilId: 'P001', row: 2, action: 'Research college courses', due: '2026-02-01' })).toThrow(/not one of your mentees/);
  });
});

describe('the API entry point', () => {
  it('validates arguments, naming the field, and answers refusals and unknown functions as results', () => {
    const { ctx, wb } = setup(STAFF.fr);
    const writes = wb.calls.writes;
    const bad = callMentorLogApi(ctx, 'saveMeeting', [{ ...meetingRequest(), date: '02/03/2026' }]);
    expect(bad).toMatchObject({ ok: false, code: 'invalid' });
    expect(!bad.ok && bad.message).toContain('date: it must be a date written YYYY-MM-DD');
    expect(callMentorLogApi(ctx, 'saveMeeting', [{ ...meetingRequest(), notes: 'x'.repeat(10_001) }])).toMatchObject({ ok: false, code: 'invalid' });
    expect(callMentorLogApi(ctx, 'saveMeeting', [{ ...meetingRequest(), requestId: 'x' }])).toMatchObject({ ok: false, code: 'invalid' });
    expect(callMentorLogApi(ctx, 'saveMeeting', [{ ...meetingRequest(), type: 'Party' }])).toMatchObject({ ok: false, code: 'invalid' });
    expect(callMentorLogApi(ctx, 'saveMeeting', [null])).toMatchObject({ ok: false, code: 'invalid' });
    expect(callMentorLogApi(ctx, 'getMentee', [{ toString: 'P001' }])).toMatchObject({ ok: false, code: 'invalid' });
    expect(callMentorLogApi(ctx, 'markActionDone', [{ pupilId: 'P001', row: 1.5, action: 'x', due: TODAY }])).toMatchObject({ ok: false, code: 'invalid' });
    expect(callMentorLogApi(ctx, 'readTab', [])).toMatchObject({ ok: false, code: 'invalid' });
    expect(callMentorLogApi(ctx, 'getMentee', ['P004'])).toMatchObject({ ok: false, code: 'refused' });
    expect(wb.calls.writes).toBe(writes);
    const ok = callMentorLogApi(ctx, 'saveMeeting', [{ ...meetingRequest(), extra: '<script>' }]);
    expect(ok).toMatchObject({ ok: true, value: { duplicate: false } });
  });

  it('answers a busy lock as busy', () => {
    const { ctx } = setup(STAFF.fr);
    ctx.lock = { withLock: () => { throw Object.assign(new Error('Someone else is saving to the tracker right now.'), { name: 'LockBusyError' }); } };
    expect(callMentorLogApi(ctx, 'saveMeeting', [meetingRequest()])).toEqual({ ok: false, code: 'busy', message: 'Someone else is saving to the tracker right now.' });
  });
});
