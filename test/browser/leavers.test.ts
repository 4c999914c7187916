/**
 * The sidebar's Leavers view in a real browser (Debian's Chromium through playwright-core), served
 * by the local preview over a copy of the mentor log's test tracker, at the sidebar's 300 px width.
 * Screenshots are kept in test-artifacts/leavers/.
 */
import { describe, expect, it } from 'vitest';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { STAFF, TODAY, PUPILS } from '../mentor-log/fixture';
import { HAVE_CHROMIUM, reportMissingChromium } from './chromium';
import { sidebarHarness } from './sidebar-harness';

reportMissingChromium('Leavers view in Chromium');

describe.skipIf(!HAVE_CHROMIUM)('the Leavers view in Chromium', () => {
  const h = sidebarHarness('leavers');
  const pupils = [...PUPILS, { 'Pupil ID': 'L002', Name: 'Finn Ford', 'Leaver year': 2024, 'Consent to track': 'Yes' }, { 'Pupil ID': 'L003', Name: 'Gil Gone', 'Leaver year': 2024, 'Consent to track': 'No' }];
  const open = (email: string) => h.open(email, { pupils });
  const shot = h.shot;

  it('a mentor is not offered leavers', async () => {
    const { page } = await open(STAFF.fr);
    await page.locator('.mentee-row').first().waitFor();
    expect(await page.locator('#open-leavers').count()).toBe(0);
  });

  it('the careers leader sees checks due, searches, and logs a check in a few taps, saved once', async () => {
    const { page, file } = await open(STAFF.leader);
    await page.locator('#open-leavers').click();
    await page.locator('#leavers-heading').waitFor();
    const due = page.locator('[aria-label="Checks due"] .leaver-row');
    await due.first().waitFor();
    expect(await due.locator('.name').allTextContents()).toEqual(['Eve Early', 'Finn Ford']);
    expect(await due.nth(0).textContent()).toContain('consent not recorded');
    expect(await due.nth(1).textContent()).not.toContain('consent not recorded');
    await shot(page, 'due');
    await page.locator('#leaver-search').fill('gil');
    expect(await page.locator('[aria-label="Leavers found"]').textContent()).toContain('No leaver matches');
    await page.locator('#leaver-search').fill('finn');
    await page.locator('[aria-label="Leavers found"] .leaver-row').click();
    await page.locator('#check-heading').waitFor();
    expect(await page.locator('#c-date').inputValue()).toBe(TODAY);
    // Saving without a status says why and keeps what was typed
    await page.locator('#c-provider').fill('Stour Valley College');
    await page.locator('button[type=submit]').click();
    expect(await page.locator('.error').textContent()).toContain('Choose a status');
    expect(await page.locator('#c-provider').inputValue()).toBe('Stour Valley College');
    await page.locator('#c-status').selectOption('Apprenticeship');
    await page.locator('#c-course').fill('Level 2 Engineering');
    await shot(page, 'form');
    await page.locator('button[type=submit]').dblclick();
    await page.locator('.notice').waitFor();
    expect(await page.locator('.notice').textContent()).toBe('Check saved for Finn Ford: Apprenticeship.');
    expect(await due.locator('.name').allTextContents()).toEqual(['Eve Early']);
    await shot(page, 'saved');
    const rows = (await XlsxWorkbook.open(file)).readTab('Destinations')!;
    expect(rows.filter((r) => r[0] === 'L002').map((r) => r.slice(0, 5))).toEqual([['L002', { day: TODAY }, 'Apprenticeship', 'Stour Valley College', 'Level 2 Engineering']]);
    expect(h.pageErrors).toEqual([]);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(300);
  });
});
