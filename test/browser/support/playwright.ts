// playwright-core drives Debian's Chromium (no browser download); the root devDependencies list it.
export { chromium } from 'playwright-core';
export type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
