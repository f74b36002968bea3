import { resolveLocale, type Locale } from '@aftersales/engine';
import type { Io } from './Io.js';

/** `--lang`, else the shell's LANG/LC_ALL (zh_* gives Chinese), else English. */
export function cliLocale(flag: string | undefined, io: Io): Locale {
  return resolveLocale(flag ?? io.env.LC_ALL ?? io.env.LANG ?? 'en');
}
