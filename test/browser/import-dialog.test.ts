/**
 * The import dialog in Chromium: the built page, a file picked from the computer (Windows-1252,
 * semicolons), the dry run shown as text, Apply. google.script.run is stubbed to call the real
 * server functions over the Apps Script fake.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HAVE_CHROMIUM, launch, reportMissingChromium } from './chromium';
import { installFake, loadTabs } from '../gas/helpers';
import { applyPupilImport, previewPupilImport } from '../../src/gas/handlers/pupils';
import { cp1252, trackerTabs } from '../pupils-import/exports';

const STUB = `(() => {
  function runner(ok, fail) {
    return new Proxy({}, { get(_, p) {
      if (p === 'withSuccessHandler') return (h) => runner(h, fail);
      if (p === 'withFailureHandler') return (h) => runner(ok, h);
      return (arg) => window.serverCall(String(p), arg).then(ok, fail);
    } });
  }
  window.google = { script: { run: runner(() => {}, () => {}), host: { close() { window.closed = true; } } } };
})();`;

reportMissingChromium('import dialog');

describe.runIf(HAVE_CHROMIUM)('the import dialog', () => {
  let browser: Browser;
  let html: string;
  beforeAll(async () => {
    const { dialogHtml } = await import(pathToFileURL(path.resolve(__dirname, '../../scripts/build-import-dialog.mjs')).href);
    [browser, html] = await Promise.all([launch(), dialogHtml() as Promise<string>]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('reads a Windows-1252 CSV from the computer, shows the dry run as text, and applies it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-02T09:30:00Z'));
    const fake = installFake({ user: 'cl@school.example' });
    loadTabs(fake, trackerTabs());
    const page = await browser.newPage();
    const calls: string[] = [];
    await page.exposeFunction('serverCall', (name: string, arg: unknown) => {
      calls.push(name);
      if (name === 'previewPupilImport') return previewPupilImport(arg);
      if (name === 'applyPupilImport') return applyPupilImport(arg);
      throw new Error(`unexpected ${name}`);
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent(html.replace('<head>', `<head><script>${STUB}</script>`));
    const csv = cp1252('UPN;Forename;Surname;Year;Reg Group\r\nA1;Zoë;Rejected;11;11B\r\nN9;<img src=x onerror=alert(1)>;Smith;7;7A\r\n');
    await page.setInputFiles('#file', { name: 'export.csv', mimeType: 'text/csv', buffer: csv });
    await page.waitForSelector('#report table', { timeout: 5000 }).catch(async () => { throw new Error(`no report: ${errors.join('; ')} status: ${await page.textContent('#status')}`); });
    const text = await page.textContent('#report');
    expect(text).toContain('Zoë Rejected');
    expect(text).toContain('<img src=x onerror=alert(1)> Smith');
    expect(await page.$('#report img')).toBeNull();
    expect(fake.sheetValues('Pupils').some((r) => r[0] === 'N9')).toBe(false);
    expect(await page.isDisabled('#apply')).toBe(false);
    await page.click('#apply');
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.startsWith('Done'));
    expect(calls).toEqual(['previewPupilImport', 'applyPupilImport']);
    const pupils = fake.sheetValues('Pupils');
    const h = pupils[0] as string[];
    expect(pupils.find((r) => r[0] === 'A1')![h.indexOf('Name')]).toBe('Zoë Rejected');
    expect(pupils.find((r) => r[0] === 'N9')![h.indexOf('Form')]).toBe('7A');
    expect(await page.isDisabled('#apply')).toBe(true);
    await page.setInputFiles('#file', { name: 'export.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK') });
    expect(await page.textContent('#status')).toMatch(/Save As ▸ CSV/);
    await page.close();
    vi.useRealTimers();
  }, 60_000);
});
