import { useMemo, type ReactNode } from 'react';
import { DeleteOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, InputNumber, Select, Space, Typography } from 'antd';
import type { FormDefinition, HistoryFact, HistoryFilter } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import type { MessageKey } from '../../i18n/en';
import { factOptions, type FactOption } from './factOptions';
import {
  addFilter,
  FILTER_OP_WORDS,
  FILTER_OPS,
  filterValueMode,
  newFilter,
  setAggregate,
  setFilterField,
  setFilterValueMode,
  setIncludeSelf,
  setSumField,
  setTargetForm,
  setWindow,
  startingLiteral,
  updateFilters,
  type FilterValueMode,
  type NumericField,
  type WindowUnit,
} from './historyQuery';
import { useFormDefinitions, useFormList } from './useForms';
import { withMissingChoice } from './withMissingChoice';

export interface HistoryFactEditorProps {
  /** The fact as people read it (never its code): its controls are named after it. */
  spokenName: string;
  fact: HistoryFact;
  onChange: (next: HistoryFact) => void;
  /** The rule set's form: counted by default, and the record whose fields a filter can compare with. */
  ownForm: FormDefinition | null;
  /** Whether the engine reported a problem at this part of the fact (path below the fact). */
  invalidAt: (...path: (string | number)[]) => boolean;
}

