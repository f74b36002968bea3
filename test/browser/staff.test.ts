import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './support/playwright.js';
import { apiAs, fillDateTime, Pages, signIn as signInAs, type Screen } from './support/session.js';
import { seriousA11yViolations } from './support/axe.js';
import { launchBrowser, shot, shotView } from './support/browser.js';
import { ADMIN, startServer, type TestServer } from './support/startServer.js';
import { unlabelledControls } from './support/unlabelledControls.js';

/**
 * A day of after-sales work in the browser, in Chinese: a clerk registers a repair call (F1, T1), a
 * technician fills a parts requisition on a phone (F2) and attaches a photo, a vehicle repair above
 * 200 yuan waits for the general manager who approves it from the inbox (A1), and once the server's
 * clock passes the due times the manager sees the late work on the overdue board and the fine in
 * the ledger (T9). The server's clock is the test's: it starts on Thu 2025-10-09 09:00 China time.
 */
describe('staff workspace in Chromium', () => {
  let now = new Date('2025-10-09T09:00:00+08:00');
  let server: TestServer;
  let browser: Browser;
  const pages = new Pages(() => browser);
  let callRecordId = '';

  const users = [
    { username: 'clerk', displayName: '客服小张', roles: ['staff'], policyRoles: ['customerServiceClerk'], stores: ['jiefang'] },
    { username: 'tech', displayName: '王师傅', roles: ['staff'], policyRoles: ['technician'], stores: ['jiefang'] },
    { username: 'driver', displayName: '司机老李', roles: ['staff'], policyRoles: ['driver'], stores: ['jiefang'] },
    { username: 'boss', displayName: '总经理', roles: ['manager'], policyRoles: ['generalManager', 'afterSalesManager'], stores: [] },
  ];
  const password = (username: string) => `${username}-password-2025`;

  const newPage = (screen: Screen) => pages.open(screen);

  const signIn = (page: Page, username: string) => signInAs(page, server.url, username, password(username));

  const api = (username: string, method: string, path: string, body?: unknown) =>
    apiAs(server.url, username, username === 'admin' ? ADMIN.password : password(username), method, path, body);

  async function expectAccessible(page: Page): Promise<void> {
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await unlabelledControls(page)).toEqual([]);
  }

  beforeAll(async () => {
    server = await startServer({ clock: () => now });
    browser = await launchBrowser();
    for (const user of users) await api('admin', 'POST', '/users', { ...user, password: password(user.username) });
  });

  afterAll(async () => {
    await pages.close();
    await browser?.close();
    await server?.close();
    expect(pages.errors).toEqual([]);
  });

  it('T1 applies: a clerk registers an urban repair call at 09:00 and sees it due at 16:00, 6 working hours later', async () => {
    const page = await newPage('desk');
    // The notices answer late: while they load, the card says nothing wrong and the page stays accessible.
    let answerNotices!: () => void;
    const noticesHeld = new Promise<void>((resolve) => (answerNotices = resolve));
    await page.route('**/api/v1/notifications**', async (route) => {
      await noticesHeld;
      await route.continue();
    });
    await signIn(page, 'clerk');
    await expect.poll(() => page.getByRole('heading', { name: '您好，客服小张' }).isVisible()).toBe(true);
    const myForms = page.locator('.ant-card').filter({ hasText: '我要填的表' });
    await expect.poll(() => myForms.getByRole('link', { name: '售后服务处理记录表' }).isVisible()).toBe(true);
    const notices = page.locator('.ant-card').filter({ hasText: '通知与提醒' });
    expect(await notices.locator('.ant-spin-spinning').count()).toBe(1);
    expect(await notices.getByText('暂无新通知。').isVisible()).toBe(false);
    await expectAccessible(page);
    answerNotices();
    await expect.poll(() => notices.locator('.ant-spin-spinning').count()).toBe(0);
    await expect.poll(() => notices.getByText('暂无新通知。').isVisible()).toBe(true);
    await expectAccessible(page);
    await shot(page, 'staff-01-home');

    await myForms.getByRole('link', { name: '售后服务处理记录表' }).click();
    await page.waitForURL('**/staff/forms/after-sales-record/new');
    // The ticket number is the server's: read-only here, given when the record is saved.
    expect(await page.getByLabel('单号', { exact: true }).isEditable()).toBe(false);
    await page.getByLabel('姓名', { exact: true }).fill('李女士');
    await page.getByLabel('电话', { exact: true }).fill('13800138000');
    // The draft is kept as the clerk types and comes back after a reload.
    await expect.poll(() => page.getByText(/草稿已保存/).isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByText(/已恢复您 .* 保存的草稿/).isVisible()).toBe(true);
    expect(await page.getByLabel('姓名', { exact: true }).inputValue()).toBe('李女士');

    // Checked in the browser by the server's own validate functions: nothing is sent while the record is wrong.
    let posts = 0;
    page.on('request', (r) => void (r.method() === 'POST' && r.url().endsWith('/api/v1/records') && posts++));
    // A new call opens at its first step: the fees are a later section, folded until opened.
    await page.locator('form .ant-collapse-header', { hasText: '配件与收费' }).click();
    await page.getByLabel('收费金额', { exact: true }).fill('19.995');
    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.getByText('“服务类型” 必填').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText('“收费金额” 最多 2 位小数').first().isVisible()).toBe(true);
    await expectAccessible(page);
    await shot(page, 'staff-02-fill-f1-errors');
    expect(posts).toBe(0);
    await page.getByLabel('收费金额', { exact: true }).fill('19.99');

    await choose(page, '服务类型', '维修');
    await choose(page, '区域', '市区');
    await fillDateTime(page, '来电时间', '2025-10-09 09:00');
    await expectAccessible(page);
    await shot(page, 'staff-02-fill-f1');

    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.getByText('售后服务处理记录表已保存').isVisible()).toBe(true);
    const answer = page.locator('.policy-answer');
    await expect.poll(() => answer.textContent()).toMatch(/16:00.*6个工作小时/);
    await page.getByRole('button', { name: /为什么/ }).click();
    await expect.poll(() => page.getByText(/T1/).first().isVisible()).toBe(true);
    await shot(page, 'staff-03-submitted-outcome');

    await page.getByRole('button', { name: '打开记录' }).click();
    await page.waitForURL(/\/staff\/records\/[0-9a-f-]{36}$/);
    callRecordId = page.url().split('/').pop()!;
    await expect.poll(() => page.getByRole('heading', { name: /SH-20251009-001/ }).isVisible()).toBe(true);
    await expect.poll(() => page.locator('.chip-onTime').first().textContent()).toMatch(/未到期/);
    await expect.poll(() => page.getByRole('button', { name: '已派工', exact: true }).isEnabled()).toBe(true);
    await expectAccessible(page);
    await shot(page, 'staff-04-record-detail');

    await page.goto(`${server.url}/staff/records`);
    await expect.poll(() => page.getByRole('link', { name: 'SH-20251009-001' }).isVisible()).toBe(true);
    await expectAccessible(page);
    await shot(page, 'staff-05-my-records');
  });

  it('F2 accepts: a technician fills a parts requisition on a phone and attaches a photo taken with the camera', async () => {
    const page = await newPage('phone');
    await signIn(page, 'tech');
    await page.locator('.ant-card').filter({ hasText: '我要填的表' }).getByRole('link', { name: '配件领用单' }).click();
    await page.waitForURL('**/staff/forms/parts-requisition/new');
    // The requisition number is the server's; the requester is picked by name.
    await page.getByLabel('领用人', { exact: true }).selectOption({ label: '王师傅' });
    await page
      .getByRole('button')
      .filter({ has: page.locator('.anticon-plus-circle') })
      .first()
      .click();
    await page.getByLabel('名称', { exact: true }).fill('进水阀');
    await page.getByLabel('数量', { exact: true }).fill('1');
    await choose(page, '用途', '维修');

    // One column on a phone: no sideways scrolling, inputs span the screen, touch targets 44px high.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = (await page.getByLabel('领料单号', { exact: true }).boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.height).toBeGreaterThanOrEqual(44);
    await expectAccessible(page);
    await shot(page, 'staff-06-phone-f2');

    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.getByText('配件领用单已保存').isVisible()).toBe(true);
    // It is saved as a draft: the answer says so, and where it goes next.
    expect(await page.getByText('当前状态：草稿。下一步：在记录中转为“已提交”。').isVisible()).toBe(true);
    // The approvals the requisition asks for are there, each one waiting.
    const asks = page.locator('.policy-answer').getByRole('listitem').filter({ hasText: '审批：' });
    await expect.poll(() => asks.count()).toBeGreaterThan(0);
    expect(await asks.filter({ hasNotText: '待审批' }).count()).toBe(0);
    await shot(page, 'staff-07-phone-f2-submitted');

    // The photo: the camera button opens the phone camera (capture=environment); here Chromium gets a file.
    await page.goto(`${server.url}/staff/records/${callRecordId}`);
    await page.getByRole('button', { name: '修改' }).click();
    // Photos are the technician's section: collapsed while the call is only registered.
    await page.locator('form .ant-collapse-header', { hasText: '照片' }).click();
    const camera = page.getByRole('button', { name: /^拍照/ }).first();
    const capture = await page.locator('input[type=file][capture=environment]').first().getAttribute('capture');
    expect(capture).toBe('environment');
    // A file that only claims to be a photo is refused, with the reason in Chinese.
    const fake = page.waitForEvent('filechooser');
    await camera.click();
    await (await fake).setFiles({ name: '假照片.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') });
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '上传失败：文件内容与类型 image/png 不符' }).isVisible()).toBe(true);
    const photo = await page.screenshot({ type: 'png' });
    const chooser = page.waitForEvent('filechooser');
    await camera.click();
    await (await chooser).setFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: photo });
    await expect.poll(() => page.locator('.photo-thumb img').count()).toBe(1);
    await page.getByRole('button', { name: '保存修改' }).click();
    await expect.poll(() => page.getByRole('button', { name: '修改' }).isVisible()).toBe(true);
    await page.locator('.record-sections .ant-collapse-header', { hasText: '照片' }).click();
    const thumb = page.locator('.photo-thumb img').first();
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('修改了：照片').isVisible()).toBe(true);
    await shot(page, 'staff-08-phone-photo-attached');
  });

  it('A1 applies: a vehicle repair above 200 yuan waits for the general manager, who approves it from the inbox', async () => {
    const trip = await api('driver', 'POST', '/records', {
      form: 'vehicle-use',
      store: 'jiefang',
      data: {
        user: '王师傅',
        driver: 'driver',
        departureTime: '2025-10-09T09:30:00+08:00',
        purpose: '送货',
        repairCost: 350,
        repairDescription: '换刹车片',
      },
    });
    for (const to of ['approved', 'out', 'returned']) await api('boss', 'POST', `/records/${trip.id}/transitions`, { to });

    const driverPage = await newPage('desk');
    await signIn(driverPage, 'driver');
    await driverPage.goto(`${server.url}/staff/records/${trip.id}`);
    const repair = driverPage.getByRole('button', { name: '转为“维修已批准”' });
    await expect.poll(() => repair.isDisabled()).toBe(true);
    await expect.poll(() => driverPage.getByText(/需审批.*维修费用超过 200 元/).isVisible()).toBe(true);
    // What the policy asks says what became of it: waiting, then approved and by whom.
    const policyAnswer = driverPage
      .locator('.staff-card')
      .filter({ has: driverPage.getByRole('heading', { name: '政策要求', exact: true }) });
    const asked = policyAnswer.getByRole('listitem').filter({ hasText: '需总经理审批：维修费用超过 200 元' });
    await expect.poll(() => asked.getByText('待审批', { exact: true }).isVisible()).toBe(true);
    await shot(driverPage, 'staff-09-a1-waiting');

    const boss = await newPage('desk');
    await signIn(boss, 'boss');
    await boss.getByRole('link', { name: '审批' }).first().click();
    await boss.waitForURL('**/staff/approvals');
    const card = boss.locator('.approval-card').filter({ hasText: '维修费用超过 200 元' });
    await expect.poll(() => card.isVisible()).toBe(true);
    await expect.poll(() => card.getByText('350').isVisible()).toBe(true);
    await expectAccessible(boss);
    await shot(boss, 'staff-10-approvals-inbox');
    await card.getByRole('button', { name: '批准' }).click();
    await boss.getByLabel('意见（可选）').fill('同意维修');
    await boss.getByRole('dialog').getByRole('button', { name: '批准' }).click();
    await expect.poll(() => boss.getByText('已批准：记录现在可以转为“维修已批准”。').isVisible()).toBe(true);

    await driverPage.reload();
    await expect.poll(() => repair.isEnabled()).toBe(true);
    await expect.poll(() => asked.getByText('已批准 · 总经理', { exact: true }).isVisible()).toBe(true);
    expect(await asked.textContent()).not.toContain('待审批');
    await repair.click();
    await expect.poll(() => driverPage.locator('.record-meta').getByText('维修已批准').isVisible()).toBe(true);
    await expect.poll(() => driverPage.getByText(/→ 维修已批准/).isVisible()).toBe(true);
    // The history says who asked for what, who approved it, when and with what comment, among the record's own entries.
    const history = driverPage.locator('.staff-card').filter({ has: driverPage.getByRole('heading', { name: '历史', exact: true }) });
    await expect.poll(() => history.getByText('总经理 批准了审批：维修费用超过 200 元 — 备注：同意维修').isVisible()).toBe(true);
    await expect.poll(() => history.getByText('需总经理审批：维修费用超过 200 元').isVisible()).toBe(true);
    expect(await history.textContent()).not.toMatch(/boss|generalManager|approved|asked|\d{4}-\d{2}-\d{2}T/);
    await shot(driverPage, 'staff-11-a1-approved-moved');
    // On the driver's phone: the history card, each event readable at 390 px.
    const phone = await newPage('phone');
    await signIn(phone, 'driver');
    await phone.goto(`${server.url}/staff/records/${trip.id}`);
    const phoneHistory = phone.locator('.staff-card').filter({ has: phone.getByRole('heading', { name: '历史', exact: true }) });
    await expect.poll(() => phoneHistory.getByText('总经理 批准了审批：维修费用超过 200 元 — 备注：同意维修').isVisible()).toBe(true);
    await phoneHistory.scrollIntoViewIfNeeded();
    await shotView(phone, 'staff-11b-a1-history-phone');
  });

  it('T9 applies: after the clock passes the due times, the late jobs are on the overdue board and the fine in the ledger', async () => {
    // The finished job is entered once it was done (times in the future are refused).
    now = new Date('2025-10-09T14:30:00+08:00');
    await api('clerk', 'POST', '/records', {
      form: 'after-sales-record',
      store: 'jiefang',
      data: {
        customer: { name: '赵先生', phone: '13900139000' },
        serviceType: 'repair',
        zone: 'suburban',
        callTime: '2025-10-09T10:00:00+08:00',
        technician: 'tech',
        arrivalTime: '2025-10-09T13:00:00+08:00',
        resolution: 'fixedOnSite',
        fee: 180,
        completedAt: '2025-10-09T14:00:00+08:00',
      },
    });
    // Monday afternoon: SH-20251009-001 never got a technician on site, SH-20251009-002's 180 yuan never reached finance (3 days).
    now = new Date('2025-10-13T15:00:00+08:00');
    await server.services.scheduler.tick();

    const boss = await newPage('desk');
    await signIn(boss, 'boss');
    await boss.getByRole('link', { name: '超时看板' }).click();
    await boss.waitForURL('**/staff/overdue');
    const board = boss.getByRole('table');
    await expect
      .poll(() =>
        board
          .getByRole('link', { name: /SH-20251009-001/ })
          .first()
          .isVisible(),
      )
      .toBe(true);
    await expect
      .poll(() => board.getByRole('row').filter({ hasText: 'SH-20251009-002' }).filter({ hasText: '营收交财务' }).textContent())
      .toMatch(/¥180\.00/);
    await expect.poll(() => boss.getByText(/截至 2025-10-13 15:00（服务器时间）/).isVisible()).toBe(true);
    await expectAccessible(boss);
    await shot(boss, 'staff-12-overdue-board');

    await boss.getByRole('link', { name: '罚款台账' }).click();
    await boss.getByLabel('月份').fill('2025-10');
    await boss.getByLabel('月份').press('Enter');
    await expect.poll(() => boss.getByLabel('月份').inputValue()).toBe('2025年10月');
    const perPerson = boss.locator('.ant-card').filter({ hasText: '按人按月汇总' });
    await expect
      .poll(() => perPerson.getByRole('row').filter({ hasText: '王师傅' }).textContent())
      .toMatch(/2025年10月.*王师傅.*技术员.*1.*¥180\.00/);
    await expectAccessible(boss);
    await shot(boss, 'staff-13-fines-ledger');
    const csv = await boss.request.get(`${server.url}/api/v1/fines/export?format=csv&month=2025-10&lang=zh-CN`);
    expect(await csv.text()).toMatch(/王师傅,技术员,180/);
    const href = await boss.getByRole('link', { name: /导出 Excel/ }).getAttribute('href');
    const xlsx = await boss.request.get(`${server.url}${href}`);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

    await boss.emulateMedia({ reducedMotion: 'reduce' }); // charts drawn at once, for the screenshot
    await boss.getByRole('link', { name: '数据看板' }).click();
    await boss.waitForURL('**/staff/dashboard');
    await expect.poll(() => boss.locator('[role=img] svg').count()).toBeGreaterThanOrEqual(2);
    // The charts name weeks and months in words (10月6日, 2025年10月), never as ISO dates (ECharts may skip some labels on a narrow axis).
    const axisTexts = () => boss.locator('[role=img] svg text').allTextContents();
    await expect.poll(async () => (await axisTexts()).some((text) => /^\d{4}年\d{1,2}月$/.test(text))).toBe(true);
    expect((await axisTexts()).some((text) => /^\d{1,2}月\d{1,2}日$/.test(text))).toBe(true);
    expect((await axisTexts()).filter((text) => /\d{2}-\d{2}/.test(text))).toEqual([]);
    // The technician chart's legend names him as people read him, not by his user name.
    expect(await axisTexts()).toContain('王师傅');
    expect(await axisTexts()).not.toContain('tech');
    // A screen reader hears each chart's title and values in words (not ECharts' own "index, value" in Chinese).
    const technicians = boss.getByRole('img', { name: /^每周时限达成率（按技术员）。/ });
    expect(await technicians.getAttribute('aria-label')).toMatch(/王师傅：.*10月6日 \d+(\.\d)?%/);
    expect(await boss.getByRole('img', { name: /^每月罚款。/ }).getAttribute('aria-label')).toContain('2025年10月：合计 ¥180.00，笔数 1');
    await expectAccessible(boss);
    await shot(boss, 'staff-14-dashboard');

    await boss.getByText('English', { exact: true }).click();
    await boss.getByRole('link', { name: 'Fines ledger' }).click();
    await expect.poll(() => boss.getByRole('heading', { name: 'Fines ledger' }).isVisible()).toBe(true);

    // The clerk's home: the breach notices addressed to customer service, each linked to its record.
    const clerk = await newPage('desk');
    await signIn(clerk, 'clerk');
    const notices = clerk.locator('.staff-card').filter({ has: clerk.getByRole('heading', { name: '通知与提醒' }) });
    await expect.poll(() => notices.getByText('已超时：当日派工').count()).toBe(2);
    await expect.poll(() => notices.getByRole('link', { name: /售后服务处理记录表 · SH-20251009-001/ }).isVisible()).toBe(true);
    await expectAccessible(clerk);
    await shot(clerk, 'staff-15-home-notices');
    await notices.getByRole('link', { name: /SH-20251009-001/ }).click();
    await clerk.waitForURL('**/staff/records/*');
  });
});

/** Picks an option of a select by its field label: the browser's own, or Ant Design's. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  if ((await field.evaluate((e) => e.tagName)) === 'SELECT') {
    await field.selectOption({ label: option });
    return;
  }
  await field.click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: new RegExp(`^${option}$`) })
    .first()
    .click();
  await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0);
}
