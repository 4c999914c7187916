/**
 * Who may run the menu jobs when the Staff tab cannot be read: a Staff tab that has rows but
 * none Careers Tracker can use (a title row above the headers, a renamed column) is not an
 * empty tracker being set up, so it must not open every job to anyone with edit access.
 */
import { describe, expect, it } from 'vitest';
import { installFake, loadTabs } from './helpers';
import { syntheticTracker } from '../support/synthetic';
import { scoreBenchmarks } from '../../src/gas/handlers/score';
import { checkTracker } from '../../src/gas/handlers/setup';

const STRANGER = 'visitor@school.example';

function trackerWithStaff(staff: (string | number)[][]) {
  const fake = installFake({ user: STRANGER });
  const tabs = syntheticTracker({ pupils: 20 });
  loadTabs(fake, { ...tabs, Staff: staff });
  return fake;
}

describe('permissions when the Staff tab has rows that cannot be read', () => {
  it('refuses a job to someone not in Staff when a title row sits above the headers', () => {
    const fake = trackerWithStaff([
      ['Careers team 2025-26'],
      ['Initials', 'Name', 'Email', 'Role'],
      ['JS', 'Jo Smith', 'js@school.example', 'Careers leader'],
    ]);
    scoreBenchmarks();
    expect(fake.ui.alerts[0].prompt).toMatch(/Staff tab/);
    expect(() => fake.sheetValues('Scores')).toThrow(/no sheet/);
  });

  it('refuses a job when the Role column is headed Roles (every row left out)', () => {
    const fake = trackerWithStaff([
      ['Initials', 'Name', 'Email', 'Roles'],
      ['JS', 'Jo Smith', 'js@school.example', 'Careers leader'],
    ]);
    scoreBenchmarks();
    expect(fake.ui.alerts[0].prompt).toMatch(/Staff tab/);
    expect(() => fake.sheetValues('Scores')).toThrow(/no sheet/);
  });

  it('still lets Check tracker for problems run, so the careers leader can find what is wrong', () => {
    const fake = trackerWithStaff([
      ['Initials', 'Name', 'Email', 'Roles'],
      ['JS', 'Jo Smith', 'js@school.example', 'Careers leader'],
    ]);
    checkTracker();
    expect(fake.ui.alerts[0].prompt).toMatch(/problem/);
    expect(JSON.stringify(fake.sheetValues('Problems'))).toContain('Role');
  });

  it('lets anyone run the jobs while the Staff tab really is empty (the tracker is being set up)', () => {
    const fake = trackerWithStaff([['Initials', 'Name', 'Email', 'Role']]);
    scoreBenchmarks();
    expect(fake.sheetValues('Scores').length).toBeGreaterThan(1);
  });
});