/** A figure from other records without JSON: which form, which period, count or sum, and which records (e.g. by the same advisor). */
export function HistoryFactEditor({ spokenName, fact, onChange, ownForm, invalidAt }: HistoryFactEditorProps) {
  const { t, text } = useI18n();
  const { query } = fact;
  const forms = useFormList();
  const loaded = useFormDefinitions(query.form ? [query.form] : []);
  const target = query.form === undefined ? ownForm : (loaded.get(query.form) ?? null);
  const targetFields = useMemo(() => recordFields(target), [target]);
  const ownFields = useMemo(() => recordFields(ownForm), [ownForm]);
  const numeric = numericFields(targetFields);
  const status = (...path: (string | number)[]) => (invalidAt(...path) ? ('error' as const) : undefined);
  const fieldChoices = (list: FactOption[]) => list.map((f) => ({ value: f.name, label: text(f.label) }));

  const OWN = '';
  const formOptions = [
    { value: OWN, label: t('history.thisForm', { form: ownForm ? text(ownForm.title) : '' }) },
    ...forms.filter((f) => f.id !== ownForm?.id).map((f) => ({ value: f.id, label: text(f.title) })),
  ];
  // A form or field the lists do not offer is told in words (blank while the lists load), never by its code.
  if (query.form && !formOptions.some((o) => o.value === query.form))
    formOptions.push({ value: query.form, label: forms.length > 0 ? t('fields.link.missingForm') : '' });
  const missingTarget = target ? t('facts.linked.missingField') : '';
  const missingOwn = ownForm ? t('facts.linked.missingField') : '';

  return (
    <div>
      <Row caption={t('history.form')}>
        <Select
          aria-label={t('history.formOf', { fact: spokenName })}
          status={status('query', 'form')}
          style={{ minWidth: 220 }}
          showSearch
          optionFilterProp="label"
          value={query.form ?? OWN}
          onChange={(form: string) => {
            const fields = form === OWN ? recordFields(ownForm) : [];
            onChange(setTargetForm(fact, form === OWN ? undefined : form, numericFields(fields)));
          }}
          options={formOptions}
        />
      </Row>
      <Row caption={t('history.window')}>
        <Select<WindowUnit>
          aria-label={t('history.windowOf', { fact: spokenName })}
          status={status('query', 'window')}
          style={{ width: 180 }}
          value={query.window.unit}
          onChange={(unit) => onChange(setWindow(fact, unit))}
          options={(['week', 'month', 'days'] as const).map((u) => ({ value: u, label: t(`history.${u}`) }))}
        />
        {query.window.unit === 'days' && (
          <Space>
            <InputNumber
              aria-label={t('history.daysOf', { fact: spokenName })}
              status={status('query', 'window', 'amount')}
              min={1}
              max={3660}
              precision={0}
              value={query.window.amount ?? null}
              onChange={(amount) => amount && onChange(setWindow(fact, 'days', amount))}
            />
            <span>{t('history.daysUnit')}</span>
          </Space>
        )}
      </Row>
      <Row caption={t('history.aggregate')}>
        <Select<'count' | 'sum'>
          aria-label={t('history.aggregateOf', { fact: spokenName })}
          style={{ width: 180 }}
          value={query.aggregate}
          onChange={(aggregate) => onChange(setAggregate(fact, aggregate, numeric))}
          options={[
            { value: 'count', label: t('history.count') },
            { value: 'sum', label: t('history.sum') },
          ]}
        />
        {query.aggregate === 'sum' && (
          <>
            <Select
              aria-label={t('history.sumFieldOf', { fact: spokenName })}
              status={status('query', 'field')}
              style={{ minWidth: 180 }}
              showSearch
              optionFilterProp="label"
              value={query.field}
              onChange={(field: string) => {
                const picked = numeric.find((f) => f.name === field);
                if (picked) onChange(setSumField(fact, picked));
              }}
              options={withMissingChoice(fieldChoices(targetFields.filter((f) => f.kind === 'number')), query.field, missingTarget)}
            />
            <Select<'integer' | 'number'>
              aria-label={t('history.typeOf', { fact: spokenName })}
              style={{ width: 120 }}
              value={fact.type}
              onChange={(type) => onChange({ ...fact, type })}
              options={[
                { value: 'integer', label: t('history.integer') },
                { value: 'number', label: t('history.number') },
              ]}
            />
          </>
        )}
      </Row>
      <Row caption={t('history.where')}>
        <div style={{ display: 'grid', gap: 6 }}>
          {(query.where ?? []).length === 0 && <Typography.Text type="secondary">{t('history.noFilter')}</Typography.Text>}
          {(query.where ?? []).map((filter, i) => (
            <FilterRow
              key={i}
              spokenName={spokenName}
              n={i + 1}
              filter={filter}
              targetFields={targetFields}
              ownFields={ownFields}
              missing={{ target: missingTarget, own: missingOwn }}
              invalid={(...path) => invalidAt('query', 'where', i, ...path)}
              onChange={(next) => onChange(updateFilters(fact, i, next))}
            />
          ))}
          <div>
            <Button
              size="small"
              type="dashed"
              aria-label={t('history.addFilterOf', { fact: spokenName })}
              disabled={targetFields.length === 0 || (query.where ?? []).length >= 20}
              onClick={() =>
                onChange(
                  addFilter(
                    fact,
                    newFilter(
                      targetFields[0]!.name,
                      ownFields.map((f) => f.name),
                      startingLiteral(targetFields[0]!.kind, targetFields[0]!.options),
                    ),
                  ),
                )
              }
            >
              {t('history.addFilter')}
            </Button>
          </div>
        </div>
      </Row>
      <Row caption="">
        <Checkbox
          aria-label={t('history.includeSelfOf', { fact: spokenName })}
          checked={query.includeSelf !== false}
          onChange={(e) => onChange(setIncludeSelf(fact, e.target.checked))}
        >
          {t('history.includeSelf')}
        </Checkbox>
      </Row>
      <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
        {t('history.explain')}
      </Typography.Paragraph>
    </div>
  );
}

