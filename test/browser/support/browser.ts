import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { chromium, type Browser, type Page } from './playwright.js';

export const SCREENSHOTS = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));

/** Debian's Chromium, headless, no network but the local server. */
export function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A screenshot of the whole page, its CSS transitions run to their end (a shot taken as a table's loading shade faded read as greyed out). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true, animations: 'disabled' });
}

/**
 * The page at a phone's size (390 x 844) once its layout has settled: the side menu folded away,
 * a closing dropdown gone, nothing wider than the phone. A phone screenshot taken right after the
 * resize caught the desk layout half-way (a page 414-590 px wide); this also checks the page fits.
 */
export async function asPhone(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // A page of the app: its side menu closes at phone size (it opens over the page); the shot waits for it to be gone.
  await expect.poll(() => page.evaluate(() => document.getElementById('side-nav')?.getBoundingClientRect().width ?? 0)).toBe(0);
}

/** What the window shows now (a long list's end, where a full-page shot would be too tall to read). */
export async function shotView(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, animations: 'disabled' });
}
