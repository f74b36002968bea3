import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './support/playwright.js';
import { Pages, signIn, type Screen } from './support/session.js';
import { launchBrowser, SCREENSHOTS } from './support/browser.js';
import { ADMIN, startServer, type TestServer } from './support/startServer.js';

/**
 * A record's history at more than a page: a call edited 230 times has 231 entries in its audit log,
 * 200 a page; the history card says how many it shows of how many, and "加载更多" adds the rest
 * under them. In Chinese, at desk and phone size.
 */
describe('record history paging in Chromium', () => {
  const now = new Date('2025-10-09T09:00:00+08:00');
  let server: TestServer;
  let browser: Browser;
  const pages = new Pages(() => browser);
  let recordId: string;

  beforeAll(async () => {
    server = await startServer({ clock: () => now });
    browser = await launchBrowser();
    const { record } = await server.services.records.create(
      'after-sales-record',
      {
        ticketNo: 'SH-2025-0001',
        customer: { name: '李女士', phone: '13800138000' },
        callTime: '2025-10-09T08:30:00+08:00',
        zone: 'urban',
        serviceType: 'repair',
        technician: '王师傅',
      },
      'admin',
    );
    recordId = record.id;
    // 230 edits as the record write logs them (the data before and after), a minute apart.
    for (let i = 0; i < 230; i++)
      await server.services.store.appendAudit({
        at: new Date(now.getTime() + (i + 1) * 60_000).toISOString(),
        actor: 'admin',
        entity: 'record',
        entityId: recordId,
        action: 'update',
        before: { ...record.data, problemDescription: `第 ${i} 次` },
        after: { ...record.data, problemDescription: `第 ${i + 1} 次` },
      });
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
    await page.goto(`${server.url}/staff/records/${recordId}`);
    return page;
  }

  const entries = (page: Page) => page.locator('.ant-timeline-item');

  for (const kind of ['desk', 'phone'] as const)
    it(`when a record has more history than a page, then "load more" adds the rest until all 231 entries are shown (${kind})`, async () => {
      const page = await open(kind);
      await expect.poll(() => entries(page).count(), { timeout: 20_000 }).toBe(200);
      await expect.poll(() => page.getByText('已显示 200 条，共 231 条').count()).toBe(1);
      const more = page.getByRole('button', { name: '加载更多' });
      await more.scrollIntoViewIfNeeded();
      // The end of the history card (the whole page is 200 entries tall).
      await page.screenshot({ path: `${SCREENSHOTS}record-history-page-${kind}.png` });
      await more.click();
      await expect.poll(() => entries(page).count(), { timeout: 20_000 }).toBe(231);
      await expect.poll(() => page.getByText('已显示 231 条，共 231 条').count()).toBe(1);
      expect(await page.getByRole('button', { name: '加载更多' }).count()).toBe(0);
      await page.context().close();
    }, 90_000);
});
