import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertServiceRecords } from '@aftersales/server/testing';
import type { Browser, Page } from './support/playwright.js';
import { launchBrowser, shot } from './support/browser.js';
import { ADMIN, startServer, type TestServer } from './support/startServer.js';

/**
 * An admin lowers T1 (urban arrival) from 6 to 4 working hours and, before publishing, sees what
 * it would have done to the quarter's records: by technician, store, month and rule, and the
 * records by title, in Chinese, at desk and phone size.
 */
describe('impact over the stored history in Chromium', () => {
  const now = new Date('2026-11-30T10:00:00+08:00');
  const technicians = ['王师傅', '李师傅', '张师傅', '赵师傅'];
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startServer({ clock: () => now });
    insertServiceRecords(server.dataDir, { count: 4_000, until: now, days: 85, stores: ['解放路店', '人民路店', '建设路店'], technicians });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page.on('pageerror', (e) => errors.push(e.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('when the admin lowers T1 to 4 working hours in the rule editor and asks for the impact on the publish tab, then the quarter’s late arrivals show by technician and by title', async () => {
    await page.goto(`${server.url}/admin/rules/after-sales-record.turnaround`);
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码').fill(ADMIN.password);
    await page.getByRole('button', { name: '登录' }).click();
    // T1 urban (the rule set's first rule): 6 working hours lowered to 4, saved as the draft.
    await expect.poll(() => page.getByText('市区 6 个工作小时内到场').first().isVisible()).toBe(true);
    await page.getByLabel('时长的数值', { exact: true }).first().fill('4');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => page.getByText('草稿已保存').isVisible()).toBe(true);
    const draft = await server.services.definitions.get('ruleset', 'after-sales-record.turnaround');
    expect(JSON.stringify(draft.draft?.definition)).toContain('"limit":{"unit":"workingHours","amount":4}');
    await page.getByRole('tab', { name: '发布' }).click();
    await page.getByRole('button', { name: '查看对已存记录的影响' }).click();
    await expect.poll(() => page.getByTestId('impact-answer').isVisible(), { timeout: 120_000 }).toBe(true);
    const text = await page.getByTestId('impact-answer').innerText();
    expect(text).toContain('检查的记录');
    expect(text).toContain('4,000');
    expect(text).toContain('按人员');
    expect(text).toMatch(/市区 6 个工作小时内到场|到场/);
    // Records by title and their changes in words; never an id or an ISO time.
    expect(text).toMatch(/售后服务处理记录表 · SH-\d{6} · [^·\n]+ · \d{4}-\d{2}-\d{2}/);
    expect(text).toMatch(/到场：截止 .+（按时） → .+（超时）/);
    expect(text).not.toMatch(/00000000-0000-7000|T\d{2}:\d{2}:\d{2}|after-sales-record\.turnaround/);
    // The chart by person names each technician.
    const chart = await page.locator('.ant-col', { has: page.getByRole('heading', { name: '按人员' }) }).innerHTML();
    for (const name of technicians) expect(chart).toContain(name);
    await shot(page, 'impact-01-publish-tab-desk');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('impact-answer').scrollIntoViewIfNeeded();
    await shot(page, 'impact-02-publish-tab-phone');
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(errors).toEqual([]);
  }, 180_000);

  it('when the admin cancels a running replay, then it says so and no answer is shown', async () => {
    // The replay's request is held until the admin has cancelled (else a quick machine answers before the click).
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/impact', async (route) => {
      await held;
      await route.continue().catch(() => undefined);
    });
    await page.getByText('全部记录', { exact: true }).click();
    await page.getByRole('button', { name: '查看对已存记录的影响' }).click();
    await page.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => page.getByText('已取消，未计算结果。').isVisible()).toBe(true);
    release();
    await page.unroute('**/api/v1/impact');
    expect(await page.getByTestId('impact-answer').count()).toBe(0);
  }, 60_000);

  it('when the admin adds a holiday to the calendar draft, then the calendar page shows the late arrivals of that day that would be on time', async () => {
    await page.goto(`${server.url}/admin/calendars`);
    await expect.poll(() => page.getByRole('heading', { name: '工作日历' }).isVisible()).toBe(true);
    // The newest calls (Friday 27 November, 09:00) were due on site at 16:00; a holiday that day moves it to Monday 16:00.
    await page.getByLabel('日期').fill('2026-11-27');
    await page.getByLabel('日期').press('Enter');
    await page.getByLabel('名称（中文）').fill('临时停业');
    await page.getByRole('button', { name: '添加节假日' }).click();
    await expect.poll(() => page.getByText('临时停业').isVisible()).toBe(true);
    await page.getByRole('button', { name: '查看对已存记录的影响' }).click();
    await expect.poll(() => page.getByTestId('impact-answer').isVisible(), { timeout: 120_000 }).toBe(true);
    const text = await page.getByTestId('impact-answer').innerText();
    expect(text).toMatch(/变为按时的时限\s*[1-9]/);
    expect(text).toMatch(/到场：截止 \d{4}-11-27 16:00（超时） → \d{4}-11-30 16:00（按时）/);
    await shot(page, 'impact-03-calendar-desk');
  }, 180_000);
});
