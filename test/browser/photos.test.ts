import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './support/playwright.js';
import { apiAs, Pages, signIn as signInAs, type Screen } from './support/session.js';
import { seriousA11yViolations } from './support/axe.js';
import { launchBrowser, SCREENSHOTS, shot } from './support/browser.js';
import { findLeaks, visibleTexts } from './support/plainWords.js';
import { ADMIN, startServer, type TestServer } from './support/startServer.js';
import { unlabelledControls } from './support/unlabelledControls.js';

// The message keys of every area's English dictionary (common, staff, admin).
const KEYS = new Set(
  ['en', 'staff.en', 'admin.en'].flatMap((name) =>
    [...readFileSync(new URL(`../../packages/designer/src/i18n/${name}.ts`, import.meta.url), 'utf8').matchAll(/^\s*'([^']+)':/gm)].map(
      (m) => m[1]!,
    ),
  ),
);

/**
 * Several photos in one field (issue 18), in Chinese: a technician on a phone takes three photos
 * of a repair with the camera, removes a blurred one and takes another, saves, and the record page
 * and its print preview show the three; nowhere does the person read a file's address.
 */
describe('photo fields holding several photos, in Chromium', () => {
  const now = new Date('2025-10-09T09:00:00+08:00');
  let server: TestServer;
  let browser: Browser;
  let recordId = '';
  const password = (username: string) => (username === 'admin' ? ADMIN.password : `${username}-password-2025`);

  const api = (username: string, method: string, path: string, body?: unknown) =>
    apiAs(server.url, username, password(username), method, path, body);

  const pages = new Pages(() => browser);
  const newPage = (screen: Screen) => pages.open(screen);

  const signIn = (page: Page, username: string) => signInAs(page, server.url, username, password(username));

  /** The photo field's thumbnails that loaded (an image the server answered). */
  const loadedThumbs = (page: Page) =>
    page.locator('.photo-thumb img').evaluateAll((imgs) => imgs.filter((img) => (img as HTMLImageElement).naturalWidth > 0).length);

  beforeAll(async () => {
    server = await startServer({ clock: () => now });
    browser = await launchBrowser();
    for (const user of [
      { username: 'clerk', displayName: '客服小张', roles: ['staff'], policyRoles: ['customerServiceClerk'], stores: ['jiefang'] },
      { username: 'tech', displayName: '王师傅', roles: ['staff'], policyRoles: ['technician'], stores: ['jiefang'] },
    ])
      await api('admin', 'POST', '/users', { ...user, password: password(user.username) });
    recordId = (
      await api('clerk', 'POST', '/records', {
        form: 'after-sales-record',
        store: 'jiefang',
        data: {
          customer: { name: '李女士', phone: '13800138000' },
          serviceType: 'repair',
          zone: 'urban',
          callTime: '2025-10-09T09:00:00+08:00',
          technician: 'tech',
        },
      })
    ).id;
  });

  afterAll(async () => {
    await pages.close();
    await browser?.close();
    await server?.close();
    expect(pages.errors).toEqual([]);
  });

  it('when a technician takes three photos on a phone, removes one and takes another, then the record and its print show the three', async () => {
    const page = await newPage('phone');
    await signIn(page, 'tech');
    await page.goto(`${server.url}/staff/records/${recordId}`);
    await page.getByRole('button', { name: '修改' }).click();
    // Photos are the technician's on-site section: collapsed while the call is only registered.
    await page.locator('form .ant-collapse-header', { hasText: '照片' }).click();
    const field = page.locator('.photos-widget');
    await expect.poll(() => field.getByText('已添加 0 张，最多 20 张').isVisible()).toBe(true);
    // No list of address boxes: one camera button for the field, which opens the phone camera.
    expect(await field.locator('input:not([type=file])').count()).toBe(0);
    expect(await field.locator('input[type=file][capture=environment]').count()).toBe(1);
    const camera = field.getByRole('button', { name: /^拍照/ });
    const take = async (colour: string) => {
      // A distinct picture each time: the page painted in a colour, as the camera would give it.
      await page.evaluate((c) => (document.body.style.background = c), colour);
      const bytes = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 120, height: 90 } });
      await page.evaluate(() => (document.body.style.background = ''));
      const chooser = page.waitForEvent('filechooser');
      await camera.click();
      await (await chooser).setFiles({ name: `现场照片-${colour}.png`, mimeType: 'image/png', buffer: bytes });
    };
    await take('red');
    await take('green');
    await take('blue');
    await expect.poll(() => loadedThumbs(page)).toBe(3);
    await expect.poll(() => field.getByText('已添加 3 张，最多 20 张').isVisible()).toBe(true);
    // One column on a phone: nothing wider than the screen, remove buttons 44 px high.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const remove = field.getByRole('button', { name: '删除第 2 张照片：照片' });
    expect((await remove.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await unlabelledControls(page)).toEqual([]);
    await shot(page, 'photos-01-phone-three-taken');
    await field.screenshot({ path: `${SCREENSHOTS}photos-01b-phone-field.png` });

    const second = await field.locator('.photo-thumb img').nth(1).getAttribute('src');
    await remove.click();
    await expect.poll(() => field.locator('.photo-thumb img').count()).toBe(2);
    expect(await field.locator('.photo-thumb img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src')))).not.toContain(second);
    await take('orange');
    await expect.poll(() => loadedThumbs(page)).toBe(3);
    // The person reads words, never a file's address.
    expect(findLeaks(await visibleTexts(page), KEYS, new Set())).toEqual([]);
    expect(await page.locator('body').innerText()).not.toContain('/api/v1/files');
    await page.getByRole('button', { name: '保存修改' }).click();
    await expect.poll(() => page.getByRole('button', { name: '修改' }).isVisible()).toBe(true);
    // On the record page too, the photos sit in the technician's section, collapsed at this step.
    await page.locator('.ant-collapse-header', { hasText: '照片' }).first().click();
    await expect.poll(() => loadedThumbs(page)).toBe(3);
    await shot(page, 'photos-02-phone-record-shows-three');
    await page
      .locator('.photo-list')
      .first()
      .screenshot({ path: `${SCREENSHOTS}photos-02b-phone-record-photos.png` });

    const stored = await api('tech', 'GET', `/records/${recordId}`);
    expect(stored.data.photos).toHaveLength(3);
    expect(stored.data.photos).not.toContain(second);

    const desk = await newPage('desk');
    await signIn(desk, 'clerk');
    await desk.goto(`${server.url}/staff/records/${recordId}/print`);
    await expect.poll(() => loadedThumbs(desk)).toBe(3);
    expect(findLeaks(await visibleTexts(desk), KEYS, new Set())).toEqual([]);
    await shot(desk, 'photos-03-desk-print');
  });

  it('when the admin opens the photo field in the form builder, then it offers several photos and their most, in words', async () => {
    const page = await newPage('desk');
    await page.goto(`${server.url}/login?next=/admin/forms/after-sales-record`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(ADMIN.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('[data-field-key="photos"]').click();
    await expect.poll(() => page.getByRole('switch', { name: '多张照片' }).isChecked()).toBe(true);
    expect(await page.getByLabel('最多几张').inputValue()).toBe('20');
    await shot(page, 'photos-04-desk-form-builder');
  });
});
