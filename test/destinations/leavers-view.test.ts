/**
 * The sidebar's Leavers view through the .xlsx adapter: roles, the checks due, and saving a check
 * with the mentor log's validation, lock and once-only save.
 */
import { describe, expect, it } from 'vitest';
import { callMentorLogApi } from '../../src/jobs/mentor-log';
import type { JobContext } from '../../src/jobs/context';
import { MemoryProperties, ProcessLock } from '../../src/node/memory';
import { LockBusyError } from '../../src/ports';
import { check, leaver, tabsOf } from './build';
import { workbookOf } from '../mentor-log/fixture';
import { fixedClock } from '../gas/helpers';

const spec = {
  pupils: [leaver('A', 2025, { Name: 'Ann Able' }), leaver('B', 2025, { Name: 'Bo Best', 'Consent to track': 'No' }), { 'Pupil ID': 'Y', Name: 'Yan', Year: 11 }],
  destinations: [check('A', '2025-10-03', 'Further education')],
};

function ctxAs(email: string, lock = new ProcessLock()): JobContext {
  return { workbook: workbookOf(tabsOf(spec)), clock: fixedClock('2026-03-02'), lock, documentProperties: new MemoryProperties(), user: { email: () => email } };
}

const request = (over: Record<string, unknown> = {}) => ({ requestId: 'req-12345678', pupilId: 'A', date: '2026-03-02', status: 'Further education', provider: 'Stour Valley College', course: 'Level 3 Engineering', notes: '', ...over });

describe('the Leavers view', () => {
  it('is open to the careers leader, destinations lead and careers adviser, not to mentors', () => {
    for (const email of ['cl@school.example', 'dl@school.example', 'ca@school.example']) {
      const r = callMentorLogApi(ctxAs(email), 'getLeavers', []);
      expect(r.ok).toBe(true);
    }
    const r = callMentorLogApi(ctxAs('fr@school.example'), 'getLeavers', []);
    expect(r).toMatchObject({ ok: false, code: 'refused' });
  });

  it('lists the checks due and the leavers with consent, and the statuses in groups', () => {
    const r = callMentorLogApi(ctxAs('cl@school.example'), 'getLeavers', []) as { ok: true; value: { due: { id: string; daysDue: number }[]; leavers: { id: string }[]; statuses: { group: string; values: string[] }[] } };
    expect(r.value.due.map((x) => [x.id, x.daysDue])).toEqual([['A', 1]]);
    expect(r.value.leavers.map((x) => x.id)).toEqual(['A']);
    expect(r.value.statuses[0]).toEqual({ group: 'Education', values: expect.arrayContaining(['School sixth form', 'Further education']) });
  });

  it('saves one Destinations row, once per request id, which clears the check due', () => {
    const ctx = ctxAs('dl@school.example');
    const first = callMentorLogApi(ctx, 'saveCheck', [request()]) as { ok: true; value: { duplicate: boolean; view: { due: unknown[] } } };
    expect(first.ok).toBe(true);
    expect(first.value.duplicate).toBe(false);
    expect(first.value.view.due).toEqual([]);
    const again = callMentorLogApi(ctx, 'saveCheck', [request()]) as { ok: true; value: { duplicate: boolean } };
    expect(again.value.duplicate).toBe(true);
    const rows = ctx.workbook.readTab('Destinations')!;
    expect(rows).toHaveLength(3);
    expect(rows[2].slice(0, 6)).toEqual(['A', { day: '2026-03-02' }, 'Further education', 'Stour Valley College', 'Level 3 Engineering', '']);
  });

  it('saves an edited check sent again under the same request id (its first answer lost), not "already saved"', () => {
    const ctx = ctxAs('dl@school.example');
    callMentorLogApi(ctx, 'saveCheck', [request()]);
    const edited = callMentorLogApi(ctx, 'saveCheck', [request({ provider: 'Swale Coast College' })]) as { ok: true; value: { duplicate: boolean } };
    expect(edited.value.duplicate).toBe(false);
    const rows = ctx.workbook.readTab('Destinations')!;
    expect(rows).toHaveLength(4);
    expect(rows[3][3]).toBe('Swale Coast College');
  });

  it('refuses, writing nothing: bad arguments, a future date, no consent, a mentor, a busy lock', () => {
    const ctx = ctxAs('cl@school.example');
    expect(callMentorLogApi(ctx, 'saveCheck', [request({ status: 'Astronaut' })])).toMatchObject({ ok: false, code: 'invalid' });
    expect(callMentorLogApi(ctx, 'saveCheck', [request({ date: '2026-03-03' })])).toMatchObject({ ok: false, code: 'refused', message: expect.stringMatching(/future/) });
    expect(callMentorLogApi(ctx, 'saveCheck', [request({ pupilId: 'B' })])).toMatchObject({ ok: false, code: 'refused', message: expect.stringMatching(/did not consent/) });
    expect(callMentorLogApi(ctx, 'saveCheck', [request({ pupilId: 'Y' })])).toMatchObject({ ok: false, code: 'refused', message: expect.stringMatching(/not a leaver/) });
    expect(callMentorLogApi(ctxAs('fr@school.example'), 'saveCheck', [request()])).toMatchObject({ ok: false, code: 'refused' });
    const busy = { withLock: () => { throw new LockBusyError(); } } as unknown as ProcessLock;
    expect(callMentorLogApi(ctxAs('cl@school.example', busy), 'saveCheck', [request()])).toMatchObject({ ok: false, code: 'busy' });
    expect(ctx.workbook.readTab('Destinations')).toHaveLength(2);
  });
});
