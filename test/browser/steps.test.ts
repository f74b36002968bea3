import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from './support/playwright.js';
import { launchBrowser, shot } from './support/browser.js';
import { startServer, type TestServer } from './support/startServer.js';

/**
 * The staff form by steps, in Chinese: the clerk dispatches at her desk (1440x900) and the record
 * shows her step's sections first; the technician opens his job on his phone (390x844), taps 已到场
 * (the arrival time is the server's, nothing typed), and a save with an error lands on the field.
 */
describe('sections, one-tap steps and the first error in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  let jobId = '';

  async function page(size: 'desk' | 'phone'): Promise<Page> {
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: size === 'desk' ? { width: 1440, height: 900 } : { width: 390, height: 844 },
      ...(size === 'phone' ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    });
    contexts.push(context);
    const p = await context.newPage();
    p.on('pageerror', (e) => errors.push(e.message));
    return p;
  }

  async function signIn(p: Page, username: string): Promise<void> {
    await p.goto(`${server.url}/login`);
    await p.getByLabel('用户名').fill(username);
    await p.getByLabel('密码').fill(`${username}-password-2025`);
    await p.getByRole('button', { name: '登录' }).click();
    await p.waitForURL(/\/staff$/);
  }

  const headings = (p: Page) => p.locator('.record-sections > .form-section > .form-section-heading').allTextContents();

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    for (const [username, displayName, policyRoles] of [
      ['clerk', '客服小张', ['customerServiceClerk']],
      ['wang', '王师傅', ['technician']],
    ] as const)
      await server.services.auth.createUser({
        username,
        displayName,
        password: `${username}-password-2025`,
        roles: ['staff'],
        policyRoles: [...policyRoles],
        stores: ['jiefang'],
      });
    await server.services.people.nameStore('jiefang', '解放路店', new Date().toISOString());
    const { record } = await server.services.records.create(
      'after-sales-record',
      {
        store: 'jiefang',
        customer: { name: '李女士', phone: '13800138000', address: '解放路 18 号' },
        serviceType: 'repair',
        problemDescription: '厨房龙头漏水',
        zone: 'urban',
        callTime: new Date().toISOString(),
      },
      'clerk',
      { store: 'jiefang' },
    );
    jobId = record.id;
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
    expect(errors).toEqual([]);
  });

  it('the clerk sees her step (来电登记, 派工) first, dispatches to 王师傅 and moves the job to 已派工, at desk size', async () => {
    const clerk = await page('desk');
    await signIn(clerk, 'clerk');
    await clerk.goto(`${server.url}/staff/records/${jobId}`);
    await expect.poll(() => headings(clerk)).toEqual(['来电登记', '派工', '其他栏目']);
    // The technician's sections are there, collapsed.
    expect(await clerk.locator('.record-sections .ant-collapse-header').allTextContents()).toEqual(
      expect.arrayContaining(['到场', '维修', '配件与收费', '照片', '客户签字']),
    );
    await clerk.getByLabel('派工给').selectOption({ label: '王师傅' });
    await clerk.getByRole('button', { name: '派工', exact: true }).click();
    await expect.poll(() => clerk.getByTestId('assignee').textContent()).toBe('王师傅');
    await clerk.getByRole('button', { name: '已派工', exact: true }).click();
    await expect.poll(() => headings(clerk)).toEqual(['联系客户', '到场', '维修', '配件与收费', '照片', '客户签字', '其他栏目']);
    await shot(clerk, 'steps-dispatched-desk');
  });

  it('the clerk registers a new call on her phone: 来电登记 and 派工 open, the later sections folded and one tap away', async () => {
    const clerk = await page('phone');
    await signIn(clerk, 'clerk');
    await clerk.goto(`${server.url}/staff/forms/after-sales-record/new`);
    const formHeadings = () => clerk.locator('.sectioned-fields > .form-section > .form-section-heading').allTextContents();
    await expect.poll(formHeadings).toEqual(['来电登记', '派工', '其他栏目']);
    const folded = clerk.locator('.sectioned-fields .ant-collapse-header');
    expect(await folded.allTextContents()).toEqual(['到场', '维修', '配件与收费', '照片', '客户签字', '回访与结算']);
    // An older job entered whole: its arrival is one tap away.
    expect(await clerk.getByText('到场时间', { exact: true }).count()).toBe(0);
    await folded.filter({ hasText: '到场' }).click();
    await expect.poll(() => clerk.getByText('到场时间', { exact: true }).isVisible()).toBe(true);
    expect(await clerk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(clerk, 'steps-new-call-phone');

    // What she types in a later step's section is kept as a draft; when the form opens again, that section opens with it.
    await folded.filter({ hasText: '配件与收费' }).click();
    await clerk.getByLabel('收费金额', { exact: true }).fill('120');
    await expect.poll(() => clerk.getByText(/草稿已保存/).isVisible()).toBe(true);
    await clerk.reload();
    await expect.poll(() => clerk.getByText(/已恢复您 .* 保存的草稿/).isVisible()).toBe(true);
    await expect.poll(() => clerk.getByLabel('收费金额', { exact: true }).isVisible()).toBe(true);
    expect(await clerk.getByLabel('收费金额', { exact: true }).inputValue()).toBe('120');
    // Only it: the sections without values stay folded.
    expect(await clerk.getByText('到场时间', { exact: true }).count()).toBe(0);
    expect(await clerk.locator('.sectioned-fields .ant-collapse-item-active .ant-collapse-header').allTextContents()).toEqual([
      '配件与收费',
    ]);
    await shot(clerk, 'steps-new-call-draft-phone');
    await clerk.getByRole('button', { name: '丢弃草稿' }).click();
  });

  it('王师傅 opens his job on the phone: his sections come first, 已到场 stamps the arrival time in one tap, and the page fits 390 px', async () => {
    const tech = await page('phone');
    await signIn(tech, 'wang');
    await tech.goto(`${server.url}/staff/jobs`);
    await tech.locator('.job-link').first().click();
    await tech.waitForURL(new RegExp(`/staff/records/${jobId}$`));
    await expect.poll(() => headings(tech)).toEqual(['联系客户', '到场', '维修', '配件与收费', '照片', '客户签字', '其他栏目']);
    const arrive = tech.getByRole('button', { name: '已到场', exact: true });
    expect(await tech.locator('.stamp-note').first().textContent()).toBe('“到场时间”记为当前时间');
    const before = Date.now();
    await arrive.click();
    await expect.poll(async () => (await server.services.records.stored(jobId)).status).toBe('onSite');
    const stored = await server.services.records.stored(jobId);
    const stamped = Date.parse(String(stored.data.arrivalTime));
    expect(stamped).toBeGreaterThanOrEqual(before - 1000);
    expect(stamped).toBeLessThanOrEqual(Date.now());
    // The arrival shows in words on the record, in its section, without anyone typing it.
    await expect.poll(() => tech.locator('#view-section-arrival + .record-data').textContent()).toContain('到场时间');
    expect(await tech.locator('.record-meta').textContent()).toContain('已到场');
    // The store by its name, never its id.
    expect(await tech.locator('.record-meta').textContent()).toContain('解放路店');
    expect(await tech.locator('body').innerText()).not.toMatch(/\bjiefang\b/);
    expect(await tech.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // On site, 已完工 is the step on; 转为“未完成” stands beside it as a plain button.
    const done = tech.getByRole('button', { name: '已完工', exact: true });
    await expect.poll(() => done.getAttribute('class')).toContain('ant-btn-primary');
    expect(await tech.getByRole('button', { name: '转为“未完成”' }).getAttribute('class')).not.toContain('ant-btn-primary');
    await shot(tech, 'steps-arrived-phone');
  });

  it('王师傅 saves a parts line without its name: the page lands on that field, focused, at both sizes', async () => {
    for (const size of ['phone', 'desk'] as const) {
      const tech = await page(size);
      await signIn(tech, 'wang');
      await tech.goto(`${server.url}/staff/records/${jobId}`);
      await tech.getByRole('button', { name: '修改' }).click();
      await expect.poll(() => tech.locator('form .form-section-heading').first().textContent()).toBe('到场');
      await tech.locator('#edit_partsUsed__add').click();
      await tech.locator('#edit_partsUsed_0_qty').fill('2');
      await tech.getByRole('button', { name: '保存修改' }).click();
      await expect.poll(() => tech.evaluate(() => document.activeElement?.id)).toBe('edit_partsUsed_0_name');
      const inView = await tech.evaluate(() => {
        const r = document.activeElement!.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      });
      expect(inView).toBe(true);
      await shot(tech, `steps-first-error-${size}`);
    }
  });

  it('王师傅 fills a parts requisition on his phone: letters in a number are refused visibly, 85,50 is 85.5, subtotal and total are computed', async () => {
    const tech = await page('phone');
    await signIn(tech, 'wang');
    await tech.goto(`${server.url}/staff/forms/parts-requisition/new`);
    await tech.locator('#record_items__add').click();
    await tech.locator('#record_items_0_name').fill('进水阀');
    await tech.locator('#record_items_0_qty').fill('1O');
    await expect.poll(() => tech.locator('.number-input-error').textContent()).toBe('请填写整数，如 3（不能有字母或小数）');
    expect(await tech.locator('#record_items_0_qty').inputValue()).toBe('1O');
    await tech.locator('#record_items_0_qty').fill('2');
    expect(await tech.locator('.number-input-error').count()).toBe(0);
    await tech.locator('#record_items_0_unitPrice').fill('85,50');
    await expect.poll(() => tech.locator('#record_items_0_subtotal').inputValue()).toBe('171');
    await expect.poll(() => tech.locator('#record_totalAmount').inputValue()).toBe('171');
    expect(await tech.locator('#record_totalAmount').isEditable()).toBe(false);
    await tech.locator('#record_requester').selectOption({ label: '王师傅' });
    await tech.locator('#record_purpose').selectOption({ label: '维修' });
    expect(await tech.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(tech, 'steps-requisition-total-phone');
    await tech.getByRole('button', { name: '提交' }).click();
    await expect
      .poll(async () => (await server.services.store.listRecords({ formId: 'parts-requisition', limit: 10, offset: 0 })).total)
      .toBe(1);
    const [stored] = (await server.services.store.listRecords({ formId: 'parts-requisition', limit: 10, offset: 0 })).items;
    expect(stored!.data).toMatchObject({ totalAmount: 171, items: [{ name: '进水阀', qty: 2, unitPrice: 85.5, subtotal: 171 }] });

    // On the record page his phone shows each line as a box of its fields, not a table scrolled sideways.
    await tech.goto(`${server.url}/staff/records/${stored!.id}`);
    const line = tech.locator('.record-data .record-rows > li');
    await expect.poll(() => line.count()).toBe(1);
    expect((await line.innerText()).replace(/\s+/g, ' ')).toContain('名称 进水阀 数量 2');
    expect(await tech.locator('.record-data .ant-table').count()).toBe(0);
    expect(await tech.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(tech, 'steps-requisition-record-phone');
  });

  it('the record page on the phone: nothing wider than 390 px, 44 px touch targets, tap-to-call and a map link for the address', async () => {
    const tech = await page('phone');
    await signIn(tech, 'wang');
    await tech.goto(`${server.url}/staff/records/${jobId}`);
    await expect.poll(async () => (await headings(tech)).length).toBeGreaterThan(1);
    // On site, the customer's section is collapsed, yet calling the customer and opening the map are one tap away.
    const contact = tech.getByRole('region', { name: '联系客户' });
    await expect.poll(() => contact.locator('a.tel-link').isVisible()).toBe(true);
    expect(await contact.locator('a.tel-link').getAttribute('href')).toBe('tel:13800138000');
    expect(await contact.locator('a.map-link').isVisible()).toBe(true);
    await shot(tech, 'steps-record-phone-contact');
    // Open every collapsed section: what it holds must fit too.
    for (const header of await tech.locator('.record-sections .ant-collapse-header').all()) await header.click();
    const wide = await tech.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('body *'))
        .filter((e) => e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().right > 390.5)
        .map((e) => `${e.tagName.toLowerCase()}.${Array.from(e.classList).join('.')} ${Math.round(e.getBoundingClientRect().right)}`),
    );
    expect(wide).toEqual([]);
    const small = await tech.evaluate(() =>
      Array.from(
        document.querySelectorAll<HTMLElement>('.app-header button, .language-switch-item, .ant-checkbox-wrapper, a.tel-link, a.map-link'),
      )
        .map((e) => ({
          what: e.textContent?.trim() ?? e.className,
          h: e.getBoundingClientRect().height,
          w: e.getBoundingClientRect().width,
        }))
        .filter((r) => r.h < 44 || r.w < 44),
    );
    expect(small).toEqual([]);
    await expect.poll(() => tech.locator('a.tel-link').last().getAttribute('href')).toBe('tel:13800138000');
    const map = tech.locator('a.map-link').last();
    expect(await map.textContent()).toBe('解放路 18 号');
    expect(await map.getAttribute('href')).toBe(`https://uri.amap.com/search?keyword=${encodeURIComponent('解放路 18 号')}`);
    await shot(tech, 'steps-record-phone');
  });
});
