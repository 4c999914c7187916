/**
 * Wording a careers leader tripped over (issue 10): an unreadable Application status is said to be
 * unreadable, with its value, in the Unplaced tab, the alert and the sidebar; no "mentor None"; the
 * alert leaves out the attendance figure; counts say exactly what is counted.
 */
import { describe, expect, it } from 'vitest';
import { assessUnplaced } from '../../src/domain/unplaced';
import { buildUnplacedAlerts, cohortSummary, reasonPhrase } from '../../src/domain/unplaced-email';
import { menteeView, mentorLogAccess } from '../../src/domain/mentor-log';
import { pupil, trackerOf, wellSupported, type Spec } from './build';

const TODAY = '2026-03-02';
const spec: Spec = {
  pupils: [
    pupil('A1', { Name: 'Amy Waiting', Mentor: 'FR', 'Application status': 'Waiting', Attendance: 81.2 }),
    pupil('A2', { Name: 'Ben Nomentor', Mentor: '' }),
    pupil('A3', { Name: 'Cy Offer', Mentor: 'FR', 'Application status': 'Offer' }),
    pupil('A4', { Name: 'Di Placed', Mentor: 'FR', 'Application status': 'Accepted' }),
  ],
  meetings: wellSupported(['A1', 'A2', 'A3', 'A4'], TODAY),
};

describe('unplaced wording', () => {
  const tracker = trackerOf(spec);
  const result = assessUnplaced(tracker, TODAY);
  const amy = result.flagged.find((f) => f.pupil.id === 'A1')!;

  it('says an unreadable Application status is unreadable, with its value, never "No application made"', () => {
    expect(amy.pupil.statusUnreadable).toBe('Waiting');
    expect(reasonPhrase(amy, 'no-application')).toBe('Application status unreadable ("Waiting"): correct it in the Pupils tab');
    const [leader] = buildUnplacedAlerts(tracker, result, TODAY, null);
    expect(leader.text).toContain('Application status unreadable ("Waiting")');
    expect(leader.text).not.toMatch(/Amy Waiting[^\n]*No application made/);
    const access = mentorLogAccess(tracker, 'cl@school.example');
    if (!access.ok) throw new Error(access.message);
    const view = menteeView(tracker, access.viewer, amy.pupil, TODAY);
    expect(view.reasons).toContain('Application status unreadable ("Waiting"): correct it in the Pupils tab');
    expect(view.pupil.statusUnreadable).toBe('Waiting');
  });

  it('alerts say "Low attendance" without the figure, and "no mentor" rather than "mentor None"', () => {
    const [leader] = buildUnplacedAlerts(tracker, result, TODAY, null);
    expect(leader.text).not.toContain('81.2');
    expect(leader.html).not.toContain('81.2');
    expect(leader.text).toMatch(/Amy Waiting[^\n]*Low attendance/);
    expect(reasonPhrase(amy, 'low-attendance')).toBe('Low attendance (81.2%)'); // the tracker keeps it
    expect(leader.text).not.toContain('None');
    expect(leader.text).toContain('no mentor');
  });

  it('counts say who is counted: placed, and of the rest how many hold an offer', () => {
    expect(cohortSummary(result)).toBe('4 pupils in Year 11: 1 placed (offer accepted), 3 not yet: 1 holding an offer, 2 with no offer; '
      + `${result.flagged.filter((f) => f.level === 'red').length} red, ${result.flagged.filter((f) => f.level === 'amber').length} amber.`);
    const [leader] = buildUnplacedAlerts(tracker, result, TODAY, null);
    expect(leader.text).toContain('3 of the 4 pupils in Year 11 have not yet accepted a post-16 place (some may hold an offer)');
  });
});
