import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './support/playwright.js';
import { factRow, nameLastFact, pick, selectText } from './support/designer.js';
import { asPhone, launchBrowser, shot } from './support/browser.js';
import { ADMIN, startServer, type TestServer } from './support/startServer.js';
import { unlabelledControls } from './support/unlabelledControls.js';

/**
 * An admin in Chinese builds formulas from blocks (a percentage with rounding, a date + 2 years),
 * adds an "is filled" condition, reads the rule as a sentence and the version comparison in words;
 * nowhere types JSON.
 */
describe('formulas without JSON in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page.on('pageerror', (e) => errors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('when the admin opens a P10 amount, then it shows as rounding of 5% of a field with its value on sample data, and dropping it asks first', async () => {
    await page.goto(`${server.url}/admin/rules/vehicle-use.vehicles`);
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码').fill(ADMIN.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '事故次要责任：司机承担保险后费用的 5%' }).click();

    const amount = page.getByRole('group', { name: '金额（元）', exact: true });
    await expect.poll(() => selectText(amount.getByLabel('金额（元）的类型', { exact: true }))).toContain('四舍五入');
    expect(await amount.getByLabel('金额（元）的小数位数').inputValue()).toBe('2');
    expect(await selectText(amount.getByLabel('金额（元）：第 1 项的类型'))).toContain('百分比');
    expect(await amount.getByLabel('金额（元）：第 1 项的百分比').inputValue()).toBe('5');
    expect(await selectText(amount.getByLabel('金额（元）：第 1 项：第 1 项的字段'))).toContain('保险后事故费用');
    const example = page.getByTestId('formula-example');
    await expect.poll(() => example.textContent()).toContain('保险后事故费用 = 3,000');
    expect(await example.textContent()).toContain('→ 150');
    expect(await page.getByText('公式：').locator('..').textContent()).toContain('四舍五入(“保险后事故费用” × 0.05, 保留 2 位小数)');

    // Switching the amount to a plain number would drop the 5% and the rounding: the editor asks.
    await pick(page, amount.getByLabel('金额（元）的类型', { exact: true }), '数值');
    const ask = page.getByRole('dialog').filter({ hasText: '改为“数值”？' });
    await expect.poll(() => ask.count()).toBe(1);
    expect(await ask.textContent()).toContain('原来的公式：四舍五入(“保险后事故费用” × 0.05, 保留 2 位小数)。改后：0。');
    await shot(page, 'formulas-01-ask-before-dropping');
    await ask.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => ask.count()).toBe(0);
    await expect.poll(() => selectText(amount.getByLabel('金额（元）的类型', { exact: true }))).toContain('四舍五入');
    expect(await amount.getByLabel('金额（元）：第 1 项的百分比').inputValue()).toBe('5');
  });

  it('when the admin builds a percentage with rounding and a date + 2 years as computed facts, then each shows its value on sample data', async () => {
    await page.getByRole('tab', { name: '事实与共享条件' }).click();

    await page.getByRole('button', { name: '+ 计算值' }).click();
    const share = await nameLastFact(page, '司机分担');
    const shareGroup = factRow(page, share);
    await shareGroup.getByLabel('事实“司机分担”的标签 (English)').fill('Driver share');
    const calc = '事实“司机分担”的计算';
    await pick(page, shareGroup.getByLabel(`${calc}的类型`, { exact: true }), '百分比（%）');
    await shareGroup.getByLabel(`${calc}的百分比`).fill('5');
    await pick(page, shareGroup.getByLabel(`${calc}：第 1 项的字段`), '保险后事故费用');
    await pick(page, shareGroup.getByLabel(`${calc}的类型`, { exact: true }), '四舍五入');
    await shareGroup.getByLabel(`${calc}的小数位数`).fill('2');
    await expect.poll(() => shareGroup.getByTestId('formula-example').textContent()).toContain('→ 150');
    expect(await selectText(shareGroup.getByLabel(`${calc}：第 1 项的类型`))).toContain('百分比');

    await page.getByRole('button', { name: '+ 计算值' }).click();
    const warranty = await nameLastFact(page, '保修截止');
    const warrantyGroup = factRow(page, warranty);
    await warrantyGroup.getByLabel('事实“保修截止”的标签 (English)').fill('Warranty end');
    const wcalc = '事实“保修截止”的计算';
    await pick(page, warrantyGroup.getByLabel(`${wcalc}的类型`, { exact: true }), '日期加年数');
    await expect.poll(() => selectText(warrantyGroup.getByLabel(`${wcalc}：第 1 项的字段`))).toContain('出车时间');
    await warrantyGroup.getByLabel(`${wcalc}：第 2 项的数值`).fill('2');
    // The sample is the rule set's first saved case: its departure time, two years on, same day and time.
    const warrantyExample = warrantyGroup.getByTestId('formula-example');
    await expect.poll(() => warrantyExample.textContent()).toMatch(/出车时间 = \d{4}年/);
    const [, year, rest, endYear, endRest] =
      /出车时间 = (\d{4})年(.+?) 时 → (\d{4})年(.+)$/.exec((await warrantyExample.textContent()) ?? '') ?? [];
    expect(Number(endYear)).toBe(Number(year) + 2);
    expect(endRest).toBe(rest);
    expect(await warrantyGroup.textContent()).toContain('“出车时间” 加 2 年');
    await expect.poll(() => page.getByRole('list', { name: /的问题$/ }).count()).toBe(0);
    expect(await unlabelledControls(page)).toEqual([]);
    await shot(page, 'formulas-02-blocks-desk');
    await asPhone(page);
    await shot(page, 'formulas-03-blocks-phone');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('when the admin adds an "is filled" condition, then the rule list reads the rule as one sentence', async () => {
    await page.getByRole('tab', { name: '规则', exact: true }).click();
    await page.getByRole('button', { name: '个人原因违章：司机承担 30%' }).click();
    await page.getByRole('button', { name: '+ 条件' }).first().click();
    const added = page.locator('.rqb-host .rule').last();
    await pick(page, added.getByLabel('字段', { exact: true }), '回车时间');
    await pick(page, added.getByLabel('比较', { exact: true }), '已填写');
    // Nothing to compare with: no value box, no "value or field" choice.
    expect(await added.getByLabel(/的值$/).count()).toBe(0);
    expect(await added.getByLabel('与值或另一字段比较', { exact: true }).count()).toBe(0);
    await expect.poll(() => page.getByRole('tab', { name: 'JSON' }).textContent()).toBe('JSON');
    const sentence = page.locator('.field-row.selected .rule-sentence');
    await expect
      .poll(() => sentence.textContent())
      .toBe(
        '当 个人原因违章 = 是 且 交通罚款金额 > 0 且 回车时间 已填写 → 罚 司机 四舍五入(“交通罚款金额” × 0.3, 保留 2 位小数)（个人原因交通违章）',
      );
    await shot(page, 'formulas-04-rule-sentence');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => page.getByText('草稿已保存').count()).toBeGreaterThan(0);
  });

  it('when the admin compares the draft with the published version, then the changes read rule by rule in words, with the JSON one click away', async () => {
    await page.getByRole('tab', { name: '版本' }).click();
    const changes = page.getByRole('list', { name: '改动' });
    await expect.poll(() => changes.textContent()).toContain('规则“个人原因违章：司机承担 30%”');
    const text = (await changes.textContent()) ?? '';
    expect(text).toContain('条件：个人原因违章 = 是 且 交通罚款金额 > 0 → 个人原因违章 = 是 且 交通罚款金额 > 0 且 回车时间 已填写');
    expect(text).toContain('事实“保修截止”');
    expect(text).toContain('“出车时间” 加 2 年');
    expect(text).not.toMatch(/P9-traffic-fine|trafficFineAmount|accidentCostAfterInsurance|returnTime/);
    // The first version was published by the server on first start: said in words, not as its account or English note.
    const history = page.locator('.ant-table').first();
    expect(await history.textContent()).toContain('系统');
    expect(await history.textContent()).toContain('默认政策包');
    expect(await history.textContent()).not.toMatch(/system|default policy pack/);
    expect(await page.locator('.diff-view, [data-testid="diff-view"]').count()).toBe(0);
    await shot(page, 'formulas-05-versions-in-words-desk');
    await asPhone(page);
    await shot(page, 'formulas-06-versions-in-words-phone');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('button', { name: '查看 JSON 对比' }).click();
    await expect.poll(() => page.getByRole('button', { name: '收起 JSON 对比' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('"returnTime"').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
