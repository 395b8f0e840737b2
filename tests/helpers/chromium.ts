/** Debian's Chromium for the browser tests, started the way this machine's closed network needs. */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';

export const CHROMIUM = '/usr/bin/chromium';
/** Only a developer machine without Chromium may skip; in CI a missing browser must fail. */
export const runsChromium = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!runsChromium) console.warn(`browser test skipped: ${CHROMIUM} not found (apt-get install chromium; CI runs it)`);

/** A headless Chromium with its own profile folder and no background networking. */
export function launchChromium(userDataDir: string): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}
