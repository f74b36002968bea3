import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './support/playwright.js';
import { Pages, signIn as signInAs, type Screen } from './support/session.js';
import { launchBrowser, shot, shotView } from './support/browser.js';
import { ADMIN, startServer, type TestServer } from './support/startServer.js';

/**
 * A field-service day in Chinese: the clerk dispatches a job to a technician by name (desk, 1440x900),
 * the technician finds it in 我的工单 on his phone (390x844), a manager approves his parts requisition
 * and he hears of it: in the app and by the store's webhook, received by a test server on 127.0.0.1.
 */
describe('dispatch, my jobs and notices in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let receiver: Server;
  const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  const pages = new Pages(() => browser);
  const SECRET = 'store-webhook-secret-2025';
  let jobId = '';
  let ticketNo = '';
  let requisitionId = '';

  const page = (screen: Screen) => pages.open(screen);

  const signIn = (p: Page, username: string, password: string) => signInAs(p, server.url, username, password);

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    server = await startServer({ noticeAllowHosts: ['127.0.0.1'] });
    browser = await launchBrowser();
    for (const [username, displayName, roles, policyRoles] of [
      ['clerk', '客服小张', ['staff'], ['customerServiceClerk']],
      ['wang', '王师傅', ['staff'], ['technician']],
      ['li', '李师傅', ['staff'], ['technician']],
      ['boss', '赵主管', ['manager'], ['afterSalesSupervisor']],
    ] as const)
      await server.services.auth.createUser({
        username,
        displayName,
        password: `${username}-password-2025`,
        roles: [...roles],
        policyRoles: [...policyRoles],
        stores: ['jiefang'],
      });
    await server.services.channels.create(
      {
        store: 'jiefang',
        kind: 'webhook',
        name: '门店系统',
        events: ['approval'],
        config: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, secret: SECRET },
      },
      'admin',
    );
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
    ticketNo = String(record.data.ticketNo);
    const requisition = await server.services.records.create(
      'parts-requisition',
      { requester: 'wang', items: [{ name: '进水阀', qty: 2, unitPrice: 85 }], purpose: 'repair', totalAmount: 170 },
      'wang',
      { store: 'jiefang' },
    );
    requisitionId = requisition.record.id;
  }, 120_000);

  afterAll(async () => {
    await pages.close();
    await browser?.close();
    await server?.close();
    await new Promise<void>((resolve) => receiver?.close(() => resolve()));
    expect(pages.errors).toEqual([]);
  });

  it('the clerk dispatches the job to 王师傅 by name, at desk size', async () => {
    expect(ticketNo).toMatch(/^SH-\d{8}-001$/);
    const clerk = await page('desk');
    await signIn(clerk, 'clerk', 'clerk-password-2025');
    await clerk.goto(`${server.url}/staff/records/${jobId}`);
    await expect.poll(() => clerk.getByTestId('assignee').textContent()).toBe('尚未派工');
    const pick = clerk.getByLabel('派工给');
    await expect.poll(() => pick.locator('option').allTextContents()).toEqual(['请选择人员', '李师傅', '王师傅']);
    await pick.selectOption({ label: '王师傅' });
    await clerk.getByRole('button', { name: '派工', exact: true }).click();
    await expect.poll(() => clerk.getByTestId('assignee').textContent()).toBe('王师傅');
    // The record reads the technician by his name, never his user name.
    await expect.poll(() => clerk.locator('.record-sections').first().textContent()).toContain('王师傅');
    expect(await clerk.locator('.record-sections').first().textContent()).not.toContain('wang');
    await shot(clerk, 'fieldwork-dispatch-desk');
    const stored = await server.services.records.stored(jobId);
    expect(stored).toMatchObject({ assignee: 'wang', data: { technician: 'wang' } });
    expect(stored.data.dispatchTime).toEqual(expect.any(String));
    // The job moves to the technician's step (his sections, with the signature, come first).
    await clerk.getByRole('button', { name: '已派工', exact: true }).click();
    await expect.poll(async () => (await server.services.records.stored(jobId)).status).toBe('dispatched');
  });

  it('王师傅 finds the job in 我的工单 on his phone, and the page fits 390 px', async () => {
    const tech = await page('phone');
    await signIn(tech, 'wang', 'wang-password-2025');
    await expect
      .poll(() => tech.locator('.ant-statistic').filter({ hasText: '我的工单' }).locator('.ant-statistic-content').textContent())
      .toBe('1');
    await tech.goto(`${server.url}/staff/jobs`);
    await expect.poll(() => tech.locator('.job-link').allTextContents()).toEqual([expect.stringContaining(ticketNo)]);
    expect(await tech.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(tech, 'fieldwork-my-jobs-phone');
    await tech.locator('.job-link').click();
    await tech.waitForURL(new RegExp(`/staff/records/${jobId}$`));
    // The customer's phone dials on a tap: the clerk's section is collapsed in the technician's step, the phone is on top.
    await expect
      .poll(() => tech.getByRole('region', { name: '联系客户' }).locator('a.tel-link').getAttribute('href'))
      .toBe('tel:13800138000');
    // The customer signs on the phone: drawn with a finger, kept as an image file with the record.
    await tech.getByRole('button', { name: '修改' }).click();
    const pad = tech.locator('canvas.signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await tech.mouse.move(box.x + 20, box.y + box.height / 2);
    await tech.mouse.down();
    for (let i = 1; i <= 12; i++) await tech.mouse.move(box.x + 20 + i * 18, box.y + box.height / 2 + (i % 2 === 0 ? -30 : 30));
    await tech.mouse.up();
    await tech.getByRole('button', { name: '确认签名' }).click();
    await expect.poll(() => tech.locator('form img.signature-image').count()).toBe(1);
    await tech.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => tech.locator('.record-data img.signature-image').count()).toBe(1);
    const signed = await server.services.records.stored(jobId);
    expect(signed.data.customerSignature).toMatch(/^\/api\/v1\/files\/[0-9a-f-]{36}$/);
    const file = await server.services.store.getFile(String(signed.data.customerSignature).split('/').pop()!);
    expect(file).toMatchObject({ contentType: 'image/png', createdBy: 'wang' });
    await shot(tech, 'fieldwork-signed-phone');
    const desk = await page('desk');
    await signIn(desk, 'li', 'li-password-2025');
    await desk.goto(`${server.url}/staff/jobs`);
    await expect.poll(() => desk.getByText('暂无派给你的工单').count()).toBe(1);
    await shot(desk, 'fieldwork-my-jobs-empty-desk');
  });

  it('the clerk prints the record: title, number, store, fields, signature lines and the customer’s signature, without the menu', async () => {
    const clerk = await page('desk');
    await signIn(clerk, 'clerk', 'clerk-password-2025');
    await clerk.goto(`${server.url}/staff/records/${jobId}`);
    await clerk.getByRole('link', { name: '打印预览' }).click();
    await clerk.waitForURL(new RegExp(`/staff/records/${jobId}/print$`));
    await expect.poll(() => clerk.locator('.print-title').textContent()).toBe('售后服务处理记录表');
    await expect.poll(() => clerk.locator('.print-signature-line').allTextContents()).toEqual(['客户签字', '经办人签字']);
    expect(await clerk.locator('.print-signatures img.signature-image').count()).toBe(1);
    expect(await clerk.locator('.print-meta').textContent()).toContain(ticketNo);
    await clerk.emulateMedia({ media: 'print' });
    expect(await clerk.locator('.app-header').isVisible()).toBe(false);
    expect(await clerk.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    await shot(clerk, 'fieldwork-print-preview');
  });

  it('赵主管 approves the requisition; 王师傅 is told in the app, and the store’s webhook receives the signed notice', async () => {
    const manager = await page('desk');
    await signIn(manager, 'boss', 'boss-password-2025');
    await manager.goto(`${server.url}/staff/approvals`);
    // The card names the parts asked for, not only how many lines there are.
    await expect.poll(() => manager.locator('.approval-card').first().innerText()).toContain('进水阀（共 1 行）');
    await shot(manager, 'fieldwork-approval-card-desk');
    await manager.getByRole('button', { name: '批准' }).first().click();
    await manager.locator('#decision-comment').fill('同意领用');
    await manager.getByRole('dialog').getByRole('button', { name: '批准' }).click();
    await expect
      .poll(
        async () =>
          (await server.services.store.listApprovals({ recordId: requisitionId })).find((a) => a.approver === 'afterSalesSupervisor')
            ?.state,
      )
      .toBe('approved');
    await shot(manager, 'fieldwork-approved-desk');
    await server.services.notices.tick();
    expect(received).toHaveLength(1);
    const { headers, body } = received[0]!;
    expect(headers['x-aftersales-signature']).toBe(
      `sha256=${createHmac('sha256', SECRET)
        .update(`${String(headers['x-aftersales-timestamp'])}.${body}`)
        .digest('hex')}`,
    );
    const notice = (JSON.parse(body) as { notice: { person: string; recordId: string; message: { 'zh-CN': string } } }).notice;
    expect(notice).toMatchObject({ person: 'wang', recordId: requisitionId });
    expect(notice.message['zh-CN']).toBe('赵主管（售后主管）已批准你的申请，理由：同意领用');
    const tech = await page('phone');
    await signIn(tech, 'wang', 'wang-password-2025');
    await expect.poll(() => tech.getByText('赵主管（售后主管）已批准你的申请，理由：同意领用').count()).toBe(1);
    await shot(tech, 'fieldwork-notified-phone');
  });

  it('long lists load more: the channel’s delivery log past its first 100 for the admin, 我的工单 past its first 100 for 王师傅', async () => {
    // 120 more deliveries in the log (the first page holds 100), and 110 more jobs for 王师傅.
    const [channel] = await server.services.store.listChannels('jiefang');
    const { record } = await server.services.records.create(
      'after-sales-record',
      {
        store: 'jiefang',
        customer: { name: '周先生', phone: '13900139000', address: '人民路 8 号' },
        serviceType: 'install',
        problemDescription: '安装热水器',
        zone: 'urban',
        callTime: new Date().toISOString(),
      },
      'clerk',
      { store: 'jiefang', assignee: 'wang' },
    );
    const notices = Array.from({ length: 120 }, (_, i) => ({
      id: `bulk-notice-${i}`,
      uniqueKey: `bulk|${i}`,
      at: new Date(Date.now() - i * 60_000).toISOString(),
      role: 'technician',
      person: 'wang',
      recordId: record.id,
      message: { 'zh-CN': `第 ${i + 1} 条通知`, en: `Notice ${i + 1}` },
    }));
    await server.services.store.enqueueDeliveries(
      notices.map((n) => ({
        id: `bulk-delivery-${n.id}`,
        channelId: channel!.id,
        notificationId: n.id,
        event: 'approval' as const,
        payload: { notice: n, store: 'jiefang' },
        state: 'delivered' as const,
        attempts: 1,
        nextAt: null,
        leaseUntil: null,
        lastStatus: 200,
        lastError: null,
        createdAt: n.at,
        deliveredAt: n.at,
      })),
    );
    for (let i = 0; i < 110; i++)
      await server.services.records.create(
        'after-sales-record',
        {
          store: 'jiefang',
          customer: { name: `客户${i + 1}`, phone: '13900139000', address: '人民路 8 号' },
          serviceType: 'repair',
          problemDescription: '上门检查',
          zone: 'urban',
          callTime: new Date().toISOString(),
          technician: 'wang',
        },
        'clerk',
        { store: 'jiefang', assignee: 'wang' },
      );
    const jobs = (await server.services.myJobs.list('wang', 500)).items.length;
    const deliveries = (await server.services.store.pageDeliveries(channel!.id, { limit: 500 })).total;
    expect(jobs).toBeGreaterThan(100);

    const admin = await page('desk');
    await signInAs(admin, server.url, ADMIN.username, ADMIN.password, /\/admin/);
    await admin.goto(`${server.url}/admin/channels`);
    await admin.getByRole('button', { name: '发送记录' }).click();
    const rows = admin.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(100);
    await expect.poll(() => admin.getByText(`已显示 100 条，共 ${deliveries} 条`).count()).toBe(1);
    await admin.getByRole('button', { name: '加载更多' }).scrollIntoViewIfNeeded();
    await shotView(admin, 'channels-log-more-desk');
    await admin.getByRole('button', { name: '加载更多' }).click();
    await expect.poll(() => rows.count()).toBe(deliveries);
    await expect.poll(() => admin.getByRole('button', { name: '加载更多' }).count()).toBe(0);

    const tech = await page('phone');
    await signIn(tech, 'wang', 'wang-password-2025');
    await tech.goto(`${server.url}/staff/jobs`);
    const cards = tech.locator('.job-card');
    await expect.poll(() => cards.count()).toBe(100);
    await tech.getByRole('button', { name: '加载更多' }).scrollIntoViewIfNeeded();
    await shotView(tech, 'fieldwork-my-jobs-more-phone');
    await tech.getByRole('button', { name: '加载更多' }).click();
    await expect.poll(() => cards.count()).toBe(jobs);
    await expect.poll(() => tech.getByRole('button', { name: '加载更多' }).count()).toBe(0);
  });
});
