import { describe, expect, it } from 'vitest';
import { readTracker } from '../../src/domain/tracker';
import { mentorLogAccess } from '../../src/domain/mentor-log';
import { STAFF, mentorLogTabs } from './fixture';

describe('a Staff tab that has rows but none the tracker can read', () => {
  it('does not tell staff it has nobody in it, but what to correct', () => {
    const tabs = mentorLogTabs();
    tabs.Staff = [['Careers team 2025-26'], ...tabs.Staff];
    const a = mentorLogAccess(readTracker(tabs), STAFF.leader);
    expect(a.ok).toBe(false);
    expect(!a.ok && a.message).not.toContain('nobody in it');
    expect(!a.ok && a.message).toContain('Initials, Name, Email and Role');
  });
});
