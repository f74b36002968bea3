import { Input, InputNumber, Select, Tag } from 'antd';
import type { ValueEditorProps } from 'react-querybuilder';
import { parseOperator } from '@aftersales/engine';
import { useSharedConditionName } from './sharedConditionTitles';
import { useI18n } from '../../i18n/I18nContext';
import type { FactOption } from './factOptions';
import type { BuilderRule } from './conditionMapping';
import { readsOnlyFact } from './readsOnlyFact';

export interface BuilderContext {
  facts: FactOption[];
  sharedConditions: string[];
}

/**
 * The value of one condition, typed as json-rules-engine compares it: numbers as numbers,
 * yes/no as booleans, choices from the field's options, lists for "one of", another field's
 * name when comparing with a field, a shared condition's name for a reference.
 */
export function ConditionValueEditor(props: ValueEditorProps) {
  const { t } = useI18n();
  const meta = (props.rule as BuilderRule | undefined)?.jre;
  const tags = [
    meta?.path !== undefined ? `${t('rules.metaPath')} ${meta.path}` : null,
    meta?.params !== undefined ? `${t('rules.metaParams')} ${JSON.stringify(meta.params)}` : null,
    meta?.priority !== undefined ? `${t('rules.priority')} ${meta.priority}` : null,
    meta?.name !== undefined ? `${t('rules.metaName')} ${meta.name}` : null,
  ].filter((x): x is string => x !== null);
  if (tags.length === 0) return <ValueInput {...props} />;
  return (
    <>
      <ValueInput {...props} />
      {tags.map((tag) => (
        <Tag key={tag} title={t('rules.metaKept')}>
          {tag}
        </Tag>
      ))}
    </>
  );
}

function ValueInput(props: ValueEditorProps) {
  const { t, text } = useI18n();
  const context = props.context as BuilderContext;
  const fact = (props.fieldData as unknown as { fact?: FactOption }).fact;
  const parsed = parseOperator(props.operator);
  const label = t('rules.valueOf', { field: fact ? text(fact.label) : props.field });
  const set = (value: unknown) => props.handleOnChange(value);
  const sharedName = useSharedConditionName();

  if (readsOnlyFact(props.operator)) return null;

  if (props.field === '@condition')
    return (
      <Select
        aria-label={label}
        style={{ minWidth: 200 }}
        value={props.value as string}
        onChange={set}
        options={context.sharedConditions.map((name) => ({ value: name, label: sharedName(name, context.sharedConditions) }))}
      />
    );

  if (props.valueSource === 'field') {
    const compatible = context.facts.filter(
      (f) => f.name !== props.field && f.kind !== 'reference' && (!fact || f.kind === fact.kind || fact.kind === 'other'),
    );
    return (
      <Select
        aria-label={label}
        style={{ minWidth: 200 }}
        showSearch
        optionFilterProp="label"
        value={props.value as string}
        onChange={set}
        options={compatible.map((f) => ({ value: f.name, label: text(f.label) }))}
      />
    );
  }

  const value: unknown = props.value;
  const operator = parsed?.operator;
  const wantsList =
    operator === 'in' || operator === 'notIn' || parsed?.decorators.includes('someValue') || parsed?.decorators.includes('everyValue');
  const kind = fact?.kind ?? 'other';
  const options = fact?.options;
  const isNumber = kind === 'number';

  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return <JsonValue label={label} value={value} onChange={set} />;

  if (wantsList) {
    const list = Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value];
    if (options)
      return (
        <Select
          aria-label={label}
          mode="multiple"
          style={{ minWidth: 220 }}
          value={list.map((v) => JSON.stringify(v))}
          onChange={(vs: string[]) => set(vs.map((v) => JSON.parse(v) as unknown))}
          options={options.map((o) => ({ value: JSON.stringify(o.value), label: text(o.label) }))}
        />
      );
    return (
      <Select
        aria-label={label}
        mode="tags"
        style={{ minWidth: 220 }}
        value={list.map(String)}
        onChange={(vs: string[]) => set(vs.map((v) => (isNumber && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v)))}
        tokenSeparators={[',', '，']}
      />
    );
  }

  if (kind === 'list' && options && (operator === 'contains' || operator === 'doesNotContain'))
    return (
      <Select
        aria-label={label}
        style={{ minWidth: 200 }}
        value={JSON.stringify(value)}
        onChange={(v: string) => set(JSON.parse(v))}
        options={options.map((o) => ({ value: JSON.stringify(o.value), label: text(o.label) }))}
      />
    );
  if (options)
    return (
      <Select
        aria-label={label}
        style={{ minWidth: 200 }}
        value={value === undefined || value === '' ? undefined : JSON.stringify(value)}
        onChange={(v: string) => set(JSON.parse(v))}
        options={options.map((o) => ({ value: JSON.stringify(o.value), label: text(o.label) }))}
      />
    );
  if (kind === 'boolean')
    return (
      <Select
        aria-label={label}
        style={{ minWidth: 100 }}
        value={typeof value === 'boolean' ? String(value) : undefined}
        onChange={(v: string) => set(v === 'true')}
        options={[
          { value: 'true', label: t('common.yes') },
          { value: 'false', label: t('common.no') },
        ]}
      />
    );
  if (isNumber || typeof value === 'number' || (kind === 'list' && typeof value !== 'string'))
    return (
      <InputNumber
        aria-label={label}
        value={typeof value === 'number' ? value : null}
        onChange={(v) => set(v ?? null)}
        style={{ width: 140 }}
      />
    );
  return (
    <Input
      aria-label={label}
      style={{ width: 200 }}
      value={typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : ''}
      onChange={(e) => set(e.target.value)}
    />
  );
}

function JsonValue({ label, value, onChange }: { label: string; value: unknown; onChange: (v: unknown) => void }) {
  return (
    <Input
      aria-label={label}
      style={{ width: 260, fontFamily: 'monospace' }}
      defaultValue={JSON.stringify(value)}
      onBlur={(e) => {
        try {
          onChange(JSON.parse(e.target.value));
        } catch {
          // keep the last valid value; the JSON view shows problems
        }
      }}
    />
  );
}
