/**
 * What every sidebar test in Chromium needs: one browser for the file, and for each test a fresh
 * copy of the small test tracker served by the local preview as one member of staff, in a page at
 * the sidebar's 300 px width. Call inside a describe block; it registers its own hooks.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type Preview, builtSidebarHtml, startPreview } from '../../src/node/preview';
import { type FixtureOptions, TODAY, writeFixture } from '../mentor-log/fixture';
import { launch } from './chromium';

export interface SidebarHarness {
  /** A fresh copy of the test tracker, served as `email`. */
  open(email: string, fixture?: FixtureOptions): Promise<{ page: Page; file: string }>;
  /** Saves a full-page screenshot as test-artifacts/<folder>/<name>.png. */
  shot(page: Page, name: string): Promise<Buffer>;
  /** The preview of the test running now. */
  preview(): Preview;
  /** Messages of the dialogs the page opened (each dismissed), and of its uncaught errors. */
  dialogs: string[];
  pageErrors: string[];
}

export function sidebarHarness(folder: string): SidebarHarness {
  const artifacts = path.resolve(__dirname, '../../test-artifacts', folder);
  let browser: Browser;
  let html: string;
  let dir: string;
  let context: BrowserContext | null = null;
  let preview: Preview | null = null;
  const harness: SidebarHarness = {
    dialogs: [],
    pageErrors: [],
    async open(email, fixture = {}) {
      const file = path.join(dir, `tracker-${Math.random().toString(36).slice(2)}.xlsx`);
      await writeFixture(file, fixture);
      preview = await startPreview({ workbook: file, as: email, today: TODAY, html });
      context = await browser.newContext({ viewport: { width: 300, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
      const page = await context.newPage();
      harness.dialogs.length = 0;
      harness.pageErrors.length = 0;
      page.on('dialog', (d) => {
        harness.dialogs.push(d.message());
        void d.dismiss();
      });
      page.on('pageerror', (e) => harness.pageErrors.push(e.message));
      await page.goto(preview.url);
      return { page, file };
    },
    shot: (page, name) => page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true }),
    preview: () => preview!,
  };

  beforeAll(async () => {
    fs.mkdirSync(artifacts, { recursive: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `${folder}-`));
    [browser, html] = await Promise.all([launch(), builtSidebarHtml()]);
  });
  afterAll(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  afterEach(async () => {
    await context?.close();
    await preview?.close();
    context = null;
    preview = null;
  });
  return harness;
}
