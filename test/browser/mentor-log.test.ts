/**
 * The mentor log sidebar in a real browser (Debian's Chromium through playwright-core), served by
 * the local preview over a copy of a small test tracker, at the sidebar's 300 px width.
 * Screenshots are kept in test-artifacts/mentor-log/.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { STAFF, TODAY, XSS_NAME } from '../mentor-log/fixture';
import { HAVE_CHROMIUM, reportMissingChromium } from './chromium';
import { sidebarHarness } from './sidebar-harness';

reportMissingChromium('mentor log sidebar in Chromium');

describe.skipIf(!HAVE_CHROMIUM)('the mentor log sidebar in Chromium', () => {
  const h = sidebarHarness('mentor-log');
  const open = (email: string) => h.open(email);
  const shot = h.shot;
  const rows = (page: Page) => page.locator('.mentee-row');
  const sheet = async (file: string, tab: string) => (await XlsxWorkbook.open(file)).readTab(tab)!;

  async function openPupil(page: Page, name: string) {
    await rows(page).filter({ hasText: name }).click();
    await expect.poll(() => page.locator('#mentee-heading').textContent()).toBe(name);
  }

  it('a mentor sees only their own mentees, with chips, days since the last meeting and overdue actions', async () => {
    const { page } = await open(STAFF.fr);
    await rows(page).first().waitFor();
    const names = await page.locator('.mentee-row .name').allTextContents();
    expect(names).toEqual([XSS_NAME, 'Amy Ash', 'Ben Booth']);
    expect(await page.locator('.mentee-row .chip').allTextContents()).toEqual(['Status: Red', 'Status: Amber', 'Status: Placed']);
    const amy = await rows(page).filter({ hasText: 'Amy Ash' }).textContent();
    expect(amy).toContain('Last met 41 days ago');
    expect(amy).toContain('1 overdue action');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('My mentees');
    expect(await page.content()).not.toContain('Cara Cole');
    await shot(page, '1-list-mentor');
    // The whole list came in one round trip.
    expect(h.preview().calls).toEqual(['getMentorLog']);
    expect(h.pageErrors).toEqual([]);
  });

  it('a pupil named <img src=x onerror=alert(1)> shows as text, and no dialog fires', async () => {
    const { page } = await open(STAFF.fr);
    await rows(page).first().waitFor();
    expect(await rows(page).first().locator('.name').textContent()).toBe(XSS_NAME);
    await openPupil(page, XSS_NAME);
    await page.waitForTimeout(300);
    expect(await page.locator('img').count()).toBe(0);
    expect(h.dialogs).toEqual([]);
    await shot(page, '2-html-name-as-text');
  });

  it('logs a meeting with two actions: rows in Meetings and Actions of the workbook, and in the history', async () => {
    const { page, file } = await open(STAFF.fr);
    await openPupil(page, 'Amy Ash');
    await shot(page, '3-mentee-summary');
    await page.getByRole('button', { name: 'Log a meeting' }).click();
    expect(await page.locator('#f-date').inputValue()).toBe(TODAY);
    expect(await page.locator('#f-type').inputValue()).toBe('Mentoring');
    await page.getByLabel('Type').selectOption('Careers support');
    await page.getByLabel(/^Grades/).fill('5s in science, 6 in English');
    await page.getByLabel(/^Needs/).fill('Exam anxiety');
    await page.getByLabel(/^Options/).fill('Health and social care, Child development');
    await page.getByLabel(/^Aspirations/).fill('Nursing via college');
    await page.getByLabel(/^Motivation/).fill('Helping her nan');
    await page.getByLabel(/^Notes/).fill('Applied to MidKent; interview on 12 March');
    await page.getByLabel('Action 1', { exact: true }).fill('Write personal statement');
    await page.locator('.action-row').nth(0).getByLabel('Due').fill('2026-03-16');
    await page.getByRole('button', { name: 'Add an action' }).click();
    await page.getByLabel('Action 2', { exact: true }).fill('Practise interview questions');
    await page.locator('.action-row').nth(1).getByLabel('Due').fill('2026-03-11');
    await page.locator('.action-row').nth(1).getByLabel('Who').selectOption('Me');
    await page.getByLabel('Next meeting').fill('2026-03-23');
    await page.getByLabel('Shared with parents').check();
    await page.getByLabel('Plan B').fill('Sixth form: BTEC health');
    await page.getByLabel('Application status').selectOption('Interview');
    await shot(page, '4-meeting-form-filled');
    await page.getByRole('button', { name: 'Save meeting' }).click();

    await expect.poll(() => page.locator('.notice').textContent()).toBe('Meeting saved with 2 actions. Plan B and Application status updated.');
    const first = page.locator('.history .meeting').first();
    expect(await first.locator('h3').textContent()).toBe('2 Mar 2026 · Careers support');
    expect(await first.textContent()).toContain('Applied to MidKent; interview on 12 March');
    expect(await page.locator('.actions li').allTextContents()).toEqual([
      expect.stringContaining('Research college courses'),
      expect.stringContaining('Practise interview questions'),
      expect.stringContaining('Write personal statement'),
      expect.stringContaining('Write CV'),
    ]);
    expect(await page.locator('.facts').textContent()).toContain('Sixth form: BTEC health');
    await shot(page, '5-after-save');

    const meetings = await sheet(file, 'Meetings');
    expect(meetings).toHaveLength(5);
    expect(meetings[4]).toEqual([
      { day: TODAY }, 'P001', 'FR', 'Careers support', '5s in science, 6 in English', 'Exam anxiety',
      'Health and social care, Child development', 'Nursing via college', 'Helping her nan',
      'Applied to MidKent; interview on 12 March', 'Yes', { day: '2026-03-23' },
      '', // Staff only (records.md), left blank
    ]);
    const actions = await sheet(file, 'Actions');
    expect(actions.slice(4)).toEqual([
      ['P001', 'Write personal statement', { day: '2026-03-16' }, 'Pupil', 'Open', '', { day: TODAY }],
      ['P001', 'Practise interview questions', { day: '2026-03-11' }, 'FR', 'Open', '', { day: TODAY }],
    ]);
    const pupils = await sheet(file, 'Pupils');
    expect(pupils[1][pupils[0].indexOf('Plan B')]).toBe('Sixth form: BTEC health');

    // Back on the list, Amy's row is up to date without reloading.
    await page.getByRole('button', { name: '‹ Back to the list' }).click();
    expect(await rows(page).filter({ hasText: 'Amy Ash' }).textContent()).toContain('Last met today');
    expect(h.pageErrors).toEqual([]);
  });

  it('marks an action done', async () => {
    const { page, file } = await open(STAFF.fr);
    await openPupil(page, 'Amy Ash');
    await page.getByRole('button', { name: 'Mark done: Research college courses' }).click();
    await expect.poll(() => page.locator('.notice').textContent()).toBe('Marked done: Research college courses');
    expect(await page.locator('.actions li').allTextContents()).toEqual([expect.stringContaining('Write CV')]);
    expect(await page.locator('.overdue').count()).toBe(0);
    // Focus moves to what happened, not to the top of the page.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('notice');
    const actions = await sheet(file, 'Actions');
    expect(actions[1].slice(0, 6)).toEqual(['P001', 'Research college courses', { day: '2026-02-01' }, 'Pupil', 'Done', { day: TODAY }]);
    await shot(page, '6-action-done');
  });

  it('a server failure keeps everything typed and says why; saving again then saves it once', async () => {
    const { page, file } = await open(STAFF.fr);
    await openPupil(page, 'Amy Ash');
    await page.getByRole('button', { name: 'Log a meeting' }).click();
    await page.getByLabel(/^Notes/).fill('Long talk about apprenticeships');
    await page.getByLabel('Action 1', { exact: true }).fill('Apply for apprenticeships');
    await page.locator('.action-row').nth(0).getByLabel('Due').fill('2026-03-20');
    await page.getByLabel('Plan A').fill('Apprenticeship: health care assistant');
    h.preview().failNext('saveMeeting', 'Service Spreadsheets timed out while accessing document');
    await page.getByRole('button', { name: 'Save meeting' }).click();

    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Service Spreadsheets timed out while accessing document');
    expect(await alert.textContent()).toContain('everything you typed is still here');
    expect(await page.getByLabel(/^Notes/).inputValue()).toBe('Long talk about apprenticeships');
    expect(await page.getByLabel('Action 1', { exact: true }).inputValue()).toBe('Apply for apprenticeships');
    expect(await page.locator('.action-row').nth(0).getByLabel('Due').inputValue()).toBe('2026-03-20');
    expect(await page.getByLabel('Plan A').inputValue()).toBe('Apprenticeship: health care assistant');
    expect(await page.getByRole('button', { name: 'Save meeting' }).isEnabled()).toBe(true);
    await shot(page, '7-save-failed');
    expect(await sheet(file, 'Meetings')).toHaveLength(4);

    // Going back and returning keeps the draft too.
    await page.getByRole('button', { name: '‹ Back to Amy Ash' }).click();
    await page.getByRole('button', { name: 'Continue logging the meeting' }).click();
    expect(await page.getByLabel(/^Notes/).inputValue()).toBe('Long talk about apprenticeships');

    await page.getByRole('button', { name: 'Save meeting' }).click();
    await expect.poll(() => page.locator('.notice').textContent()).toBe('Meeting saved with 1 action. Plan A updated.');
    const meetings = await sheet(file, 'Meetings');
    expect(meetings).toHaveLength(5);
    expect(meetings[4][9]).toBe('Long talk about apprenticeships');
  });

  it('a double click saves once', async () => {
    const { page, file } = await open(STAFF.fr);
    await openPupil(page, 'Ben Booth');
    await page.getByRole('button', { name: 'Log a meeting' }).click();
    await page.getByLabel(/^Notes/).fill('Checked the offer was accepted');
    await page.getByLabel('Action 1', { exact: true }).fill('Send enrolment form');
    await page.locator('.action-row').nth(0).getByLabel('Due').fill('2026-03-13');
    // Two clicks in the same moment, before the page can redraw the button as disabled.
    await page.evaluate(() => {
      const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent === 'Save meeting')!;
      button.click();
      button.click();
    });
    await expect.poll(() => page.locator('.notice').textContent()).toBe('Meeting saved with 1 action.');
    await page.waitForTimeout(300);
    expect(h.preview().calls.filter((c) => c === 'saveMeeting')).toHaveLength(1);
    const meetings = await sheet(file, 'Meetings');
    expect(meetings.filter((r) => r[9] === 'Checked the offer was accepted')).toHaveLength(1);
    expect((await sheet(file, 'Actions')).filter((r) => r[1] === 'Send enrolment form')).toHaveLength(1);
  });

  it('refuses a meeting dated in the future without calling the server, keeping the form', async () => {
    const { page, file } = await open(STAFF.fr);
    await openPupil(page, 'Amy Ash');
    await page.getByRole('button', { name: 'Log a meeting' }).click();
    await page.getByLabel('Date').fill('2026-03-09');
    await page.getByLabel(/^Notes/).fill('Planned meeting');
    await page.getByRole('button', { name: 'Save meeting' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The meeting date is in the future');
    expect(await page.getByLabel(/^Notes/).inputValue()).toBe('Planned meeting');
    expect(await sheet(file, 'Meetings')).toHaveLength(4);
  });

  it('a staff member not in the Staff tab sees no pupils and is told why', async () => {
    const { page } = await open(STAFF.stranger);
    const message = page.locator('.empty');
    await expect.poll(() => message.textContent()).toContain('visitor@school.example is not in the Staff tab');
    expect(await rows(page).count()).toBe(0);
    expect(await page.content()).not.toContain('Amy Ash');
    await shot(page, '8-not-in-staff');
  });

  it('the careers leader sees every pupil, Year 11 first, and can use it all from the keyboard', async () => {
    const { page } = await open(STAFF.leader);
    await rows(page).first().waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('All pupils');
    expect(await page.getByLabel('Year').inputValue()).toBe('11');
    expect(await rows(page).count()).toBe(4);
    await page.getByLabel('Year').selectOption('all');
    expect(await rows(page).count()).toBe(5);
    await page.getByLabel('Find a pupil').fill('cara');
    expect(await page.locator('.mentee-row .name').allTextContents()).toEqual(['Cara Cole']);
    await shot(page, '9-list-leader');

    // Keyboard: Tab from the search box reaches the row, Enter opens it, focus moves to the name.
    await page.getByLabel('Find a pupil').focus();
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.id === 'year')) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Cara Cole');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('mentee-heading');
    // Back returns focus to the row it came from.
    await page.getByRole('button', { name: '‹ Back to the list' }).press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Cara Cole');
  });

  it('every form control has a label a screen reader can read', async () => {
    const { page } = await open(STAFF.fr);
    await openPupil(page, 'Amy Ash');
    await page.getByRole('button', { name: 'Log a meeting' }).click();
    const unlabelled = await page.evaluate(() =>
      Array.from(document.querySelectorAll('input, select, textarea, button'))
        .filter((el) => {
          const labels = (el as HTMLInputElement).labels;
          const named = (labels && labels.length > 0) || el.getAttribute('aria-label') || (el.tagName === 'BUTTON' && el.textContent!.trim());
          return !named;
        })
        .map((el) => el.outerHTML));
    expect(unlabelled).toEqual([]);
  });
});
