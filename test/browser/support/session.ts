import { expect } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from './playwright.js';

/** The two screens the product is tried on: a desk and a phone (touch, a retina screen). */
export type Screen = 'desk' | 'phone';

const SCREENS: Record<Screen, BrowserContextOptions> = {
  desk: { viewport: { width: 1440, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
};

/**
 * A test's pages: each in a browser context of its own (one person, in Chinese and China time unless
 * told otherwise), at desk or phone size. What the pages throw is collected in `errors` for the test
 * to check; `close` closes them all.
 */
export class Pages {
  readonly errors: string[] = [];
  private readonly contexts: BrowserContext[] = [];

  constructor(private readonly browser: () => Browser) {}

  async open(screen: Screen = 'desk', options: BrowserContextOptions = {}): Promise<Page> {
    const context = await this.browser().newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...SCREENS[screen], ...options });
    this.contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => this.errors.push(e.message));
    // A script, style or connection the Content-Security-Policy refused is an error too.
    page.on('console', (m) => void (m.type() === 'error' && /Content Security Policy/i.test(m.text()) && this.errors.push(m.text())));
    return page;
  }

  async close(): Promise<void> {
    for (const context of this.contexts.splice(0)) await context.close();
  }
}

/** Signs a person in on the login page (in Chinese) and waits for their home page. */
export async function signIn(page: Page, url: string, username: string, password: string, home: RegExp = /\/staff$/): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(home);
}

/**
 * Calls the API as a person signed in with their password (a session cookie), as the web app does;
 * answers the JSON, and fails the test with the server's answer when it refuses.
 */
export async function apiAs(url: string, username: string, password: string, method: string, path: string, body?: unknown): Promise<any> {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`sign-in of ${username}: ${login.status} ${await login.text()}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const response = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: { Cookie: cookie, 'X-Requested-With': 'aftersales', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json: unknown = response.status === 204 ? null : await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Types a local date and time ("2025-10-09 09:00") into a date-time field, native or Ant Design. */
export async function fillDateTime(page: Page, label: string, local: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  if ((await input.getAttribute('type')) === 'datetime-local') {
    await input.fill(local.replace(' ', 'T'));
    return;
  }
  await input.click();
  await input.fill(`${local}:00`);
  await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-ok button').click();
  await expect.poll(() => page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').count()).toBe(0);
}
