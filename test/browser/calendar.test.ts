import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './support/playwright.js';
import { asPhone, launchBrowser, shot } from './support/browser.js';
import { ADMIN, startServer, type TestServer } from './support/startServer.js';

/** An admin publishes the store calendar with a holiday: first the preview of the open deadlines it moves, in Chinese. */
describe('calendar publish in Chromium', () => {
  const now = new Date('2026-12-01T21:40:00+08:00');
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let recordId = '';
  const errors: string[] = [];

  /** The ticket number the server gave the record. */
  let ticket = '';

  beforeAll(async () => {
    server = await startServer({ clock: () => now });
    const { record } = await server.services.records.create(
      'after-sales-record',
      {
        ticketNo: 'SH-2130',
        store: '解放路店',
        customer: { name: '李女士', phone: '13800138000', address: '解放路 18 号' },
        brand: 'kohler',
        serviceType: 'repair',
        problemDescription: '漏水',
        zone: 'urban',
        callTime: '2026-12-01T21:30:00+08:00',
      },
      'admin',
    );
    ticket = String(record.data.ticketNo);
    recordId = record.id;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page.on('pageerror', (e) => errors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('when the 21:30 call is opened, then dispatch (T12) and arrival (T1) are due the next working day, not already overdue', async () => {
    await page.goto(`${server.url}/staff/records/${recordId}`);
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码').fill(ADMIN.password);
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByText(ticket).first().isVisible()).toBe(true);
    const text = await page.locator('main').innerText();
    expect(text).toContain('当日派工：12月2日 周三 17:30 前');
    expect(text).toContain('到场：12月2日 周三 16:00 前（6个工作小时）');
    expect(text).toContain('当日派工 · 未到期');
    expect(text).not.toContain('已超时');
    await shot(page, 'calendar-00-after-hours-call');
  });

  it('when the admin adds a holiday and previews, then the call of 21:30 shows its arrival moving a day later, named by its ticket', async () => {
    // A draft saved earlier (e.g. pushed by an integrator) renames a day of the National Day break.
    const detail = (await (await page.request.get(`${server.url}/api/v1/calendars/default-store`)).json()) as {
      published: { definition: { holidays: { date: string; name: { 'zh-CN': string; en: string } }[] } };
    };
    const definition = detail.published.definition;
    definition.holidays = definition.holidays.map((h) =>
      h.date === '2026-10-06' ? { ...h, name: { 'zh-CN': '国庆节（调整）', en: 'National Day (moved)' } } : h,
    );
    const saved = await page.request.put(`${server.url}/api/v1/calendars/default-store/draft`, {
      data: { definition },
      headers: { 'X-Requested-With': 'aftersales' },
    });
    expect(saved.status()).toBe(200);
    await page.goto(`${server.url}/admin/calendars`);
    await expect.poll(() => page.getByRole('heading', { name: '工作日历' }).isVisible()).toBe(true);
    await page.getByLabel('日期').fill('2026-12-02');
    await page.getByLabel('日期').press('Enter');
    // The box reads the day the Chinese way, as the staff forms' dates do (the browser's own input read mm/dd/yyyy).
    await expect.poll(() => page.getByLabel('日期').inputValue()).toBe('2026年12月2日');
    expect(await page.locator('input[type=date]').count()).toBe(0);
    await page.getByLabel('名称（中文）').fill('临时停业');
    await page.getByRole('button', { name: '添加节假日' }).click();
    await expect.poll(() => page.getByText('临时停业').isVisible()).toBe(true);

    // What the draft adds, removes and renames is tagged as not in force yet; the published days are not.
    await page.getByRole('button', { name: '删除 2026-10-07' }).click();
    const day = (date: string) => page.getByRole('row').filter({ hasText: date });
    await expect.poll(() => day('2026-10-07').innerText()).toContain('草稿：删除');
    expect(await day('2026-12-02').innerText()).toContain('草稿：新增');
    expect(await day('2026-10-06').innerText()).toContain('草稿：修改');
    expect(await day('2026-10-06').innerText()).toContain('现行名称：国庆节');
    expect(await day('2026-10-05').innerText()).not.toContain('草稿');
    expect(await day('2026-10-07').getByRole('button', { name: '恢复 2026-10-07' }).isVisible()).toBe(true);
    expect(await page.getByText('草稿中的改动尚未生效，发布后才生效：新增 1 天，删除 1 天，修改 1 天。').isVisible()).toBe(true);
    expect(await page.getByText('发布前仍然放假').isVisible()).toBe(true);
    expect(await page.getByText('草稿未发布', { exact: true }).isVisible()).toBe(true);
    await shot(page, 'calendar-00b-draft-days');
    await asPhone(page);
    await shot(page, 'calendar-00b-draft-days-phone');
    await page.setViewportSize({ width: 1440, height: 900 });
    // Restored, the day is as published again.
    await page.getByRole('button', { name: '恢复 2026-10-07' }).click();
    await expect.poll(() => day('2026-10-07').innerText()).not.toContain('草稿');
    await page.getByRole('button', { name: '预览对未完成时限的影响' }).click();
    const row = page.getByRole('row').filter({ hasText: ticket }).filter({ hasText: '到场' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain('推后 1天');
    expect(await row.innerText()).toContain('2026-12-01');
    expect(await row.innerText()).not.toContain(recordId.slice(0, 8));
    await shot(page, 'calendar-01-preview');
    await asPhone(page);
    await shot(page, 'calendar-01-preview-phone');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('when the admin publishes, then the arrival is due a day later in the background', async () => {
    await page.getByRole('button', { name: '发布' }).click();
    await expect.poll(() => page.getByText('已发布第 2 版').first().isVisible()).toBe(true);
    await server.services.deadlineRecompute.idle();
    const deadlines = await server.services.store.listDeadlines({ recordIds: [recordId] });
    expect(deadlines.find((d) => d.key.endsWith('/arrival'))?.dueAt).toBe('2026-12-03T08:00:00.000Z');
    // Published, the days are in force: no draft tag is left.
    await expect.poll(() => page.getByText('草稿未发布', { exact: true }).count()).toBe(0);
    expect(await page.getByText(/^草稿：/).count()).toBe(0);
    await shot(page, 'calendar-02-published');
    expect(errors).toEqual([]);
  });
});
