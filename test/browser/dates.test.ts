import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './support/playwright.js';
import { apiAs, Pages, signIn, type Screen } from './support/session.js';
import { launchBrowser, shot } from './support/browser.js';
import { ADMIN, startServer, type TestServer } from './support/startServer.js';
import { motionless } from './support/motion.js';

/**
 * Dates people type read in their own format (issue 18): on the staff form a date reads 2025年10月9日
 * and a time 2025年10月9日 09:00 in Chinese (the browser's own inputs showed mm/dd/yyyy), the calendar
 * is in Chinese and fits a phone, and the record keeps what it kept before (YYYY-MM-DD, an ISO instant).
 */
describe('dates on staff forms, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const pages = new Pages(() => browser);
  let recordId = '';
  const password = (username: string) => (username === 'admin' ? ADMIN.password : `${username}-password-2025`);

  const api = (username: string, method: string, path: string, body?: unknown) =>
    apiAs(server.url, username, password(username), method, path, body);

  /** The clerk, signed in. */
  async function newPage(screen: Screen): Promise<Page> {
    const page = await pages.open(screen);
    await signIn(page, server.url, 'clerk', password('clerk'));
    return page;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await api('admin', 'POST', '/users', {
      username: 'clerk',
      displayName: '客服小张',
      roles: ['staff'],
      policyRoles: ['customerServiceClerk'],
      stores: ['jiefang'],
      password: password('clerk'),
    });
    recordId = (
      await api('clerk', 'POST', '/records', {
        form: 'after-sales-record',
        store: 'jiefang',
        data: {
          customer: { name: '李女士', phone: '13800138000' },
          serviceType: 'repair',
          zone: 'urban',
          callTime: '2025-10-09T09:00:00+08:00',
          purchaseDate: '2024-03-15',
        },
      })
    ).id;
  });

  afterAll(async () => {
    await pages.close();
    await browser?.close();
    await server?.close();
    expect(pages.errors).toEqual([]);
  });

  it('when a clerk edits a record at the desk, then dates read in Chinese and a typed time is kept as the same instant', async () => {
    const page = await newPage('desk');
    await page.goto(`${server.url}/staff/records/${recordId}`);
    await page.getByRole('button', { name: '修改' }).click();
    await expect.poll(() => page.getByLabel('来电时间', { exact: true }).inputValue()).toBe('2025年10月9日 09:00');
    expect(await page.getByLabel('购买日期', { exact: true }).inputValue()).toBe('2024年3月15日');
    expect(await page.locator('input[type=date], input[type=datetime-local]').count()).toBe(0);
    const call = page.getByLabel('来电时间', { exact: true });
    await call.click();
    await expect
      .poll(() =>
        page
          .locator('.local-date-popup:visible')
          .getByText(/^(今天|此刻)$/)
          .count(),
      )
      .toBeGreaterThan(0);
    await shot(page, 'dates-01-desk-calendar-zh');
    await call.fill('2025-10-09 10:30:00');
    await page.locator('.local-date-popup:visible .ant-picker-ok button').click();
    await expect.poll(() => call.inputValue()).toBe('2025年10月9日 10:30');
    await page.getByRole('button', { name: '保存修改' }).click();
    await expect.poll(() => page.getByRole('button', { name: '修改' }).isVisible()).toBe(true);
    const stored = await api('clerk', 'GET', `/records/${recordId}`);
    expect(new Date(stored.data.callTime).toISOString()).toBe('2025-10-09T02:30:00.000Z');
    expect(stored.data.purchaseDate).toBe('2024-03-15');
  });

  it('when the clerk’s computer is set to London time, then a time reads and is picked on the store’s clock (China time), 此刻 included', async () => {
    const page = await pages.open('desk', { timezoneId: 'Europe/London' });
    await signIn(page, server.url, 'clerk', password('clerk'));
    await page.goto(`${server.url}/staff/records/${recordId}`);
    await page.getByRole('button', { name: '修改' }).click();
    const call = page.getByLabel('来电时间', { exact: true });
    // The call came at 09:00 China time (10:30 after the test above): 02:00 (03:30) in London, but the store's clock says 09:00 (10:30).
    await expect.poll(() => call.inputValue()).toMatch(/^2025年10月9日 (09:00|10:30)$/);
    await call.click();
    await expect.poll(() => page.locator('.local-date-popup:visible .ant-picker-ok button').count()).toBe(1);
    // The calendar's 此刻 picks the store's now, not London's.
    const before = Math.floor(Date.now() / 60_000) * 60_000;
    await page.locator('.local-date-popup:visible .ant-picker-now-btn', { hasText: '此刻' }).click();
    await expect.poll(() => page.locator('.local-date-popup:visible').count()).toBe(0);
    const picked = (await call.inputValue()).match(/^(\d{4})年(\d{1,2})月(\d{1,2})日 (\d{2}):(\d{2})$/)!;
    const pickedAt = Date.UTC(+picked[1]!, +picked[2]! - 1, +picked[3]!, +picked[4]!, +picked[5]!) - 8 * 3_600_000;
    // China time now, give or take the minute it took (never London's, 7 or 8 hours earlier).
    expect(pickedAt - before).toBeGreaterThanOrEqual(0);
    expect(pickedAt - before).toBeLessThanOrEqual(120_000);
    await call.click();
    await expect.poll(() => page.locator('.local-date-popup:visible .ant-picker-ok button').count()).toBe(1);
    await call.fill('2025-10-09 11:45:00');
    await page.locator('.local-date-popup:visible .ant-picker-ok button').click();
    await expect.poll(() => call.inputValue()).toBe('2025年10月9日 11:45');
    await page.getByRole('button', { name: '保存修改' }).click();
    await expect.poll(() => page.getByRole('button', { name: '修改' }).isVisible()).toBe(true);
    const stored = await api('clerk', 'GET', `/records/${recordId}`);
    expect(new Date(stored.data.callTime).toISOString()).toBe('2025-10-09T03:45:00.000Z');
    // The record reads the same time after the save.
    await expect.poll(() => page.getByText('2025-10-09 11:45').count()).toBeGreaterThan(0);
  });

  it('when it is still the evening in London but already the next day in China, then a date box’s 今天, and the day its calendar marks as today, are China’s', async () => {
    const page = await pages.open('desk', { timezoneId: 'Europe/London' });
    // 20:00 on 7 December in London is 04:00 on 8 December in China.
    await page.clock.setFixedTime(new Date('2026-12-07T20:00:00Z'));
    await signIn(page, server.url, 'clerk', password('clerk'));
    await page.goto(`${server.url}/staff/records/${recordId}`);
    await page.getByRole('button', { name: '修改' }).click();
    const purchase = page.getByLabel('购买日期', { exact: true });
    await purchase.click();
    const popup = page.locator('.local-date-popup:visible');
    // Its 今天 picks China's day (London's is still the 7th), and the calendar marks that day as today.
    // Clicked once the calendar has stopped sliding in (a CI run's click missed it: the value stayed and the calendar closed).
    await expect.poll(() => popup.count()).toBe(1);
    await motionless(page);
    await popup.locator('.ant-picker-now-btn', { hasText: '今天' }).click();
    await expect.poll(() => purchase.inputValue()).toBe('2026年12月8日');
    await expect.poll(() => popup.count()).toBe(0);
    await purchase.click();
    await expect.poll(() => popup.locator('.ant-picker-cell-today').getAttribute('title')).toBe('2026-12-08');
  });

  it('when a clerk opens a record and taps 修改 before the calendar code has come, then the date boxes read their dates (not empty), and become calendars, the tapped one open', async () => {
    for (const screen of ['desk', 'phone'] as const) {
      const page = await newPage(screen);
      // The calendar's code held back until the form is looked at.
      let asked = false;
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/LocalDatePicker-[^/]+\.js$/, async (route) => {
        asked = true;
        await released;
        await route.continue();
      });
      await page.goto(`${server.url}/staff/records/${recordId}`);
      // Asked for as the record opens, before 修改 is tapped.
      await expect.poll(() => asked).toBe(true);
      await page.getByRole('button', { name: '修改' }).click();
      const call = page.getByLabel('来电时间', { exact: true });
      // (The call time is 09:00, or 10:30 once the test above has changed it.)
      await expect.poll(() => call.inputValue()).toMatch(/^2025年10月9日 (09:00|10:30|11:45)$/);
      const before = await call.inputValue();
      expect(await page.getByLabel('购买日期', { exact: true }).inputValue()).toBe('2024年3月15日');
      expect(await call.isDisabled()).toBe(false);
      expect(await call.getAttribute('readonly')).not.toBeNull();
      await shot(page, `dates-04-${screen}-before-calendar`);
      // Tapped while the calendar is on its way: the tap is not lost.
      await call.click();
      release();
      // The calendar in its place, with the same date, and open for the tap.
      await expect.poll(() => page.locator('.ant-picker').getByLabel('来电时间', { exact: true }).count()).toBe(1);
      expect(await call.inputValue()).toBe(before);
      await expect.poll(() => page.locator('.local-date-popup:visible').count()).toBe(1);
      await page.keyboard.press('Escape');
      await page.context().close();
    }
  });

  it('when a clerk opens the calendar on a phone, then it fits the screen and a day is picked with a tap', async () => {
    const page = await newPage('phone');
    await page.goto(`${server.url}/staff/records/${recordId}`);
    await page.getByRole('button', { name: '修改' }).click();
    const install = page.getByLabel('安装日期', { exact: true });
    await install.click();
    const popup = page.locator('.local-date-popup:visible');
    await expect.poll(() => popup.count()).toBe(1);
    const box = (await popup.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await shot(page, 'dates-02-phone-calendar');
    await popup.getByText('今天').click();
    await expect.poll(() => install.inputValue()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('when a clerk filters the records list by dates, then the boxes read in Chinese at the desk and on a phone, and the list keeps the days', async () => {
    const desk = await newPage('desk');
    await desk.goto(`${server.url}/staff/records?form=after-sales-record`);
    const from = desk.getByLabel('从', { exact: true });
    await expect.poll(() => from.isVisible()).toBe(true);
    expect(await desk.locator('input[type=date], input[type=month]').count()).toBe(0);
    await from.fill('2025-10-01');
    await from.press('Enter');
    await expect.poll(() => from.inputValue()).toBe('2025年10月1日');
    await expect.poll(() => new URL(desk.url()).searchParams.get('from')).toBe('2025-10-01');

    // A phone opens the calendar on a tap (its box takes no typing).
    const phone = await newPage('phone');
    await phone.goto(`${server.url}/staff/records?form=after-sales-record&from=2025-10-01`);
    await expect.poll(() => phone.getByLabel('从', { exact: true }).inputValue()).toBe('2025年10月1日');
    const to = phone.getByLabel('到', { exact: true });
    await to.click();
    await phone.locator('.local-date-popup:visible').getByText('今天').click();
    await expect.poll(() => to.inputValue()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    await expect.poll(() => new URL(phone.url()).searchParams.get('to')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expect.poll(() => phone.locator('.local-date-popup:visible').count()).toBe(0);
    await shot(phone, 'dates-03-phone-records-filter');
  });

  it('when the dates of the records list end before they start or do not exist, then the list says so instead of finding nothing', async () => {
    const desk = await newPage('desk');
    await desk.goto(`${server.url}/staff/records?form=after-sales-record&from=2025-10-31&to=2025-10-01`);
    await expect.poll(() => desk.getByRole('alert').filter({ hasText: '结束日期早于开始日期' }).count()).toBe(1);
    // A day typed into the address that does not exist is no filter (it read 2027年2月14日 and the server refused 年-月-日).
    await desk.goto(`${server.url}/staff/records?form=after-sales-record&from=abc&to=2026-13-45`);
    await expect.poll(() => desk.getByRole('link', { name: /李女士/ }).count()).toBeGreaterThan(0);
    expect(await desk.getByLabel('从', { exact: true }).inputValue()).toBe('');
    expect(await desk.getByLabel('到', { exact: true }).inputValue()).toBe('');
    expect(await desk.getByRole('alert').count()).toBe(0);
  });
});
