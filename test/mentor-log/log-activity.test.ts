/**
 * Log an activity and form tutors, through the .xlsx adapter and the sidebar's API entry point:
 * who may log for whom, the one Activities row in the tracker's own list style, once only,
 * under the lock, checked on the server; form tutors' view of their forms.
 */
import { describe, expect, it } from 'vitest';
import type { JobContext } from '../../src/jobs/context';
import type { CellValue, LockPort } from '../../src/ports';
import { NodeClock } from '../../src/node/clock';
import { MemoryProperties } from '../../src/node/memory';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { callMentorLogApi, loadMentee, loadMentorLog, saveMeeting } from '../../src/jobs/mentor-log';
import { loadActivityForm, saveActivity } from '../../src/jobs/log-activity';
import { readTracker } from '../../src/domain/tracker';
import type { ActivityFormView, SaveActivityRequest, SaveMeetingRequest } from '../../src/ui/api';
import { attendeesOf, newActivityDraft, toActivityRequest } from '../../src/ui/activity-draft';
import { STAFF, TODAY, TUTORS, TUTOR_STAFF, meetingRequest, mentorLogTabs, workbookOf } from './fixture';

function setup(email: string) {
  let held = 0;
  const lock: LockPort = { withLock: <T,>(work: () => T) => { held++; return work(); } };
  const wb = workbookOf(mentorLogTabs({ extraStaff: TUTOR_STAFF }));
  const ctx: JobContext = { workbook: wb, clock: new NodeClock(TODAY), lock, documentProperties: new MemoryProperties(), user: { email: () => email } };
  return { wb, ctx, held: () => held };
}

const request = (over: Partial<SaveActivityRequest> = {}): SaveActivityRequest => ({
  requestId: `act-${Math.random().toString(36).slice(2, 12)}`, date: TODAY, title: 'College talk', type: 'Further education',
  provider: 'MidKent College', benchmarks: [7], providerAccess: false, evidence: '', yearGroups: [], forms: [], pupils: [], absent: [],
  ...over,
});

const byHeader = (grid: CellValue[][], row: CellValue[]) => Object.fromEntries(grid[0].map((h, i) => [String(h), row[i]]));

