import { Tag } from 'antd';
import type { RuleSetFile } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import { namedRules } from './namedRules';

/** The rules a saved case names, one title a line in the reader's language; a deleted rule by its name, tagged as deleted. */
export function RuleNameList({ names, ruleSet }: { names: readonly string[]; ruleSet: Pick<RuleSetFile, 'rules'> }) {
  const { t, text } = useI18n();
  const rules = namedRules(names, ruleSet);
  if (rules.length === 0) return <>—</>;
  return (
    <>
      {rules.map((rule) => (
        <div key={rule.name}>
          {rule.title ? (
            text(rule.title)
          ) : (
            <>
              {rule.name} <Tag color="orange">{t('bench.ruleGone')}</Tag>
            </>
          )}
        </div>
      ))}
    </>
  );
}
