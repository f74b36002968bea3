import { pinyin } from 'pinyin-pro';

const MAX = 40;

/** The words of a label: Chinese characters as their pinyin (pinyin-pro), letters and digits as they are. */
function words(label: string): string[] {
  const syllables = pinyin(label, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  return syllables
    .flatMap((s) => s.split(/[^A-Za-z0-9]+/))
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/**
 * A code made from a label, for an admin who never types one: "来电时间" -> "laiDianShiJian"
 * (camel: fields, options, statuses, rules) or "lai-dian-shi-jian" (kebab: forms). Starts with a
 * letter, at most 40 characters, and differs from every code in `taken` (a number is added).
 */
export function codeFromLabel(label: string, style: 'camel' | 'kebab', taken: Iterable<string> = [], fallback = 'item'): string {
  let parts = words(label);
  if (parts.length === 0 || !/^[a-z]/.test(parts[0]!)) parts = [fallback, ...parts];
  let base = style === 'camel' ? parts.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('') : parts.join('-');
  base = base.slice(0, MAX).replace(/-+$/, '');
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, MAX - String(n).length - (style === 'kebab' ? 1 : 0))}${style === 'kebab' ? '-' : ''}${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** Whether a text holds Chinese characters (an English name equal to it is a fallback, not a translation). */
export function hasChinese(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}
