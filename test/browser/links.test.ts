import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './support/playwright.js';
import { fillDateTime, Pages, signIn as signInAs, type Screen } from './support/session.js';
import { launchBrowser, shot, SCREENSHOTS } from './support/browser.js';
import { startServer, type TestServer } from './support/startServer.js';

/**
 * Linked records and the PDF in Chinese: the clerk records a return visit and links it to its ticket
 * by finding the ticket's title (customer name typed, never an id), the ticket's page lists the visit,
 * and the record page downloads its print layout as a PDF with the Chinese font embedded.
 */
describe('linked records and PDF in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const pages = new Pages(() => browser);
  let ticketId = '';
  let ticketNo = '';

  const page = (screen: Screen) => pages.open(screen, { acceptDownloads: true });

  const signIn = (p: Page, username: string, password: string) => signInAs(p, server.url, username, password);

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    for (const [username, displayName, policyRoles] of [
      ['clerk', '客服小张', ['customerServiceClerk']],
      ['wang', '王师傅', ['technician']],
    ] as const)
      await server.services.auth.createUser({
        username,
        displayName,
        password: `${username}-password-2025`,
        roles: ['staff'],
        policyRoles: [...policyRoles],
        stores: ['jiefang'],
      });
    const at = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const { record } = await server.services.records.create(
      'after-sales-record',
      {
        store: 'jiefang',
        customer: { name: '周先生', phone: '13900139000', address: '中山路 8 号' },
        serviceType: 'repair',
        problemDescription: '热水器不点火',
        zone: 'urban',
        callTime: at(180),
        technician: 'wang',
        dispatchTime: at(170),
        arrivalTime: at(120),
        resolution: 'fixedOnSite',
        completedAt: at(60),
      },
      'clerk',
      { store: 'jiefang' },
    );
    for (const to of ['dispatched', 'onSite', 'completed']) await server.services.records.transition(record.id, to, 'admin');
    ticketId = record.id;
    ticketNo = String(record.data.ticketNo);
  }, 120_000);

  afterAll(async () => {
    await pages.close();
    await browser?.close();
    await server?.close();
    expect(pages.errors).toEqual([]);
  });

  it('the clerk links a return visit to its ticket by typing the customer and choosing the ticket’s title', async () => {
    const clerk = await page('desk');
    await signIn(clerk, 'clerk', 'clerk-password-2025');
    await clerk.goto(`${server.url}/staff/forms/return-visit/new`);
    const find = clerk.getByRole('combobox', { name: '服务单' });
    await find.fill('周先生');
    const result = clerk.getByRole('option').filter({ hasText: ticketNo });
    await expect.poll(() => result.count()).toBe(1);
    expect(await result.textContent()).toContain('周先生');
    expect(await clerk.getByRole('listbox').textContent()).not.toContain(ticketId);
    await shot(clerk, 'links-find-ticket-desk');
    await result.getByRole('button').click();
    await expect.poll(() => clerk.locator('.link-chosen-title').textContent()).toContain(ticketNo);
    // Now, in China time (a visit cannot be in the future).
    await fillDateTime(clerk, '回访时间', new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' '));
    await clerk.getByLabel('回访方式', { exact: true }).selectOption({ label: '电话' });
    await clerk.getByLabel('客户满意', { exact: true }).check();
    await clerk.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => clerk.getByText('回访记录表已保存').isVisible()).toBe(true);
    const visits = await server.services.store.linkingRecords(ticketId, 10);
    expect(visits.map((v) => [v.formId, v.data.ticketRef])).toEqual([['return-visit', ticketId]]);
    // The visit's page names its ticket by its title.
    await clerk.goto(`${server.url}/staff/records/${visits[0]!.id}`);
    await expect.poll(() => clerk.locator('.record-data').first().textContent()).toContain(ticketNo);
    expect(await clerk.locator('.record-data').first().textContent()).not.toContain(ticketId);
    await expect.poll(() => clerk.locator('.linked-records').textContent()).toContain(ticketNo);
    await shot(clerk, 'links-visit-desk');
    // Done with the customer satisfied: the ticket moves to 已回访 in the same write, its history says why.
    await clerk.getByRole('button', { name: '转为“已回访”' }).click();
    await expect.poll(async () => (await server.services.records.stored(ticketId)).status).toBe('revisited');
    await clerk.goto(`${server.url}/staff/records/${ticketId}`);
    await expect.poll(() => clerk.getByText('已完工 → 已回访（由关联记录触发）').count()).toBe(1);
  });

  it('the ticket’s page lists the visit, on the phone too, and its PDF downloads with the Chinese font embedded', async () => {
    const clerk = await page('phone');
    await signIn(clerk, 'clerk', 'clerk-password-2025');
    await clerk.goto(`${server.url}/staff/records/${ticketId}`);
    const card = clerk.locator('.linked-records');
    await expect.poll(() => card.textContent()).toContain('关联到此：服务单');
    expect(await card.textContent()).toContain('回访记录表');
    expect(await card.textContent()).toContain('已回访');
    expect(await clerk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(clerk, 'links-ticket-phone');
    const [download] = await Promise.all([clerk.waitForEvent('download'), clerk.getByRole('link', { name: '下载 PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^售后服务处理记录表-SH-.*\.pdf$/);
    const path = `${SCREENSHOTS}links-ticket.pdf`;
    await download.saveAs(path);
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The font travels inside the file (a subset of Noto Sans SC): it reads with no font installed.
    expect(bytes.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    // Opening the visit from the ticket.
    await card.getByRole('link', { name: /回访记录表/ }).click();
    await clerk.waitForURL(/\/staff\/records\/[0-9a-f-]{36}$/);
    await expect.poll(() => clerk.locator('.record-data').first().textContent()).toContain(ticketNo);
  });
});
