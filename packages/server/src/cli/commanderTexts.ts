import type { Locale } from '@aftersales/engine';

// Commander's own words: the titles of its help and its messages about a mistyped command line. In
// English they stay commander's; in Chinese they are said here (commander has no translations).

const TITLES_ZH: Readonly<Record<string, string>> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Global Options:': '全局选项：',
};

/** A help title ("Usage:", "Options:", ...) in the caller's language. */
export function helpTitle(title: string, locale: Locale): string {
  return locale === 'zh-CN' ? (TITLES_ZH[title] ?? title) : title;
}

const MISTAKES_ZH: readonly [RegExp, (name: string) => string][] = [
  [/^error: unknown option '([^']*)'/, (name) => `没有选项“${name}”`],
  [/^error: unknown command '([^']*)'/, (name) => `没有命令“${name}”`],
  [/^error: required option '([^']*)' not specified/, (name) => `缺少必需的选项“${name}”`],
  [/^error: missing required argument '([^']*)'/, (name) => `缺少必需的参数“${name}”`],
  [/^error: option '([^']*)' argument missing/, (name) => `选项“${name}”缺少值`],
  [/^error: too many arguments/, () => '参数太多'],
];

/**
 * Commander's message about a command line it cannot take, in the caller's language: in Chinese
 * with its suggestion ("Did you mean ...?") and where to look; a message not known here stays as
 * commander says it.
 */
export function commandLineMistake(message: string, locale: Locale): string {
  if (locale !== 'zh-CN') return message;
  for (const [pattern, say] of MISTAKES_ZH) {
    const found = pattern.exec(message);
    if (!found) continue;
    const suggestion = /\(Did you mean (.+)\?\)/.exec(message);
    return `aftersales: ${say(found[1] ?? '')}${suggestion ? `（是不是要用 ${suggestion[1]}？）` : ''}；用 aftersales --help 查看用法\n`;
  }
  return message;
}
