/**
 * The governors' report in Chromium: the first page as an A4 screen (test-artifacts/
 * governors-report-page1.png), and the PDF printed as the command line prints it, turned into
 * PNGs with pdftoppm (test-artifacts/governors-report-pdf-N.png), for a person to look at. The
 * checks: A4 pages, nothing wider than the page, the title, headline and chart on page one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { HAVE_CHROMIUM, launch, reportMissingChromium } from '../browser/chromium';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { NodeClock } from '../../src/node/clock';
import { gatherReportData } from '../../src/jobs/report';
import { renderReport } from '../../src/domain/report-html';
import { runScore } from '../../src/jobs/score';
import { printPdf } from '../../src/node/pdf';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const SAMPLE = path.resolve(__dirname, '../../sample/tracker.xlsx');
const HAVE_POPPLER = (() => {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

reportMissingChromium('governors\' report screenshots');

describe.skipIf(!HAVE_CHROMIUM)('the governors\' report in Chromium', () => {
  let browser: Browser;
  let html = '';
  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const wb = await XlsxWorkbook.fromBuffer(fs.readFileSync(SAMPLE));
    runScore({ workbook: wb, clock: new NodeClock('2026-03-02') });
    html = renderReport(gatherReportData({ workbook: wb, clock: new NodeClock('2026-03-02') }));
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('page one, at A4 width, shows the title, the headline and the whole chart, with nothing wider than the page', async () => {
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
    await page.emulateMedia({ media: 'print' });
    await page.setContent(html, { waitUntil: 'load' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'governors-report-page1.png') });
    const layout = await page.evaluate(() => {
      const box = (sel: string) => {
        const r = document.querySelector(sel)!.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
      };
      const widest = Math.max(...Array.from(document.querySelectorAll('table, svg, h1, p')).map((e) => e.getBoundingClientRect().right));
      return { scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, h1: box('h1'), chart: box('.chart svg'), widest, lines: document.querySelectorAll('.chart svg path').length };
    });
    expect(layout.scroll).toBeLessThanOrEqual(layout.client);
    expect(layout.widest).toBeLessThanOrEqual(794);
    expect(layout.h1.top).toBeGreaterThanOrEqual(0);
    expect(layout.chart.height).toBeGreaterThan(150);
    expect(layout.chart.bottom).toBeLessThanOrEqual(1123);
    expect(layout.lines).toBe(8);
    await page.close();
  }, 60_000);

  it.skipIf(!HAVE_POPPLER)('prints to A4 pages, which pdftoppm turns into PNGs', async () => {
    const pdf = path.join(ARTIFACTS, 'governors-report.pdf');
    for (const f of fs.readdirSync(ARTIFACTS).filter((x) => /^governors-report-pdf-\d+\.png$/.test(x))) fs.rmSync(path.join(ARTIFACTS, f));
    const { bytes } = await printPdf(html, pdf);
    expect(bytes).toBeGreaterThan(10_000);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(6);
    execFileSync('pdftoppm', ['-r', '70', '-png', pdf, path.join(ARTIFACTS, 'governors-report-pdf')]);
    const pngs = fs.readdirSync(ARTIFACTS).filter((x) => /^governors-report-pdf-\d+\.png$/.test(x));
    expect(pngs).toHaveLength(pages);
    // The first page's text holds the title and headline (the PDF is text, not a picture).
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Oakfield Academy');
    expect(text).toContain('benchmarks achieved');
  }, 120_000);
});
