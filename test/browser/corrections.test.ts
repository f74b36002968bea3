import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './support/playwright.js';
import { launchBrowser, shot } from './support/browser.js';
import { ADMIN, startServer, type TestServer } from './support/startServer.js';

/** A manager sees work done late as such on the overdue board, and waives a fine posted in error, in Chinese. */
describe('met-late deadlines and fine corrections in Chromium', () => {
  /** The ticket number the server gave the late job. */
  let lateTicket = '';
  // Both calls came in at 09:00; they are entered at 13:00, once the first job is done (a form refuses times in the future).
  let now = new Date('2025-10-09T13:00:00+08:00');
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const job = (ticketNo: string, more: Record<string, unknown> = {}) => ({
    ticketNo,
    store: '解放路店',
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
    // Revenue of 180 yuan never handed in: a breach fine after three days.
    await records.create(
      'after-sales-record',
      job('FINE-1', {
        arrivalTime: '2025-10-09T12:00:00+08:00',
        resolution: 'fixedOnSite',
        fee: 180,
        completedAt: '2025-10-09T13:00:00+08:00',
      }),
      'admin',
    );
    // Arrival due 16:00, breached at 17:00, the arrival at 17:20 recorded at 17:25.
    const { record } = await records.create('after-sales-record', job('LATE-1'), 'admin');
    lateTicket = String(record.data.ticketNo);
    now = new Date('2025-10-09T17:00:00+08:00');
    await scheduler.tick();
    now = new Date('2025-10-09T17:25:00+08:00');
    await records.update(record.id, job('LATE-1', { arrivalTime: '2025-10-09T17:20:00+08:00' }), record.rev, 'admin');
    now = new Date('2025-10-13T14:00:00+08:00');
    await scheduler.tick();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/staff/overdue`);
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码').fill(ADMIN.password);
    await page.getByRole('button', { name: '登录' }).click();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('when an arrival was recorded late, then the board reads 迟到 1小时20分钟 完成 four days later, not still growing', async () => {
    const row = page.getByRole('row').filter({ hasText: lateTicket }).filter({ hasText: '到场' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain('迟到 1小时20分钟 完成');
    expect(await row.innerText()).not.toContain('4天');
    await shot(page, 'corrections-01-overdue-met-late');
  });

  it('when the manager waives the fine with a reason, then the ledger keeps it, adds the reversal with the reason, and nets the total', async () => {
    await page.goto(`${server.url}/staff/fines`);
    await page.getByLabel('月份').fill('2025-10');
    await page.getByLabel('月份').press('Enter');
    const fine = page.getByRole('row').filter({ hasText: '超时' }).filter({ hasText: '¥180.00' });
    await expect.poll(() => fine.count()).toBe(1);
    await fine.getByRole('button', { name: '免除或更正' }).click();
    await page.getByRole('dialog').getByLabel('原因（台账及导出中可见）').fill('营业款当日已交，系统漏登');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    // The ledger says it was saved, as the record's page does.
    await page.getByText('已保存：台账中已记冲销。').waitFor();
    const reversal = page.getByRole('row').filter({ hasText: '冲销' }).filter({ hasText: '营业款当日已交，系统漏登' });
    await expect.poll(() => reversal.count()).toBe(1);
    // Who waived it reads by display name, not user name.
    expect(await reversal.innerText()).toContain('管理员 Admin：营业款当日已交，系统漏登');
    await expect.poll(() => page.getByRole('row').filter({ hasText: '已冲销' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('row').filter({ hasText: '总计' }).innerText()).toContain('¥0.00');
    await shot(page, 'corrections-02-fine-waived');
    expect(errors).toEqual([]);
  });
});