function FilterRow({
  spokenName,
  n,
  filter,
  targetFields,
  ownFields,
  missing,
  invalid,
  onChange,
}: {
  spokenName: string;
  n: number;
  filter: HistoryFilter;
  targetFields: FactOption[];
  ownFields: FactOption[];
  /** The words of a field no longer in the counted form (`target`) or this one (`own`). */
  missing: { target: string; own: string };
  invalid: (...path: string[]) => boolean;
  onChange: (next: HistoryFilter | undefined) => void;
}) {
  const { t, text } = useI18n();
  const mode = filterValueMode(filter);
  const field = targetFields.find((f) => f.name === filter.field);
  const status = (...path: string[]) => (invalid(...path) ? ('error' as const) : undefined);
  const labels = { fact: spokenName, n };
  const ownNames = ownFields.map((f) => f.name);
  return (
    <Space wrap>
      <Select
        aria-label={t('history.filterField', labels)}
        status={status('field')}
        style={{ minWidth: 170 }}
        showSearch
        optionFilterProp="label"
        value={filter.field}
        onChange={(next: string) => {
          const picked = targetFields.find((f) => f.name === next);
          onChange(setFilterField(filter, next, ownNames, startingLiteral(picked?.kind, picked?.options)));
        }}
        options={withMissingChoice(
          targetFields.map((f) => ({ value: f.name, label: text(f.label) })),
          filter.field,
          missing.target,
        )}
      />
      <Select<HistoryFilter['op']>
        aria-label={t('history.filterOp', labels)}
        style={{ width: 130 }}
        value={filter.op}
        onChange={(op) => onChange({ ...filter, op })}
        options={FILTER_OPS.map((op) => ({ value: op, label: t(`op.${FILTER_OP_WORDS[op]}` as MessageKey) }))}
      />
      <Select<FilterValueMode>
        aria-label={t('history.filterMode', labels)}
        style={{ width: 160 }}
        value={mode}
        onChange={(m) => onChange(setFilterValueMode(filter, m, ownNames, startingLiteral(field?.kind, field?.options)))}
        options={[
          { value: 'value', label: t('history.modeValue') },
          { value: 'fact', label: t('history.modeFact') },
        ]}
      />
      {mode === 'fact' ? (
        <Select
          aria-label={t('history.filterOwnField', labels)}
          status={status('value')}
          style={{ minWidth: 170 }}
          showSearch
          optionFilterProp="label"
          value={(filter.value as { fact: string }).fact || undefined}
          onChange={(fact: string) => onChange({ ...filter, value: { fact } })}
          options={withMissingChoice(
            ownFields.map((f) => ({ value: f.name, label: text(f.label) })),
            (filter.value as { fact: string }).fact,
            missing.own,
          )}
        />
      ) : (
        <LiteralInput
          label={t('history.filterValue', labels)}
          field={field}
          value={filter.value}
          invalid={invalid('value')}
          onChange={(value) => onChange({ ...filter, value })}
        />
      )}
      <Button
        type="text"
        danger
        icon={<DeleteOutlined />}
        aria-label={t('history.removeFilter', labels)}
        onClick={() => onChange(undefined)}
      />
    </Space>
  );
}

/** A value typed as the compared field is: a number, yes/no, one of its choices, or text. */
function LiteralInput({
  label,
  field,
  value,
  invalid,
  onChange,
}: {
  label: string;
  field: FactOption | undefined;
  value: unknown;
  invalid: boolean;
  onChange: (next: unknown) => void;
}) {
  const { t, text } = useI18n();
  const status = invalid ? ('error' as const) : undefined;
  if (field?.kind === 'number')
    return (
      <InputNumber aria-label={label} status={status} value={typeof value === 'number' ? value : null} onChange={(v) => onChange(v ?? 0)} />
    );
  if (field?.kind === 'boolean' || field?.kind === 'choice') {
    const options: { value: unknown; label: string }[] =
      field.kind === 'boolean'
        ? [
            { value: true, label: t('common.yes') },
            { value: false, label: t('common.no') },
          ]
        : (field.options ?? []).map((o) => ({ value: o.value, label: text(o.label) }));
    return (
      <Select
        aria-label={label}
        status={status}
        style={{ minWidth: 140 }}
        value={options.some((o) => o.value === value) ? JSON.stringify(value) : undefined}
        onChange={(v: string) => onChange(JSON.parse(v) as unknown)}
        options={options.map((o) => ({ value: JSON.stringify(o.value), label: o.label }))}
      />
    );
  }
  return (
    <Input
      aria-label={label}
      status={status}
      style={{ width: 170 }}
      value={typeof value === 'string' ? value : JSON.stringify(value)}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

function Row({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', flexWrap: 'wrap', marginBottom: 8 }}>
      <Typography.Text type="secondary" style={{ minWidth: 150, paddingTop: 5 }}>
        {caption}
      </Typography.Text>
      <Space wrap>{children}</Space>
    </div>
  );
}

/** The single-valued fields of a form's records (what a history query can filter on or sum). */
function recordFields(form: FormDefinition | null): FactOption[] {
  return form ? factOptions(form, {}).filter((f) => f.source === 'field' && !f.many && f.kind !== 'list' && f.kind !== 'other') : [];
}

function numericFields(fields: FactOption[]): NumericField[] {
  return fields.filter((f) => f.kind === 'number').map((f) => ({ name: f.name, integer: f.info?.type === 'integer' }));
}
