import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Locale, LocalizedText } from '@aftersales/engine';
import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';
import { detectLocale, storeLocale } from './detectLocale';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** Whether a key exists (for keys built from data, e.g. a param name). */
  has: (key: string) => boolean;
  /** The text of a label in the current language (the other one when empty). */
  text: (value: LocalizedText | undefined) => string;
}

const dictionaries = { en, 'zh-CN': zhCN } as const;

const I18nContext = createContext<I18n | null>(null);

export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => initial ?? detectLocale());
  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const dictionary = dictionaries[locale];
    return {
      locale,
      setLocale,
      t: (key, params) => format(dictionary[key] ?? key, params),
      has: (key) => Object.hasOwn(dictionary, key),
      text: (label) => (label ? label[locale] || label[locale === 'en' ? 'zh-CN' : 'en'] || '' : ''),
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
