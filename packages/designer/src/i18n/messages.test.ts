import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { adminEn } from './admin.en';
import { adminZhCN } from './admin.zh-CN';
import { en as commonEn } from './en';
import { staffEn } from './staff.en';
import { staffZhCN } from './staff.zh-CN';
import { zhCN as commonZhCN } from './zh-CN';

const SRC = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Keys the code asks for: `t('a.b')`, and the fixed start of `t(`a.${x}`)` (some key must start with it). */
function usedKeys(): { file: string; key: string; prefix: boolean }[] {
  const found: { file: string; key: string; prefix: boolean }[] = [];
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([^'\n]+)'/g)) found.push({ file, key: m[1]!, prefix: false });
    for (const m of text.matchAll(/\bt\(\s*`([a-zA-Z][\w.:-]*)\$\{/g)) found.push({ file, key: m[1]!, prefix: true });
  }
  return found;
}

/** The dictionaries by area: common (loaded first), staff and admin (each loaded with its routes). */
const AREAS = {
  common: { en: commonEn, zh: commonZhCN },
  staff: { en: staffEn, zh: staffZhCN },
  admin: { en: adminEn, zh: adminZhCN },
} as const;
const en: Record<string, string> = { ...commonEn, ...staffEn, ...adminEn };
const zhCN: Record<string, string> = { ...commonZhCN, ...staffZhCN, ...adminZhCN };

/** The area a source file belongs to, by its folder: it may use the common messages and its area's. */
const areaOf = (file: string) => {
  const path = file.slice(SRC.length).replaceAll('\\', '/');
  return path.startsWith('admin/') ? 'admin' : path.startsWith('staff/') ? 'staff' : 'common';
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message dictionaries', () => {
  it('when the code asks for a message key, then both languages have it', () => {
    const used = usedKeys();
    expect(used.length).toBeGreaterThan(500);
    const missing = (dictionary: Record<string, string>) =>
      used
        .filter(({ key, prefix }) => (prefix ? !Object.keys(dictionary).some((k) => k.startsWith(key)) : !Object.hasOwn(dictionary, key)))
        .map(({ file, key }) => `${file.slice(SRC.length)}: ${key}`);
    expect(missing(en)).toEqual([]);
    expect(missing(zhCN)).toEqual([]);
  });

  it('when a message has a {placeholder}, then the code fills it (no t(key) without values)', () => {
    const unfilled: string[] = [];
    for (const file of sources(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([^'\n]+)'\s*\)/g))
        if (placeholders(en[m[1]!] ?? '').length > 0) unfilled.push(`${file.slice(SRC.length)}: ${m[1]}`);
    }
    expect(unfilled).toEqual([]);
  });

  for (const [area, { en: english, zh }] of Object.entries(AREAS))
    it(`when a key of the ${area} messages is in one language, then it is in the other, not empty, with the same {placeholders}`, () => {
      const zhText = zh as Record<string, string>;
      expect(Object.keys(zh).filter((k) => !Object.hasOwn(english, k))).toEqual([]);
      expect(Object.keys(english).filter((k) => !Object.hasOwn(zh, k))).toEqual([]);
      const differing = Object.entries(english as Record<string, string>)
        .filter(([key, text]) => !text.trim() || !zhText[key]?.trim() || placeholders(text).join() !== placeholders(zhText[key]).join())
        .map(([key]) => key);
      expect(differing).toEqual([]);
    });

  it('when a key is in one area, then it is in no other (one text per key, whichever area loads first)', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [area, { en: english }] of Object.entries(AREAS))
      for (const key of Object.keys(english)) {
        if (seen.has(key)) twice.push(`${key}: ${seen.get(key)} and ${area}`);
        seen.set(key, area);
      }
    expect(twice).toEqual([]);
  });

  it('when a file names a message key, then the key is in the messages its area loads (staff screens never need the admin ones)', () => {
    const loads = { common: ['common'], staff: ['common', 'staff'], admin: ['common', 'admin'] } as const;
    const wrong: string[] = [];
    for (const file of sources(SRC)) {
      if (file.includes('/i18n/')) continue;
      const area = areaOf(file);
      const available = (key: string) => loads[area].some((a) => Object.hasOwn(AREAS[a].en, key));
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/['"`]([a-zA-Z][\w.:-]*\.[\w.:-]+)['"`]/g))
        if (Object.hasOwn(en, m[1]!) && !available(m[1]!)) wrong.push(`${file.slice(SRC.length)} (${area}): ${m[1]}`);
      for (const m of text.matchAll(/\bt\(\s*`([a-zA-Z][\w.:-]*)\$\{/g))
        if (!Object.keys(en).some((key) => key.startsWith(m[1]!) && available(key)))
          wrong.push(`${file.slice(SRC.length)} (${area}): ${m[1]}…`);
    }
    expect(wrong).toEqual([]);
  });
});
