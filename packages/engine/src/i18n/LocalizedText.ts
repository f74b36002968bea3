/** A text in both product languages. Every label, message and title a person reads has both. */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export type Locale = keyof LocalizedText;

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** Picks the text for a locale; falls back to the other language when one is empty. */
export function pickText(text: LocalizedText | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] || text[locale === 'en' ? 'zh-CN' : 'en'] || '';
}

/** Chooses zh-CN when the caller asks for any Chinese (e.g. `Accept-Language: zh`), English otherwise. */
export function resolveLocale(requested: string | null | undefined): Locale {
  return requested && /^zh([-_.,;]|$)/i.test(requested.trim()) ? 'zh-CN' : 'en';
}
