import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './support/playwright.js';
import { Pages, signIn, type Screen } from './support/session.js';
import { launchBrowser, shot } from './support/browser.js';
import { ADMIN, startServer, type TestServer } from './support/startServer.js';

/**
 * The records screen at more than a page: 120 repair calls, 50 a page; "加载更多" adds the next page
 * under the rows shown until every call is there, and the search box finds a customer by two
 * characters of their name. In Chinese, at desk and phone size.
 */
describe('records screen paging and search in Chromium', () => {
  const now = new Date('2025-10-09T09:00:00+08:00');
  let server: TestServer;
  let browser: Browser;
  const pages = new Pages(() => browser);

  beforeAll(async () => {
    server = await startServer({ clock: () => now });
    browser = await launchBrowser();
    for (let i = 0; i < 120; i++)
      await server.services.records.create(
        'after-sales-record',
        {
          ticketNo: `SH-2025-${String(i).padStart(4, '0')}`,
          customer: { name: i === 77 ? '欧阳娜娜' : '李女士', phone: `1380013${String(i).padStart(4, '0')}` },
          callTime: '2025-10-09T08:30:00+08:00',
          zone: 'urban',
          serviceType: 'repair',
          technician: '王师傅',
        },
        'admin',
      );
  }, 120_000);
  afterAll(async () => {
    await pages.close();
    await browser?.close();
    await server?.close();
    expect(pages.errors).toEqual([]);
  });

  async function open(screen: Screen): Promise<Page> {
    const page = await pages.open(screen);
    await signIn(page, server.url, ADMIN.username, ADMIN.password, /\/(staff|admin)/);
    await page.goto(`${server.url}/staff/records`);
    return page;
  }

  const rows = (page: Page) => page.locator('tbody tr.ant-table-row');

  it('when there are more records than a page, then "load more" adds the next pages until all 120 are shown', async () => {
    const page = await open('desk');
    await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(50);
    await expect.poll(() => page.getByText('已显示 50 条，共 120 条').count()).toBe(1);
    await page.getByRole('button', { name: '加载更多' }).click();
    await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(100);
    await page.getByRole('button', { name: '加载更多' }).click();
    await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(120);
    expect(await page.getByRole('button', { name: '加载更多' }).count()).toBe(0);
    await shot(page, 'records-load-more-desk');
    await page.context().close();
  }, 90_000);

  it('when a clerk searches two characters of a customer name on a phone, then only that call is listed', async () => {
    const page = await open('phone');
    await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(50);
    const search = page.getByRole('searchbox', { name: '工单号、电话、客户或师傅' });
    await search.fill('欧阳');
    await search.press('Enter');
    await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(1);
    expect(page.url()).toContain('q=');
    await shot(page, 'records-search-phone');
    await page.context().close();
  }, 90_000);
});
