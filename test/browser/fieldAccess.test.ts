import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './support/playwright.js';
import { apiAs, Pages, signIn as signInAs, type Screen } from './support/session.js';
import { seriousA11yViolations } from './support/axe.js';
import { launchBrowser, shot } from './support/browser.js';
import { ADMIN, startServer, type TestServer } from './support/startServer.js';
import { unlabelledControls } from './support/unlabelledControls.js';

/**
 * Who may change what, in the browser, in Chinese: the admin sees and edits a field's access in the
 * form editor's field panel (no JSON); a technician editing a dispatched job cannot change the
 * clerk's call time.
 */
describe('field access in Chromium', () => {
  const now = new Date('2025-10-09T22:00:00+08:00');
  let server: TestServer;
  let browser: Browser;
  const pages = new Pages(() => browser);
  const password = (username: string) => `${username}-password-2025`;

  const newPage = (screen: Screen) => pages.open(screen);

  const signIn = (page: Page, username: string, secret: string, landing: RegExp) => signInAs(page, server.url, username, secret, landing);

  const api = (username: string, method: string, path: string, body?: unknown) =>
    apiAs(server.url, username, username === 'admin' ? ADMIN.password : password(username), method, path, body);

  beforeAll(async () => {
    server = await startServer({ clock: () => now });
    browser = await launchBrowser();
    for (const [username, policyRoles] of [
      ['clerk', ['customerServiceClerk']],
      ['tech', ['technician']],
    ] as const)
      await api('admin', 'POST', '/users', {
        username,
        displayName: username === 'tech' ? '王师傅' : '客服小张',
        password: password(username),
        roles: ['staff'],
        policyRoles,
        stores: ['jiefang'],
      });
  }, 180_000);

  afterAll(async () => {
    await pages.close();
    await browser?.close();
    await server?.close();
    expect(pages.errors).toEqual([]);
  });

  it("when the admin selects F1's call time, then the panel shows who may change it once dispatched; giving the problem description a lock is saved without JSON", async () => {
    const page = await newPage('desk');
    await signIn(page, ADMIN.username, ADMIN.password, /\/admin/);
    await page.goto(`${server.url}/admin/forms/after-sales-record`);
    await page.locator('[data-field-key="callTime"]').click();
    const access = page.locator('.ant-card').filter({ hasText: '谁可以修改此字段' });
    await expect.poll(() => access.getByText('客服专员').isVisible()).toBe(true);
    await expect.poll(() => access.getByText('售后经理').isVisible()).toBe(true);
    await expect.poll(() => access.getByText('已派工').isVisible()).toBe(true);
    // The editor header's green "published" tag has a known contrast finding of its own (not this panel's).
    expect((await seriousA11yViolations(page)).filter((v) => !v.includes('.ant-tag-green'))).toEqual([]);
    expect(await unlabelledControls(page)).toEqual([]);
    await shot(page, 'field-access-01-designer-call-time');

    await page.locator('[data-field-key="problemDescription"]').click();
    // The role is found by typing its name (the list moves while it opens on a busy machine).
    await access.getByLabel('可修改的角色').click();
    await page.keyboard.type('客服专员');
    const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await expect.poll(() => open.filter({ hasText: '客服专员' }).count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => page.getByText('草稿已保存').isVisible()).toBe(true);
    const doc = await api('admin', 'GET', '/forms/after-sales-record');
    expect(doc.draft.definition.fieldAccess).toContainEqual({ fields: ['problemDescription'], editableBy: ['customerServiceClerk'] });
  });

  it("when a technician edits a dispatched job on his phone, then the clerk's call time is read-only for him", async () => {
    const data = {
      ticketNo: 'SH-21',
      store: '解放路店',
      customer: { name: '李女士', phone: '13800138000', address: '解放路 18 号' },
      brand: 'kohler',
      serviceType: 'repair',
      problemDescription: '漏水',
      zone: 'urban',
      callTime: '2025-10-09T21:30:00+08:00',
      technician: 'tech',
    };
    const job = await api('clerk', 'POST', '/records', { form: 'after-sales-record', data, store: 'jiefang' });
    await api('clerk', 'POST', `/records/${job.id}/transitions`, { to: 'dispatched' });
    const phone = await newPage('phone');
    await signIn(phone, 'tech', password('tech'), /\/staff$/);
    await phone.goto(`${server.url}/staff/records/${job.id}`);
    await phone.getByRole('button', { name: '修改' }).click();
    // The clerk's section is collapsed in the technician's step.
    await phone.locator('form .ant-collapse-header', { hasText: '来电登记' }).click();
    const callTime = phone.getByLabel('来电时间', { exact: true });
    await expect.poll(() => callTime.isVisible()).toBe(true);
    expect(await callTime.isEditable()).toBe(false);
    await shot(phone, 'field-access-02-technician-call-time-locked');
  });
});
