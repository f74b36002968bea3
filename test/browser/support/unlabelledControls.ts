import type { Page } from './playwright.js';

/**
 * Visible form controls without an accessible name (label, aria-label(ledby), title, or text):
 * a rough audit, stricter than nothing. Returns a short description of each.
 */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>(
      'input:not([type=hidden]), textarea, select, button, [role=combobox], [role=switch], [role=checkbox], [role=radio]',
    );
    const named = (el: HTMLElement): boolean => {
      if (el.getAttribute('aria-hidden') === 'true') return true;
      if ((el.getAttribute('aria-label') ?? '').trim()) return true;
      const labelledBy = el.getAttribute('aria-labelledby');
      if (labelledBy && labelledBy.split(/\s+/).some((id) => (document.getElementById(id)?.textContent ?? '').trim())) return true;
      if ((el as HTMLInputElement).labels?.length) return true;
      if ((el.getAttribute('title') ?? '').trim()) return true;
      if (el.tagName === 'BUTTON' && (el.textContent ?? '').trim()) return true;
      return false;
    };
    const visible = (el: HTMLElement) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
    // Ant Design's tab overflow button exists off-screen when there is no overflow.
    const ignored = (el: HTMLElement) => el.classList.contains('ant-tabs-nav-more');
    return Array.from(controls)
      .filter((el) => visible(el) && !ignored(el) && !named(el))
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${Array.from(el.classList).slice(0, 2).join('.')}`);
  });
}
