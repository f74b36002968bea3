import { useCallback } from 'react';
import type { RuleSetFile } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import { namedRules } from './namedRules';

/** Rules named by a case or a run, as one line in the reader's language: their titles; a deleted rule by its name, said to be deleted. */
export function useRuleTitles(ruleSet: Pick<RuleSetFile, 'rules'>): (names: readonly string[]) => string {
  const { t, text, locale } = useI18n();
  return useCallback(
    (names) =>
      namedRules(names, ruleSet)
        .map((r) => (r.title ? text(r.title) : t('publish.ruleGone', { name: r.name })))
        .join(locale === 'zh-CN' ? '、' : ', ') || '—',
    [ruleSet, t, text, locale],
  );
}
