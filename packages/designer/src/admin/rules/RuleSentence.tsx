import { useMemo } from 'react';
import { Typography } from 'antd';
import { ruleSentence, type FormDefinition, type LocalizedText, type RuleDefinition, type RuleSetFile } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';

/** A rule as one sentence ("当 安装费 > 500 → 售后经理在“已验收”前审批"), from labels and names, never codes. */
export function RuleSentence({
  rule,
  form,
  ruleSet,
  roleLabels,
  style,
}: {
  rule: RuleDefinition;
  form: FormDefinition | null;
  ruleSet: Pick<RuleSetFile, 'facts' | 'conditions' | 'conditionTitles'>;
  roleLabels: Record<string, LocalizedText>;
  style?: React.CSSProperties;
}) {
  const { locale } = useI18n();
  const sentence = useMemo(() => {
    if (!form) return null;
    try {
      return ruleSentence(rule, { form, ruleSet, roleLabel: (id) => roleLabels[id] }, locale);
    } catch {
      // A rule half-edited in the JSON view may not read yet: no sentence rather than a broken page.
      return null;
    }
  }, [rule, form, ruleSet, roleLabels, locale]);
  if (!sentence) return null;
  return (
    <Typography.Text className="rule-sentence" type="secondary" style={{ fontSize: 12, display: 'block', ...style }}>
      {sentence}
    </Typography.Text>
  );
}
