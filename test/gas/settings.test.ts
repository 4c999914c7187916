import { describe, expect, it } from 'vitest';
import { installFake, loadTabs } from './helpers';
import { formatDate } from '../fakes/gas';
import { syntheticTracker } from '../support/synthetic';
import { openSettings } from '../../src/gas/handlers/settings';
import { OWNER_KEY, doneKey } from '../../src/jobs/schedule';
import { isoWeekKey } from '../../src/domain/calendar';

describe('Settings', () => {
  it('shows the settings, the schedule holder and how this week\'s jobs went, without the API key', () => {
    const fake = installFake({ user: 'cl@school.example' });
    loadTabs(fake, syntheticTracker({ pupils: 20 }));
    const week = isoWeekKey(formatDate(new Date(), 'Europe/London', 'yyyy-MM-dd'));
    const props = fake.globals.PropertiesService.getDocumentProperties()!;
    props.setProperty(OWNER_KEY, 'cl@school.example');
    props.setProperty(doneKey('bulletin'), week);
    fake.globals.PropertiesService.getUserProperties().setProperty('vacancyApiKey', 'SECRETSECRETSECRET1234');
    openSettings();
    const text = fake.ui.alerts[0].prompt;
    expect(fake.ui.alerts[0].title).toBe('Careers Tracker settings');
    expect(text).toContain('School name: Synthetic School');
    expect(text).toContain('scheduled by cl@school.example');
    expect(text).toMatch(/Weekly apprenticeship bulletin: done for this week/);
    expect(text).toMatch(/Unplaced Year 11 alerts: not yet done this week/);
    expect(text).toContain('Your Find an apprenticeship key: saved');
    expect(text).not.toContain('SECRETSECRET');
  });

  it('is refused to a mentor', () => {
    const fake = installFake({ user: 'm1@school.example' });
    loadTabs(fake, syntheticTracker({ pupils: 20 }));
    openSettings();
    expect(fake.ui.alerts[0].prompt).toMatch(/needs the role Careers leader or Admin/);
  });
});
