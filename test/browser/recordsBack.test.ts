import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './support/playwright.js';
import { Pages, signIn, type Screen } from './support/session.js';
import { launchBrowser, shotView } from './support/browser.js';
import { ADMIN, startServer, type TestServer } from './support/startServer.js';

/**
 * Going back to the records list from a record brings the list back as it was left: a clerk loads
 * two more pages (150 of 170 calls), scrolls down, opens a call and comes back (the browser's back
 * button, or the record's 返回记录列表 link): the 150 rows are there again and the row that was at
 * the top of the window is still there. A fresh visit from the menu starts at the first page and the
 * top. In Chinese, at desk and phone size.
 */
describe('records list kept when going back, in Chromium', () => {
  const now = new Date('2025-10-09T09:00:00+08:00');
  let server: TestServer;
  let browser: Browser;
  const pages = new Pages(() => browser);

  beforeAll(async () => {
    server = await startServer({ clock: () => now });
    browser = await launchBrowser();
    for (let i = 0; i < 170; i++)
      await server.services.records.create(
        'after-sales-record',
        {
          ticketNo: `SH-2025-${String(i).padStart(4, '0')}`,
          customer: { name: '李女士', phone: `1380013${String(i).padStart(4, '0')}` },
          callTime: '2025-10-09T08:30:00+08:00',
          zone: 'urban',
          serviceType: 'repair',
          technician: '王师傅',
        },
        'admin',
      );
  }, 180_000);
  afterAll(async () => {
    await pages.close();
    await browser?.close();
    await server?.close();
    expect(pages.errors).toEqual([]);
  });

  const rows = (page: Page) => page.locator('tbody tr.ant-table-row');

  /** The key of the first row at or below the window's top edge, and where its top is. */
  const topRow = (page: Page) =>
    page.evaluate(() => {
      const row = Array.from(document.querySelectorAll<HTMLElement>('tbody tr.ant-table-row')).find(
        (r) => r.getBoundingClientRect().bottom > 0,
      );
      return row ? { key: row.dataset.rowKey!, top: Math.round(row.getBoundingClientRect().top) } : null;
    });
  /** Where a row is in the window now (null: not in the list). */
  const rowTop = (page: Page, key: string) =>
    page.evaluate((k) => {
      const row = document.querySelector<HTMLElement>(`tbody tr[data-row-key="${k}"]`);
      return row ? Math.round(row.getBoundingClientRect().top) : null;
    }, key);

  /** Signed in, on the records list with 150 rows loaded, scrolled down to the 121st: answers the row at the top. */
  async function listScrolledDown(screen: Screen): Promise<{ page: Page; top: { key: string; top: number } }> {
    const page = await pages.open(screen);
    await signIn(page, server.url, ADMIN.username, ADMIN.password, /\/(staff|admin)/);
    await page.goto(`${server.url}/staff/records`);
    await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(50);
    for (const shown of [100, 150]) {
      await page.getByRole('button', { name: '加载更多' }).click();
      await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(shown);
    }
    // The 121st row a little cut off at the top of the window.
    await rows(page)
      .nth(120)
      .evaluate((row) => window.scrollBy(0, row.getBoundingClientRect().top + 10));
    const top = await topRow(page);
    expect(top).not.toBeNull();
    expect(top!.key).toBe(await rows(page).nth(120).getAttribute('data-row-key'));
    return { page, top: top! };
  }

  /** The list is back: 150 of 170 rows, "加载更多" for the rest, and the row that was at the top where it was. */
  async function expectListBack(page: Page, top: { key: string; top: number }): Promise<void> {
    await page.waitForURL(/\/staff\/records$/);
    await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(150);
    expect(await page.getByText('已显示 150 条，共 170 条').count()).toBe(1);
    expect(await page.getByRole('button', { name: '加载更多' }).count()).toBe(1);
    await expect.poll(() => rowTop(page, top.key)).toBe(top.top);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
  }

  /** Opens the record of the row a few below the top one (a tap on its link), and waits for its page. */
  async function openRecordBelow(page: Page, top: { key: string }): Promise<void> {
    await page.locator(`tbody tr[data-row-key="${top.key}"] + tr + tr a`).first().click();
    await page.waitForURL(/\/staff\/records\/[^/]+$/);
    await expect.poll(() => page.getByRole('button', { name: '修改' }).count(), { timeout: 20_000 }).toBe(1);
    // The record opens at its top, not where the list was.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  }

  it('when a clerk at the desk opens a record from far down the list and goes back, then the same rows are there and the same row at the top', async () => {
    const { page, top } = await listScrolledDown('desk');
    await openRecordBelow(page, top);
    await page.goBack();
    await expectListBack(page, top);
    await shotView(page, 'records-back-desk');

    // The record's own "back to the list" link does the same.
    await openRecordBelow(page, top);
    await page.getByRole('link', { name: '返回记录列表' }).click();
    await expectListBack(page, top);

    // Loading more after coming back goes on after the rows that came back.
    await page.getByRole('button', { name: '加载更多' }).click();
    await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(170);
    expect(new Set(await rows(page).evaluateAll((rs) => rs.map((r) => r.getAttribute('data-row-key')))).size).toBe(170);

    // The menu opens the list afresh: its first page, at the top.
    await page.locator('#side-nav').getByRole('link', { name: '记录' }).click();
    await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(50);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.context().close();
  }, 120_000);

  it('when a clerk on a phone opens a record from far down the list and goes back, then the same rows are there and the same row at the top', async () => {
    const { page, top } = await listScrolledDown('phone');
    await openRecordBelow(page, top);
    await page.goBack();
    await expectListBack(page, top);
    await shotView(page, 'records-back-phone');

    // The menu opens the list afresh: its first page, at the top.
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.locator('#side-nav').getByRole('link', { name: '记录' }).click();
    await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(50);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.context().close();
  }, 120_000);
});
