/**
 * Prints an HTML document to an A4 PDF with Debian's Chromium through playwright-core. Used by
 * the command line for the governors' report and pupils' records (in Google Sheets the same
 * HTML is turned into a PDF by Apps Script itself).
 */
import * as fs from 'node:fs';

/** Where Chromium is looked for: CHROMIUM_PATH, then Debian's and other usual places. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => !!p && fs.existsSync(p));
}

export class NoChromiumError extends Error {
  constructor() {
    super('Making a PDF needs Chromium: install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH; or ask for .html instead');
  }
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Prints each HTML document to its own PDF file, with one browser for the lot. */
export async function printPdfs(docs: { html: string; file: string }[]): Promise<{ file: string; bytes: number }[]> {
  const executablePath = findChromium();
  if (!executablePath) throw new NoChromiumError();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ARGS, headless: true });
  try {
    const page = await browser.newPage();
    // Nothing in a document is fetched from the network: every style and image is inline.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    const out: { file: string; bytes: number }[] = [];
    for (const doc of docs) {
      await page.setContent(doc.html, { waitUntil: 'load' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      const tmp = `${doc.file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, pdf);
      fs.renameSync(tmp, doc.file);
      out.push({ file: doc.file, bytes: pdf.length });
    }
    return out;
  } finally {
    await browser.close();
  }
}

export async function printPdf(html: string, file: string): Promise<{ file: string; bytes: number }> {
  return (await printPdfs([{ html, file }]))[0];
}
