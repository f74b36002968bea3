import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

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
        if (placeholders((en as Record<string, string>)[m[1]!] ?? '').length > 0) unfilled.push(`${file.slice(SRC.length)}: ${m[1]}`);
    }
    expect(unfilled).toEqual([]);
  });

  it('when a key is in one language, then it is in the other, not empty, with the same {placeholders}', () => {
    expect(Object.keys(zhCN).filter((k) => !Object.hasOwn(en, k))).toEqual([]);
    expect(Object.keys(en).filter((k) => !Object.hasOwn(zhCN, k))).toEqual([]);
    const zh = zhCN as Record<string, string>;
    const differing = Object.entries(en as Record<string, string>)
      .filter(([key, text]) => !text.trim() || !zh[key]?.trim() || placeholders(text).join() !== placeholders(zh[key]).join())
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });
});
