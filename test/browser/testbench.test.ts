import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './support/playwright.js';
import { asPhone, launchBrowser, shot } from './support/browser.js';
import { ADMIN, startServer, type TestServer } from './support/startServer.js';
import { unlabelledControls } from './support/unlabelledControls.js';

/**
 * The saved test cases of the default pack's turnaround rules (T1, T12) in the test bench and the
 * publish panel: each case by its name in the reader's language, each rule it must fire by its title;
 * a case an integrator pushed with one string for a name, naming a rule since deleted, still reads.
 */
describe('saved test cases in the test bench, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/admin/rules/after-sales-record.turnaround`);
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码').fill(ADMIN.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL('**/admin/rules/after-sales-record.turnaround');
    // A draft with a case of the older shape: one string for its name, expecting a rule no longer in the set.
    const detail = (await (await page.request.get(`${server.url}/api/v1/rule-sets/after-sales-record.turnaround`)).json()) as {
      published: { definition: { tests: Record<string, unknown>[] } };
    };
    const definition = detail.published.definition;
    definition.tests.push({ ...definition.tests[0], name: 'pushed call', expectFired: ['T1-urban', 'T0-gone'], exact: false });
    const saved = await page.request.put(`${server.url}/api/v1/rule-sets/after-sales-record.turnaround/draft`, {
      data: { definition },
      headers: { 'X-Requested-With': 'aftersales' },
    });
    expect(saved.status()).toBe(200);
    await page.reload();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const caseRow = (name: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });

  it('when the admin opens the bench, then each case reads by its Chinese name and the rules it must fire by their titles, never codes', async () => {
    await page.getByRole('tab', { name: '测试台' }).click();
    await expect.poll(() => caseRow('市区报修来电').count()).toBe(1);
    expect(await caseRow('市区报修来电').getByRole('cell').nth(1).innerText()).toBe(
      '市区 6 个工作小时内到场\n当日来电当日派工（下班前半小时检查）',
    );
    expect(await caseRow('下班后的市区报修来电（T1、T12）').count()).toBe(1);
    // The older case: its one name as is; the deleted rule by its code, tagged as deleted.
    expect(await caseRow('pushed call').getByRole('cell').nth(1).innerText()).toBe('市区 6 个工作小时内到场\nT0-gone 规则已删除');
    const cases = await page.getByRole('table').last().innerText();
    expect(cases).not.toContain('T1-urban');
    expect(cases).not.toContain('T12-dispatch-today');
    expect(cases).not.toContain('Urban call');

    await page.getByRole('button', { name: '全部运行' }).click();
    await expect.poll(() => caseRow('pushed call').innerText()).toContain('失败');
    expect(await caseRow('pushed call').innerText()).toContain('应适用但未适用：T0-gone（规则已删除）；不应适用但适用了：—');
    expect(await caseRow('市区报修来电').innerText()).toContain('通过');
    expect(await unlabelledControls(page)).toEqual([]);
    await shot(page, 'bench-01-cases');
    try {
      await asPhone(page);
      await shot(page, 'bench-01-cases-phone');
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('when the admin opens a case, then its name fills both boxes, to rename or translate it', async () => {
    await page.getByRole('button', { name: '在测试台打开测试用例 市区报修来电' }).click();
    await expect.poll(() => page.getByText('测试用例“市区报修来电”已载入测试台').isVisible()).toBe(true);
    expect(await page.getByLabel('测试用例名称 (中文)').inputValue()).toBe('市区报修来电');
    expect(await page.getByLabel('测试用例名称 (English)').inputValue()).toBe('Urban call');
    expect(
      await page.getByText('此用例要求以下规则适用：市区 6 个工作小时内到场、当日来电当日派工（下班前半小时检查）。').isVisible(),
    ).toBe(true);
    await shot(page, 'bench-02-open-case');
  });

  it('when the admin runs the checks before publishing, then each case reads by its name, a failing one naming the deleted rule as such', async () => {
    await page.getByRole('tab', { name: '发布' }).click();
    await page.getByRole('button', { name: '运行测试用例和影响预览' }).click();
    await expect.poll(() => page.getByText('测试用例：3 个中 2 个通过').isVisible()).toBe(true);
    const items = await page.getByRole('listitem').allInnerTexts();
    expect(items).toContainEqual(expect.stringMatching(/^通过\s+市区报修来电$/));
    expect(items).toContainEqual(
      expect.stringMatching(/^失败\s+pushed call\s+应适用但未适用：T0-gone（规则已删除）；不应适用但适用了：—$/),
    );
    await shot(page, 'bench-03-publish-checks');
  });

  it('when the admin switches to English, then the cases and their rules read in English', async () => {
    await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Test bench' }).click();
    await expect.poll(() => caseRow('Urban call').count()).toBe(1);
    expect(await caseRow('Urban call').getByRole('cell').nth(1).innerText()).toBe(
      'Urban: on site within 6 working hours\nCalls dispatched the same day (checked half an hour before closing)',
    );
    expect(await caseRow('pushed call').getByRole('cell').nth(1).innerText()).toBe(
      'Urban: on site within 6 working hours\nT0-gone rule deleted',
    );
    await shot(page, 'bench-04-english');
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
    expect(errors).toEqual([]);
  });
});
