import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from './support/playwright.js';
import { Pages, signIn } from './support/session.js';
import { asPhone, launchBrowser, shot } from './support/browser.js';
import { ADMIN, startServer, type TestServer } from './support/startServer.js';

/**
 * On a phone (390 px) the staff's lists read as one card per row: every value beside its column's
 * title, the row's link and buttons on the screen, nothing to scroll sideways (the fines ledger, the
 * records list, the overdue board). The rows are still a table's rows to a screen reader. At the desk
 * the lists are tables as before. In Chinese.
 */
describe('staff lists as cards on a phone, in Chromium', () => {
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
    // A call nobody went to (late deadlines), and a job whose 180 yuan never reached the office (a fine).
    await records.create('after-sales-record', job('LATE-1'), 'admin');
    await records.create(
      'after-sales-record',
      job('FEE-1', {
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
  }, 120_000);
  afterAll(async () => {
    await pages.close();
    await browser?.close();
    await server?.close();
    expect(pages.errors).toEqual([]);
  });

  /** A manager's page at phone size, signed in, on `path`. */
  async function onPhone(path: string): Promise<Page> {
    const page = await pages.open('phone');
    await signIn(page, server.url, ADMIN.username, ADMIN.password, /\/(staff|admin)/);
    await page.goto(`${server.url}${path}`);
    return page;
  }

  /** The element is on the screen from side to side, and shows all of its text (not cut off). */
  async function inFull(element: Locator): Promise<void> {
    const box = (await element.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await element.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  }

  /** No list on the page scrolls sideways inside its box. */
  const noSidewaysScroll = (page: Page) =>
    page.locator('.ant-table-content').evaluateAll((boxes) => boxes.filter((b) => b.scrollWidth > b.clientWidth).length);

  /** No list is loading any more: Ant Design dims a loading table's rows, and fades them back in. */
  const settled = (page: Page) =>
    expect
      .poll(() => page.locator('.ant-spin-container').evaluateAll((lists) => lists.every((l) => getComputedStyle(l).opacity === '1')))
      .toBe(true);

  /** The value cell of a row under a column, found by the title it shows beside it. */
  const cell = (row: Locator, title: string) => row.locator(`td[data-label="${title}"]`);

  it('when a manager opens the fines ledger on a phone, then a fine reads in full as a card: its amount, reason, record and the 免除或更正 button on the screen', async () => {
    const page = await onPhone('/staff/fines?month=2025-10');
    const fine = page
      .getByRole('row')
      .filter({ hasText: '¥180.00' })
      .filter({ has: page.getByRole('button', { name: '免除或更正' }) });
    await expect.poll(() => fine.count(), { timeout: 20_000 }).toBe(1);
    await asPhone(page);
    await settled(page);
    await shot(page, 'phone-lists-01-fines');
    expect(await noSidewaysScroll(page)).toBe(0);
    // Each value beside its column's title, the whole row on the screen.
    for (const title of ['日期', '责任人', '角色', '金额', '原因', '来源', '记录']) await inFull(cell(fine, title));
    expect(await cell(fine, '金额').innerText()).toBe('¥180.00');
    await inFull(fine.getByRole('button', { name: '免除或更正' }));
    await inFull(fine.getByRole('link'));
    // A screen reader still reads a table: the column headers (out of sight) and the row's cells.
    expect(await page.getByRole('columnheader', { name: '金额' }).count()).toBeGreaterThanOrEqual(1);
    expect(await fine.getByRole('cell').count()).toBeGreaterThanOrEqual(7);
    // ...out of sight: the header row takes no room (a pixel, clipped).
    expect((await page.locator('thead').last().boundingBox())!.width).toBeLessThanOrEqual(1);
  }, 60_000);

  it('when a manager opens the records list on a phone, then each record reads in full as a card: its title, form and created, the link on the screen', async () => {
    const page = await onPhone('/staff/records');
    const record = page.getByRole('row').filter({ has: page.getByRole('link') });
    await expect.poll(() => record.count(), { timeout: 20_000 }).toBe(2);
    await asPhone(page);
    await settled(page);
    await shot(page, 'phone-lists-02-records');
    expect(await noSidewaysScroll(page)).toBe(0);
    for (const title of ['记录', '表单', '创建']) await inFull(cell(record.first(), title));
    await inFull(record.first().getByRole('link'));
  }, 60_000);

  it('when a manager opens the overdue board on a phone, then each late deadline reads in full as a card, its record link on the screen', async () => {
    const page = await onPhone('/staff/overdue');
    const late = page.getByRole('row').filter({ hasText: '到场' });
    await expect.poll(() => late.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    await asPhone(page);
    await settled(page);
    await shot(page, 'phone-lists-03-overdue');
    expect(await noSidewaysScroll(page)).toBe(0);
    for (const title of ['状态', '事项', '记录', '截止', '超时']) await inFull(cell(late.first(), title));
    await inFull(late.first().getByRole('link'));
  }, 60_000);

  it('when the manager is at the desk, then the fines ledger is a table as before: its column headers in sight, a fine on one line', async () => {
    const page = await pages.open('desk');
    await signIn(page, server.url, ADMIN.username, ADMIN.password, /\/(staff|admin)/);
    await page.goto(`${server.url}/staff/fines?month=2025-10`);
    const fine = page
      .getByRole('row')
      .filter({ hasText: '¥180.00' })
      .filter({ has: page.getByRole('button', { name: '免除或更正' }) });
    await expect.poll(() => fine.count(), { timeout: 20_000 }).toBe(1);
    expect((await page.getByRole('columnheader', { name: '金额' }).last().boundingBox())!.width).toBeGreaterThan(40);
    const amount = (await cell(fine, '金额').boundingBox())!;
    const button = (await fine.getByRole('button', { name: '免除或更正' }).boundingBox())!;
    expect(Math.abs(amount.y - button.y)).toBeLessThan(amount.height);
    await shot(page, 'phone-lists-04-fines-desk');
  }, 60_000);
});
