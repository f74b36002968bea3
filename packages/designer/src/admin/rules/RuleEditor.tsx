import { Card, Collapse, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import type { RuleDefinition } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import { LocalizedInput } from '../shared/LocalizedInput';
import { codeAfterRename } from '../shared/followsLabel';
import { ConditionBuilder } from './ConditionBuilder';
import type { ExprFieldContext } from './ExprField';
import type { FactOption } from './factOptions';
import { OutcomeEditor } from './OutcomeEditor';
import type { OutcomeChoices } from './outcomeSchemas';

export interface RuleEditorProps {
  rule: RuleDefinition;
  onChange: (next: RuleDefinition, coalesce?: string) => void;
  facts: FactOption[];
  sharedConditions: string[];
  choices: OutcomeChoices;
  exprContext: ExprFieldContext;
  /** The names of the rule set's other rules: a name made from the title stays unique. */
  otherNames?: string[];
  /** The keys of the rule set's other deadlines: a deadline key made from its title stays unique. */
  otherDeadlineKeys?: string[];
}

/** One rule: name, priority, on/off, its conditions (builder) and its outcome (form). */
export function RuleEditor({
  rule,
  onChange,
  facts,
  sharedConditions,
  choices,
  exprContext,
  otherNames = [],
  otherDeadlineKeys = [],
}: RuleEditorProps) {
  const { t } = useI18n();
  const set = (patch: Partial<RuleDefinition>, coalesce?: string) => onChange({ ...rule, ...patch }, coalesce);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('rules.rule')}>
        <Form layout="vertical" component="div">
          <Form.Item label={t('rules.ruleTitle')}>
            {/* The rule's name (its code) follows the title while nobody edited it under "advanced". */}
            <LocalizedInput
              label={t('rules.ruleTitle')}
              value={rule.title}
              onChange={(title) =>
                set(
                  { title, name: codeAfterRename(rule.name, rule.title['zh-CN'], title['zh-CN'], 'kebab', otherNames, 'rule') },
                  `${rule.name}.title`,
                )
              }
            />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item label={t('rules.priority')} htmlFor="rule-priority" help={t('rules.priorityHelp')}>
              <InputNumber
                id="rule-priority"
                min={1}
                max={1000}
                value={rule.priority ?? null}
                onChange={(v) => {
                  const next = { ...rule };
                  if (v === null) delete next.priority;
                  else next.priority = v;
                  onChange(next, `${rule.name}.priority`);
                }}
              />
            </Form.Item>
            <Form.Item label={t('rules.enabled')} htmlFor="rule-enabled">
              <Switch
                id="rule-enabled"
                checked={rule.enabled !== false}
                onChange={(on) => {
                  const next = { ...rule };
                  if (on) delete next.enabled;
                  else next.enabled = false;
                  onChange(next);
                }}
              />
            </Form.Item>
            <Form.Item label={t('rules.catalog')} htmlFor="rule-catalog">
              <Select
                id="rule-catalog"
                mode="tags"
                style={{ minWidth: 140 }}
                value={rule.catalog ?? []}
                onChange={(catalog: string[]) => {
                  const next = { ...rule };
                  if (catalog.length > 0) next.catalog = catalog;
                  else delete next.catalog;
                  onChange(next);
                }}
              />
            </Form.Item>
          </Space>
          <Collapse
            size="small"
            ghost
            defaultActiveKey={/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(rule.name) && !otherNames.includes(rule.name) ? [] : ['advanced']}
            items={[
              {
                key: 'advanced',
                label: t('rules.ruleNameAdvanced'),
                children: (
                  <Form.Item label={t('rules.ruleName')} htmlFor="rule-name" help={t('rules.ruleNameHelp')}>
                    <Input
                      id="rule-name"
                      value={rule.name}
                      onChange={(e) => set({ name: e.target.value }, `${rule.name}.name`)}
                      style={{ width: 240 }}
                    />
                  </Form.Item>
                ),
              },
            ]}
          />
        </Form>
      </Card>
      <Card size="small" title={t('rules.conditions')}>
        <ConditionBuilder
          label={t('rules.conditions')}
          value={rule.conditions}
          onChange={(conditions) => set({ conditions })}
          facts={facts}
          sharedConditions={sharedConditions}
        />
      </Card>
      <Card size="small" title={t('rules.outcome')}>
        <OutcomeEditor
          event={rule.event}
          onChange={(event, coalesce) => set({ event }, coalesce)}
          choices={choices}
          exprContext={exprContext}
          otherDeadlineKeys={otherDeadlineKeys}
        />
      </Card>
    </Space>
  );
}
