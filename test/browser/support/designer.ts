import { expect } from 'vitest';
import { motionless } from './motion.js';
import type { Locator, Page } from './playwright.js';

// Steps an admin takes in the designer, shared by the designer's browser tests (in Chinese).

/** Adds a field of a type (its menu name) with its names and, under 高级, its code; waits for it in the field list. */
export async function addField(page: Page, type: string, zh: string, en: string, key: string): Promise<void> {
  await page.getByRole('button', { name: '+ 添加字段' }).click();
  // Picked once the menu stands still: a click while it slides in can land on the type beside it.
  const item = page.getByRole('menuitem', { name: type, exact: true });
  await expect.poll(() => item.isVisible()).toBe(true);
  await motionless(page);
  await item.click();
  await page.getByLabel('标签 (中文)').fill(zh);
  await page.getByLabel('标签 (English)').fill(en);
  const keyInput = page.getByLabel('字段名');
  // The field's code is made from its label; it is edited under 高级.
  if (!(await keyInput.isVisible())) await page.getByRole('button', { name: '高级' }).click();
  await keyInput.fill(key);
  await keyInput.press('Enter');
  await expect.poll(() => page.locator(`[data-field-key="${key}"]`).count()).toBe(1);
}

/** The code of the newest fact in the facts tab. */
export async function lastFact(page: Page): Promise<string> {
  const facts = page.locator('[data-fact]');
  await expect.poll(() => facts.count()).toBeGreaterThan(0);
  return (await facts.last().getAttribute('data-fact')) ?? '';
}

/** A fact's row in the facts tab, found by its code; its controls are named by the fact's name, never its code. */
export function factRow(page: Page, code: string): Locator {
  return page.locator(`[data-fact="${code}"]`);
}

/** Names the newest fact in Chinese; its code follows the name (pinyin): answers the new code. */
export async function nameLastFact(page: Page, name: string): Promise<string> {
  const code = await lastFact(page);
  await factRow(page, code).getByLabel('的标签 (中文)').fill(name);
  await expect.poll(() => lastFact(page)).not.toBe(code);
  return lastFact(page);
}

/** The text an antd select shows (its aria-label is on the inner search input). */
export function selectText(select: Locator): Promise<string | null> {
  return select.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]').textContent();
}

/**
 * Opens an antd select and picks the option with this text, then checks it was taken. The list
 * is clicked once it has stopped sliding in; on a busy machine a click can still land on a neighbour
 * while it moves, so a pick that did not take is made again (at most three times).
 */
export async function pick(page: Page, select: Locator, option: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await select.click();
    const choice = page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true });
    await expect.poll(() => choice.isVisible()).toBe(true);
    await motionless(page);
    await choice.click();
    // Taken: the select shows it, or the editor asks first (a change that would drop something).
    const taken = async () => ((await selectText(select)) ?? '').includes(option) || (await page.getByRole('dialog').count()) > 0;
    try {
      await expect.poll(taken, { timeout: 3000 }).toBe(true);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** Waits until loading spinners are gone and no dialog, menu or list is still animating (for screenshots). */
export async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.ant-spin-spinning, .ant-spin-blur').count()).toBe(0);
  await expect.poll(() => page.locator('[class*="-appear-active"], [class*="-enter-active"], [class*="-leave-active"]').count()).toBe(0);
}
