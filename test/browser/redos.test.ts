import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './support/playwright.js';
import { launchBrowser, shot } from './support/browser.js';
import { ADMIN, startServer, type TestServer } from './support/startServer.js';

/**
 * Issue 14: a form author's regular expression must not freeze a staff member's browser. A form
 * with the classic ReDoS patterns is published; a clerk types "aaaa…!" (exponential for a
 * backtracking engine) and the browser's own checks, run by the linear engine loaded for this form,
 * answer at once with the field's error, and nothing is sent.
 */
describe('regular expressions in the staff browser (ReDoS)', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];
  const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

  async function api(username: string, password: string, method: string, path: string, body?: unknown): Promise<any> {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { Cookie: cookie, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json: unknown = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await api(ADMIN.username, ADMIN.password, 'POST', '/users', {
      username: 'clerk',
      displayName: '客服小张',
      password: 'clerk-password-2025',
      roles: ['staff'],
      policyRoles: ['customerServiceClerk'],
      stores: ['jiefang'],
    });
    const definition = {
      $schema: './meta/form.schema.json',
      id: 'serial-check',
      title: t('序列号核对', 'Serial check'),
      filledBy: ['customerServiceClerk'],
      schema: {
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        required: ['code'],
        properties: {
          code: { type: 'string', maxLength: 100, pattern: '^(a+)+$', 'x-title': t('编码', 'Code') },
          serial: { type: 'string', maxLength: 100, pattern: '^(a|aa)+$', 'x-title': t('序列号', 'Serial') },
        },
      },
    };
    await api(ADMIN.username, ADMIN.password, 'POST', '/forms', { definition });
    await api(ADMIN.username, ADMIN.password, 'POST', '/forms/serial-check/publish', {});
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    expect(errors).toEqual([]);
  });

  it('when a clerk types "aaaa…!" into fields with ^(a+)+$ and ^(a|aa)+$, then the browser answers with the fields\' errors and sends nothing', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
    const page: Page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    const scripts: string[] = [];
    let posts = 0;
    page.on('request', (r) => {
      if (r.url().includes('/assets/linearRegExp')) scripts.push(r.url());
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/records')) posts++;
    });
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').fill('clerk');
    await page.getByLabel('密码').fill('clerk-password-2025');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/staff$/);
    await page.goto(`${server.url}/staff/forms/serial-check/new`);

    const evil = `${'a'.repeat(40)}!`;
    await page.getByLabel('编码', { exact: true }).fill(evil);
    await page.getByLabel('序列号', { exact: true }).fill(evil);
    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.getByText('“编码” 格式不正确').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText('“序列号” 格式不正确').first().isVisible()).toBe(true);
    expect(posts).toBe(0);
    expect(scripts).toHaveLength(1);
    await shot(page, 'redos-01-pattern-errors');

    await page.getByLabel('编码', { exact: true }).fill('a'.repeat(40));
    await page.getByLabel('序列号', { exact: true }).fill('aaaa');
    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.getByText('序列号核对已保存').isVisible()).toBe(true);
    expect(posts).toBe(1);
    await context.close();
  });
});
