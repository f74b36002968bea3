import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './support/playwright.js';
import { Pages, signIn, type Screen } from './support/session.js';
import { launchBrowser, shotView } from './support/browser.js';
import { ADMIN, startServer, type TestServer } from './support/startServer.js';

/**
 * The manager's long lists come back as they were left when going back from a record, as the
 * records list does: the overdue board (340 late deadlines, 100 a page) and the fines ledger (110
 * fines, 100 a page, its month kept in the address). In Chinese, at desk and phone size.
 */
describe('overdue board and fines ledger kept when going back, in Chromium', () => {
  let now = new Date('2025-10-09T13:00:00+08:00');
  let server: TestServer;
  let browser: Browser;
  const pages = new Pages(() => browser);
  const job = (ticketNo: string, more: Record<string, unknown> = {}) => ({
    ticketNo,
    customer: { name: '李女士', phone: '13800138000', address: '解放路 18 号' },
    brand: 'kohler',
    serviceType: 'repair',
    problemDescription: '漏水',
    zone: 'urban',
    callTime: '2025-10-09T09:00:00+08:00',
    technician: '王师傅',
    ...more,
  });

  beforeAll(async () => {
    server = await startServer({ clock: () => now });
    const { records, scheduler } = server.services;
    // 60 calls nobody went to, and 110 done whose 180 yuan never reached the office: 340 late deadlines, 110 fines.
    for (let i = 0; i < 60; i++) await records.create('after-sales-record', job(`LATE-${i}`), 'admin');
    for (let i = 0; i < 110; i++)
      await records.create(
        'after-sales-record',
        job(`FEE-${i}`, {
          arrivalTime: '2025-10-09T12:00:00+08:00',
          resolution: 'fixedOnSite',
          fee: 180,
          completedAt: '2025-10-09T13:00:00+08:00',
        }),
        'admin',
      );
    now = new Date('2025-10-09T17:00:00+08:00');
    await scheduler.tick();
    now = new Date('2025-10-13T14:00:00+08:00');
    await scheduler.tick();
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await pages.close();
    await browser?.close();
    await server?.close();
    expect(pages.errors).toEqual([]);
  });

  const rows = (page: Page) => page.locator('tbody tr.ant-table-row');
  const keys = (page: Page) => rows(page).evaluateAll((rs) => rs.map((r) => r.getAttribute('data-row-key')));
  /** Where a row is in the window now (null: not in the list). */
  const rowTop = (page: Page, key: string) =>
    page.evaluate((k) => {
      const row = Array.from(document.querySelectorAll<HTMLElement>('tbody tr.ant-table-row')).find((r) => r.dataset.rowKey === k);
      return row ? Math.round(row.getBoundingClientRect().top) : null;
    }, key);

  /**
   * On `path`, loads `more` more pages, scrolls the row `at` to the top of the window, opens the record
   * of a row below it (its link on the screen), goes back with the browser's button, and checks the list is as it was.
   */
  async function goBackTo(screen: Screen, path: string, more: number, at: number, name: string): Promise<void> {
    const page = await pages.open(screen);
    await signIn(page, server.url, ADMIN.username, ADMIN.password, /\/(staff|admin)/);
    await page.goto(`${server.url}${path}`);
    await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(100);
    for (let i = 0; i < more; i++) {
      const before = await rows(page).count();
      await page.getByRole('button', { name: '加载更多' }).click();
      await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBeGreaterThan(before);
    }
    const shown = await keys(page);
    const counted = await page.getByText(/^已显示 \d+ 条/).innerText();
    await rows(page)
      .nth(at)
      .evaluate((row) => window.scrollBy(0, row.getBoundingClientRect().top + 10));
    const top = shown[at]!;
    const topAt = (await rowTop(page, top))!;

    // A record of a row below it whose link is on the screen (on a phone each row is a tall card: a link
    // further down would first be scrolled to, and the list left at another place).
    const below = await rows(page).evaluateAll(
      (rs, from) =>
        rs.findIndex((r, i) => {
          const link = r.querySelector('a')?.getBoundingClientRect();
          return i > from && link !== undefined && link.top >= 0 && link.bottom <= window.innerHeight;
        }),
      at,
    );
    expect(below).toBeGreaterThan(at);
    await rows(page).nth(below).getByRole('link').first().click();
    await page.waitForURL(/\/staff\/records\/[^/]+$/);
    await expect.poll(() => page.getByRole('button', { name: '修改' }).count(), { timeout: 20_000 }).toBe(1);
    await page.goBack();

    await page.waitForURL(`${server.url}${path}`);
    await expect.poll(() => keys(page), { timeout: 20_000 }).toEqual(shown);
    expect(await page.getByText(/^已显示 \d+ 条/).innerText()).toBe(counted);
    await expect.poll(() => rowTop(page, top)).toBe(topAt);
    await shotView(page, name);
    await page.context().close();
  }

  it('when a manager at the desk goes back to the overdue board from a record, then the late rows loaded and the row at the top are as they were', async () => {
    await goBackTo('desk', '/staff/overdue', 2, 250, 'overdue-back-desk');
  }, 120_000);

  it('when a manager on a phone goes back to the fines ledger of a month from a record, then the month, the fines loaded and the row at the top are as they were', async () => {
    await goBackTo('phone', '/staff/fines?month=2025-10', 1, 90, 'fines-back-phone');
  }, 120_000);
});
