/**
 * The bulletin as a phone shows it: rendered in headless Chromium at 360 px wide, saved as
 * test-artifacts/bulletin-360.png (git-ignored) for a person to look at.
 */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { bulletinWeek, openVacancies, renderBulletin } from '../../src/domain/bulletin';
import { mapVacancy, parsePage } from '../../src/domain/vacancy-api';
import type { Vacancy } from '../../src/domain/tracker';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACT = path.resolve(__dirname, '../../test-artifacts/bulletin-360.png');
const TODAY = '2026-03-02';
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && process.env.CI !== 'true') {
  console.warn(`Skipping the bulletin screenshot: ${CHROMIUM} is missing (install it with apt-get install chromium).`);
}

function sampleHtml(): string {
  const page = parsePage(fs.readFileSync(path.resolve(__dirname, '../../sample/vacancies-response.json'), 'utf8'))!;
  const imported: Vacancy[] = page.items.map((item, i) => {
    const m = mapVacancy(item, TODAY);
    if (!m.ok) throw new Error(m.reason);
    const r = m.record;
    return { row: i + 2, title: r.title, employer: r.employer, location: r.location, level: r.level, wage: r.wage, closing: r.closing, link: r.link, posted: r.posted, reference: r.reference, source: r.source, starts: r.starts, hours: r.hours, distance: r.distance };
  });
  const typed: Vacancy[] = [
    { row: 20, title: 'Trainee Electrician (Installation and Maintenance) Apprenticeship with a very long title indeed', employer: 'Bright Sparks Electrical Contractors of East Kent Ltd', location: 'Herne Bay', level: '3', wage: '£7.55 an hour', closing: '2026-03-04', link: 'https://www.findapprenticeship.service.gov.uk/apprenticeship/VAC2000099999', posted: '2026-02-10', reference: null, source: 'Manual' },
    { row: 21, title: '<script>alert(1)</script>', employer: 'Escaping check', location: null, level: null, wage: null, closing: '2026-04-20', link: 'javascript:alert(1)', posted: '2026-01-05', reference: null, source: 'Manual' },
  ];
  const content = renderBulletin({
    schoolName: 'Oakfield Academy', today: TODAY, week: bulletinWeek(TODAY),
    items: openVacancies([...imported, ...typed], TODAY, 7), contact: { name: 'Fran Reed', email: 'fr.reed@oakfield.example' },
  });
  return content.render({ firstNames: ['Sam'] }).html;
}

describe('the bulletin on a phone', () => {
  it.skipIf(!haveChromium && process.env.CI !== 'true')('renders at 360 px without sideways scrolling, and is saved as a screenshot', async () => {
    expect(haveChromium, `${CHROMIUM} is required on CI`).toBe(true);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, javaScriptEnabled: false });
      // Nothing outside the page may load: a bulletin needs no images or fonts from anywhere.
      const requests: string[] = [];
      await page.route('**/*', (route) => {
        requests.push(route.request().url());
        return route.abort();
      });
      await page.setContent(sampleHtml(), { waitUntil: 'load' });
      const size = await page.evaluate('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, body: document.body.innerText })') as { scroll: number; client: number; body: string };
      expect(size.scroll).toBeLessThanOrEqual(360);
      expect(size.body).toContain('Hello Sam,');
      expect(size.body).toContain('<script>alert(1)</script>'); // shown as text, not run
      expect(requests).toEqual([]);
      const fontSize = await page.evaluate("parseFloat(getComputedStyle(document.querySelector('td td td div[style*=\"font-size:15px\"]')).fontSize)") as number;
      expect(fontSize).toBeGreaterThanOrEqual(14);
      fs.mkdirSync(path.dirname(ARTIFACT), { recursive: true });
      await page.screenshot({ path: ARTIFACT, fullPage: true });
      expect(fs.statSync(ARTIFACT).size).toBeGreaterThan(10_000);
    } finally {
      await browser.close();
    }
  });
});