describe('Log an activity', () => {
  it('offers the careers leader every year group, form and pupil on roll; no SEND or looked-after flags', () => {
    const view = loadActivityForm(setup(STAFF.leader).ctx) as ActivityFormView;
    expect(view.anyone).toBe(true);
    expect(view.yearGroups).toEqual([10, 11]);
    expect(view.forms).toEqual(['10A', '11A', '11B']);
    expect(view.pupils.map((p) => p.id)).toEqual(['P005', 'P003', 'P001', 'P002', 'P004']);
    expect(Object.keys(view.pupils[0]).sort()).toEqual(['form', 'id', 'name', 'year']);
    expect(view.types.find((t) => t.value === 'Technical provider')).toMatchObject({ benchmarks: [7], providerAccess: true });
  });

  it('saves an edited form re-sent under the same request id (its first answer lost), then only once', () => {
    const { ctx } = setup(STAFF.leader);
    const req = request({ yearGroups: [11], absent: ['P002', 'p003'] });
    expect(saveActivity(ctx, req)).toMatchObject({ row: 2, attendees: 2, duplicate: false });
    expect(saveActivity(ctx, { ...req, absent: ['P002'] })).toMatchObject({ row: 3, attendees: 3, duplicate: false });
    expect(saveActivity(ctx, { ...req, absent: ['P002'] })).toMatchObject({ duplicate: true });
    expect(ctx.workbook.readTab('Activities')!).toHaveLength(3);
  });

  it('appends one row for a year group with two absentees, once however often it is sent, under the lock', async () => {
    const { wb, ctx, held } = setup(STAFF.leader);
    const req = request({ yearGroups: [11], absent: ['P002', 'p003'], providerAccess: true, evidence: 'https://drive.example/register' });
    const r = saveActivity(ctx, req);
    expect(r).toMatchObject({ row: 2, attendees: 2, duplicate: false });
    expect(r.message).toBe('Saved to the Activities tab, row 2: 2 pupils attended, 2 absent.');
    expect(saveActivity(ctx, req)).toMatchObject({ duplicate: true });
    expect(held()).toBe(2);
    const saved = await XlsxWorkbook.fromBuffer(await wb.toBuffer());
    const grid = saved.readTab('Activities')!;
    expect(grid).toHaveLength(2);
    expect(byHeader(grid, grid[1])).toMatchObject({
      Date: { day: TODAY }, Activity: 'College talk', Type: 'Further education', Provider: 'MidKent College', 'Year groups': 'Y11',
      Forms: '', Pupils: '', Absent: 'P002, P003', 'Provider access': 'Yes', Benchmarks: '', Evidence: 'https://drive.example/register',
    });
    // Read back by the tracker's own rules: two attendees
    const tracker = readTracker({ Settings: saved.readTab('Settings'), Staff: saved.readTab('Staff'), Pupils: saved.readTab('Pupils'), Activities: grid });
    expect(tracker.problems).toEqual([]);
    expect(tracker.activities[0]).toMatchObject({ yearGroups: [11], absent: ['p002', 'p003'], providerAccess: true, benchmarks: [7] });
  });

  it('writes forms and named pupils, and benchmarks only when they differ from the type', () => {
    const { wb, ctx } = setup(STAFF.admin);
    saveActivity(ctx, request({ forms: ['10A'], pupils: ['p001'], benchmarks: [4, 7] }));
    const grid = wb.readTab('Activities')!;
    expect(byHeader(grid, grid[1])).toMatchObject({ 'Year groups': '', Forms: '10A', Pupils: 'P001', Benchmarks: '4, 7', 'Provider access': 'No' });
  });

  it('refuses what the server cannot accept, writing nothing', () => {
    const { wb, ctx } = setup(STAFF.leader);
    const refused = (over: Partial<SaveActivityRequest>) => callMentorLogApi(ctx, 'saveActivity', [request(over)]);
    expect(refused({})).toMatchObject({ ok: false, code: 'refused', message: expect.stringMatching(/Say who attended/) });
    expect(refused({ yearGroups: [11], absent: ['P005'] })).toMatchObject({ ok: false, message: expect.stringMatching(/Dan Dale is marked absent but was not in a ticked year group/) });
    expect(refused({ yearGroups: [11], date: '2026-03-03' })).toMatchObject({ ok: false, message: expect.stringMatching(/in the future/) });
    expect(refused({ yearGroups: [11], pupils: ['L001'] })).toMatchObject({ ok: false, message: expect.stringMatching(/No pupil on roll has the ID "L001"/) });
    expect(refused({ yearGroups: [11], evidence: 'javascript:alert(1)' })).toMatchObject({ ok: false, message: expect.stringMatching(/web link/) });
    expect(refused({ yearGroups: [11], benchmarks: [] })).toMatchObject({ ok: false, message: expect.stringMatching(/Tick at least one benchmark/) });
    expect(callMentorLogApi(ctx, 'saveActivity', [{ ...request({ yearGroups: [14] }) }])).toMatchObject({ ok: false, code: 'invalid' });
    expect(callMentorLogApi(ctx, 'saveActivity', [{ ...request(), requestId: 'x' }])).toMatchObject({ ok: false, code: 'invalid' });
    expect(wb.readTab('Activities')).toBeNull();
    expect(callMentorLogApi(setup(STAFF.fr).ctx, 'saveActivity', [request({ yearGroups: [11] })])).toMatchObject({ ok: false, code: 'refused', message: expect.stringMatching(/needs the role/) });
  });

  it('a form tutor logs for their own form only', () => {
    const { wb, ctx } = setup(TUTORS.kt);
    const view = loadActivityForm(ctx) as ActivityFormView;
    expect(view).toMatchObject({ anyone: false, yearGroups: [], forms: ['11B'] });
    expect(view.pupils.map((p) => p.id)).toEqual(['P003', 'P004']);
    expect(callMentorLogApi(ctx, 'saveActivity', [request({ yearGroups: [11] })])).toMatchObject({ ok: false, message: expect.stringMatching(/tick your form rather than a year group/) });
    expect(callMentorLogApi(ctx, 'saveActivity', [request({ forms: ['11A'] })])).toMatchObject({ ok: false, message: expect.stringMatching(/11A is not your form/) });
    expect(callMentorLogApi(ctx, 'saveActivity', [request({ forms: ['11B'], pupils: ['P001'] })])).toMatchObject({ ok: false, message: expect.stringMatching(/Amy Ash is not in your form/) });
    expect(saveActivity(ctx, request({ forms: ['11b'], absent: ['P004'] }))).toMatchObject({ attendees: 1 });
    expect(wb.readTab('Activities')![1]).toContain('11b');
  });

  it('a year group ticked on a past date includes last year\'s leavers, who can be marked absent', () => {
    const { wb, ctx } = setup(STAFF.leader);
    const view = loadActivityForm(ctx) as ActivityFormView;
    // Eve Early left in 2025: in Year 11 in 2024-25, the oldest year the form accepts is 2023-24.
    expect(view.leavers).toEqual([{ id: 'L001', name: 'Eve Early', leaverYear: 2025 }]);
    expect((loadActivityForm(setup(TUTORS.kt).ctx) as ActivityFormView).leavers).toEqual([]);

    const lastJune = newActivityDraft(view);
    Object.assign(lastJune, { date: '2025-06-20', title: 'Work experience week', type: 'Workplace experience', benchmarks: [6], yearGroups: [11] });
    // In June 2025 this year's Year 11s were in Year 10; Year 11 was Eve's year.
    expect(attendeesOf(view, lastJune)).toEqual([{ id: 'L001', name: 'Eve Early', hint: 'left 2025' }]);
    expect(attendeesOf(view, { ...lastJune, yearGroups: [10] }).map((a) => a.id).sort()).toEqual(['P001', 'P002', 'P003', 'P004']);
    expect(attendeesOf(view, { ...lastJune, date: TODAY }).map((a) => a.id).sort()).toEqual(['P001', 'P002', 'P003', 'P004']);

    const unticked = { ...lastJune, yearGroups: [10, 11], unticked: ['L001', 'P002'] };
    const req = toActivityRequest(view, unticked);
    expect(req.absent).toEqual(['L001', 'P002']);
    expect(saveActivity(ctx, req)).toMatchObject({ attendees: 3, duplicate: false });
    const grid = wb.readTab('Activities')!;
    expect(byHeader(grid, grid[1])).toMatchObject({ 'Year groups': 'Y10, Y11', Absent: 'L001, P002' });
    // This year Eve had left: marking her absent from a Year 11 activity is refused.
    expect(callMentorLogApi(ctx, 'saveActivity', [request({ yearGroups: [11], absent: ['L001'] })])).toMatchObject({ ok: false, message: expect.stringMatching(/Eve Early is marked absent but was not in a ticked year group/) });
  });

  it('counts the attendees by the one rule: a form, a named pupil, an absentee', () => {
    const { wb, ctx } = setup(STAFF.leader);
    // Form 11A (Amy, Ben), Dan (10A) by name, Ben absent: Amy and Dan attended.
    const r = saveActivity(ctx, request({ forms: ['11A'], pupils: ['P005'], absent: ['P002'] }));
    expect(r).toMatchObject({ attendees: 2, message: 'Saved to the Activities tab, row 2: 2 pupils attended, 1 absent.' });
    const grid = wb.readTab('Activities')!;
    expect(byHeader(grid, grid[1])).toMatchObject({ Forms: '11A', Pupils: 'P005', Absent: 'P002' });
  });

  it('a form tutor with no Form sees nobody, and is told why', () => {
    const { ctx } = setup(TUTORS.nf);
    expect(loadActivityForm(ctx)).toEqual({ message: expect.stringMatching(/^You are a form tutor in the Staff tab, but no form is given for you \(NF\)/) });
    const log = loadMentorLog(ctx);
    expect(log.mentees).toEqual([]);
    expect(log.message).toMatch(/no form is given for you \(NF\) in its Form column/);
  });
});

describe('form tutors in the mentor log', () => {
  it('see their forms\' pupils, without SEND or looked-after reasons', () => {
    const { ctx } = setup(TUTORS.kt);
    const log = loadMentorLog(ctx);
    expect(log.mentees.map((m) => m.id).sort()).toEqual(['P003', 'P004']);
    const m = loadMentee(ctx, 'P004');
    expect(m.meetingTypes).toEqual(['Aspiration setting', 'Careers support']);
    expect(() => loadMentee(ctx, 'P001')).toThrow(/not one of your mentees in your mentor log/);
  });

  it('may log Aspiration setting and Careers support meetings only', () => {
    const { ctx } = setup(TUTORS.kt);
    const req = (type: string) => meetingRequest({ pupilId: 'P004', type, plan: { planA: 'Sixth form', planB: 'College', status: 'Offer' }, shown: { planA: 'Sixth form', planB: 'College', status: 'Offer' } }) as unknown as SaveMeetingRequest;
    expect(() => saveMeeting(ctx, req('Guidance'))).toThrow(/you can log Aspiration setting and Careers support meetings/);
    expect(saveMeeting(ctx, req('Aspiration setting')).message).toBe('Meeting saved.');
  });
});
