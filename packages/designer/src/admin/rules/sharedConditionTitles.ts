import { createContext, useContext } from 'react';
import type { LocalizedText } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';

/**
 * The names people read for the rule set's shared conditions (`conditionTitles`), for every
 * builder on the page: a shared condition is picked and shown by its name, never its code.
 */
export const SharedConditionTitles = createContext<Record<string, LocalizedText>>({});

/** A shared condition's name in the person's language: its title, else "Shared condition n" (its place in the rule set). */
export function useSharedConditionName(): (name: string, all: readonly string[]) => string {
  const titles = useContext(SharedConditionTitles);
  const { t, text } = useI18n();
  return (name, all) =>
    (Object.hasOwn(titles, name) ? text(titles[name]) : '') || t('shared.untitled', { n: Math.max(all.indexOf(name), 0) + 1 });
}
