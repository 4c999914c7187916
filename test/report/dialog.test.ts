/**
 * The Governors' report dialog (build/report.html) in Chromium, with google.script.run answered
 * by the report data of the sample: it shows the report, and "Email me the PDF" sends back the
 * same document with the chart drawn as a PNG.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { HAVE_CHROMIUM, launch, reportMissingChromium } from '../browser/chromium';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { NodeClock } from '../../src/node/clock';
import { gatherReportData } from '../../src/jobs/report';

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');

reportMissingChromium('governors\' report dialog');

describe.skipIf(!HAVE_CHROMIUM)('the report dialog', () => {
  let browser: Browser;
  let dialog = '';
  let data: unknown;
  beforeAll(async () => {
    const { reportDialogHtml } = await import(path.join(ROOT, 'scripts/build-report-dialog.mjs'));
    dialog = await reportDialogHtml();
    data = gatherReportData({ workbook: await XlsxWorkbook.fromBuffer(fs.readFileSync(path.join(ROOT, 'sample/tracker.xlsx'))), clock: new NodeClock('2026-03-02') });
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('renders the report and emails it with the chart as a PNG', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 640 } });
    // google.script.run, answered as the server would: the report data, then "sent".
    const stub = `<script>(function(){var answer=${JSON.stringify(data).replace(/</g, '\\u003c')};var calls=[];window.calls=calls;
function runner(ok){return new Proxy({},{get:function(_t,name){return function(){calls.push({name:name,args:[].slice.call(arguments)});
setTimeout(function(){ok(name==='getGovernorsReport'?{ok:true,value:answer}:{ok:true,value:{to:'nh@school.example'}});},10);};}});}
window.google={script:{run:{withSuccessHandler:function(ok){return {withFailureHandler:function(){return runner(ok);}};}}}};})();</script>`;
    dialog = dialog.replace('<script>', `${stub}<script>`);
    await page.setContent(dialog, { waitUntil: 'load' });
    const frame = page.frameLocator('#report');
    await frame.locator('h1').waitFor();
    expect(await frame.locator('h1').textContent()).toContain('Oakfield Academy');
    expect(await frame.locator('.chart svg path').count()).toBe(8);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'governors-report-dialog.png') });
    await page.click('#email');
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.startsWith('Sent'));
    const sent = await page.evaluate(() => (window as unknown as { calls: { name: string; args: { html: string; fileName: string }[] }[] }).calls.find((c) => c.name === 'emailGovernorsReport')!.args[0]);
    expect(sent.fileName).toBe('Governors report 2025-26 (2026-03-02).pdf');
    expect(sent.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(sent.html).not.toContain('<svg');
    const png = /src="(data:image\/png;base64,[^"]+)"/.exec(sent.html)![1];
    expect(png.length).toBeGreaterThan(5_000);
    fs.writeFileSync(path.join(ARTIFACTS, 'governors-report-chart.png'), Buffer.from(png.split(',')[1], 'base64'));
    expect(await page.textContent('#status')).toBe('Sent to nh@school.example.');
    await page.close();
  }, 60_000);
});
