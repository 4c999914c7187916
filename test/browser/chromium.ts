/**
 * Debian's Chromium for the browser tests. Where it is missing the tests are skipped with a
 * message saying how to install it, except under CI=true, where its absence is a failure.
 */
import * as fs from 'node:fs';
import { it } from 'vitest';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
const HOW = `install it with: apt-get install -y chromium (as root), or set CHROMIUM_PATH`;

export const LAUNCH_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launch(): Promise<Browser> {
  // Date fields show in the browser's own language: Debian's chromium without chromium-l10n has
  // only en-US, so screenshots show month-first dates; a UK browser shows them day-first.
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, headless: true });
}

/** Call at the top of a browser test file: reports the skip, or fails under CI. */
export function reportMissingChromium(what: string): void {
  if (HAVE_CHROMIUM) return;
  if (process.env.CI === 'true') {
    it(`${what}: needs Chromium at ${CHROMIUM}`, () => {
      throw new Error(`The browser tests cannot run under CI without Chromium (${CHROMIUM} is missing): ${HOW}.`);
    });
    return;
  }
  console.warn(`Browser tests skipped: ${CHROMIUM} is missing. To run them, ${HOW}.`);
  it.skip(`${what} (skipped: no Chromium at ${CHROMIUM}; ${HOW})`, () => {});
}
