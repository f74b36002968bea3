// playwright-core drives Debian's Chromium (no browser download); the root devDependencies list it.
export { chromium } from 'playwright-core';
export type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
