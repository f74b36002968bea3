import { expect } from 'vitest';
import type { Page } from './playwright.js';

/**
 * Waits until no finite CSS animation or transition runs (a modal zooming in, a toast sliding, a
 * button's colour fading in as it is enabled), for a steady screenshot or accessibility check.
 */
export async function motionless(page: Page): Promise<void> {
  const moving = () =>
    page.evaluate(
      () =>
        document.getAnimations().filter((a) => {
          const target = (a.effect as KeyframeEffect | null)?.target;
          // Ant Design's click ripple ("wave") is harmless and lasts 2 s.
          return a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity && !target?.closest('.ant-wave');
        }).length,
    );
  await expect.poll(moving, { timeout: 5000 }).toBe(0);
}
