import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
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

/** The messages loaded so far in one language: the common ones, and those of each area shown. */
export type Dictionary = Partial<Messages>;

/** An area of the app with its own messages, loaded with its routes (the common ones are loaded first). */
export type Area = 'staff' | 'admin';

type Loader = () => Promise<Dictionary>;

// Each language of each part its own chunk: a screen loads only the language it shows, and the staff
// screens never load the admin area's texts (nor the admin screens the staff area's, until shown).
const COMMON: Record<Locale, Loader> = {
  en: () => import('./en').then((m) => m.en),
  'zh-CN': () => import('./zh-CN').then((m) => m.zhCN),
};
const AREAS: Record<Area, Record<Locale, Loader>> = {
  staff: {
    en: () => import('./staff.en').then((m) => m.staffEn),
    'zh-CN': () => import('./staff.zh-CN').then((m) => m.staffZhCN),
  },
  admin: {
    en: () => import('./admin.en').then((m) => m.adminEn),
    'zh-CN': () => import('./admin.zh-CN').then((m) => m.adminZhCN),
  },
};

const loads = new Map<string, Promise<Dictionary>>();
/** One fetch per part and language (a failed one is tried again next time). */
function once(name: string, load: Loader): Promise<Dictionary> {
  let found = loads.get(name);
  if (!found) {
    found = load().catch((error: unknown) => {
      loads.delete(name);
      throw error;
    });
    loads.set(name, found);
  }
  return found;
}

/** The common messages of one language (main.tsx loads them before the first render, a switch of language after it). */
export function loadMessages(locale: Locale): Promise<Dictionary> {
  wanted = locale;
  return once(`common:${locale}`, COMMON[locale]);
}

/** The messages of an area in one language. */
function loadArea(area: Area, locale: Locale): Promise<Dictionary> {
  return once(`${area}:${locale}`, AREAS[area][locale]);
}

/** The language last asked for, so that a route can fetch its area's messages alongside its code. */
let wanted: Locale | undefined;

/** Starts fetching an area's messages in the language shown: call it where the area's code is fetched (router.tsx). */
export function prefetchArea(area: Area): void {
  if (wanted) void loadArea(area, wanted).catch(() => undefined);
}

interface Areas {
  loaded: readonly Area[];
  add: (area: Area) => void;
}

const I18nContext = createContext<I18n | null>(null);
const AreasContext = createContext<Areas | null>(null);

export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function I18nProvider({ children, locale: initial, messages }: { children: ReactNode; locale: Locale; messages: Dictionary }) {
  const [current, setCurrent] = useState<{ locale: Locale; dictionary: Dictionary; areas: readonly Area[] }>({
    locale: initial,
    dictionary: messages,
    areas: [],
  });
  // The areas shown so far: a switch of language loads them in the new language too.
  const areasRef = useRef<readonly Area[]>([]);
  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    const areas = areasRef.current;
    void Promise.all([loadMessages(next), ...areas.map((area) => loadArea(area, next))]).then((parts) => {
      document.documentElement.lang = next;
      setCurrent({ locale: next, dictionary: Object.assign({}, ...parts) as Dictionary, areas });
    });
  }, []);
  const { locale, dictionary, areas } = current;
  useEffect(() => {
    areasRef.current = areas;
  }, [areas]);
  const add = useCallback(
    (area: Area) => {
      loadArea(area, locale).then(
        (part) =>
          setCurrent((now) =>
            now.locale !== locale || now.areas.includes(area)
              ? now
              : { locale, dictionary: { ...now.dictionary, ...part }, areas: [...now.areas, area] },
          ),
        // Offline: the area's fallback (a spinner) stays until the page is reloaded.
        () => undefined,
      );
    },
    [locale],
  );
  const value = useMemo<I18n>(() => {
    return {
      locale,
      setLocale,
      t: (key, params) => format(dictionary[key] ?? key, params),
      has: (key) => Object.hasOwn(dictionary, key),
      text: (label) => (label ? label[locale] || label[locale === 'en' ? 'zh-CN' : 'en'] || '' : ''),
    };
  }, [locale, dictionary, setLocale]);
  const areasValue = useMemo<Areas>(() => ({ loaded: areas, add }), [areas, add]);
  return (
    <I18nContext.Provider value={value}>
      <AreasContext.Provider value={areasValue}>{children}</AreasContext.Provider>
    </I18nContext.Provider>
  );
}

/**
 * Renders an area once its messages are loaded (the fallback until then): the admin and staff
 * routes wrap themselves in it, so each area's texts come with the area.
 */
export function AreaMessages({ area, fallback, children }: { area: Area; fallback: ReactNode; children: ReactNode }) {
  const areas = useContext(AreasContext);
  if (!areas) throw new Error('AreaMessages outside I18nProvider');
  const ready = areas.loaded.includes(area);
  const { add } = areas;
  useEffect(() => {
    if (!ready) add(area);
  }, [ready, add, area]);
  return ready ? children : fallback;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
