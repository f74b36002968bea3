import { Tag, Typography } from 'antd';
import {
  describeCondition,
  sharedConditionHolds,
  type ConditionExplanation,
  type PersonName,
  type RuleExplanation,
  type TableRowPlace,
} from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import { STORE_ZONE } from '../format';

/**
 * Every rule and condition with its fact values: why each rule did or did not apply. A rule that is
 * a row of a decision table is named by its table and row (`rowOf`), the matching row marked.
 */
export function ExplanationView({
  explanation,
  rowOf,
  timeZone = STORE_ZONE,
  personName,
}: {
  explanation: RuleExplanation[];
  rowOf?: (ruleSet: string, rule: string) => TableRowPlace | undefined;
  /** The stores' zone: times in conditions read as its local times. */
  timeZone?: string;
  /** People's names by user name (a person field's value); without it, the value as stored. */
  personName?: PersonName;
}) {
  const { t, text } = useI18n();
  return (
    <ol style={{ paddingLeft: 18 }} aria-label={t('bench.explanation')}>
      {explanation.map((rule) => (
        <li key={`${rule.ruleSet}/${rule.rule}`} style={{ marginBottom: 8 }}>
          <RuleVerdict rule={rule} />
          <Typography.Text strong> {text(rule.title)}</Typography.Text>
          {rule.catalog.length > 0 && <Typography.Text type="secondary"> ({rule.catalog.join(', ')})</Typography.Text>}
          <TableRowTag place={rowOf?.(rule.ruleSet, rule.rule)} matched={rule.fired} />
          {rule.conditions && (
            <div className="condition-tree">
              <ConditionNode node={rule.conditions} timeZone={timeZone} personName={personName} />
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

function TableRowTag({ place, matched }: { place: TableRowPlace | undefined; matched: boolean }) {
  const { t, text } = useI18n();
  if (!place) return null;
  const label = t('tables.rowOf', { table: text(place.title), row: place.row });
  return (
    <Tag color={matched ? 'blue' : undefined} style={{ marginLeft: 8 }}>
      {matched ? t('tables.matchedRow', { place: label }) : label}
    </Tag>
  );
}

function RuleVerdict({ rule }: { rule: RuleExplanation }) {
  const { t } = useI18n();
  if (!rule.enabled) return <Tag>{t('bench.off')}</Tag>;
  return rule.fired ? <Tag color="green">{t('bench.applies')}</Tag> : <Tag>{t('bench.doesNotApply')}</Tag>;
}

function ConditionNode({ node, timeZone, personName }: { node: ConditionExplanation; timeZone: string; personName?: PersonName }) {
  const { t, text, locale } = useI18n();
  if (node.kind === 'fact') {
    const color = node.result === true ? '#389e0d' : node.result === false ? '#cf1322' : '#8c8c8c';
    return (
      <ul>
        <li style={{ color }}>{describeCondition(node, locale, { timeZone, now: new Date(), ...(personName ? { personName } : {}) })}</li>
      </ul>
    );
  }
  const mark = node.result === true ? '✓' : node.result === false ? '✗' : '–';
  return (
    <ul>
      <li>
        {/* A shared condition is said by its name ("市区来电 成立"), its code only when it has none. */}
        {node.reference !== undefined &&
          `${sharedConditionHolds(node.referenceTitle ? text(node.referenceTitle) : node.reference, locale)} ${mark}${locale === 'en' ? ': ' : '：'}`}
        {t(`bench.group.${node.kind}`)}
        {node.reference === undefined && ` ${mark}`}
        {node.children.map((child, i) => (
          <ConditionNode key={i} node={child} timeZone={timeZone} personName={personName} />
        ))}
      </li>
    </ul>
  );
}
