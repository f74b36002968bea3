import type { Page } from './playwright.js';

/** Something a person should never read: a raw message key, an unfilled {placeholder}, an id, an ISO time, a code. */
export interface Leak {
  kind: 'key' | 'placeholder' | 'uuid' | 'iso' | 'code';
  text: string;
  where: string;
}

/**
 * What the page shows a person: its visible text (document.body.innerText, which leaves out hidden
 * elements and input values) and the title, aria-label and placeholder attributes of visible
 * elements. JSON views (`pre`, `code`, the JSON editor, the versions' JSON diff) are for integrators
 * and are left out.
 */
export function visibleTexts(page: Page): Promise<{ text: string; where: string }[]> {
  return page.evaluate(() => {
    const skip = (el: Element | null) => !!el?.closest('pre, code, .json-view, .diff-table, .cm-editor, .monaco-editor, [data-json]');
    const visible = (el: HTMLElement) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
    const out: { text: string; where: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || skip(parent) || !visible(parent) || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName)) continue;
      const style = getComputedStyle(parent);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const text = (node.textContent ?? '').trim();
      if (text)
        out.push({ text, where: parent.tagName.toLowerCase() + (parent.className ? `.${String(parent.className).split(' ')[0]}` : '') });
    }
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('[title], [aria-label], [placeholder]'))) {
      if (skip(el) || !visible(el)) continue;
      for (const attribute of ['title', 'aria-label', 'placeholder']) {
        const value = el.getAttribute(attribute)?.trim();
        if (value) out.push({ text: value, where: `${el.tagName.toLowerCase()}[${attribute}]` });
      }
    }
    return out;
  });
}

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;
const ISO = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const PLACEHOLDER = /\{[a-zA-Z_]\w*\}/;
const KEY_LIKE = /\b[a-z][a-zA-Z]*(?:\.[a-zA-Z][\w-]*)+\b/g;

/**
 * The leaks in a page's texts. `keys`: the message keys of the dictionaries (a token that is one,
 * or that starts with one of their namespaces followed by a camelCase word, is a raw key);
 * `codes`: internal codes (policy role ids, shared condition names, enum values of the pack) that
 * must be shown by their labels; `ids`: lower-case ids people must read by name (store ids, e.g.
 * "jiefang": a store is shown by its name), matched as whole words.
 */
export function findLeaks(
  texts: { text: string; where: string }[],
  keys: ReadonlySet<string>,
  codes: ReadonlySet<string>,
  ids: ReadonlySet<string> = new Set(),
): Leak[] {
  const namespaces = new Set([...keys].map((k) => k.split('.')[0]!));
  const leaks: Leak[] = [];
  for (const { text, where } of texts) {
    if (UUID.test(text)) leaks.push({ kind: 'uuid', text, where });
    if (ISO.test(text)) leaks.push({ kind: 'iso', text, where });
    if (PLACEHOLDER.test(text)) leaks.push({ kind: 'placeholder', text, where });
    for (const [token] of text.matchAll(KEY_LIKE)) {
      const first = token.split('.')[0]!;
      if (keys.has(token) || (namespaces.has(first) && /\.[a-z]+[A-Z]/.test(token))) leaks.push({ kind: 'key', text, where });
    }
    for (const word of text.match(/\b[a-z]+[A-Z][a-zA-Z]*\b/g) ?? []) if (codes.has(word)) leaks.push({ kind: 'code', text, where });
    for (const word of text.match(/\b[a-z][a-z0-9-]*\b/g) ?? []) if (ids.has(word)) leaks.push({ kind: 'code', text, where });
  }
  return leaks;
}
