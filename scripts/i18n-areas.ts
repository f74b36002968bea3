// Sorts the web app's messages into their areas by where the code uses them (`pnpm i18n:areas`):
// a key used only under src/admin goes to admin.{en,zh-CN}.ts, only under src/staff to
// staff.{en,zh-CN}.ts, any other to the common en.ts / zh-CN.ts (loaded first; every screen may use it).
// A key the code does not name stays where it is. Each entry keeps its text and the comment lines
// above it. When a key is in more than one file (after a merge that brought back a whole en.ts),
// the text in en.ts / zh-CN.ts wins.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = process.argv[2] ?? fileURLToPath(new URL('../packages/designer/src/', import.meta.url));
const I18N = join(SRC, 'i18n');

type Area = 'common' | 'staff' | 'admin';
type Language = 'en' | 'zh-CN';
interface Entry {
  key: string;
  comments: string[];
  lines: string[];
}

const FILES: Record<Area, Record<Language, string>> = {
  common: { en: 'en.ts', 'zh-CN': 'zh-CN.ts' },
  staff: { en: 'staff.en.ts', 'zh-CN': 'staff.zh-CN.ts' },
  admin: { en: 'admin.en.ts', 'zh-CN': 'admin.zh-CN.ts' },
};

/** The entries of a dictionary file: `  'key': text,` (text may go on over more lines), comments kept with the next entry. */
function entries(file: string): Entry[] {
  let text: string;
  try {
    text = readFileSync(join(I18N, file), 'utf8');
  } catch {
    return [];
  }
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^export const \w+(: \w+)? = \{$/.test(l));
  const end = lines.findLastIndex((l) => l.startsWith('}'));
  if (start < 0 || end < start) throw new Error(`${file}: no dictionary found`);
  const found: Entry[] = [];
  let comments: string[] = [];
  for (const line of lines.slice(start + 1, end)) {
    const key = /^ {2}'([^']+)':/.exec(line)?.[1];
    if (key) {
      found.push({ key, comments, lines: [line] });
      comments = [];
    } else if (line.startsWith('  //')) comments.push(line);
    else if (line.trim() !== '') {
      const last = found.at(-1);
      if (!last) throw new Error(`${file}: text before the first key: ${line}`);
      last.lines.push(line);
    }
  }
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const path = join(dir, item.name);
    if (item.isDirectory()) return path === I18N ? [] : sources(path);
    return /\.tsx?$/.test(item.name) && !/\.test\.tsx?$/.test(item.name) ? [path] : [];
  });
}

