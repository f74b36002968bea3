// playwright-core is a devDependency of @aftersales/designer; the root package does not list it
// (yet), so it is reached through the designer's node_modules. Once the root lists it, import
// 'playwright-core' directly.
export { chromium } from '../../../packages/designer/node_modules/playwright-core/index.js';
export type { Browser, BrowserContext, Page } from '../../../packages/designer/node_modules/playwright-core/index.js';
