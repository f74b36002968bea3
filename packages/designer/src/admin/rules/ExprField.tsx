import { useState } from 'react';
import type { FieldProps } from '@rjsf/utils';
import { Input, InputNumber, Select, Space, Typography } from 'antd';
import type { Expr } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import { exprMode, isFactExpr as isFact, type ExprMode as Mode } from './exprMode';

export interface ExprFieldContext {
  /** Numeric facts (fields, derived, history) an amount can use. */
  numericFacts: { name: string; label: string }[];
  /** Repeating-lines fields and their numeric item fields (sum of qty × unit price). */
  lineFields: { name: string; label: string; items: { name: string; label: string }[] }[];
}

/** An amount without formulas: a fixed number, a field's value, a percentage of a field, a sum over lines, or (power users) a formula as JSON. */
export function ExprField(props: FieldProps) {
  const { t } = useI18n();
  const context = (props.registry.formContext ?? { numericFacts: [], lineFields: [] }) as ExprFieldContext;
  const value = props.formData as Expr | undefined;
  const [mode, setMode] = useState<Mode>(() => exprMode(value));
  const [formulaText, setFormulaText] = useState(() => JSON.stringify(value ?? 0));
  const set = (next: Expr) => props.onChange(next, props.fieldPathId.path);
  const label = String(props.schema.title ?? props.name);
  const id = props.fieldPathId.$id;
  const factSelect = (current: string | undefined, onPick: (name: string) => void, list = context.numericFacts) => (
    <Select
      aria-label={t('expr.field')}
      style={{ minWidth: 200 }}
      showSearch
      optionFilterProp="label"
      value={current}
      onChange={onPick}
      options={list.map((f) => ({ value: f.name, label: f.label }))}
    />
  );
  const e = (value ?? {}) as Record<string, unknown>;

  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Text strong id={`${id}-label`}>
        {label}
      </Typography.Text>
      <Space wrap style={{ display: 'flex', marginTop: 4 }} role="group" aria-labelledby={`${id}-label`}>
        <Select<Mode>
          aria-label={t('expr.kind')}
          style={{ width: 180 }}
          value={mode}
          onChange={(m) => {
            setMode(m);
            if (m === 'fixed') set(0);
            if (m === 'fact' && context.numericFacts[0]) set({ fact: context.numericFacts[0].name });
            if (m === 'percent' && context.numericFacts[0]) set({ mul: [{ fact: context.numericFacts[0].name }, 1] });
            if (m === 'sum' && context.lineFields[0]?.items[0])
              set({ sum: context.lineFields[0].name, field: context.lineFields[0].items[0].name.split('.').pop()! });
            if (m === 'formula') setFormulaText(JSON.stringify(value ?? 0));
          }}
          options={[
            { value: 'fixed', label: t('expr.fixed') },
            { value: 'fact', label: t('expr.fact') },
            { value: 'percent', label: t('expr.percent') },
            { value: 'sum', label: t('expr.sum') },
            { value: 'formula', label: t('expr.formula') },
          ]}
        />
        {mode === 'fixed' && (
          <InputNumber id={id} aria-label={label} value={typeof value === 'number' ? value : null} onChange={(v) => set(v ?? 0)} />
        )}
        {mode === 'fact' && factSelect(typeof e.fact === 'string' ? e.fact : undefined, (name) => set({ fact: name }))}
        {mode === 'percent' && (
          <>
            <InputNumber
              aria-label={t('expr.percentValue')}
              value={Array.isArray(e.mul) && typeof e.mul[1] === 'number' ? Math.round(e.mul[1] * 10000) / 100 : null}
              onChange={(v) => set({ mul: [(Array.isArray(e.mul) ? e.mul[0] : { fact: '' }) as Expr, (v ?? 0) / 100] })}
              addonAfter="%"
            />
            <span>{t('expr.of')}</span>
            {factSelect(Array.isArray(e.mul) && isFact(e.mul[0]) ? (e.mul[0] as { fact: string }).fact : undefined, (name) =>
              set({ mul: [{ fact: name }, Array.isArray(e.mul) && typeof e.mul[1] === 'number' ? e.mul[1] : 1] }),
            )}
          </>
        )}
        {mode === 'sum' && (
          <>
            <Select
              aria-label={t('expr.lines')}
              style={{ minWidth: 160 }}
              value={e.sum as string | undefined}
              onChange={(sum: string) => set({ sum, field: str(e.field) })}
              options={context.lineFields.map((l) => ({ value: l.name, label: l.label }))}
            />
            <Select
              aria-label={t('expr.lineField')}
              style={{ minWidth: 140 }}
              value={e.field as string | undefined}
              onChange={(field: string) => set({ sum: str(e.sum), field, ...(typeof e.times === 'string' ? { times: e.times } : {}) })}
              options={(context.lineFields.find((l) => l.name === e.sum)?.items ?? []).map((i) => ({
                value: i.name.split('.').pop()!,
                label: i.label,
              }))}
            />
            <span>×</span>
            <Select
              aria-label={t('expr.times')}
              style={{ minWidth: 140 }}
              allowClear
              value={e.times as string | undefined}
              onChange={(times?: string) => set({ sum: str(e.sum), field: str(e.field), ...(times ? { times } : {}) })}
              options={(context.lineFields.find((l) => l.name === e.sum)?.items ?? []).map((i) => ({
                value: i.name.split('.').pop()!,
                label: i.label,
              }))}
            />
          </>
        )}
        {mode === 'formula' && (
          <Input
            aria-label={t('expr.formula')}
            style={{ width: 320, fontFamily: 'monospace' }}
            value={formulaText}
            onChange={(ev) => {
              setFormulaText(ev.target.value);
              try {
                set(JSON.parse(ev.target.value) as Expr);
              } catch {
                // incomplete JSON: wait for more typing
              }
            }}
          />
        )}
      </Space>
    </div>
  );
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
