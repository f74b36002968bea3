import type { Locator } from './playwright.js';

/** A name or description a screen reader (or a tooltip) gives a person, and the element it belongs to. */
export interface SpokenText {
  text: string;
  where: string;
}

/**
 * The names and descriptions of every element in a part of the page (hidden ones too: a screen
 * reader may reach them): aria-label, aria-description, title and placeholder, the texts that
 * aria-labelledby and aria-describedby point at, and the texts of a control's <label>s.
 */
export function accessibleNames(scope: Locator): Promise<SpokenText[]> {
  return scope.evaluate((root) => {
    const out: { text: string; where: string }[] = [];
    const textOf = (ids: string) =>
      ids
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim();
    for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
      const role = el.getAttribute('role');
      const where = `${el.tagName.toLowerCase()}${role ? `[role=${role}]` : ''}`;
      for (const attribute of ['aria-label', 'aria-description', 'title', 'placeholder']) {
        const value = el.getAttribute(attribute)?.trim();
        if (value) out.push({ text: value, where: `${where}[${attribute}]` });
      }
      for (const attribute of ['aria-labelledby', 'aria-describedby']) {
        const ids = el.getAttribute(attribute);
        const value = ids ? textOf(ids) : '';
        if (value) out.push({ text: value, where: `${where}[${attribute}]` });
      }
      for (const label of Array.from((el as HTMLInputElement).labels ?? [])) {
        const value = (label.textContent ?? '').trim();
        if (value) out.push({ text: value, where: `${where} <label>` });
      }
    }
    return out;
  });
}

/** The texts that hold one of the codes as a whole word (`unitsDays` in "事实 unitsDays 的计算"). */
export function textsWithCodes(texts: SpokenText[], codes: readonly string[]): SpokenText[] {
  const patterns = codes.map((code) => new RegExp(`(?<![A-Za-z0-9_])${code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`));
  return texts.filter(({ text }) => patterns.some((pattern) => pattern.test(text)));
}
