import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './support/playwright.js';
import { Pages, signIn as signInAs } from './support/session.js';
import { seriousA11yViolations } from './support/axe.js';
import { launchBrowser, shot } from './support/browser.js';
import { ADMIN, startServer, type TestServer } from './support/startServer.js';
import { motionless } from './support/motion.js';
import { unlabelledControls } from './support/unlabelledControls.js';

/**
 * An admin runs the accounts in the browser, in Chinese: creates a technician with a generated
 * password, later makes them a manager with a new password (which signs them out), and gives an
 * integrator an API key that works until it is revoked.
 */
describe('users and API keys in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Page;
  const pages = new Pages(() => browser);
  let generatedPassword = '';
  const newPassword = 'tech2-new-password-2025';
  let secret = '';

  const newPage = () => pages.open('desk');

  const signIn = (page: Page, username: string, password: string, home: RegExp) => signInAs(page, server.url, username, password, home);

  async function expectAccessible(page: Page): Promise<void> {
    // Colours are measured once transitions end (a tag fading in reads as low contrast).
    await motionless(page);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await unlabelledControls(page)).toEqual([]);
  }

  /** Picks an offered option of an Ant Design multiple select, then leaves it closed. */
  async function pick(page: Page, label: string, option: string): Promise<void> {
    const box = page.getByRole('dialog').getByLabel(label, { exact: true });
    await box.click();
    await box.fill(option);
    await expect
      .poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active').textContent())
      .toBe(option);
    await box.press('Enter');
    await page.getByRole('dialog').locator('.ant-modal-title').click();
    await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0);
  }

  const withKey = (key: string, path: string) =>
    fetch(`${server.url}/api/v1${path}`, { headers: { Authorization: `Bearer ${key}` } }).then((r) => r.status);

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // Someone already works in the Jiefang store: it is offered as a store choice.
    await server.services.auth.createUser({
      username: 'clerk',
      displayName: '客服小张',
      password: 'clerk-password-2025',
      roles: ['staff'],
      policyRoles: ['customerServiceClerk'],
      stores: ['jiefang'],
    });
    admin = await newPage();
    await admin.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  });

  afterAll(async () => {
    await pages.close();
    await browser?.close();
    await server?.close();
    expect(pages.errors).toEqual([]);
  });

  it('an admin creates a technician with a generated password; a second user with the same name is refused', async () => {
    await signIn(admin, ADMIN.username, ADMIN.password, /\/admin\/forms$/);
    await admin.getByRole('navigation').getByRole('link', { name: '用户', exact: true }).click();
    await admin.waitForURL('**/admin/users');
    await expect.poll(() => admin.getByRole('cell', { name: '客服小张', exact: true }).isVisible()).toBe(true);
    expect(await admin.getByRole('row', { name: /客服小张/ }).textContent()).toMatch(/员工.*客服专员.*jiefang/);

    await admin.getByRole('button', { name: '新建用户' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('tech2');
    await dialog.getByLabel('显示名称').fill('李师傅');
    await dialog.getByRole('button', { name: '生成随机密码' }).click();
    generatedPassword = await dialog.getByLabel('密码', { exact: true }).inputValue();
    expect(generatedPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    await expect.poll(() => dialog.getByText('请把此密码交给本人').isVisible()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: /^员工/ }).isChecked()).toBe(true);
    await pick(admin, '政策角色', '技术员');
    await pick(admin, '门店', 'jiefang');
    await expectAccessible(admin);
    await motionless(admin);
    await shot(admin, 'users-01-new-user');

    await dialog.getByRole('button', { name: '创建' }).click();
    await expect.poll(() => admin.getByText('已创建用户“李师傅”').isVisible()).toBe(true);
    const row = admin.getByRole('row', { name: /李师傅/ });
    await expect.poll(() => row.textContent()).toMatch(/李师傅tech2员工技术员jiefang/);

    // The same user name again: the server's refusal is shown, in Chinese.
    await admin.getByRole('button', { name: '新建用户' }).click();
    await dialog.getByLabel('用户名').fill('tech2');
    await dialog.getByLabel('显示名称').fill('另一个李师傅');
    await dialog.getByLabel('密码', { exact: true }).fill('another-password-1');
    await dialog.getByRole('button', { name: '创建' }).click();
    await expect.poll(() => admin.getByText('服务器拒绝了请求：用户名“tech2”已被使用').isVisible()).toBe(true);
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    await expectAccessible(admin);
    await motionless(admin);
    await shot(admin, 'users-02-list');
  });

  it('the admin makes them a manager with a new password: their session ends and they sign in again to the management menu', async () => {
    const tech = await newPage();
    await signIn(tech, 'tech2', generatedPassword, /\/staff$/);
    const nav = tech.getByRole('navigation');
    await expect.poll(() => nav.getByRole('link', { name: '我的工作' }).isVisible()).toBe(true);
    expect(await nav.getByRole('link', { name: '超时看板' }).count()).toBe(0);

    await admin.getByRole('button', { name: '编辑 李师傅' }).click();
    const dialog = admin.getByRole('dialog');
    expect(await dialog.getByLabel('用户名').count()).toBe(0);
    await dialog.getByRole('checkbox', { name: /^经理/ }).check();
    await dialog.getByLabel('新密码').fill(newPassword);
    await expect.poll(() => dialog.getByText(/所有设备上都会被登出/).isVisible()).toBe(true);
    await expectAccessible(admin);
    await motionless(admin);
    await shot(admin, 'users-03-edit');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => admin.getByText(/此人已被登出/).isVisible()).toBe(true);
    await expect.poll(() => admin.getByRole('row', { name: /李师傅/ }).textContent()).toMatch(/经理/);

    // Their old session is over: the next page sends them to sign in.
    await tech.goto(`${server.url}/staff/records`);
    await tech.waitForURL(/\/login/);
    await signIn(tech, 'tech2', newPassword, /\/staff$/);
    await expect.poll(() => nav.getByText('管理', { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => nav.getByRole('link', { name: '超时看板' }).isVisible()).toBe(true);
    await expect.poll(() => tech.getByRole('heading', { name: '您好，李师傅' }).isVisible()).toBe(true);
    await motionless(tech);
    await shot(tech, 'users-04-manager-menu');
  });

  it('the admin creates an API key, sees its secret once, and revokes it', async () => {
    await admin.getByRole('navigation').getByRole('link', { name: 'API 密钥' }).click();
    await admin.waitForURL('**/admin/api-keys');
    await expect.poll(() => admin.getByText('暂无 API 密钥').isVisible()).toBe(true);

    await admin.getByRole('button', { name: '新建 API 密钥' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('名称').fill('ERP 同步');
    await dialog.getByRole('checkbox', { name: /读取表单和规则/ }).check();
    // Permissions are named in words; their codes are for the API's documentation, not for people.
    expect(await dialog.textContent()).not.toMatch(/definitions:|records:/);
    await expectAccessible(admin);
    await motionless(admin);
    await shot(admin, 'users-05-new-api-key');
    await dialog.getByRole('button', { name: '创建' }).click();

    const shown = admin.getByRole('dialog', { name: '已创建 API 密钥“ERP 同步”' });
    await expect.poll(() => shown.getByText('请立即复制密钥：关闭后将不再显示。').isVisible()).toBe(true);
    secret = await shown.getByLabel('密钥').inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await shown.getByRole('button', { name: '复制', exact: true }).click();
    await expect.poll(() => shown.getByRole('button', { name: '已复制', exact: true }).isVisible()).toBe(true);
    expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await expectAccessible(admin);
    await motionless(admin);
    await shot(admin, 'users-06-api-key-secret');
    await shown.getByRole('button', { name: '我已复制' }).click();
    await expect.poll(() => shown.count()).toBe(0);

    // The key reads definitions, and nothing else.
    expect(await withKey(secret, '/forms')).toBe(200);
    expect(await withKey(secret, '/records')).toBe(403);
    expect(await admin.locator('body').textContent()).not.toContain(secret);

    const row = admin.getByRole('row', { name: /ERP 同步/ });
    await expect.poll(() => row.textContent()).toMatch(/读取表单和规则.*有效/);
    expect(await row.textContent()).not.toContain('definitions:read');
    await expectAccessible(admin);
    await motionless(admin);
    await shot(admin, 'users-07-api-keys');

    await row.getByRole('button', { name: '吊销 ERP 同步' }).click();
    const confirm = admin.getByRole('dialog', { name: '吊销 API 密钥“ERP 同步”？' });
    await expect.poll(() => confirm.getByText('使用此密钥的系统将立即被拒绝访问').isVisible()).toBe(true);
    await confirm.getByRole('button', { name: '吊销' }).click();
    await expect.poll(() => admin.getByText('已吊销 API 密钥“ERP 同步”').isVisible()).toBe(true);
    await expect.poll(() => row.textContent()).toMatch(/已吊销/);
    expect(await row.getByRole('button', { name: /吊销/ }).count()).toBe(0);
    expect(await withKey(secret, '/forms')).toBe(401);
    await expect.poll(() => confirm.count()).toBe(0);
  });

  it('a weak password is refused under its field; the admin deactivates the manager, who is signed out and told so, then reactivates them', async () => {
    await admin.getByRole('navigation').getByRole('link', { name: '用户', exact: true }).click();
    await admin.waitForURL('**/admin/users');
    await admin.getByRole('button', { name: '编辑 李师傅' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('新密码').fill('1234567890');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.getByText('密码不能是 1234567890 这类简单序列').isVisible()).toBe(true);
    await motionless(admin);
    await shot(admin, 'users-08-weak-password');
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    const tech = await newPage();
    await signIn(tech, 'tech2', newPassword, /\/staff$/);
    const row = admin.getByRole('row', { name: /李师傅/ });
    await expect.poll(() => row.textContent()).toMatch(/已启用/);
    // Admins cannot deactivate themselves: no such button on their own row.
    expect(
      await admin
        .getByRole('row', { name: /管理员 Admin/ })
        .getByRole('button', { name: /停用/ })
        .count(),
    ).toBe(0);
    await row.getByRole('button', { name: '停用 李师傅' }).click();
    const confirm = admin.getByRole('dialog', { name: '停用 李师傅？' });
    await expect.poll(() => confirm.getByText(/将立即在所有设备上退出登录/).isVisible()).toBe(true);
    await motionless(admin);
    await shot(admin, 'users-09-deactivate-confirm');
    await confirm.getByRole('button', { name: '停用' }).click();
    await expect.poll(() => admin.getByText('已停用 李师傅').isVisible()).toBe(true);
    await expect.poll(() => row.textContent()).toMatch(/已停用/);
    await expectAccessible(admin);
    await motionless(admin);
    await shot(admin, 'users-10-deactivated');

    // Their session ended at once; signing in is refused with the reason.
    await tech.goto(`${server.url}/staff/records`);
    await tech.waitForURL(/\/login/);
    await tech.getByLabel('用户名').fill('tech2');
    await tech.getByLabel('密码').fill(newPassword);
    await tech.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => tech.getByText('此账号已停用，请联系管理员。').isVisible()).toBe(true);

    await row.getByRole('button', { name: '重新启用 李师傅' }).click();
    await admin.getByRole('dialog', { name: '重新启用 李师傅？' }).getByRole('button', { name: '重新启用' }).click();
    await expect.poll(() => row.textContent()).toMatch(/已启用/);
    await signIn(tech, 'tech2', newPassword, /\/staff$/);
    await admin.getByRole('navigation').getByRole('link', { name: 'API 密钥' }).click();
    await admin.waitForURL('**/admin/api-keys');
  });

  it('after five wrong passwords the sign-in page says how long to wait', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').fill('clerk');
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('密码').fill(`wrong-password-${i}`);
      await page.getByRole('button', { name: '登录' }).click();
      await expect.poll(() => page.getByText('用户名或密码错误。').isVisible()).toBe(true);
    }
    await page.getByLabel('密码').fill('clerk-password-2025');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByText('登录尝试次数过多，请 1 分钟后再试。').isVisible()).toBe(true);
    await expectAccessible(page);
    await motionless(page);
    await shot(page, 'users-11-too-many-attempts');
  });

  it('both screens read in English', async () => {
    await admin.getByLabel('语言').getByText('English').click();
    await expect.poll(() => admin.getByRole('heading', { name: 'API keys' }).isVisible()).toBe(true);
    await expect.poll(() => admin.getByRole('row', { name: /ERP 同步/ }).textContent()).toMatch(/Revoked/);
    await motionless(admin);
    await shot(admin, 'users-12-api-keys-en');
    await admin.getByRole('navigation').getByRole('link', { name: 'Users', exact: true }).click();
    await admin.waitForURL('**/admin/users');
    await expect.poll(() => admin.getByRole('row', { name: /李师傅/ }).textContent()).toMatch(/ManagerStaff.*Technician.*Active/);
    await expectAccessible(admin);
    await admin.getByRole('button', { name: 'Edit 李师傅' }).click();
    await expect
      .poll(() => admin.getByRole('dialog').getByText('Leave empty to keep the current password', { exact: false }).isVisible())
      .toBe(true);
    await motionless(admin);
    await shot(admin, 'users-13-edit-en');
    await admin.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  });

  it('the admin names the Jiefang store on the users page, and the store list carries the name people read', async () => {
    const page = await newPage();
    await signIn(page, ADMIN.username, ADMIN.password, /\/admin\/forms$/);
    await page.goto(`${server.url}/admin/users`);
    const name = page.getByLabel('门店 jiefang 的名称');
    await expect.poll(() => name.isVisible()).toBe(true);
    // Until it is named, the admin is told that people read the store's code.
    const unnamed = page.locator('.store-names-unnamed');
    await expect.poll(() => unnamed.textContent()).toBe('1 个门店还没有名称：员工在记录、打印和导出中看到的是门店的代码。');
    await name.fill('解放路店');
    await name.press('Enter');
    await expect.poll(() => page.getByText('门店已命名为“解放路店”').isVisible()).toBe(true);
    await expect.poll(() => page.getByLabel('门店 jiefang 的名称').inputValue()).toBe('解放路店');
    await expect.poll(() => unnamed.count()).toBe(0);
    // The users' stores read by name too.
    await expect.poll(() => page.getByRole('row', { name: /客服小张/ }).textContent()).toMatch(/解放路店/);
    await expectAccessible(page);
    await shot(page, 'users-14-store-names');
    expect(await server.services.people.storeNames()).toEqual({ jiefang: '解放路店' });
  });
  it('on a phone the users and API keys read as cards: every value beside its title, the buttons on the screen, nothing scrolls sideways', async () => {
    const page = await pages.open('phone');
    await signIn(page, ADMIN.username, ADMIN.password, /\/admin\/forms$/);
    await page.goto(`${server.url}/admin/users`);
    const row = page.getByRole('row', { name: /李师傅/ });
    await expect.poll(() => row.isVisible()).toBe(true);
    const edit = row.getByRole('button', { name: '编辑 李师傅' });
    await edit.scrollIntoViewIfNeeded();
    const box = (await edit.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await row.locator('td[data-label="角色"]').textContent()).toMatch(/经理/);
    const sideways = () =>
      page.locator('.ant-table-content').evaluateAll((boxes) => boxes.filter((b) => b.scrollWidth > b.clientWidth).length);
    expect(await sideways()).toBe(0);
    await shot(page, 'users-15-users-phone');

    await page.goto(`${server.url}/admin/api-keys`);
    const key = page.getByRole('row', { name: /ERP 同步/ });
    await expect.poll(() => key.locator('td[data-label="权限"]').textContent()).toBe('读取表单和规则');
    expect(await sideways()).toBe(0);
    await shot(page, 'users-16-api-keys-phone');
  });
});
