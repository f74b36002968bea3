import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Locale, LocalizedText } from '@aftersales/engine';
import type { MessageKey, Messages } from './en';
import { storeLocale } from './detectLocale';

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

/**
 * The messages of one language, each language its own chunk: a screen loads only the language it
 * shows (main.tsx loads the first before rendering; switching loads the other).
 */
export function loadMessages(locale: Locale): Promise<Messages> {
  return locale === 'en' ? import('./en').then((m) => m.en) : import('./zh-CN').then((m) => m.zhCN);
}

const I18nContext = createContext<I18n | null>(null);

export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function I18nProvider({ children, locale: initial, messages }: { children: ReactNode; locale: Locale; messages: Messages }) {
  const [current, setCurrent] = useState({ locale: initial, dictionary: messages });
  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    void loadMessages(next).then((dictionary) => {
      document.documentElement.lang = next;
      setCurrent({ locale: next, dictionary });
    });
  }, []);
  const { locale, dictionary } = current;
  const value = useMemo<I18n>(() => {
    return {
      locale,
      setLocale,
      t: (key, params) => format(dictionary[key] ?? key, params),
      has: (key) => Object.hasOwn(dictionary, key),
      text: (label) => (label ? label[locale] || label[locale === 'en' ? 'zh-CN' : 'en'] || '' : ''),
    };
  }, [locale, dictionary, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
