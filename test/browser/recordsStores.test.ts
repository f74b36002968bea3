import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from './support/playwright.js';
import { apiAs, Pages, signIn } from './support/session.js';
import { launchBrowser, shot } from './support/browser.js';
import { pick } from './support/designer.js';
import { motionless } from './support/motion.js';
import { ADMIN, startServer, type TestServer } from './support/startServer.js';

/**
 * The records list of a service centre with several stores: ticket numbers repeat from store to
 * store (each numbers its own calls per day), so each row says its store and the list filters by
 * one; an admin's list opens on every record (theirs was always empty).
 */
describe('records of several stores, in Chromium', () => {
  const now = new Date('2025-10-09T09:00:00+08:00');
  let server: TestServer;
  let browser: Browser;
  const pages = new Pages(() => browser);

  beforeAll(async () => {
    server = await startServer({ clock: () => now });
    browser = await launchBrowser();
    for (const [username, store] of [
      ['clerk-a', '解放路店'],
      ['clerk-b', '人民路店'],
    ] as const)
      await apiAs(server.url, ADMIN.username, ADMIN.password, 'POST', '/users', {
        username,
        displayName: username,
        roles: ['staff'],
        policyRoles: ['customerServiceClerk'],
        stores: [store],
        password: `${username}-password-2025`,
      });
    for (const [store, customer] of [
      ['解放路店', '李女士'],
      ['人民路店', '王先生'],
      ['人民路店', '赵女士'],
    ] as const)
      await server.services.records.create(
        'after-sales-record',
        {
          customer: { name: customer, phone: '13800138000' },
          callTime: '2025-10-09T08:30:00+08:00',
          zone: 'urban',
          serviceType: 'repair',
        },
        'clerk-a',
        { store },
      );
  }, 120_000);
  afterAll(async () => {
    await pages.close();
    await browser?.close();
    await server?.close();
    expect(pages.errors).toEqual([]);
  });

  it('when the admin opens the records, then every record shows with its store, and one store can be picked', async () => {
    const page = await pages.open('desk');
    await signIn(page, server.url, ADMIN.username, ADMIN.password, /\/(staff|admin)/);
    await page.goto(`${server.url}/staff/records`);
    const rows = page.locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(3);
    await expect.poll(() => page.getByRole('columnheader', { name: '门店' }).count()).toBe(1);
    expect(await rows.filter({ hasText: '王先生' }).textContent()).toContain('人民路店');
    await pick(page, page.getByLabel('门店', { exact: true }), '人民路店');
    await expect.poll(() => new URL(page.url()).searchParams.get('store')).toBe('人民路店');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.filter({ hasText: '李女士' }).count()).toBe(0);
    await motionless(page);
    await shot(page, 'records-stores-01-filtered');
  });
});
