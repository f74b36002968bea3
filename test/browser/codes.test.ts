import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from './support/playwright.js';
import { launchBrowser, shot } from './support/browser.js';
import { ADMIN, startServer, type TestServer } from './support/startServer.js';

/**
 * Codes made from names (issue 18), in Chinese at desk size: an admin adds a status, a rule and a
 * shared condition by typing only their Chinese names; the codes come from the names (pinyin) and
 * are shown only under "advanced"; the English names fall back to the Chinese. A shared condition
 * of the default pack reads by its name, never its code.
 */
describe('codes made from names, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  let page: Page;

  async function api(method: string, path: string): Promise<any> {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: ADMIN.username, password: ADMIN.password }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const response = await fetch(`${server.url}/api/v1${path}`, { method, headers: { Cookie: cookie, 'X-Requested-With': 'aftersales' } });
    return response.json();
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
    contexts.push(context);
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/login?next=/admin/forms`);
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码').fill(ADMIN.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/forms');
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
    expect(errors).toEqual([]);
  });

  async function saveDraft(): Promise<void> {
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => page.getByText('草稿已保存').first().isVisible()).toBe(true);
  }

  it('when the admin adds a status by its Chinese name only, then its code is the pinyin of the name, shown only under advanced', async () => {
    await page.goto(`${server.url}/admin/forms/repair-call`);
    await page.getByRole('tab', { name: '状态流转' }).click();
    await page.getByRole('button', { name: '+ 添加状态' }).click();
    // No code box and no English to type.
    expect(await page.getByLabel(/^状态 \d 的编号$/).count()).toBe(0);
    const name = page.getByLabel('状态 4 的名称 (中文)');
    await name.fill('待回访');
    expect(await page.getByLabel('状态 4 的名称 (English)').inputValue()).toBe('');
    expect(await page.getByLabel('状态 4 的名称 (English)').getAttribute('placeholder')).toMatch(/^未翻译/);
    await shot(page, 'codes-01-status-by-name');
    await page.getByRole('switch', { name: '高级：显示编号' }).click();
    await expect.poll(() => page.getByLabel('状态 4 的编号').inputValue()).toBe('daiHuiFang');
    await saveDraft();
    const draft = await api('GET', '/forms/repair-call');
    expect(draft.draft.definition.statusFlow.states).toContainEqual({ id: 'daiHuiFang', label: { 'zh-CN': '待回访', en: '待回访' } });
  });

  it('when the admin adds a rule by its Chinese title only, then its name is made from the title and kept under advanced', async () => {
    await page.goto(`${server.url}/admin/rules/after-sales-record.turnaround`);
    await page.getByRole('button', { name: '+ 添加规则' }).click();
    await page.getByLabel('标题 (中文)').fill('超时提醒');
    expect(await page.getByLabel('名称', { exact: true }).count()).toBe(0);
    await shot(page, 'codes-02-rule-by-title');
    await page.getByText('高级：规则编号').click();
    await expect.poll(() => page.getByLabel('名称', { exact: true }).inputValue()).toBe('chao-shi-ti-xing');
    await saveDraft();
    const draft = await api('GET', '/rule-sets/after-sales-record.turnaround');
    expect(draft.draft.definition.rules).toContainEqual(
      expect.objectContaining({ name: 'chao-shi-ti-xing', title: { 'zh-CN': '超时提醒', en: '超时提醒' } }),
    );
  });

  it('when the admin names a shared condition, then its code follows the name, and a rule picks it by its name', async () => {
    await page.goto(`${server.url}/admin/rules/after-sales-record.turnaround`);
    await page.getByRole('tab', { name: '事实与共享条件' }).click();
    // The default pack's shared condition reads by its name.
    await expect.poll(() => page.getByLabel('共享条件 1 的名称 (中文)').inputValue()).toBe('不是安防系统故障');
    await page.getByRole('button', { name: '+ 共享条件' }).click();
    await page.getByLabel('共享条件 2 的名称 (中文)').fill('市区来电');
    await shot(page, 'codes-03-shared-condition-by-name');
    expect(await page.locator('body').innerText()).not.toContain('notSecurityFault');
    await saveDraft();
    const draft = await api('GET', '/rule-sets/after-sales-record.turnaround');
    expect(draft.draft.definition.conditionTitles).toEqual({
      notSecurityFault: { 'zh-CN': '不是安防系统故障', en: 'Not a security system fault' },
      shiQuLaiDian: { 'zh-CN': '市区来电', en: '市区来电' },
    });
    expect(Object.keys(draft.draft.definition.conditions)).toEqual(['notSecurityFault', 'shiQuLaiDian']);
    // In the rules, a rule using the shared condition shows its name.
    await page.getByRole('tab', { name: '规则' }).click();
    // The first rule (T1, urban arrival) holds only when the fault is not the security system's.
    await page
      .getByRole('button', { name: /T1|市区/ })
      .first()
      .click();
    await expect.poll(() => page.getByText('不是安防系统故障', { exact: true }).count()).toBeGreaterThan(0);
    await shot(page, 'codes-04-rule-uses-shared-condition-by-name');
    expect(await page.locator('body').innerText()).not.toContain('notSecurityFault');
  });

  it('when the admin gives a new deadline its name, then its key is made from the name and shown only under advanced; an existing one keeps its key', async () => {
    await page.goto(`${server.url}/admin/rules/after-sales-record.turnaround`);
    // An existing deadline (T1, urban arrival): no key box; its key is kept, under advanced.
    await page
      .getByRole('button', { name: /T1|市区/ })
      .first()
      .click();
    await expect.poll(() => page.locator('[id="outcome_what_zh-CN"]').inputValue()).toBe('到场');
    expect(await page.locator('#outcome_key:visible').count()).toBe(0);
    const visible = await page.locator('body').innerText();
    expect(visible).not.toContain('arrival');
    expect(visible).not.toContain('标识');
    await page.getByRole('button', { name: '高级', exact: true }).click();
    await expect.poll(() => page.getByLabel('时限的编号').inputValue()).toBe('arrival');

    // A new rule with a deadline named in Chinese only.
    await page.getByRole('button', { name: '+ 添加规则' }).click();
    await page.getByLabel('标题 (中文)').fill('上门时限');
    await page.locator('#outcome-type').click();
    await page.locator('.ant-select-item-option[title="时限"]').click();
    await page.locator('[id="outcome_what_zh-CN"]').fill('上门');
    expect(await page.locator('#outcome_key:visible').count()).toBe(0);
    await shot(page, 'codes-05-deadline-by-name');
    await page.getByRole('button', { name: '高级', exact: true }).click();
    await expect.poll(() => page.getByLabel('时限的编号').inputValue()).toBe('shangMen');
    await shot(page, 'codes-06-deadline-key-under-advanced');
    await saveDraft();
    const draft = await api('GET', '/rule-sets/after-sales-record.turnaround');
    const rules = draft.draft.definition.rules as { name: string; event: { type: string; params: { key?: string } } }[];
    expect(rules.find((r) => r.name === 'shang-men-shi-xian')?.event.params.key).toBe('shangMen');
    expect(rules.find((r) => r.name === 'T1-urban')?.event.params.key).toBe('arrival');
  });

  it('when the admin gives a fact a new code under advanced, then every rule using it follows; a new fact is named in words', async () => {
    await page.goto(`${server.url}/admin/rules/after-sales-record.turnaround`);
    await page.getByRole('tab', { name: '事实与共享条件' }).click();
    const fact = page.locator('[data-fact="unitsDays"]');
    await expect.poll(() => fact.getByLabel('事实“收修所需工作日”的标签 (中文)').inputValue()).toBe('收修所需工作日');
    // The code is not in sight until "advanced" is opened.
    expect(await fact.getByLabel('事实“收修所需工作日”的编号').isVisible()).toBe(false);
    await fact.getByRole('button', { name: '高级', exact: true }).click();
    await fact.getByLabel('事实“收修所需工作日”的编号').fill('shouXiuGongZuoRi');
    await expect.poll(() => page.locator('[data-fact="shouXiuGongZuoRi"]').getAttribute('aria-label')).toBe('事实“收修所需工作日”');
    // A new fact: a Chinese name, its code made from it.
    await page.getByRole('button', { name: '+ 计算值' }).click();
    await page.locator('[data-fact="jiSuanZhi"]').getByLabel('事实“计算值”的标签 (中文)').fill('超时台数');
    const added = page.locator('[data-fact="chaoShiTaiShu"]');
    await expect.poll(() => added.getAttribute('aria-label')).toBe('事实“超时台数”');
    expect(await added.getByLabel('事实“超时台数”的标签 (English)').inputValue()).toBe('');
    await shot(page, 'codes-07-fact-by-name');
    await saveDraft();
    const draft = await api('GET', '/rule-sets/after-sales-record.turnaround');
    const definition = draft.draft.definition;
    expect(Object.keys(definition.facts)).toEqual(['shouXiuGongZuoRi', 'chaoShiTaiShu']);
    expect(definition.facts.chaoShiTaiShu.label).toEqual({ 'zh-CN': '超时台数', en: '超时台数' });
    expect(JSON.stringify(definition)).not.toContain('unitsDays');
    expect(JSON.stringify(definition.rules)).toContain('{"fact":"shouXiuGongZuoRi"}');
  });
});
