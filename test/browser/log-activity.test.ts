/**
 * "Log an activity" and form tutors in a real browser (Debian's Chromium through playwright-core),
 * served by the local preview over a copy of the small test tracker, at the sidebar's 300 px
 * width. Screenshots are kept in test-artifacts/log-activity/.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { STAFF, TODAY, TUTORS, TUTOR_STAFF, XSS_NAME } from '../mentor-log/fixture';
import { HAVE_CHROMIUM, reportMissingChromium } from './chromium';
import { sidebarHarness } from './sidebar-harness';

reportMissingChromium('Log an activity in Chromium');

describe.skipIf(!HAVE_CHROMIUM)('Log an activity in Chromium', () => {
  const h = sidebarHarness('log-activity');
  const open = (email: string) => h.open(email, { extraStaff: TUTOR_STAFF });
  const shot = h.shot;
  afterEach(() => expect(h.pageErrors).toEqual([]));
  const noSideways = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);

  it('logs an activity for a year group with two absentees, and the exact row is in the workbook', async () => {
    const { page, file } = await open(STAFF.leader);
    await page.getByRole('button', { name: 'Log an activity' }).click();
    await page.locator('#activity-heading').waitFor();
    await page.fill('#a-title', 'Year 11 college talk');
    await page.selectOption('#a-type', 'Technical provider');
    // Presets from the type: BM7 and provider access
    expect(await page.getByLabel('BM7').isChecked()).toBe(true);
    expect(await page.getByLabel('Provider access encounter').isChecked()).toBe(true);
    await page.fill('#a-provider', 'Kent Training');
    await page.getByRole('group', { name: 'Year groups' }).getByLabel('Y11').check();
    const attendees = page.getByRole('list', { name: 'Attendees' }).locator('input[type=checkbox]');
    await expect.poll(() => attendees.count()).toBe(4);
    await page.locator('input[data-pupil-id="P002"]').uncheck();
    await page.locator('input[data-pupil-id="P003"]').uncheck();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'attended' }).textContent()).toContain('2 pupils attended, 2 absent');
    // the HTML in a pupil's name shows as text
    expect(await page.getByRole('list', { name: 'Attendees' }).textContent()).toContain(XSS_NAME);
    await noSideways(page);
    await shot(page, 'form-year-group-two-absent');
    // Pressing twice saves once
    await page.getByRole('button', { name: 'Save activity' }).dblclick();
    await expect.poll(() => page.locator('.notice').textContent()).toBe('Saved to the Activities tab, row 2: 2 pupils attended, 2 absent.');
    await shot(page, 'saved');
    const grid = (await XlsxWorkbook.open(file)).readTab('Activities')!;
    expect(grid).toHaveLength(2);
    const row = Object.fromEntries(grid[0].map((h, i) => [String(h), grid[1][i]]));
    expect(row).toEqual({
      Date: { day: TODAY }, Activity: 'Year 11 college talk', Type: 'Technical provider', Provider: 'Kent Training',
      'Year groups': 'Y11', Pupils: '', 'Provider access': 'Yes', Benchmarks: '', Evidence: '', Forms: '', Absent: 'P002, P003',
    });
    expect(h.preview().calls.filter((c) => c === 'saveActivity')).toHaveLength(1);
  });

  it('on a date last school year, Year 11 lists the pupil who has since left, who can be unticked', async () => {
    const { page, file } = await open(STAFF.leader);
    await page.getByRole('button', { name: 'Log an activity' }).click();
    await page.locator('#activity-heading').waitFor();
    await page.fill('#a-title', 'Work experience week');
    await page.selectOption('#a-type', 'Workplace experience');
    await page.fill('#a-date', '2025-06-20');
    await page.getByRole('group', { name: 'Year groups' }).getByLabel('Y11').check();
    const list = page.getByRole('list', { name: 'Attendees' });
    await expect.poll(() => list.locator('input').count()).toBe(1);
    expect(await list.textContent()).toBe('Eve Early left 2025');
    await page.locator('input[data-pupil-id="L001"]').uncheck();
    await noSideways(page);
    await shot(page, 'past-date-leaver-absent');
    await page.getByRole('button', { name: 'Save activity' }).click();
    await expect.poll(() => page.locator('.notice').textContent()).toBe('Saved to the Activities tab, row 2: 0 pupils attended, 1 absent.');
    const grid = (await XlsxWorkbook.open(file)).readTab('Activities')!;
    const row = Object.fromEntries(grid[0].map((h, i) => [String(h), grid[1][i]]));
    expect(row).toMatchObject({ Date: { day: '2025-06-20' }, 'Year groups': 'Y11', Absent: 'L001' });
  });

  it('a form tutor sees only their form, and logs for it', async () => {
    const { page, file } = await open(TUTORS.kt);
    await page.locator('.mentee-row').first().waitFor();
    expect((await page.locator('.mentee-row .name').allTextContents()).sort()).toEqual([XSS_NAME, 'Cara Cole'].sort());
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('My pupils (11B)');
    await shot(page, 'form-tutor-list');
    await page.getByRole('button', { name: 'Log an activity' }).click();
    await page.locator('#activity-heading').waitFor();
    expect(await page.getByRole('group', { name: 'Year groups' }).count()).toBe(0);
    expect(await page.getByRole('group', { name: 'Forms' }).locator('label').allTextContents()).toEqual(['11B']);
    await page.fill('#a-find', 'Amy');
    expect(await page.getByRole('list', { name: 'Matching pupils' }).count()).toBe(0);
    await page.fill('#a-find', '');
    await page.fill('#a-title', 'Form time: careers quiz');
    await page.selectOption('#a-type', 'Careers information');
    await page.getByRole('group', { name: 'Forms' }).getByLabel('11B').check();
    await expect.poll(() => page.getByRole('list', { name: 'Attendees' }).locator('input').count()).toBe(2);
    await noSideways(page);
    await shot(page, 'form-tutor-activity');
    await page.getByRole('button', { name: 'Save activity' }).click();
    await expect.poll(() => page.locator('.notice').textContent()).toBe('Saved to the Activities tab, row 2: 2 pupils attended.');
    const grid = (await XlsxWorkbook.open(file)).readTab('Activities')!;
    expect(grid[1][grid[0].indexOf('Forms')]).toBe('11B');
  });

  it('a form tutor with no Form sees nobody, and the sidebar says why', async () => {
    const { page } = await open(TUTORS.nf);
    await expect.poll(() => page.locator('.empty').first().textContent()).toMatch(/no form is given for you \(NF\) in its Form column/);
    await shot(page, 'form-tutor-no-form');
  });
});
