import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './support/playwright.js';
import { apiAs, Pages, signIn as signInAs, type Screen } from './support/session.js';
import { seriousA11yViolations } from './support/axe.js';
import { launchBrowser, shot } from './support/browser.js';
import { ADMIN, startServer, type TestServer } from './support/startServer.js';
import { unlabelledControls } from './support/unlabelledControls.js';

/**
 * Approvals that hold, in the browser, in Chinese: a clerk turns a serious complaint into a general
 * one; the deputy GM sees in the inbox what changed since the approval was asked; the after-sales
 * manager withdraws it with a reason on the record page; the closed complaint is read-only.
 */
describe('approvals that hold in Chromium', () => {
  const now = new Date('2025-10-13T10:00:00+08:00');
  let server: TestServer;
  let browser: Browser;
  const pages = new Pages(() => browser);
  let complaintId = '';

  const users = [
    { username: 'clerk', displayName: '客服小张', roles: ['staff'], policyRoles: ['customerServiceClerk'], stores: ['jiefang'] },
    { username: 'deputy', displayName: '副总老陈', roles: ['manager'], policyRoles: ['deputyGeneralManager'], stores: ['jiefang'] },
    { username: 'boss', displayName: '售后经理', roles: ['manager'], policyRoles: ['afterSalesManager'], stores: ['jiefang'] },
  ];
  const password = (username: string) => `${username}-password-2025`;

  const newPage = (screen: Screen) => pages.open(screen);

  const signIn = (page: Page, username: string) => signInAs(page, server.url, username, password(username));

  const api = (username: string, method: string, path: string, body?: unknown) =>
    apiAs(server.url, username, username === 'admin' ? ADMIN.password : password(username), method, path, body);

  async function expectAccessible(page: Page): Promise<void> {
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await unlabelledControls(page)).toEqual([]);
  }

  beforeAll(async () => {
    server = await startServer({ clock: () => now });
    browser = await launchBrowser();
    for (const user of users) await api('admin', 'POST', '/users', { ...user, password: password(user.username) });
    const data = {
      customer: '张女士',
      category: 'quality',
      severity: 'serious',
      description: '柜门歪了',
      receivedAt: '2025-10-13T10:00:00+08:00',
    };
    const created = await api('clerk', 'POST', '/records', { form: 'complaint-log', data, store: 'jiefang' });
    complaintId = created.id as string;
    const handling = await api('clerk', 'POST', `/records/${complaintId}/transitions`, { to: 'handling' });
    await api('clerk', 'PUT', `/records/${complaintId}`, { data: { ...data, severity: 'general' }, rev: handling.rev });
  }, 180_000);

  afterAll(async () => {
    await pages.close();
    await browser?.close();
    await server?.close();
    expect(pages.errors).toEqual([]);
  });

  it('A10 applies: the deputy GM sees that the severity was changed from 严重 to 一般 since the approval was asked', async () => {
    for (const kind of ['desk', 'phone'] as const) {
      const page = await newPage(kind);
      await signIn(page, 'deputy');
      await page.goto(`${server.url}/staff/approvals`);
      const card = page.locator('.approval-card').filter({ hasText: '严重投诉须副总经理审批处理结果' });
      await expect.poll(() => card.isVisible()).toBe(true);
      await expect.poll(() => card.getByText('提交审批后已修改：').isVisible()).toBe(true);
      await expect.poll(() => card.getByText('严重程度：严重 → 一般').isVisible()).toBe(true);
      await expect.poll(() => card.getByText('按当前政策已不需要此审批').isVisible()).toBe(true);
      await expectAccessible(page);
      await shot(page, `approvals-hold-01-inbox-changed-${kind}`);
    }
  });

  it('A10 does not apply once withdrawn: the manager withdraws it with a reason, the complaint is resolved, closed and read-only', async () => {
    const page = await newPage('desk');
    await signIn(page, 'boss');
    await page.goto(`${server.url}/staff/records/${complaintId}`);
    const resolve = page.getByRole('button', { name: '转为“已解决”' });
    await expect.poll(() => resolve.isDisabled()).toBe(true);
    const approvals = page.locator('.staff-card').filter({ has: page.getByRole('heading', { name: '审批', exact: true }) });
    await expect.poll(() => approvals.getByText('严重程度：严重 → 一般').isVisible()).toBe(true);
    await shot(page, 'approvals-hold-02-record-pending');
    await approvals.getByRole('button', { name: '撤回' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('button', { name: '撤回' }).isDisabled()).toBe(true);
    await dialog.getByLabel('原因（必填）').fill('严重程度录入错误，实为一般投诉');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: '撤回' }).click();
    await expect.poll(() => page.getByText('已撤回。').isVisible()).toBe(true);
    await expect.poll(() => approvals.getByText(/严重程度录入错误，实为一般投诉/).isVisible()).toBe(true);
    await expect.poll(() => resolve.isEnabled()).toBe(true);
    await resolve.click();
    await page.getByRole('button', { name: '转为“已结案”' }).click();
    await expect.poll(() => page.getByText('记录已处于最终状态，不能再修改。').isVisible()).toBe(true);
    // The history keeps who withdrew the approval and why.
    const history = page.locator('.staff-card').filter({ has: page.getByRole('heading', { name: '历史', exact: true }) });
    await expect
      .poll(() =>
        history.getByText('售后经理 撤回了审批：严重投诉须副总经理审批处理结果 — 原因：严重程度录入错误，实为一般投诉').isVisible(),
      )
      .toBe(true);
    expect(await page.getByRole('button', { name: '修改' }).count()).toBe(0);
    await expectAccessible(page);
    await shot(page, 'approvals-hold-03-closed-read-only');
  });
});
