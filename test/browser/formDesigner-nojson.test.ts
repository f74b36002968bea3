import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition, RuleSetFile } from '@aftersales/engine';
import type { Browser, Page } from './support/playwright.js';
import { addField, factRow, lastFact, pick, selectText } from './support/designer.js';
import { apiAs } from './support/session.js';
import { asPhone, launchBrowser, shot } from './support/browser.js';
import { ADMIN, startServer, type TestServer } from './support/startServer.js';
import { unlabelledControls } from './support/unlabelledControls.js';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/**
 * An admin in Chinese builds a form with a line subtotal and a total computed by formulas, and a link
 * to a service record, then a rule set whose linked fact (the ticket's maintenance contract) is used in
 * a condition: everything from blocks and lists, never JSON; what is saved is what was built.
 */
describe('form designer without JSON in Chromium', () => {
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

  it('when the admin opens the parts requisition, then its subtotal and total formulas show as blocks with their values on a sample', async () => {
    await page.goto(`${server.url}/admin/forms/parts-requisition`);
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码').fill(ADMIN.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '打开“配件明细”中的字段' }).click();
    await page.locator('[data-field-key="subtotal"]').click();
    expect(await page.getByRole('switch', { name: '按公式自动计算' }).getAttribute('aria-checked')).toBe('true');
    const subtotal = '“小计”的公式';
    await expect.poll(() => selectText(page.getByLabel(`${subtotal}的类型`, { exact: true }))).toContain('相乘');
    expect(await selectText(page.getByLabel(`${subtotal}：第 1 项的字段`))).toContain('数量');
    expect(await selectText(page.getByLabel(`${subtotal}：第 2 项的字段`))).toContain('单价');
    const example = page.getByTestId('formula-example');
    await expect.poll(() => example.textContent()).toContain('数量 = 2');
    expect(await example.textContent()).toContain('→ 300');

    await page.getByText('全部字段').first().click();
    await page.locator('[data-field-key="totalAmount"]').click();
    const total = '“总金额”的公式';
    await expect.poll(() => selectText(page.getByLabel(`${total}的类型`, { exact: true }))).toContain('明细行合计');
    expect(await selectText(page.getByLabel(`${total}的明细行`))).toContain('配件明细');
    expect(await selectText(page.getByLabel(`${total}的行字段`))).toContain('小计');
    await expect.poll(() => example.textContent()).toContain('→ 600');
    expect(await page.getByText('公式：').locator('..').textContent()).toContain('“小计”合计');
    await shot(page, 'formDesigner-nojson-01-requisition-total');
    // Nothing was changed: no draft to save.
    expect(await page.getByRole('button', { name: '撤销' }).isDisabled()).toBe(true);
  });

  it('when the admin builds a form with a line subtotal, a total and a link to a service record, then the saved JSON is what was built', async () => {
    await page.goto(`${server.url}/admin/forms`);
    await page.getByRole('button', { name: '新建表单' }).click();
    await page.getByLabel('中文名称').fill('上门检测单');
    await page.getByLabel('英文名称').fill('Site inspection');
    await expect.poll(() => page.getByLabel('表单编号').inputValue()).toBe('site-inspection');
    await page.getByRole('button', { name: '创建' }).click();
    await page.waitForURL('**/admin/forms/site-inspection');

    await addField(page, '明细行', '检测项目', 'Checks', 'items');
    await page.getByRole('button', { name: '打开“检测项目”中的字段' }).click();
    // A link names a record from the top of the form: a line does not offer it.
    await page.getByRole('button', { name: '+ 添加字段' }).click();
    await expect.poll(() => page.getByRole('menuitem', { name: '明细行', exact: true }).count()).toBe(1);
    expect(await page.getByRole('menuitem', { name: '关联记录（另一表单的记录）' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('menuitem', { name: '明细行', exact: true }).isVisible()).toBe(false);
    await addField(page, '整数', '数量', 'Qty', 'qty');
    await addField(page, '金额（元）', '单价', 'Unit price', 'price');
    await addField(page, '金额（元）', '小计', 'Subtotal', 'subtotal');
    await page.getByRole('switch', { name: '按公式自动计算' }).click();
    const subtotal = '“小计”的公式';
    await expect.poll(() => selectText(page.getByLabel(`${subtotal}的类型`, { exact: true }))).toContain('相乘');
    expect(await selectText(page.getByLabel(`${subtotal}：第 1 项的字段`))).toContain('数量');
    expect(await selectText(page.getByLabel(`${subtotal}：第 2 项的字段`))).toContain('单价');
    await expect.poll(() => page.getByTestId('formula-example').textContent()).toContain('→ 300');
    await shot(page, 'formDesigner-nojson-02-line-subtotal');

    // Removing a field the formula reads: the problem shows under the formula, in words; undo brings it back.
    await page.getByRole('button', { name: '删除“单价”' }).click();
    const problems = page.getByRole('list', { name: '“小计”的公式的问题' });
    await expect.poll(() => problems.textContent()).toBe('公式用到的字段已不在此表单中（已删除或改名）：请重新选择。');
    // The block that read it says so in words and is marked, never showing the field's code.
    const gone = page.getByLabel(`${subtotal}：第 2 项的字段`);
    expect(await selectText(gone)).toBe('（已不存在的字段，请重新选择）');
    expect(await gone.locator('xpath=ancestor::*[contains(@class, "ant-select-status-error")][1]').count()).toBe(1);
    expect(await page.getByText('公式：').locator('..').textContent()).toContain('“数量” × “已不存在的字段”');
    expect(await page.getByTestId('formula-example').textContent()).not.toContain('price');
    await shot(page, 'formDesigner-nojson-02b-formula-problem');
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => page.locator('[data-field-key="price"]').count()).toBe(1);
    await expect.poll(() => problems.count()).toBe(0);

    await page.getByText('全部字段').first().click();
    await addField(page, '金额（元）', '合计', 'Total', 'total');
    await page.getByRole('switch', { name: '按公式自动计算' }).click();
    const total = '“合计”的公式';
    await expect.poll(() => selectText(page.getByLabel(`${total}的类型`, { exact: true }))).toContain('明细行合计');
    expect(await selectText(page.getByLabel(`${total}的明细行`))).toContain('检测项目');
    expect(await selectText(page.getByLabel(`${total}的行字段`))).toContain('小计');
    await expect.poll(() => page.getByTestId('formula-example').textContent()).toContain('→ 600');

    await addField(page, '关联记录（另一表单的记录）', '服务单', 'Service ticket', 'ticket');
    // No form picked yet: the engine's problem shows at the picker, in words.
    await expect.poll(() => page.getByText('请选择此字段关联的表单').count()).toBeGreaterThan(0);
    const linkForm = page.getByLabel('关联到哪个表单的记录');
    // Found by typing part of its name, picked by its name.
    await linkForm.click();
    await linkForm.fill('售后');
    await page.locator('.ant-select-dropdown:visible').getByTitle('售后服务处理记录表', { exact: true }).click();
    await expect.poll(() => selectText(linkForm)).toContain('售后服务处理记录表');
    expect(await selectText(linkForm)).not.toContain('after-sales-record');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '个问题' }).count()).toBe(0);
    expect(await unlabelledControls(page)).toEqual([]);
    await shot(page, 'formDesigner-nojson-03-link-field');

    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => page.getByText('草稿已保存').isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => page.locator('[data-field-key]').count()).toBe(3);
    await page.locator('[data-field-key="ticket"]').click();
    await expect.poll(() => selectText(page.getByLabel('关联到哪个表单的记录'))).toContain('售后服务处理记录表');
    await page.locator('[data-field-key="total"]').click();
    await expect.poll(() => selectText(page.getByLabel(`${total}的类型`, { exact: true }))).toContain('明细行合计');

    const saved = await formDraft(server.url, 'site-inspection');
    const properties = saved.schema.properties!;
    expect(properties.items).toEqual({
      type: 'array',
      'x-title': t('检测项目', 'Checks'),
      maxItems: 100,
      items: {
        type: 'object',
        properties: {
          qty: { type: 'integer', 'x-title': t('数量', 'Qty') },
          price: { type: 'number', 'x-kind': 'money', 'x-title': t('单价', 'Unit price'), minimum: 0 },
          subtotal: {
            type: 'number',
            'x-kind': 'money',
            'x-title': t('小计', 'Subtotal'),
            minimum: 0,
            'x-formula': { mul: [{ fact: 'qty' }, { fact: 'price' }] },
          },
        },
        additionalProperties: false,
      },
    });
    expect(properties.total).toEqual({
      type: 'number',
      'x-kind': 'money',
      'x-title': t('合计', 'Total'),
      minimum: 0,
      'x-formula': { sum: 'items', field: 'subtotal' },
    });
    expect(properties.ticket).toEqual({
      type: 'string',
      'x-kind': 'link',
      'x-title': t('服务单', 'Service ticket'),
      maxLength: 50,
      'x-linkForm': 'after-sales-record',
    });

    await page.getByRole('button', { name: '发布' }).click();
    await expect.poll(() => page.getByText('已发布为第 1 版').isVisible()).toBe(true);
  });

  it("when the admin declares the ticket's maintenance contract as a linked fact and tests it in a rule, then the saved rule set reads it", async () => {
    await page.getByRole('link', { name: '此表单的规则' }).click();
    await page.waitForURL('**/admin/rules?form=site-inspection');
    await page.getByRole('button', { name: '新建规则集' }).click();
    await page.getByLabel('中文名称').fill('上门检测规则');
    await page.getByLabel('英文名称').fill('Site inspection rules');
    await page.getByRole('button', { name: '创建' }).click();
    await page.waitForURL('**/admin/rules/site-inspection.policy');

    await page.getByRole('tab', { name: '事实与共享条件' }).click();
    await page.getByRole('button', { name: '+ 关联记录的值' }).click();
    const name = await lastFact(page);
    // The new fact is named by its given name, never by its code; the name follows what it reads.
    const fact = factRow(page, name);
    await expect.poll(() => fact.getAttribute('aria-label')).toBe('事实“关联记录的值”');
    await expect.poll(() => selectText(fact.getByLabel('事实“关联记录的值”的关联字段'))).toContain('服务单');
    await expect.poll(() => selectText(fact.getByLabel('事实“关联记录的值”读取关联记录的哪一项'))).toContain('状态');
    // The service record has many fields: the admin finds it by typing part of its label.
    await fact.getByLabel('事实“关联记录的值”读取关联记录的哪一项').click();
    await fact.getByLabel('事实“关联记录的值”读取关联记录的哪一项').fill('保养');
    await page.locator('.ant-select-dropdown:visible').getByTitle('有保养合同', { exact: true }).click();
    await expect.poll(() => fact.textContent()).toContain('类型：是 / 否');
    expect(await fact.getByLabel('事实“服务单的有保养合同”的标签 (中文)').inputValue()).toBe('服务单的有保养合同');
    await expect.poll(() => page.getByRole('list', { name: /的问题$/ }).count()).toBe(0);
    expect(await unlabelledControls(page)).toEqual([]);
    await shot(page, 'formDesigner-nojson-04-linked-fact');
    await asPhone(page);
    await shot(page, 'formDesigner-nojson-04b-linked-fact-phone');
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.getByRole('tab', { name: '规则', exact: true }).click();
    await page.getByRole('button', { name: '+ 添加规则' }).click();
    await page.getByRole('button', { name: '+ 条件' }).first().click();
    const added = page.locator('.rqb-host .rule').last();
    await pick(page, added.getByLabel('字段', { exact: true }), '服务单的有保养合同');
    await pick(page, added.getByLabel('服务单的有保养合同 的值'), '是');
    await shot(page, 'formDesigner-nojson-05-rule-condition');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => page.getByText('草稿已保存').isVisible()).toBe(true);

    await page.reload();
    await page.getByRole('tab', { name: '事实与共享条件' }).click();
    await expect
      .poll(() => selectText(factRow(page, name).getByLabel('事实“服务单的有保养合同”读取关联记录的哪一项')))
      .toContain('有保养合同');
    const saved = await ruleSetDraft(server.url, 'site-inspection.policy');
    expect(saved.facts).toEqual({
      [name]: {
        kind: 'linked',
        field: 'ticket',
        path: 'hasMaintenanceContract',
        type: 'boolean',
        label: t('服务单的有保养合同', 'Service ticket: Maintenance contract in force'),
      },
    });
    expect(JSON.stringify(saved.rules[0]!.conditions)).toContain(JSON.stringify({ fact: name, operator: 'equal', value: true }));
    expect(errors).toEqual([]);
  });

  it("when the admin opens the return visit rules, then the pack's linked facts show what they read by label", async () => {
    await page.goto(`${server.url}/admin/rules/return-visit.visits`);
    await page.getByRole('tab', { name: '事实与共享条件' }).click();
    const status = factRow(page, 'ticketStatus');
    await expect.poll(() => selectText(status.getByLabel('事实“服务单状态”读取关联记录的哪一项'))).toContain('状态');
    expect(await selectText(status.getByLabel('事实“服务单状态”的关联字段'))).toContain('服务单');
    const contract = factRow(page, 'ticketHasContract');
    await expect.poll(() => selectText(contract.getByLabel('事实“服务单有保养合同”读取关联记录的哪一项'))).toContain('有保养合同');
    await shot(page, 'formDesigner-nojson-06-pack-linked-facts');
    expect(await page.getByRole('button', { name: '撤销' }).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
  });
});

async function formDraft(url: string, id: string): Promise<FormDefinition> {
  return ((await api(url, `/forms/${id}`)) as { draft: { definition: FormDefinition } }).draft.definition;
}

async function ruleSetDraft(url: string, id: string): Promise<RuleSetFile> {
  return ((await api(url, `/rule-sets/${id}`)) as { draft: { definition: RuleSetFile } }).draft.definition;
}

/** GET over the API as the admin (a session cookie). */
function api(url: string, path: string): Promise<unknown> {
  return apiAs(url, ADMIN.username, ADMIN.password, 'GET', path);
}
