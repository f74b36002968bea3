import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from './support/playwright.js';
import { launchBrowser, shot } from './support/browser.js';
import { findLeaks, visibleTexts, type Leak } from './support/plainWords.js';
import { ADMIN, startServer, type TestServer } from './support/startServer.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** The default pack's shared conditions: named in words everywhere, the designer included. */
const SHARED_CONDITIONS = new Set(
  ['rules/after-sales-record/service.rules.json', 'rules/after-sales-record/turnaround.rules.json'].flatMap((file) =>
    Object.keys((JSON.parse(read(file)) as { conditions?: Record<string, unknown> }).conditions ?? {}),
  ),
);

/** The message keys of the app's dictionaries (from each area's English one: `'key': 'text',`). */
const KEYS = new Set(
  ['en', 'staff.en', 'admin.en'].flatMap((name) =>
    [...read(`packages/designer/src/i18n/${name}.ts`).matchAll(/^\s*'([^']+)':/gm)].map((m) => m[1]!),
  ),
);

/** Internal codes of the default pack that must reach people as labels: policy role ids, shared conditions, camelCase options and states. */
function packCodes(): Set<string> {
  const codes = new Set<string>();
  const roles = JSON.parse(read('rules/roles.json')) as { roles: { id: string }[] };
  for (const role of roles.roles) codes.add(role.id);
  for (const file of ['rules/after-sales-record/service.rules.json', 'rules/after-sales-record/turnaround.rules.json']) {
    const ruleSet = JSON.parse(read(file)) as { conditions?: Record<string, unknown>; rules: { event: { params: { key?: unknown } } }[] };
    for (const name of Object.keys(ruleSet.conditions ?? {})) codes.add(name);
    // Deadline keys (dispatchToday): a deadline is named by what must be done.
    for (const rule of ruleSet.rules) {
      const key = rule.event.params.key;
      if (typeof key === 'string' && /[a-z][A-Z]/.test(key)) codes.add(key);
    }
  }
  const form = JSON.parse(read('schemas/after-sales-record.form.json')) as {
    schema: { properties: Record<string, { enum?: unknown[] }> };
    statusFlow?: { states: { id: string }[] };
  };
  for (const field of Object.values(form.schema.properties))
    for (const value of field.enum ?? []) if (typeof value === 'string' && /[a-z][A-Z]/.test(value)) codes.add(value);
  for (const state of form.statusFlow?.states ?? []) if (/[a-z][A-Z]/.test(state.id)) codes.add(state.id);
  return codes;
}
const CODES = packCodes();

/**
 * Plain words everywhere: admin, clerk, technician and manager walk every screen of the designer
 * and the staff area, with records that have deadlines, approvals, fines and an impact preview, in
 * Chinese and in English; no screen shows a raw message key, an unfilled {placeholder}, an id, an
 * ISO time or an internal code. Popups stay on screen on a laptop (1440x757) and at 1280x720.
 * The server's clock is the test's: Thu 2025-10-09 09:00 China time, then Monday 15:00.
 */
