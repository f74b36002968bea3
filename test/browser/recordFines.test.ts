import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './support/playwright.js';
import { apiAs, Pages, signIn as signInAs } from './support/session.js';
import { seriousA11yViolations } from './support/axe.js';
import { asPhone, launchBrowser, shot, shotView } from './support/browser.js';
import { ADMIN, startServer, type TestServer } from './support/startServer.js';

/**
 * A record's own page shows the fines the clock posted on it (T9: revenue not handed to finance in 3
 * days): how much, who pays by name, the rule's reason, when, and once a manager waives it there,
 * that it was waived, by whom and why, on the fines card and in words in the record's history. In
 * Chinese, at desk and phone size; a technician's page and a record without fines show no fines card
 * (nor a fine in the history). The server's clock is the test's.
 */
describe('fines on a record’s page in Chromium', () => {
  let now = new Date('2025-10-09T14:30:00+08:00');
  let server: TestServer;
  let browser: Browser;
  const pages = new Pages(() => browser);
  let fined = '';
  let unfined = '';
  let corrected = '';

  const users = [
    { username: 'boss', displayName: '张经理', roles: ['manager'], policyRoles: ['afterSalesManager'], stores: ['jiefang'] },
    { username: 'tech', displayName: '王师傅', roles: ['staff'], policyRoles: ['technician'], stores: ['jiefang'] },
  ];
  const password = (username: string) => `${username}-password-2025`;
  const api = (username: string, method: string, path: string, body?: unknown) =>
    apiAs(server.url, username, username === 'admin' ? ADMIN.password : password(username), method, path, body);
  const signIn = (page: Page, username: string) => signInAs(page, server.url, username, password(username));
  const job = (more: Record<string, unknown>) => ({
    customer: { name: '李女士', phone: '13800138000', address: '解放路 18 号' },
    brand: 'kohler',
    serviceType: 'repair',
    problemDescription: '漏水',
    zone: 'urban',
    callTime: '2025-10-09T09:00:00+08:00',
    technician: 'tech',
    ...more,
  });
  /** A record's page once its fines were asked for (a manager's) or it has settled (anyone's). */
  const openRecord = async (page: Page, id: string, waitForFines: boolean) => {
    const fines = waitForFines ? page.waitForResponse((r) => r.url().includes(`/api/v1/fines?`) && r.url().includes(`record=${id}`)) : null;
    await page.goto(`${server.url}/staff/records/${id}`);
    await expect.poll(() => page.getByRole('heading', { name: '时限' }).isVisible()).toBe(true);
    await fines;
  };
  const finesCard = (page: Page) => page.locator('.staff-card').filter({ has: page.getByRole('heading', { name: '罚款', exact: true }) });
  const historyCard = (page: Page) => page.locator('.staff-card').filter({ has: page.getByRole('heading', { name: '历史', exact: true }) });
  const WAIVED = '张经理 免除了罚款 ¥180.00（王师傅（技术员）：营收未在 3 天内交财务：罚营收的 100%） — 原因：营业款当日已交，系统漏登';

  beforeAll(async () => {
    server = await startServer({ clock: () => now });
    browser = await launchBrowser();
    for (const user of users) await api('admin', 'POST', '/users', { ...user, password: password(user.username) });
    // Done at 14:00 for 180 yuan, the revenue never handed in; and a call nobody went to (late, but no fine).
    fined = (
      await api('boss', 'POST', '/records', {
        form: 'after-sales-record',
        store: 'jiefang',
        data: job({
          arrivalTime: '2025-10-09T12:00:00+08:00',
          resolution: 'fixedOnSite',
          fee: 180,
          completedAt: '2025-10-09T14:00:00+08:00',
        }),
      })
    ).id;
    unfined = (await api('boss', 'POST', '/records', { form: 'after-sales-record', store: 'jiefang', data: job({}) })).id;
    corrected = (
      await api('boss', 'POST', '/records', {
        form: 'after-sales-record',
        store: 'jiefang',
        data: job({
          arrivalTime: '2025-10-09T12:00:00+08:00',
          resolution: 'fixedOnSite',
          fee: 50,
          completedAt: '2025-10-09T14:00:00+08:00',
        }),
      })
    ).id;
    // Monday afternoon: the clock posts the T9 fine (100% of the revenue) on the technician.
    now = new Date('2025-10-13T15:00:00+08:00');
    await server.services.scheduler.tick();
  });

  afterAll(async () => {
    await pages.close();
    await browser?.close();
    await server?.close();
    expect(pages.errors).toEqual([]);
  });

  it('when a manager opens the breached record, then its page shows the fine: amount, who pays by name, the reason and when', async () => {
    const boss = await pages.open('desk');
    await signIn(boss, 'boss');
    await openRecord(boss, fined, true);
    const card = finesCard(boss);
    await expect.poll(() => card.count()).toBe(1);
    const shown = await card.innerText();
    expect(shown).toContain('¥180.00');
    expect(shown).toContain('王师傅（技术员）');
    expect(shown).toContain('营收未在 3 天内交财务：罚营收的 100%');
    expect(shown).toContain('2025-10-13 15:00 · 超时');
    expect(shown).toContain('合计 ¥180.00');
    // Never the user name the ledger keys the fine by, nor an ISO time.
    expect(shown).not.toMatch(/\btech\b|T\d\d:\d\d/);
    expect(await card.getByRole('button', { name: '免除或更正' }).count()).toBe(1);
    expect(await seriousA11yViolations(boss)).toEqual([]);
    await shot(boss, 'record-fines-01-desk');

    const phone = await pages.open('phone');
    await signIn(phone, 'boss');
    await openRecord(phone, fined, true);
    await asPhone(phone);
    await expect.poll(() => finesCard(phone).getByText('王师傅（技术员）').isVisible()).toBe(true);
    await finesCard(phone).scrollIntoViewIfNeeded();
    await shot(phone, 'record-fines-02-phone');
  });

  it('when the manager waives the fine from the record’s page, then the page says it was waived, by whom and why, and nets the total', async () => {
    now = new Date('2025-10-13T16:20:00+08:00');
    const boss = await pages.open('desk');
    await signIn(boss, 'boss');
    await openRecord(boss, fined, true);
    const card = finesCard(boss);
    await card.getByRole('button', { name: '免除或更正' }).click();
    const dialog = boss.getByRole('dialog');
    // The dialog names who pays as people read it.
    await expect.poll(() => dialog.getByText(/王师傅 · ¥180\.00/).isVisible()).toBe(true);
    await dialog.getByLabel('原因（台账及导出中可见）').fill('营业款当日已交，系统漏登');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => card.getByText('已免除').isVisible()).toBe(true);
    const shown = await card.innerText();
    expect(shown).toContain('2025-10-13 15:00 · 超时');
    expect(shown).toContain('2025-10-13 16:20 · 张经理：营业款当日已交，系统漏登');
    expect(shown).toContain('合计 ¥0.00');
    // The reversal is no fine of its own here, and a waived fine cannot be waived again.
    expect(shown).not.toContain('-¥180.00');
    expect(await card.getByRole('button', { name: '免除或更正' }).count()).toBe(0);
    expect(await card.locator('del').innerText()).toBe('¥180.00');
    // The record's history says it at once, in words: who waived how much, who pays for what, and why.
    const history = historyCard(boss);
    await expect.poll(() => history.getByText(WAIVED).isVisible()).toBe(true);
    expect(await history.getByText(WAIVED).locator('xpath=../..').innerText()).toContain('2025-10-13 16:20');
    expect(await history.innerText()).not.toMatch(/\bboss\b|\btech\b|fine waived|T\d\d:\d\d|[0-9a-f]{8}-[0-9a-f]{4}/);
    await shot(boss, 'record-fines-03-waived');

    const phone = await pages.open('phone');
    await signIn(phone, 'boss');
    await openRecord(phone, fined, true);
    await asPhone(phone);
    await expect.poll(() => finesCard(phone).getByText('已免除').isVisible()).toBe(true);
    await finesCard(phone).scrollIntoViewIfNeeded();
    await shot(phone, 'record-fines-04-waived-phone');
    await expect.poll(() => historyCard(phone).getByText(WAIVED).isVisible()).toBe(true);
    await historyCard(phone).getByText(WAIVED).scrollIntoViewIfNeeded();
    await shotView(phone, 'record-fines-04b-history-phone');

    // In English the rule's reason and the state read in English.
    await boss.getByText('English', { exact: true }).click();
    const english = boss.locator('.staff-card').filter({ has: boss.getByRole('heading', { name: 'Fines', exact: true }) });
    await expect.poll(() => english.getByText('Revenue not handed in within 3 days: 100% of it').isVisible()).toBe(true);
    expect(await english.innerText()).toContain('Waived');
    const englishHistory = boss.locator('.staff-card').filter({ has: boss.getByRole('heading', { name: 'History', exact: true }) });
    await expect
      .poll(() =>
        englishHistory
          .getByText(
            '张经理 waived the fine of CN¥180.00 (王师傅 (Technician): Revenue not handed in within 3 days: 100% of it) — reason: 营业款当日已交，系统漏登',
          )
          .isVisible(),
      )
      .toBe(true);
  });

  it('when a fine was corrected in the ledger, then the record’s page strikes the old amount, names the new one and lists the corrected fine', async () => {
    const ledger = await api('boss', 'GET', `/fines?record=${corrected}`);
    await api('boss', 'POST', `/fines/${ledger.items[0].id}/corrections`, { reason: '只收了 20 元', amount: 20 });
    const boss = await pages.open('desk');
    await signIn(boss, 'boss');
    await openRecord(boss, corrected, true);
    const card = finesCard(boss);
    await expect.poll(() => card.getByText('已更正为 ¥20.00').isVisible()).toBe(true);
    expect(await card.locator('del').innerText()).toBe('¥50.00');
    const rows = await card.locator('.ant-list-item').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/¥20\.00[\s\S]*王师傅（技术员）[\s\S]*2025-10-13 16:20 · 更正/);
    expect(rows[1]).toContain('2025-10-13 16:20 · 张经理：只收了 20 元');
    expect(await card.innerText()).toContain('合计 ¥20.00');
    // Only the corrected fine can be waived or corrected again.
    expect(await card.getByRole('button', { name: '免除或更正' }).count()).toBe(1);
    // Corrected in the ledger: the record's history says from which amount to which.
    await expect
      .poll(() =>
        historyCard(boss)
          .getByText('张经理 将罚款 ¥50.00 更正为 ¥20.00（王师傅（技术员）：营收未在 3 天内交财务：罚营收的 100%） — 原因：只收了 20 元')
          .isVisible(),
      )
      .toBe(true);
    await shot(boss, 'record-fines-05-corrected');
  });

  it('when a record has no fines, or a technician opens one, then there is no fines card (and the technician’s page does not ask the ledger)', async () => {
    const boss = await pages.open('desk');
    await signIn(boss, 'boss');
    await openRecord(boss, unfined, true);
    // Breached (nobody arrived), yet no fine: nothing to show.
    await expect.poll(() => boss.getByText('已超时').first().isVisible()).toBe(true);
    expect(await finesCard(boss).count()).toBe(0);

    const tech = await pages.open('phone');
    const asked: string[] = [];
    tech.on('request', (r) => void (r.url().includes('/api/v1/fines') && asked.push(r.url())));
    await signIn(tech, 'tech');
    await openRecord(tech, fined, false);
    await expect.poll(() => tech.getByRole('heading', { name: '历史' }).isVisible()).toBe(true);
    expect(await finesCard(tech).count()).toBe(0);
    expect(await tech.getByRole('alert').count()).toBe(0);
    // Nor does their history name the waiver (the fines ledger is not theirs): the server leaves it out.
    await expect.poll(() => historyCard(tech).getByText('创建').isVisible()).toBe(true);
    expect(await historyCard(tech).innerText()).not.toMatch(/罚款|免除|¥/);
    expect(asked).toEqual([]);
  });
});
