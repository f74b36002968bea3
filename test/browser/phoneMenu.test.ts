import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from './support/playwright.js';
import { apiAs, Pages, signIn } from './support/session.js';
import { launchBrowser, shot } from './support/browser.js';
import { motionless } from './support/motion.js';
import { ADMIN, startServer, type TestServer } from './support/startServer.js';

/**
 * The side menu on a phone opens from a button in the header, over the page (the page was squeezed
 * to 190 px beside it), and closes once a page is picked; at the desk it stays beside the page.
 */
describe('the side menu, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const pages = new Pages(() => browser);

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await apiAs(server.url, 'admin', ADMIN.password, 'POST', '/users', {
      username: 'clerk',
      displayName: '客服小张',
      roles: ['staff'],
      policyRoles: ['customerServiceClerk'],
      stores: ['jiefang'],
      password: 'clerk-password-2025',
    });
  });

  afterAll(async () => {
    await pages.close();
    await browser?.close();
    await server?.close();
    expect(pages.errors).toEqual([]);
  });

  it('when a clerk taps the menu on a phone, then it opens over the page, and picking a page closes it', async () => {
    const page = await pages.open('phone');
    await signIn(page, server.url, 'clerk', 'clerk-password-2025');
    const menu = page.getByRole('button', { name: '打开菜单' });
    // The menu's width: 0 while it is closed (its links are clipped, not removed).
    const menuWidth = () => page.locator('#side-nav').evaluate((nav) => Math.round(nav.getBoundingClientRect().width));
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(menuWidth).toBe(0);
    await menu.click();
    const close = page.getByRole('button', { name: '收起菜单' });
    await expect.poll(() => close.getAttribute('aria-expanded')).toBe('true');
    await motionless(page);
    await expect.poll(menuWidth).toBe(200);
    // Over the page: the page keeps the phone's whole width.
    expect(await page.locator('#main').evaluate((main) => Math.round(main.getBoundingClientRect().width))).toBe(390);
    await shot(page, 'phone-menu-01-open');
    await page.getByRole('link', { name: '记录', exact: true }).click();
    await page.waitForURL('**/staff/records**');
    await expect.poll(() => page.getByRole('button', { name: '打开菜单' }).getAttribute('aria-expanded')).toBe('false');
    await expect.poll(menuWidth).toBe(0);
  });

  it('when the clerk works at the desk, then the menu stays beside the page with no menu button', async () => {
    const page = await pages.open('desk');
    await signIn(page, server.url, 'clerk', 'clerk-password-2025');
    await expect.poll(() => page.getByRole('link', { name: '记录', exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '打开菜单' }).count()).toBe(0);
  });
});
