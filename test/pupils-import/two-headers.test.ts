import { describe, expect, it } from 'vitest';
import type { JobContext } from '../../src/jobs/context';
import type { CellValue } from '../../src/ports';
import { NodeClock } from '../../src/node/clock';
import { MemoryProperties } from '../../src/node/memory';
import { saveMeeting } from '../../src/jobs/mentor-log';
import { loadTracker } from '../../src/jobs/context';
import { assessUnplaced } from '../../src/domain/unplaced';
import type { SaveMeetingRequest } from '../../src/ui/api';
import { STAFF, TODAY, meetingRequest, mentorLogTabs, workbookOf } from '../mentor-log/fixture';

describe('a school\'s own Status column left of Application status', () => {
  it('is never read as the application status, and the mentor log writes the column that is read', () => {
    const tabs = mentorLogTabs();
    // The school's own column, first; its values are not application statuses.
    tabs.Pupils = tabs.Pupils.map((r, i) => [i === 0 ? 'Status' : 'On roll', ...r]);
    const wb = workbookOf(tabs);
    const tracker = loadTracker(wb);
    expect(tracker.problems.filter((p) => p.column === 'Status')).toEqual([]);
    const header = wb.readTab('Pupils')![0] as string[];
    const amyBefore = wb.readTab('Pupils')!.find((r) => r[1] === 'P001')!;
    expect(tracker.pupilByKey.get('p001')!.status).toBe(amyBefore[header.indexOf('Application status')] || null);
    expect(assessUnplaced(tracker, TODAY).placed.length).toBe(tracker.pupils.filter((p) => p.year === 11 && p.status === 'Accepted').length);

    const ctx: JobContext = { workbook: wb, clock: new NodeClock(TODAY), lock: { withLock: (w) => w() }, documentProperties: new MemoryProperties(), user: { email: () => STAFF.fr } };
    saveMeeting(ctx, meetingRequest({ plan: { planA: 'College: health and social care', planB: '', status: 'Interview' } }) as unknown as SaveMeetingRequest);
    const amy = wb.readTab('Pupils')!.find((r) => r[1] === 'P001') as CellValue[];
    expect(amy[header.indexOf('Application status')]).toBe('Interview');
    expect(amy[0]).toBe('On roll');
  });
});
