import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './support/playwright.js';
import { launchBrowser, shot } from './support/browser.js';
import { ADMIN, startServer, type TestServer } from './support/startServer.js';
import { unlabelledControls } from './support/unlabelledControls.js';

/** An admin edits P10 (the driver's share of an accident's cost) as one table, in Chinese: no JSON, a handful of actions. */
describe('decision tables in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const downloads = mkdtempSync(join(tmpdir(), 'aftersales-tables-'));
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/admin/rules/vehicle-use.vehicles`);
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码').fill(ADMIN.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL('**/admin/rules/vehicle-use.vehicles');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  const cell = (row: number, column: string) => page.getByLabel(`第 ${row} 行，${column}`, { exact: true });
  const type = async (row: number, column: string, text: string) => {
    await cell(row, column).fill(text);
    await cell(row, column).press('Enter');
  };

  it('when the admin opens the tables tab, then P10 shows its four shares as rows with their percentages', async () => {
    await page.getByRole('tab', { name: '决策表' }).click();
    await page.getByText('交通事故费用分摊（保险后）', { exact: true }).click();
    await expect.poll(() => cell(1, '事故责任').inputValue()).toBe('次要责任');
    expect(await cell(1, '占“保险后事故费用”的百分比（%）').inputValue()).toBe('5');
    expect(await cell(4, '占“保险后事故费用”的百分比（%）').inputValue()).toBe('100');
    expect(await page.getByText('首个命中（按行序）').isVisible()).toBe(true);
    expect(await unlabelledControls(page)).toEqual([]);
    await shot(page, 'tables-01-p10');
  });

  it('when the admin changes the percentages and adds a band, then the rule set holds the new rules (no JSON typed)', async () => {
    // Two cells pasted from a spreadsheet fill rows 1 and 2.
    await cell(1, '占“保险后事故费用”的百分比（%）').evaluate((element, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, '6\n10\n');
    await expect.poll(() => cell(1, '占“保险后事故费用”的百分比（%）').inputValue()).toBe('6');
    expect(await cell(2, '占“保险后事故费用”的百分比（%）').inputValue()).toBe('10');
    expect(await cell(1, '占“保险后事故费用”的百分比（%）').inputValue()).toBe('6');
    await page.getByRole('button', { name: '添加一行' }).click();
    await type(5, '规则名称', '交通事故（无责任也分摊）');
    await type(5, '事故责任', '无事故');
    await type(5, '保险后事故费用', '> 0');
    await type(5, '占“保险后事故费用”的百分比（%）', '1');
    await type(5, '原因', '无责任分摊');
    await expect.poll(() => cell(5, '占“保险后事故费用”的百分比（%）').inputValue()).toBe('1');

    // Dragged to the top, then undone and redone with the rule set's undo/redo, then undone again.
    await page.locator('tr[data-row="5"] th').dragTo(page.locator('tr[data-row="1"] th'));
    await expect.poll(() => cell(1, '事故责任').inputValue()).toBe('无事故');
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => cell(1, '事故责任').inputValue()).toBe('次要责任');
    await page.getByRole('button', { name: '重做' }).click();
    await expect.poll(() => cell(1, '事故责任').inputValue()).toBe('无事故');
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => cell(5, '事故责任').inputValue()).toBe('无事故');
  });

  it('when a row overlaps an earlier one, then the overlap warning names both rows; a bad cell is refused in words', async () => {
    await page.getByRole('button', { name: '添加一行' }).click();
    await type(6, '事故责任', '任意');
    await type(6, '保险后事故费用', '> 1000');
    await expect.poll(() => page.getByText('第 6 行与第 1 行有重叠：两行都满足时以第 1 行为准').isVisible()).toBe(true);
    await cell(6, '保险后事故费用').fill('大约一千');
    await cell(6, '保险后事故费用').press('Enter');
    await expect.poll(() => page.getByText('“大约一千”不是数字').isVisible()).toBe(true);
    await shot(page, 'tables-02-overlap');
    await page.getByRole('button', { name: '删除第 6 行' }).click();
    await expect.poll(() => page.getByText('第 6 行与第 1 行有重叠：两行都满足时以第 1 行为准').count()).toBe(0);
  });

  it('when the table is exported to Excel and imported back, then the import shows no change and the file reads as the table', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    const file = join(downloads, 'p10.xlsx');
    await download.saveAs(file);
    const rows = await readSheet(readFileSync(file));
    expect(rows[0]).toEqual([
      '规则名称',
      '事故责任',
      '保险后事故费用',
      '占“保险后事故费用”的百分比（%）',
      '承担人',
      '原因（中文）',
      '原因 (English)',
    ]);
    expect(rows.slice(1).map((r) => [r[1], r[3]])).toEqual([
      ['次要责任', '6'],
      ['同等责任', '10'],
      ['主要责任', '20'],
      ['私自用车', '100'],
      ['无事故', '1'],
    ]);
    await page.getByLabel('导入 Excel 或 CSV').setInputFiles(file);
    await expect.poll(() => page.getByText('新增 0 行，删除 0 行，修改 0 行。').isVisible()).toBe(true);
    await shot(page, 'tables-03-import');
    await page.getByRole('button', { name: '应用这些更改' }).click();
  });

  it('when the admin opens the saved P10 case in the test bench, then the explanation names the table row that matched', async () => {
    await page.getByRole('tab', { name: '测试台' }).click();
    await page.getByRole('button', { name: '在测试台打开测试用例 交通事故，同等责任（P10）' }).click();
    await page.getByRole('button', { name: '运行规则' }).click();
    await expect.poll(() => page.getByText('命中：决策表“交通事故费用分摊（保险后）”第 2 行').isVisible()).toBe(true);
    expect(await page.getByText('决策表“交通事故费用分摊（保险后）”第 1 行', { exact: true }).isVisible()).toBe(true);
    await shot(page, 'tables-04-bench');
  });

  it('when the admin publishes, then a vehicle-use record with a minor share of a 1,000 yuan accident gets a 60 yuan fine', async () => {
    await page.getByRole('tab', { name: '发布' }).click();
    await page.getByRole('button', { name: '运行测试用例和影响预览' }).click();
    await page.getByRole('button', { name: '发布', exact: true }).last().click();
    await expect.poll(() => page.getByText(/已发布为第 \d+ 版/).isVisible()).toBe(true);
    const created = await page.request.post(`${server.url}/api/v1/records`, {
      data: {
        form: 'vehicle-use',
        data: {
          user: '张三',
          driver: '李四',
          departureTime: '2025-10-20T09:00:00+08:00',
          purpose: '送货',
          accidentResponsibility: 'minor',
          accidentCostAfterInsurance: 1000,
        },
      },
      headers: { 'X-Requested-With': 'aftersales' },
    });
    expect(created.status()).toBe(201);
    const body = (await created.json()) as {
      evaluation?: { outcome: { fines: { amount: number }[] } };
      outcome?: { fines: { amount: number }[] };
    };
    const fines = (body.evaluation?.outcome ?? body.outcome)!.fines.map((f) => f.amount);
    expect(fines).toContain(60);
    expect(errors).toEqual([]);
  });
});