/** The areas whose files name each key: as a quoted string, or by the fixed start of a template (`t(`op.${x}`)`). */
function usage(keys: string[]): Map<string, Set<Area>> {
  const used = new Map(keys.map((key) => [key, new Set<Area>()]));
  for (const file of sources(SRC)) {
    const path = relative(SRC, file).replaceAll('\\', '/');
    const area: Area = path.startsWith('admin/') ? 'admin' : path.startsWith('staff/') ? 'staff' : 'common';
    const text = readFileSync(file, 'utf8');
    const literals = new Set([...text.matchAll(/['"`]([a-zA-Z][\w.:-]*)['"`]/g)].map((m) => m[1]!));
    const prefixes = [...text.matchAll(/`([a-zA-Z][\w.:-]*)\$\{/g)].map((m) => m[1]!);
    for (const key of keys) if (literals.has(key) || prefixes.some((p) => key.startsWith(p))) used.get(key)!.add(area);
  }
  return used;
}

const HEADERS: Record<Area, Record<Language, { head: string; open: string; close: string }>> = {
  common: {
    en: {
      head: `import type { adminEn } from './admin.en';
import type { staffEn } from './staff.en';

/**
 * English texts of the whole app (sign-in, layout, navigation, shared widgets, and what the admin and
 * staff areas both show). The staff area's own texts are in staff.en.ts, the admin area's in
 * admin.en.ts: each is loaded with its area (I18nContext), so the staff screens never load the
 * designer's texts. Keys are shared with zh-CN.ts, which must translate every one. New keys may go at
 * the end of this file; \`pnpm i18n:areas\` moves those one area uses to its files.
 */`,
      open: 'export const en = {',
      close: `} as const;

/** A message key of any area: \`t()\` takes only these (a missing key is a type error). */
export type MessageKey = keyof typeof en | keyof typeof staffEn | keyof typeof adminEn;
/** Every message of every area in one language. */
export type Messages = Record<MessageKey, string>;
/** The messages of this file in one language. */
export type CommonMessages = Record<keyof typeof en, string>;`,
    },
    'zh-CN': {
      head: `import type { CommonMessages } from './en';

/** 简体中文界面文字（全应用共用的部分）；键与 en.ts 相同，缺一个键类型检查就不通过。 */`,
      open: 'export const zhCN: CommonMessages = {',
      close: '};',
    },
  },
  staff: {
    en: {
      head: `/**
 * English texts of the staff area (filling forms, records, approvals, fines, dashboards): loaded with
 * that area's routes (I18nContext \`AreaMessages\`). Keys are shared with staff.zh-CN.ts, which must
 * translate every one.
 */`,
      open: 'export const staffEn = {',
      close: `} as const;

/** The messages of this file in one language. */
export type StaffMessages = Record<keyof typeof staffEn, string>;`,
    },
    'zh-CN': {
      head: `import type { StaffMessages } from './staff.en';

/** 简体中文界面文字（门店人员区，随该区的页面一起加载）；键与 staff.en.ts 相同，缺一个键类型检查就不通过。 */`,
      open: 'export const staffZhCN: StaffMessages = {',
      close: '};',
    },
  },
  admin: {
    en: {
      head: `/**
 * English texts of the admin area (the designer: forms, rule sets, test bench, versions, users, keys,
 * channels): loaded with that area's routes (I18nContext \`AreaMessages\`). Keys are shared with
 * admin.zh-CN.ts, which must translate every one.
 */`,
      open: 'export const adminEn = {',
      close: `} as const;

/** The messages of this file in one language. */
export type AdminMessages = Record<keyof typeof adminEn, string>;`,
    },
    'zh-CN': {
      head: `import type { AdminMessages } from './admin.en';

/** 简体中文界面文字（管理员区，随该区的页面一起加载）；键与 admin.en.ts 相同，缺一个键类型检查就不通过。 */`,
      open: 'export const adminZhCN: AdminMessages = {',
      close: '};',
    },
  },
};

const AREAS: Area[] = ['common', 'staff', 'admin'];
const LANGUAGES: Language[] = ['en', 'zh-CN'];

// Each key's entry per language (en.ts / zh-CN.ts last, so they win), and the area it was in.
const byLanguage = new Map<Language, Map<string, Entry>>();
const wasIn = new Map<string, Area>();
const order: string[] = [];
for (const language of LANGUAGES) {
  const all = new Map<string, Entry>();
  for (const area of ['staff', 'admin', 'common'] as const)
    for (const entry of entries(FILES[area][language])) {
      all.set(entry.key, entry);
      // An area file's key stays there while the code names it nowhere (a merged-back en.ts has them all).
      if (language === 'en' && !wasIn.has(entry.key)) wasIn.set(entry.key, area);
    }
  byLanguage.set(language, all);
}
// The order of the keys: common's first (its order is the oldest), then staff's, then admin's.
for (const area of AREAS) for (const entry of entries(FILES[area].en)) if (!order.includes(entry.key)) order.push(entry.key);

const used = usage(order);
const areaOf = (key: string): Area => {
  const areas = used.get(key)!;
  if (areas.size === 0) return wasIn.get(key) ?? 'common';
  if (areas.size === 1 && areas.has('admin')) return 'admin';
  if (areas.size === 1 && areas.has('staff')) return 'staff';
  return 'common';
};

const moved: string[] = [];
for (const key of order) if (areaOf(key) !== wasIn.get(key)) moved.push(`${key}: ${wasIn.get(key)} -> ${areaOf(key)}`);

for (const area of AREAS)
  for (const language of LANGUAGES) {
    const all = byLanguage.get(language)!;
    const body: string[] = [];
    for (const key of order) {
      if (areaOf(key) !== area) continue;
      const entry = all.get(key);
      if (!entry) throw new Error(`${key} has no ${language} text`);
      body.push(...entry.comments, ...entry.lines);
    }
    const { head, open, close } = HEADERS[area][language];
    writeFileSync(join(I18N, FILES[area][language]), `${head}\n${open}\n${body.join('\n')}\n${close}\n`);
  }
console.log(moved.length ? `moved ${moved.length} key(s):\n${moved.join('\n')}` : 'every key is in its area already');