describe('plain words on every screen', () => {
  let now = new Date('2025-10-09T09:00:00+08:00');
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  const ids: Record<string, string> = {};

  const users = [
    { username: 'clerk', displayName: '客服小张', roles: ['staff'], policyRoles: ['customerServiceClerk'], stores: ['jiefang'] },
    { username: 'tech', displayName: '王师傅', roles: ['staff'], policyRoles: ['technician'], stores: ['jiefang'] },
    { username: 'driver', displayName: '司机老李', roles: ['staff'], policyRoles: ['driver'], stores: ['jiefang'] },
    {
      username: 'manager',
      displayName: '刘经理',
      roles: ['manager'],
      policyRoles: ['generalManager', 'afterSalesManager'],
      stores: [],
    },
  ];
  /** The test's store ids: staff screens show a store by its name (解放路店), never its id. */
  const STORE_IDS = new Set(users.flatMap((u) => u.stores));
  const password = (username: string) => (username === 'admin' ? ADMIN.password : `${username}-password-2025`);

  async function api(username: string, method: string, path: string, body?: unknown): Promise<any> {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: password(username) }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { Cookie: cookie, 'X-Requested-With': 'aftersales', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json: unknown = response.status === 204 ? null : await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  }

  async function newPage(locale: 'zh-CN' | 'en', viewport = { width: 1440, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ locale: locale === 'en' ? 'en-US' : 'zh-CN', timezoneId: 'Asia/Shanghai', viewport });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    return page;
  }

  async function signIn(page: Page, username: string): Promise<void> {
    await page.goto(`${server.url}/login`);
    await page.locator('input#username, input[autocomplete=username]').first().fill(username);
    await page.locator('input[type=password]').first().fill(password(username));
    await page.locator('button[type=submit]').first().click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  /** Waits until the page has settled: no spinner, no skeleton. */
  async function settle(page: Page): Promise<void> {
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count()).toBe(0);
  }

  /** The leaks on the page now, and on each of its tabs. */
  async function leaksOn(page: Page, name: string): Promise<string[]> {
    const found: Leak[] = [];
    // Codes are looked for on staff screens; in the designer, shared conditions read by their names too (their codes only under "advanced").
    const codes = name.startsWith('/staff') ? CODES : SHARED_CONDITIONS;
    const ids = name.startsWith('/staff') ? STORE_IDS : new Set<string>();
    await settle(page);
    found.push(...findLeaks(await visibleTexts(page), KEYS, codes, ids));
    const tabs = page.locator('[role=tab]:visible');
    const count = await tabs.count();
    for (let i = 0; i < count; i++) {
      const tab = tabs.nth(i);
      if ((await tab.getAttribute('aria-disabled')) === 'true') continue;
      await tab.click();
      await settle(page);
      // Buttons that show more in words (the explanation of a record).
      found.push(...findLeaks(await visibleTexts(page), KEYS, codes, ids));
    }
    return [...new Set(found.map((l) => `${name}: ${l.kind} "${l.text.slice(0, 120)}" (${l.where})`))];
  }

  beforeAll(async () => {
    server = await startServer({ clock: () => now });
    browser = await launchBrowser();
    for (const user of users) await api('admin', 'POST', '/users', { ...user, password: password(user.username) });
    await api('admin', 'PUT', '/stores/jiefang', { name: '解放路店' });
    // A repair call with deadlines (arrival, dispatch), one done late with its fee (T9 fine after the clock), an approval (A1).
    ids.call = (
      await api('clerk', 'POST', '/records', {
        form: 'after-sales-record',
        store: 'jiefang',
        data: {
          ticketNo: 'SH-2001',
          customer: { name: '李女士', phone: '13800138000' },
          brand: 'kohler',
          serviceType: 'repair',
          zone: 'urban',
          callTime: '2025-10-09T09:00:00+08:00',
        },
      })
    ).id;
    // The finished job is entered once it was done (times in the future are refused).
    now = new Date('2025-10-09T14:30:00+08:00');
    ids.done = (
      await api('clerk', 'POST', '/records', {
        form: 'after-sales-record',
        store: 'jiefang',
        data: {
          ticketNo: 'SH-2002',
          customer: { name: '赵先生', phone: '13900139000' },
          serviceType: 'repair',
          zone: 'suburban',
          callTime: '2025-10-09T10:00:00+08:00',
          technician: 'tech', // a person field holds the user (王师傅)
          arrivalTime: '2025-10-09T13:00:00+08:00',
          resolution: 'fixedOnSite',
          fee: 180,
          completedAt: '2025-10-09T14:00:00+08:00',
        },
      })
    ).id;
    ids.trip = (
      await api('driver', 'POST', '/records', {
        form: 'vehicle-use',
        store: 'jiefang',
        data: {
          user: '王师傅',
          driver: 'driver', // a person field holds the user (司机老李)
          departureTime: '2025-10-09T09:30:00+08:00',
          purpose: '送货',
          repairCost: 680,
          repairDescription: '换刹车片',
        },
      })
    ).id;
    for (const to of ['approved', 'out', 'returned']) await api('manager', 'POST', `/records/${ids.trip}/transitions`, { to });
    // Monday afternoon: the deadlines are breached and their fines posted.
    now = new Date('2025-10-13T15:00:00+08:00');
    await server.services.scheduler.tick();
    // A draft that moves the arrival deadline, for the impact preview.
    const ruleSet = JSON.parse(read('rules/after-sales-record/turnaround.rules.json')) as { rules: { event: { params: any } }[] };
    const arrival = ruleSet.rules.find((r) => r.event.params?.limit?.amount === 6)!;
    arrival.event.params.limit.amount = 4;
    await api('admin', 'PUT', '/rule-sets/after-sales-record.turnaround/draft', { definition: ruleSet });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
    expect(errors).toEqual([]);
  });

  const staffRoutes = () => [
    '/staff',
    '/staff/records',
    `/staff/records/${ids.call}`,
    `/staff/records/${ids.done}`,
    `/staff/records/${ids.trip}`,
    '/staff/approvals',
    '/staff/forms/after-sales-record/new',
  ];
  const managerRoutes = () => [...staffRoutes(), '/staff/overdue', '/staff/fines', '/staff/dashboard'];
  const adminRoutes = () => [
    '/admin/forms',
    '/admin/forms/after-sales-record',
    '/admin/forms/vehicle-use',
    '/admin/rules',
    '/admin/rules/after-sales-record.turnaround',
    '/admin/rules/after-sales-record.service',
    '/admin/calendars',
    '/admin/users',
    '/admin/api-keys',
    ...managerRoutes(),
  ];

  for (const locale of ['zh-CN', 'en'] as const) {
    for (const [username, routes] of [
      ['clerk', staffRoutes],
      ['tech', staffRoutes],
      ['manager', managerRoutes],
      ['admin', adminRoutes],
    ] as const) {
      it(`when ${username} walks every screen in ${locale}, then no key, placeholder, id, ISO time or code is shown`, async () => {
        const page = await newPage(locale);
        await signIn(page, username);
        const leaks: string[] = [];
        for (const route of routes()) {
          await page.goto(`${server.url}${route}`);
          // A record's explanation is read on request: open it.
          const why = page.getByRole('button', { name: locale === 'en' ? /^Why\?/ : /^为什么/ });
          await settle(page);
          if (await why.count()) await why.first().click();
          leaks.push(...(await leaksOn(page, route)));
        }
        await shot(page, `plain-words-${username}-${locale}`);
        expect(leaks).toEqual([]);
      });
    }
  }

  it('when a clerk reads a record and a manager the approvals on a phone in Chinese, then both read in plain words', async () => {
    const phone = { width: 390, height: 844 };
    const clerk = await newPage('zh-CN', phone);
    await signIn(clerk, 'clerk');
    await clerk.goto(`${server.url}/staff/records/${ids.call}`);
    await settle(clerk);
    await clerk
      .getByRole('button', { name: /^为什么/ })
      .first()
      .click();
    await expect
      .poll(() =>
        clerk
          .getByText(/不是安防系统故障 成立/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    expect(await leaksOn(clerk, `/staff/records/${ids.call}`)).toEqual([]);
    await shot(clerk, 'plain-words-phone-record');
    const desk = await newPage('zh-CN');
    await signIn(desk, 'clerk');
    await desk.goto(`${server.url}/staff/records/${ids.call}`);
    await settle(desk);
    // The ticket number is the server's (numbered per store and day), then the customer.
    await expect.poll(() => desk.getByRole('heading', { name: /SH-\d{8}-\d{3} · 李女士/ }).isVisible()).toBe(true);
    await shot(desk, 'plain-words-desk-record');
    const manager = await newPage('zh-CN', phone);
    await signIn(manager, 'manager');
    await manager.goto(`${server.url}/staff/approvals`);
    await settle(manager);
    const card = manager.locator('.approval-card').first();
    await expect.poll(() => card.getByText('¥680.00').isVisible()).toBe(true);
    expect(await leaksOn(manager, '/staff/approvals')).toEqual([]);
    await shot(manager, 'plain-words-phone-approvals');
  });

  it('when an API key, the clock, the first start and people did things, then records and versions name them in words', async () => {
    // An integrator's key creates a record and publishes a rule set; a manager decides the record's approval; the admin rolls back.
    const { secret } = await api('admin', 'POST', '/api-keys', {
      name: 'erp-sync',
      scopes: ['records:read', 'records:write', 'definitions:read', 'definitions:write'],
    });
    const byKey = async (method: string, path: string, body: unknown) => {
      const response = await fetch(`${server.url}/api/v1${path}`, {
        method,
        headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json: any = await response.json();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    };
    const record = await byKey('POST', '/records', {
      form: 'vehicle-use',
      store: 'jiefang',
      data: {
        user: '王师傅',
        driver: 'driver',
        departureTime: '2025-10-13T10:00:00+08:00',
        purpose: '送货',
        repairCost: 300,
        repairDescription: '换雨刮',
      },
    });
    const approvals = (await api('manager', 'GET', '/approvals')).items as { id: string; recordId: string }[];
    await api('manager', 'POST', `/approvals/${approvals.find((a) => a.recordId === record.id)!.id}/decision`, {
      decision: 'approve',
      comment: '同意',
    });
    const rules = JSON.parse(read('rules/vehicle-use/vehicles.rules.json')) as { title: Record<string, string> };
    rules.title['zh-CN'] = '车辆使用规则（ERP 同步）';
    await byKey('PUT', '/rule-sets/vehicle-use.vehicles/draft', { definition: rules });
    await byKey('POST', '/rule-sets/vehicle-use.vehicles/publish', { note: 'ERP 同步' });
    await api('admin', 'POST', '/rule-sets/vehicle-use.vehicles/rollback', { version: 1 });

    /** The page's texts hold every one of `words`, and none of the server's own codes for who did what. */
    async function reads(page: Page, words: string[]): Promise<void> {
      await settle(page);
      for (const word of words)
        await expect.poll(() => page.getByText(word, { exact: false }).first().isVisible(), { message: word }).toBe(true);
      const texts = (await visibleTexts(page)).map((t) => t.text).join('\n');
      expect(texts).not.toMatch(/api-key:|\bclock\b|\bsystem\b|rollback to v|default policy pack/);
    }
    const phone = await newPage('zh-CN', { width: 390, height: 844 });
    await signIn(phone, 'admin');
    await phone.goto(`${server.url}/staff/records/${record.id}`);
    await reads(phone, ['API 密钥“erp-sync”', '刘经理']);
    await shot(phone, 'plain-words-phone-actors-record');
    await phone.goto(`${server.url}/staff/records/${ids.call}`);
    await reads(phone, ['系统（定时任务）']);
    const desk = await newPage('zh-CN');
    await signIn(desk, 'admin');
    await desk.goto(`${server.url}/admin/rules/vehicle-use.vehicles`);
    await settle(desk);
    await desk.getByRole('tab', { name: '版本' }).click();
    await reads(desk, ['默认政策包', 'ERP 同步', '回滚到第 1 版', 'API 密钥“erp-sync”', '管理员 Admin']);
    await shot(desk, 'plain-words-desk-versions');
  });

  it('when the admin runs the impact preview, then records, deadlines and times read as titles and local dates', async () => {
    const page = await newPage('zh-CN');
    await signIn(page, 'admin');
    await page.goto(`${server.url}/admin/rules/after-sales-record.turnaround`);
    await settle(page);
    await page.getByRole('tab', { name: /发布/ }).first().click();
    await page.getByRole('button', { name: '运行测试用例和影响预览' }).click();
    // The impact over the stored records (replayed on the server) names each changed record by its title.
    await page.getByRole('button', { name: '查看对已存记录的影响' }).click();
    await expect
      .poll(() =>
        page
          .getByText(/SH-\d{8}-\d{3} · 李女士/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    expect(await leaksOn(page, 'impact preview')).toEqual([]);
    await shot(page, 'plain-words-impact-preview');
  });

  for (const viewport of [
    { width: 1440, height: 757 },
    { width: 1280, height: 720 },
  ]) {
    it(`when the add-field menu opens at ${viewport.width}x${viewport.height}, then every field type can be reached on screen`, async () => {
      const page = await newPage('zh-CN', viewport);
      await signIn(page, 'admin');
      await page.goto(`${server.url}/admin/forms/after-sales-record`);
      await settle(page);
      const add = page.getByRole('button', { name: '添加字段' });
      await add.scrollIntoViewIfNeeded();
      await add.click();
      const menu = page.locator('.ant-dropdown:visible .ant-dropdown-menu');
      await expect.poll(() => menu.isVisible()).toBe(true);
      const box = (await menu.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      // Each item can be scrolled to and is then inside the window.
      for (const item of await menu.locator('[role=menuitem]').all()) {
        await item.scrollIntoViewIfNeeded();
        const b = (await item.boundingBox())!;
        expect(b.y).toBeGreaterThanOrEqual(0);
        expect(b.y + b.height).toBeLessThanOrEqual(viewport.height);
      }
      await shot(page, `plain-words-add-field-${viewport.width}x${viewport.height}`);
    });
  }
});
