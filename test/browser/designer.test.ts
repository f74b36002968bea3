import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleSetFile } from '@aftersales/engine';
import type { Browser, Page } from './support/playwright.js';
import { addField, factRow, pick, selectText, settled } from './support/designer.js';
import { motionless } from './support/motion.js';
import { accessibleNames, textsWithCodes } from './support/accessibleNames.js';
import { launchBrowser, shot } from './support/browser.js';
import { ADMIN, startServer, type TestServer } from './support/startServer.js';
import { main as aftersales, testIo } from '@aftersales/server/cli';
import { pushedRuleSet } from './support/seed.js';
import { unlabelledControls } from './support/unlabelledControls.js';
import { seriousA11yViolations } from './support/axe.js';

/** An admin configures a new store policy end to end in the browser, in Chinese: form, rule, test, publish. */
describe('designer in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  /** The record the API created (the phone-filled one is the other). */
  let apiRecordId = '';
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page.on('pageerror', (e) => errors.push(e.message));
    // A script, style or connection the Content-Security-Policy refused is an error too.
    page.on('console', (m) => void (m.type() === 'error' && /Content Security Policy/i.test(m.text()) && errors.push(m.text())));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('when an admin signs in, then the forms list opens (zh-CN for a Chinese browser)', async () => {
    await page.goto(`${server.url}/admin/forms`);
    // Empty fields are named, announced and focused, and nothing is sent.
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByText('请输入用户名').isVisible()).toBe(true);
    expect(await page.getByText('请输入密码').isVisible()).toBe(true);
    expect(await page.getByLabel('用户名').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('用户名').evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('用户名').fill(ADMIN.username);
    expect(await page.getByText('请输入用户名').count()).toBe(0);
    await page.getByLabel('密码').fill(ADMIN.password);
    await shot(page, '01-login');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL('**/admin/forms');
    await expect.poll(() => page.getByRole('heading', { name: '表单' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: '报修登记' }).isVisible()).toBe(true);
    expect(await unlabelledControls(page)).toEqual([]);
    await shot(page, '02-forms-list');
  });

  it('when the admin creates a form with a repeating-lines field, then the preview shows it as staff will see it', async () => {
    await page.getByRole('button', { name: '新建表单' }).click();
    await page.getByLabel('中文名称').fill('车辆维修申请');
    await page.getByLabel('英文名称').fill('Vehicle repair request');
    await expect.poll(() => page.getByLabel('表单编号').inputValue()).toBe('vehicle-repair-request');
    await page.getByRole('button', { name: '创建' }).click();
    await page.waitForURL('**/admin/forms/vehicle-repair-request');

    await addField(page, '文本', '车辆', 'Vehicle', 'vehicle');
    await addField(page, '明细行', '维修项目', 'Repair items', 'items');
    await page.getByRole('button', { name: '打开“维修项目”中的字段' }).click();
    await addField(page, '文本', '项目', 'Item', 'name');
    await addField(page, '金额（元）', '金额', 'Amount', 'amount');
    await page.getByRole('link', { name: '全部字段' }).or(page.getByText('全部字段')).first().click();
    await addField(page, '金额（元）', '维修金额', 'Repair cost', 'total');
    await page.getByRole('switch', { name: '必填' }).click();

    const preview = page.getByTestId('form-preview');
    await expect.poll(() => preview.getByText('维修项目').count()).toBeGreaterThan(0);
    await preview
      .getByRole('button')
      .filter({ has: page.locator('.anticon-plus-circle') })
      .first()
      .click();
    await shot(page, '03-field-editor-desk');
    expect(await unlabelledControls(page)).toEqual([]);
    await page.getByText('手机', { exact: true }).click();
    await shot(page, '04-field-editor-phone');
    await page.getByText('电脑', { exact: true }).click();

    // Errors are announced: the preview's check puts them in a live region.
    await preview.getByRole('button', { name: '检查' }).click();
    await expect.poll(() => preview.locator('[aria-live] .form-field-error').count()).toBeGreaterThan(0);

    // Keyboard reorder: space picks the field up, arrow moves it, space drops it.
    await page.getByRole('button', { name: /移动“维修金额”/ }).focus();
    for (const key of ['Space', 'ArrowUp', 'Space']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(250); // dnd-kit measures and animates between steps
    }
    await expect
      .poll(() => page.locator('[data-field-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-field-key'))))
      .toEqual(['vehicle', 'total', 'items']);
    await page.getByRole('button', { name: '撤销' }).click();
    await expect
      .poll(() => page.locator('[data-field-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-field-key'))))
      .toEqual(['vehicle', 'items', 'total']);

    await page.getByRole('tab', { name: '状态流转' }).click();
    await shot(page, '05a-status-flow');
    await page.getByRole('tab', { name: /JSON/ }).click();
    await expect.poll(() => page.getByText('没有问题。').isVisible()).toBe(true);
    await shot(page, '05-form-json');
    await page.getByRole('tab', { name: '字段' }).click();

    await page.getByRole('button', { name: '发布' }).click();
    await expect.poll(() => page.getByText('已发布为第 1 版').isVisible()).toBe(true);
  });

  it("when the admin opens the default pack's after-sales record (F1), then its fields and preview show without JSON", async () => {
    await page.goto(`${server.url}/admin/forms/after-sales-record`);
    await expect.poll(() => page.locator('[data-field-key="customer"]').count()).toBe(1);
    await expect.poll(() => page.locator('[data-field-key]').count()).toBeGreaterThan(20);
    await page.locator('[data-field-key="photos"]').click();
    await shot(page, '05c-default-pack-f1');
    expect(await page.getByText('高级（JSON）').count()).toBe(0);
    await page.goto(`${server.url}/admin/forms/vehicle-repair-request`);
    await expect.poll(() => page.locator('[data-field-key="total"]').count()).toBe(1);
  });

  it('when staff fill the published form on a phone, then records are saved for the test bench and impact preview', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true });
    await phone.goto(`${server.url}/login?next=/staff`);
    await phone.getByLabel('用户名').fill(ADMIN.username);
    await phone.getByLabel('密码').fill(ADMIN.password);
    await phone.getByRole('button', { name: '登录' }).click();
    await phone.getByRole('link', { name: '车辆维修申请' }).click();
    await phone.locator('#record_vehicle').fill('沪A12345');
    await phone.locator('#record_total').fill('150');
    await shot(phone, '05b-staff-form-phone');
    await phone.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => phone.getByText(/已保存$/).isVisible()).toBe(true);
    await phone.close();
    const token = await apiLogin(server.url);
    apiRecordId = (
      (await api(server.url, token, 'POST', '/records', { form: 'vehicle-repair-request', data: { vehicle: '沪B54321', total: 480 } })) as {
        id: string;
      }
    ).id;
  });

  it('when the admin writes rule A1 (repair above 200 yuan needs the general manager), tests it and publishes, then the tests pass', async () => {
    await page.getByRole('link', { name: '此表单的规则' }).click();
    await page.waitForURL('**/admin/rules?form=vehicle-repair-request');
    await page.getByRole('button', { name: '新建规则集' }).click();
    await page.getByLabel('中文名称').fill('车辆维修规则');
    await page.getByLabel('英文名称').fill('Vehicle repair rules');
    await page.getByRole('button', { name: '创建' }).click();
    await page.waitForURL('**/admin/rules/vehicle-repair-request.policy');

    await page.getByRole('button', { name: '+ 添加规则' }).click();
    await page.getByLabel('标题 (中文)').fill('A1 车辆维修超过 200 元需总经理审批');
    await page.getByLabel('标题 (English)').fill('A1: vehicle repair above 200 yuan needs the general manager');
    await page.getByLabel('维修金额 的值').fill('200');
    await page.locator('#outcome_approver').fill('总经理');
    await page.keyboard.press('Enter');
    await page.locator('[id="outcome_reason_zh-CN"]').fill('维修金额超过 200 元');
    await page.locator('[id="outcome_reason_en"]').fill('Repair above 200 yuan');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => page.getByText('草稿已保存').isVisible()).toBe(true);
    await shot(page, '06-rule-editor');
    expect(await unlabelledControls(page)).toEqual([]);
    await page.getByRole('tab', { name: /JSON/ }).click();
    await shot(page, '06b-rule-json');
    await page.getByRole('tab', { name: '规则' }).click();

    await page.getByRole('tab', { name: '测试台' }).click();
    await page.getByLabel('选择最近的记录').click();
    await page.getByTitle(new RegExp(`^${apiRecordId}`)).click();
    await expect.poll(() => page.locator('#bench_total').inputValue()).toBe('480');
    await page.locator('#bench_total').fill('350');
    await page.getByRole('button', { name: '运行规则' }).click();
    await expect.poll(() => page.getByText(/需总经理审批/).count()).toBeGreaterThan(0);
    // The values the evaluation gives, each with a checkbox (ticked), saved with the case as its expected values.
    await expect.poll(() => page.getByRole('checkbox', { name: /审批人：总经理/ }).isChecked()).toBe(true);
    await expect.poll(() => page.getByRole('checkbox', { name: /罚款：无/ }).isChecked()).toBe(true);
    // The case is named in both languages, as the rule's title is.
    await page.getByLabel('测试用例名称 (中文)').fill('超过 200 元');
    await page.getByLabel('测试用例名称 (English)').fill('Above 200 yuan');
    expect(await page.getByText('此用例要求以下规则适用：A1 车辆维修超过 200 元需总经理审批。').isVisible()).toBe(true);
    await page.getByRole('button', { name: '保存测试用例' }).click();
    await expect.poll(() => page.getByRole('cell', { name: /审批人：总经理/ }).isVisible()).toBe(true);
    // The rules it must fire by their titles, never their codes.
    const saved = page.getByRole('row').filter({ hasText: '审批人：总经理' });
    expect(await saved.getByRole('cell').nth(1).innerText()).toBe('A1 车辆维修超过 200 元需总经理审批');
    await shot(page, '07-test-bench');
    expect(await unlabelledControls(page)).toEqual([]);
    // Reopening the saved case loads its record into the bench.
    await page.locator('#bench_total').fill('120');
    await page.getByRole('button', { name: '在测试台打开测试用例 超过 200 元' }).click();
    await expect.poll(() => page.locator('#bench_total').inputValue()).toBe('350');
    await expect.poll(() => page.getByText('测试用例“超过 200 元”已载入测试台').isVisible()).toBe(true);

    await page.getByRole('tab', { name: '发布' }).click();
    await page.getByRole('button', { name: '运行测试用例和影响预览' }).click();
    await expect.poll(() => page.getByText('测试用例：1 个中 1 个通过').isVisible()).toBe(true);
    await shot(page, '08-publish-checks');
    await page.getByRole('button', { name: '发布', exact: true }).last().click();
    await expect.poll(() => page.getByText('已发布为第 1 版').isVisible()).toBe(true);

    await page.getByRole('tab', { name: '版本' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'admin' }).count()).toBeGreaterThan(0);
  });

  it('when the admin leaves the rule editor with unsaved changes, then the app asks first: staying keeps them, leaving drops them', async () => {
    const editor = page.url();
    await page.getByRole('tab', { name: '规则', exact: true }).click();
    await page.getByLabel('维修金额 的值').fill('150');
    await expect.poll(() => page.getByText('有未保存的修改').isVisible()).toBe(true);
    // The browser's back button: asked, and staying keeps the page and the edit.
    await page.goBack();
    await expect.poll(() => page.getByRole('dialog', { name: '离开此页？' }).isVisible()).toBe(true);
    await motionless(page);
    await shot(page, '08c-leave-unsaved');
    await page.getByRole('button', { name: '留下' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: '离开此页？' }).count()).toBe(0);
    expect(page.url()).toBe(editor);
    expect(await page.getByLabel('维修金额 的值').inputValue()).toBe('150');
    // A link of the menu: asked, and leaving goes there without saving.
    await page.getByRole('link', { name: '表单', exact: true }).click();
    // Answered once the question stands still (as the back button's above).
    await expect.poll(() => page.getByRole('dialog', { name: '离开此页？' }).isVisible()).toBe(true);
    await motionless(page);
    await page.getByRole('button', { name: '离开，不保存' }).click();
    await page.waitForURL('**/admin/forms');
    await page.goto(editor);
    await page.getByRole('tab', { name: '规则', exact: true }).click();
    await expect.poll(() => page.getByLabel('维修金额 的值').inputValue()).toBe('200');
  });

  it('when the admin lowers the threshold to 100 yuan, then the impact preview lists the record newly needing approval; publish, diff, roll back', async () => {
    await page.getByRole('tab', { name: '规则', exact: true }).click();
    await page.getByLabel('维修金额 的值').fill('100');
    await page.getByRole('tab', { name: '发布' }).click();
    await page.getByRole('button', { name: '运行测试用例和影响预览' }).click();
    await expect.poll(() => page.getByText('测试用例：1 个中 1 个通过').isVisible()).toBe(true);
    // The impact over the stored records (replayed on the server): the record newly needing approval, by title.
    await page.getByRole('button', { name: '查看对已存记录的影响' }).click();
    await expect.poll(() => page.getByText('需要总经理审批').first().isVisible()).toBe(true);
    const records = (await api(server.url, await apiLogin(server.url), 'GET', '/records?form=vehicle-repair-request')) as {
      items: { id: string }[];
    };
    // Records are named by their title, never by their id.
    const visible = await page.locator('body').innerText();
    for (const { id } of records.items) expect(visible).not.toContain(id);
    await shot(page, '08b-impact-preview');
    // Publishing answers when the server has published (it can take a while on a busy machine): then the badge says so.
    // The checks passed on this draft, so the publish button is enabled (it is disabled again by any edit).
    const publishButton = page.getByRole('button', { name: '发布', exact: true }).last();
    await expect.poll(() => publishButton.isEnabled()).toBe(true);
    const published = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/publish'), { timeout: 60_000 });
    await publishButton.click();
    expect((await published).status()).toBe(200);
    // The version badge stays (a toast can come and go between two looks on a busy machine).
    await expect.poll(() => page.getByText('已发布第 2 版', { exact: true }).isVisible()).toBe(true);

    await page.getByRole('tab', { name: '版本' }).click();
    await expect.poll(() => page.getByRole('button', { name: '回滚到第 1 版' }).isVisible()).toBe(true);
    await page.getByLabel('右侧版本').click();
    await page.getByTitle('第 1 版').last().click();
    await page.getByLabel('左侧版本').click();
    await page.getByTitle('第 2 版').last().click();
    // The comparison reads in words first (rule by rule); the JSON diff is one click away.
    await expect.poll(() => page.getByRole('list', { name: '改动' }).textContent()).toContain('条件：');
    await page.getByRole('button', { name: '查看 JSON 对比' }).click();
    await expect.poll(() => page.locator('.diff-del').count()).toBeGreaterThan(0);
    await shot(page, '09-versions-diff');
    await page.getByRole('button', { name: '回滚到第 1 版' }).click();
    await page.getByRole('button', { name: '回滚', exact: true }).last().click();
    await expect.poll(() => page.getByText('已回滚：当前为第 3 版').isVisible()).toBe(true);
    await shot(page, '09b-rolled-back');
  });

  it('when a rule set pushed with the CLI is opened in the builder and saved, then it is unchanged', async () => {
    const token = await apiLogin(server.url);
    const key = (await api(server.url, token, 'POST', '/api-keys', {
      name: 'integrator',
      scopes: ['definitions:read', 'definitions:write'],
    })) as {
      secret: string;
    };
    const dir = mkdtempSync(join(tmpdir(), 'aftersales-cli-'));
    mkdirSync(join(dir, 'rules/repair-call'), { recursive: true });
    writeFileSync(join(dir, 'rules/repair-call/integrator.rules.json'), `${JSON.stringify(pushedRuleSet, null, 2)}\n`);
    const io = testIo(dir, { AFTERSALES_SERVER: server.url, AFTERSALES_API_KEY: key.secret });
    expect(await aftersales(['push', 'rules'], io)).toBe(0);
    expect(io.stderr.join('\n')).toMatch(/1 of 1 files published/);
    rmSync(dir, { recursive: true, force: true });

    await page.goto(`${server.url}/admin/rules/${pushedRuleSet.id}`);
    await expect.poll(() => page.getByRole('heading', { name: '集成商规则' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: '各种条件' }).click();
    await expect.poll(() => page.locator('.rqb-host .rule').count()).toBeGreaterThan(5);
    await shot(page, '10-pushed-rule-in-builder');
    expect(await unlabelledControls(page)).toEqual([]);
    await page.getByRole('button', { name: '市区迟到' }).click();
    await page.getByRole('tab', { name: '事实与共享条件' }).click();
    await expect.poll(() => page.getByRole('group', { name: '共享条件 1 的条件' }).isVisible()).toBe(true);
    await shot(page, '10b-pushed-facts-and-shared-conditions');
    expect(await unlabelledControls(page)).toEqual([]);
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => page.getByText('草稿已保存').isVisible()).toBe(true);

    const detail = (await api(server.url, token, 'GET', `/rule-sets/${pushedRuleSet.id}`)) as { draft: { definition: unknown } };
    expect(detail.draft.definition).toStrictEqual(pushedRuleSet);
    expect(JSON.stringify(detail.draft.definition)).toBe(JSON.stringify(pushedRuleSet));

    await page.getByRole('tab', { name: '版本' }).click();
    await expect.poll(() => page.getByText('两个版本没有差别。').isVisible()).toBe(true);
    await page.getByRole('button', { name: '查看 JSON 对比' }).click();
    await expect.poll(() => page.getByText('没有差异。').isVisible()).toBe(true);
  });

  it("when the admin opens the default pack's P3 and turnaround rule sets, then history and computed facts show without JSON", async () => {
    await page.goto(`${server.url}/admin/rules/accident-quote.quotes`);
    await page.getByRole('tab', { name: '事实与共享条件' }).click();
    // A fact's row is found by its code; its controls are named by the fact's name.
    const p3 = factRow(page, 'discountsThisWeek');
    await expect.poll(() => p3.getAttribute('aria-label')).toBe('事实“本周该顾问九折单数”');
    await expect.poll(() => selectText(p3.getByLabel('事实“本周该顾问九折单数”的期间'))).toContain('本周');
    await expect.poll(() => selectText(p3.getByLabel('事实“本周该顾问九折单数”条件 1 的字段'))).toContain('服务顾问');
    await expect.poll(() => selectText(p3.getByLabel('事实“本周该顾问九折单数”条件 1 的比较对象'))).toContain('本记录的字段');
    await expect.poll(() => p3.getByLabel('事实“本周该顾问九折单数”条件 2 的值').inputValue()).toBe('0.9');
    await shot(page, '12-history-fact-p3');
    expect(await unlabelledControls(page)).toEqual([]);

    await page.goto(`${server.url}/admin/rules/after-sales-record.turnaround`);
    await page.getByRole('tab', { name: '事实与共享条件' }).click();
    const units = page.getByRole('group', { name: '事实“收修所需工作日”', exact: true });
    expect(await units.getAttribute('data-fact')).toBe('unitsDays');
    await expect.poll(() => selectText(units.getByLabel('事实“收修所需工作日”的计算的类型'))).toContain('向上取整');
    await expect.poll(() => units.getByLabel('事实“收修所需工作日”的计算：第 1 项：第 2 项的数值').inputValue()).toBe('10');
    await shot(page, '13-computed-fact-turnaround');
    expect(await unlabelledControls(page)).toEqual([]);
  });

  it("when the admin opens the facts of the after-sales record's (F1) rule sets, then no control is named by a fact's code", async () => {
    for (const ruleSet of ['after-sales-record.service', 'after-sales-record.turnaround']) {
      await page.goto(`${server.url}/admin/rules/${ruleSet}`);
      await page.getByRole('tab', { name: '事实与共享条件' }).click();
      const tab = page.getByRole('tabpanel', { name: '事实与共享条件' });
      const rows = tab.locator('[data-fact]');
      await expect.poll(() => rows.count()).toBeGreaterThan(0);
      // Every fact's code box under "advanced" open too: the code is its value, never its name.
      for (const advanced of await tab.locator('[data-fact]').getByRole('button', { name: '高级', exact: true }).all())
        await advanced.click();
      await expect.poll(() => tab.locator('[data-fact] input[aria-label$="的编号"]').count()).toBe(await rows.count());
      const codes = await rows.evaluateAll((elements) => elements.map((e) => e.getAttribute('data-fact') ?? ''));
      const names = await accessibleNames(tab);
      expect(names.length).toBeGreaterThan(codes.length * 4);
      expect(textsWithCodes(names, codes)).toEqual([]);
    }
  });

  it('when the admin declares a history and a computed fact and uses one in a condition, then they are saved and reload as declared', async () => {
    await page.goto(`${server.url}/admin/rules/vehicle-repair-request.policy`);
    await page.getByRole('tab', { name: '事实与共享条件' }).click();

    // History: repairs of the same vehicle this month.
    await page.getByRole('button', { name: '+ 历史统计' }).click();
    // Named in words: the code is made from the name (pinyin) and follows it; no code box in sight.
    expect(
      await page
        .locator('[data-fact]')
        .getByLabel(/的编号$/)
        .count(),
    ).toBe(0);
    await factRow(page, 'liShiJiLuShu').getByLabel('事实“历史记录数”的标签 (中文)').fill('本月同车维修次数');
    const named = factRow(page, 'benYueTongCheWeiXiuCiShu');
    await expect.poll(() => named.getAttribute('aria-label')).toBe('事实“本月同车维修次数”');
    // A code an integration expects can still be given under "advanced".
    await named.getByText('高级', { exact: true }).click();
    await named.getByLabel('事实“本月同车维修次数”的编号').fill('repairsThisMonth');
    const history = factRow(page, 'repairsThisMonth');
    await expect.poll(() => history.getByLabel('事实“本月同车维修次数”的标签 (中文)').inputValue()).toBe('本月同车维修次数');
    await history.getByLabel('事实“本月同车维修次数”的标签 (English)').fill('Repairs of this vehicle this month');
    await pick(page, history.getByLabel('事实“本月同车维修次数”的期间'), '本月');
    await history.getByRole('button', { name: '给事实“本月同车维修次数”添加条件' }).click();
    await expect.poll(() => selectText(history.getByLabel('事实“本月同车维修次数”条件 1 的比较对象'))).toContain('本记录的字段');

    // Computed: the repair cost with 6% tax.
    await page.getByRole('button', { name: '+ 计算值' }).click();
    await factRow(page, 'jiSuanZhi').getByLabel('事实“计算值”的标签 (中文)').fill('含税维修金额');
    const cost = factRow(page, 'hanShuiWeiXiuJinE');
    await cost.getByText('高级', { exact: true }).click();
    await cost.getByLabel('事实“含税维修金额”的编号').fill('costWithTax');
    const computed = factRow(page, 'costWithTax');
    await computed.getByLabel('事实“含税维修金额”的标签 (English)').fill('Repair cost with tax');
    await pick(page, computed.getByLabel('事实“含税维修金额”的计算的类型'), '相乘（×）');
    await computed.getByLabel('事实“含税维修金额”的计算：第 2 项的数值').fill('1.06');
    await expect.poll(() => page.getByRole('list', { name: /的问题$/ }).count()).toBe(0);
    await shot(page, '14-new-facts');
    expect(await unlabelledControls(page)).toEqual([]);

    // The engine's problems show at their fact: an empty label (an empty English one falls back to the Chinese).
    // Without a name, the fact is named by its place (the second fact), never by its code.
    await computed.getByLabel('的标签 (English)').fill('');
    await computed.getByLabel('的标签 (中文)').fill('');
    await expect.poll(() => computed.getAttribute('aria-label')).toBe('第 2 个事实');
    await expect.poll(() => computed.getByRole('list', { name: '第 2 个事实的问题' }).isVisible()).toBe(true);
    await shot(page, '14b-fact-problem-in-place');
    await computed.getByLabel('第 2 个事实的标签 (中文)').fill('含税维修金额');
    await computed.getByLabel('事实“含税维修金额”的标签 (English)').fill('Repair cost with tax');
    await expect.poll(() => computed.getByRole('list', { name: '事实“含税维修金额”的问题' }).count()).toBe(0);

    // A code already taken is refused in place, told by the fact that has it.
    await computed.getByLabel('事实“含税维修金额”的编号').fill('repairsThisMonth');
    await expect.poll(() => computed.getByText('事实“本月同车维修次数”已在使用这个编号。').isVisible()).toBe(true);
    await computed.getByLabel('事实“含税维修金额”的编号').blur();

    // The new fact is offered in the condition builder.
    await page.getByRole('tab', { name: '规则', exact: true }).click();
    await page.getByRole('button', { name: '+ 条件' }).first().click();
    await pick(page, page.locator('.rqb-host .rule').last().getByLabel('字段', { exact: true }), '本月同车维修次数');
    await pick(page, page.locator('.rqb-host .rule').last().getByLabel('比较', { exact: true }), '大于');
    await page.getByLabel('本月同车维修次数 的值').fill('2');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => page.getByText('草稿已保存').isVisible()).toBe(true);
    await shot(page, '15-condition-on-history-fact');

    await page.reload();
    await expect.poll(() => page.getByLabel('本月同车维修次数 的值').inputValue()).toBe('2');
    await page.getByRole('tab', { name: '事实与共享条件' }).click();
    await expect.poll(() => factRow(page, 'costWithTax').getAttribute('aria-label')).toBe('事实“含税维修金额”');
    await expect.poll(() => selectText(factRow(page, 'repairsThisMonth').getByLabel('事实“本月同车维修次数”的期间'))).toContain('本月');

    const token = await apiLogin(server.url);
    const detail = (await api(server.url, token, 'GET', '/rule-sets/vehicle-repair-request.policy')) as {
      draft: { definition: RuleSetFile };
    };
    expect(detail.draft.definition.facts).toEqual({
      repairsThisMonth: {
        kind: 'history',
        type: 'integer',
        label: { 'zh-CN': '本月同车维修次数', en: 'Repairs of this vehicle this month' },
        query: { aggregate: 'count', window: { unit: 'month' }, where: [{ field: 'vehicle', op: 'eq', value: { fact: 'vehicle' } }] },
      },
      costWithTax: {
        kind: 'computed',
        label: { 'zh-CN': '含税维修金额', en: 'Repair cost with tax' },
        value: { mul: [{ fact: 'total' }, 1.06] },
      },
    });
    expect(JSON.stringify(detail.draft.definition.rules[0]!.conditions)).toContain(
      '{"fact":"repairsThisMonth","operator":"greaterThan","value":2}',
    );
  });

  it('when the admin duplicates a form, publishes the copy and archives it, then staff no longer see it until it is restored', async () => {
    await page.goto(`${server.url}/admin/forms`);
    await page.getByRole('button', { name: '复制 车辆维修申请' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: '复制“车辆维修申请”' }).isVisible()).toBe(true);
    await page.getByLabel('中文名称').fill('车辆维修申请（分店）');
    await page.getByLabel('英文名称').fill('Vehicle repair request branch');
    await expect.poll(() => page.getByLabel('表单编号').inputValue()).toBe('vehicle-repair-request-branch');
    await page.getByRole('button', { name: '创建' }).click();
    await page.waitForURL('**/admin/forms/vehicle-repair-request-branch');
    // The copy has the original's fields, as a draft.
    await expect
      .poll(() => page.locator('[data-field-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-field-key'))))
      .toEqual(['vehicle', 'items', 'total']);
    await page.goto(`${server.url}/admin/forms`);
    const copyRow = page.getByRole('row').filter({ hasText: 'vehicle-repair-request-branch' });
    await expect.poll(() => copyRow.textContent()).toContain('未发布');
    await expect.poll(() => copyRow.textContent()).toContain('有草稿修改');
    await settled(page);
    await shot(page, '16-forms-list-copy');

    await copyRow.getByRole('link', { name: '车辆维修申请（分店）' }).click();
    await page.getByRole('button', { name: '发布' }).click();
    await expect.poll(() => page.getByText('已发布为第 1 版').isVisible()).toBe(true);
    await page.goto(`${server.url}/staff`);
    await expect.poll(() => page.getByRole('link', { name: '车辆维修申请（分店）' }).isVisible()).toBe(true);

    await page.goto(`${server.url}/admin/forms`);
    await page.getByRole('button', { name: '归档 车辆维修申请（分店）' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: '归档“车辆维修申请（分店）”？' }).isVisible()).toBe(true);
    await settled(page);
    await shot(page, '17-archive-confirm');
    await page.getByRole('dialog').getByRole('button', { name: '归档' }).click();
    await expect.poll(() => page.getByText('“车辆维修申请（分店）”已归档').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: '车辆维修申请（分店）' }).count()).toBe(0);
    await page.getByRole('switch', { name: '显示已归档' }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'vehicle-repair-request-branch' }).textContent()).toContain('已归档');
    await settled(page);
    await shot(page, '18-forms-list-archived');
    expect(await unlabelledControls(page)).toEqual([]);

    await page.goto(`${server.url}/staff`);
    await expect.poll(() => page.getByRole('link', { name: '车辆维修申请', exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: '车辆维修申请（分店）' }).count()).toBe(0);
    await settled(page);
    await shot(page, '19-staff-list-without-archived');

    await page.goto(`${server.url}/admin/forms`);
    await page.getByRole('switch', { name: '显示已归档' }).click();
    await page.getByRole('button', { name: '恢复 车辆维修申请（分店）' }).click();
    await expect.poll(() => page.getByText('“车辆维修申请（分店）”已恢复使用').isVisible()).toBe(true);
    await expect
      .poll(() => page.getByRole('row').filter({ hasText: 'vehicle-repair-request-branch' }).textContent())
      .not.toContain('已归档');
    await page.goto(`${server.url}/staff`);
    await expect.poll(() => page.getByRole('link', { name: '车辆维修申请（分店）' }).isVisible()).toBe(true);
    await page.goto(`${server.url}/admin/rules/vehicle-repair-request.policy`);
  });

  it('when the admin duplicates a rule set and archives the copy, then it is marked archived and can be restored', async () => {
    await page.goto(`${server.url}/admin/rules?form=vehicle-repair-request`);
    await page.getByRole('button', { name: '复制 车辆维修规则' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: '复制“车辆维修规则”' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByLabel('规则集编号').inputValue()).toBe('vehicle-repair-request.policy-copy');
    await page.getByLabel('中文名称').fill('车辆维修规则（试行）');
    await page.getByLabel('英文名称').fill('Vehicle repair rules (trial)');
    await page.getByRole('button', { name: '创建' }).click();
    await page.waitForURL('**/admin/rules/vehicle-repair-request.policy-copy');
    // The copy has the original's draft: its rule and its facts.
    await expect.poll(() => page.getByRole('button', { name: /^A1 车辆维修超过/ }).isVisible()).toBe(true);
    await page.getByRole('tab', { name: '事实与共享条件' }).click();
    await expect.poll(() => factRow(page, 'repairsThisMonth').getAttribute('aria-label')).toBe('事实“本月同车维修次数”');

    await page.goto(`${server.url}/admin/rules?form=vehicle-repair-request`);
    const copyRow = page.getByRole('row').filter({ hasText: 'vehicle-repair-request.policy-copy' });
    await expect.poll(() => copyRow.textContent()).toContain('未发布');
    await copyRow.getByRole('button', { name: '归档 车辆维修规则（试行）' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '归档' }).click();
    await expect.poll(() => page.getByText('“车辆维修规则（试行）”已归档').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: '车辆维修规则（试行）' }).count()).toBe(0);
    await page.getByRole('switch', { name: '显示已归档' }).click();
    await expect
      .poll(() => page.getByRole('row').filter({ hasText: 'vehicle-repair-request.policy-copy' }).textContent())
      .toContain('已归档');
    await settled(page);
    await shot(page, '20-rule-sets-list-archived');
    expect(await unlabelledControls(page)).toEqual([]);
    await page.getByRole('button', { name: '恢复 车辆维修规则（试行）' }).click();
    await expect.poll(() => page.getByText('“车辆维修规则（试行）”已恢复使用').isVisible()).toBe(true);
    await expect
      .poll(() => page.getByRole('row').filter({ hasText: 'vehicle-repair-request.policy-copy' }).textContent())
      .not.toContain('已归档');
    await page.goto(`${server.url}/admin/rules/vehicle-repair-request.policy`);
  });

  it('when the admin switches to English, then the designer speaks English', async () => {
    await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Rules' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Save draft' }).isVisible()).toBe(true);
    await shot(page, '11-rule-editor-english');
    await page.getByRole('tab', { name: 'Facts and shared conditions' }).click();
    await expect.poll(() => page.getByRole('button', { name: '+ History fact' }).isVisible()).toBe(true);
    await settled(page);
    await shot(page, '11b-facts-english');
    expect(errors).toEqual([]);
  });
});

/** Signs in over the API; returns the session cookie. */
async function apiLogin(url: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

async function api(url: string, cookie: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}
