import { useMemo, useRef } from 'react';
import type { UiSchema } from '@rjsf/utils';
import { Collapse, Input, Select, Space, Typography } from 'antd';
import type { OutcomeEvent, OutcomeType } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import type { MessageKey } from '../../i18n/en';
import { liveValidator } from '../shared/liveValidator';
import { ChoiceWidget } from '../../shared/rjsf/ChoiceWidget';
import { ThemedForm } from '../../shared/rjsf/ThemedForm';
import { translateString } from '../../shared/rjsf/translateString';
import { ExprField, type ExprFieldContext } from './ExprField';
import { OUTCOME_TYPES, outcomeForm, type OutcomeChoices } from './outcomeSchemas';
import { outcomeWords } from './outcomeWords';
import { newDeadlineKey, withDeadlineKey } from './deadlineKey';

const CODE = /^[a-z][A-Za-z0-9]*$/;

const STARTERS: Record<OutcomeType, OutcomeEvent['params']> = {
  fine: { payer: { role: '' }, amount: 0, reason: { 'zh-CN': '', en: '' } },
  deadline: { key: 'due', what: { 'zh-CN': '', en: '' }, from: '', limit: { unit: 'workingHours', amount: 1 } },
  approval: { approver: '', before: '', reason: { 'zh-CN': '', en: '' } },
  amount: { name: 'amount', label: { 'zh-CN': '', en: '' }, value: 0, unit: 'CNY' },
  block: { message: { 'zh-CN': '', en: '' } },
  notify: { to: { role: '' }, message: { 'zh-CN': '', en: '' } },
};

/** A rule's outcome: its type, then a form generated from that type's params schema (the meta-schema's). */
export function OutcomeEditor({
  event,
  onChange,
  choices,
  exprContext,
  otherDeadlineKeys = [],
}: {
  event: OutcomeEvent;
  onChange: (next: OutcomeEvent, coalesce?: string) => void;
  choices: OutcomeChoices;
  exprContext: ExprFieldContext;
  /** The keys of the rule set's other deadlines: a deadline's key, made from its title, stays unique. */
  otherDeadlineKeys?: string[];
}) {
  const { t, text, has, locale } = useI18n();
  const words = useMemo(() => outcomeWords(t, has), [t, has]);
  // RJSF reports a change when it first fills defaults; only a person's edit may change the rule,
  // so a rule opened and left alone (e.g. pushed by an integrator) is saved exactly as it was.
  const touched = useRef(false);
  const { schema, uiSchema } = useMemo(() => {
    const made = outcomeForm(event.type, choices, words, text);
    // A deadline's key is made from its title (pinyin) and shown only under "advanced", below.
    return event.type === 'deadline' ? { ...made, uiSchema: { ...made.uiSchema, key: { 'ui:widget': 'hidden' } } } : made;
  }, [event.type, choices, words, text]);
  return (
    <div>
      <Space style={{ marginBottom: 12 }}>
        <label htmlFor="outcome-type">
          <Typography.Text strong>{t('outcome.type')}</Typography.Text>
        </label>
        <Select<OutcomeType>
          id="outcome-type"
          style={{ width: 220 }}
          value={event.type}
          onChange={(type) => {
            const params = structuredClone(STARTERS[type]);
            if (type === 'deadline') (params as { key: string }).key = newDeadlineKey(otherDeadlineKeys);
            onChange({ type, params } as OutcomeEvent);
          }}
          options={OUTCOME_TYPES.map((type) => ({ value: type, label: t(`outcome.${type}` as MessageKey) }))}
        />
      </Space>
      <div
        className="record-form"
        onPointerDownCapture={() => (touched.current = true)}
        onKeyDownCapture={() => (touched.current = true)}
        onFocusCapture={() => (touched.current = true)}
      >
        <ThemedForm
          key={event.type}
          schema={schema}
          uiSchema={{ ...(uiSchema as UiSchema), 'ui:submitButtonOptions': { norender: true } }}
          formData={event.params}
          validator={liveValidator}
          noValidate
          translateString={translateString(locale)}
          experimental_defaultFormStateBehavior={{ constAsDefaults: 'never', emptyObjectFields: 'skipDefaults', allOf: 'skipDefaults' }}
          fields={{ expr: ExprField }}
          widgets={{ choice: ChoiceWidget }}
          formContext={{ labelAlign: 'left', colon: false, rowGutter: 16, ...exprContext }}
          idPrefix="outcome"
          onChange={(e) => {
            if (!touched.current) return;
            const params =
              event.type === 'deadline'
                ? withDeadlineKey(event.params, e.formData as typeof event.params, otherDeadlineKeys)
                : (e.formData as OutcomeEvent['params']);
            onChange({ type: event.type, params } as OutcomeEvent, `outcome.${event.type}`);
          }}
        />
      </div>
      {event.type === 'deadline' && (
        <Collapse
          size="small"
          ghost
          items={[
            {
              key: 'advanced',
              label: t('words.advanced'),
              children: (
                <Space direction="vertical" size={4}>
                  <Typography.Text type="secondary">{t('outcome.deadlineKeyHelp')}</Typography.Text>
                  {/* Rules that are alternatives of one deadline (urban, suburban arrival) may share its key. */}
                  <Input
                    key={event.params.key}
                    aria-label={t('outcome.deadlineKey')}
                    defaultValue={event.params.key}
                    style={{ width: 240 }}
                    onBlur={(e) => {
                      const key = e.target.value.trim();
                      if (key && key !== event.params.key && CODE.test(key))
                        onChange({ type: 'deadline', params: { ...event.params, key } }, 'outcome.deadline.key');
                      else e.target.value = event.params.key;
                    }}
                  />
                </Space>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
