import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { motionless } from './motion.js';
import type { Page } from './playwright.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * axe-core's serious and critical violations on the page once it stands still: "rule: target" lines.
 * A colour in mid-transition (a button fading in as it is enabled) would read as poor contrast.
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await motionless(page);
  // Evaluated through the DevTools protocol, not as a <script> tag: the app's Content-Security-Policy
  // (script-src 'self') refuses inline scripts, as it should.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(axePath, 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
    }
    // Excluded: rc-select's zero-size listbox helper (id "<field>_list", beside the labelled combobox),
    // which Ant Design renders without a name of its own; the combobox that owns it is labelled.
    const results = await axe.run({ exclude: [['[role=listbox][id$="_list"]']] } as unknown as Document, { resultTypes: ['violations'] });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
  });
}
