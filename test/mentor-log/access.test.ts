import { describe, expect, it } from 'vitest';
import { readTracker } from '../../src/domain/tracker';
import { mentorLogAccess } from '../../src/domain/mentor-log';
import { STAFF, mentorLogTabs } from './fixture';

describe('a Staff tab that has rows but none the tracker can read', () => {
  it('does not tell staff it has nobody in it, but what to correct', () => {
    const tabs = mentorLogTabs();
    // (A title row above the headers is read fine now: headers none of which the tracker knows are not.)
    tabs.Staff = [tabs.Staff[0].map((h) => `Team ${String(h)} 2025-26`), ...tabs.Staff.slice(1)];
    const a = mentorLogAccess(readTracker(tabs), STAFF.leader);
    expect(a.ok).toBe(false);
    expect(!a.ok && a.message).not.toContain('nobody in it');
    expect(!a.ok && a.message).toContain('Initials, Name, Email and Role');
  });
});
