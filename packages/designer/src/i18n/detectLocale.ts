import { resolveLocale, type Locale } from '@aftersales/engine';

const KEY = 'aftersales.locale';

/** The stored choice, else zh-CN when the browser asks for any Chinese, else English. */
export function detectLocale(): Locale {
  try {
    const stored = localStorage.getItem(KEY);
    if (stored === 'en' || stored === 'zh-CN') return stored;
  } catch {
    // storage unavailable (private mode): fall through
  }
  const languages = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return resolveLocale(languages[0]);
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(KEY, locale);
  } catch {
    // ignore
  }
}
