import { DeleteOutlined } from '@ant-design/icons';
import { Button, InputNumber, Select, Space } from 'antd';
import type { Expr } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import type { MessageKey } from '../../i18n/en';
import type { ExprFieldContext } from './ExprField';
import { changeExprKind, EXPR_KINDS, exprChildren, exprKind, isListKind, newOperand, withChildren, type ExprKind } from './exprTree';

export interface ExprTreeEditorProps {
  value: Expr;
  onChange: (next: Expr) => void;
  /** Names this part for screen readers ("Calculation of fact x, operand 2"). */
  label: string;
  context: ExprFieldContext;
  /** Marks the controls as invalid (the engine found a problem in this calculation). */
  invalid?: boolean;
}

/**
 * Any amount expression without JSON: each node is a number, a field or fact, lines counted or
 * summed, or an operation (add, subtract, multiply, divide, min, max, rounding) over further nodes.
 */
export function ExprTreeEditor({ value, onChange, label, context, invalid }: ExprTreeEditorProps) {
  const { t } = useI18n();
  const kind = exprKind(value);
  const e = (typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const status = invalid ? ('error' as const) : undefined;
  const firstLines = context.lineFields[0];
  const starters = {
    ...(context.numericFacts[0] ? { fact: context.numericFacts[0].name } : {}),
    ...(firstLines?.items[0] ? { lines: { name: firstLines.name, field: lastSegment(firstLines.items[0].name) } } : {}),
  };
  const select = (part: MessageKey, current: string | undefined, options: { value: string; label: string }[], set: (v: string) => void) => (
    <Select
      aria-label={t(part, { part: label })}
      status={status}
      style={{ minWidth: 180 }}
      showSearch
      optionFilterProp="label"
      value={current || undefined}
      onChange={set}
      options={withCurrent(options, current)}
    />
  );
  const lineItems = (lines: unknown) =>
    (context.lineFields.find((l) => l.name === lines)?.items ?? []).map((i) => ({ value: lastSegment(i.name), label: i.label }));

  const kindSelect = (
    <Select<ExprKind>
      aria-label={t('exprTree.kindOf', { part: label })}
      status={status}
      style={{ width: 150 }}
      value={kind}
      onChange={(k) => onChange(changeExprKind(value, k, starters))}
      options={EXPR_KINDS.map((k) => ({ value: k, label: t(`exprTree.kind.${k}` as MessageKey) }))}
    />
  );

  if (kind === 'number' || kind === 'fact' || kind === 'count' || kind === 'sum')
    return (
      <Space wrap>
        {kindSelect}
        {kind === 'number' && (
          <InputNumber
            aria-label={t('exprTree.numberOf', { part: label })}
            status={status}
            value={typeof value === 'number' ? value : null}
            onChange={(v) => onChange(v ?? 0)}
          />
        )}
        {kind === 'fact' &&
          select(
            'exprTree.factOf',
            str(e.fact),
            context.numericFacts.map((f) => ({ value: f.name, label: f.label })),
            (fact) => onChange({ fact }),
          )}
        {kind === 'count' &&
          select(
            'exprTree.linesOf',
            str(e.count),
            context.lineFields.map((l) => ({ value: l.name, label: l.label })),
            (count) => onChange({ count }),
          )}
        {kind === 'sum' && (
          <>
            {select(
              'exprTree.linesOf',
              str(e.sum),
              context.lineFields.map((l) => ({ value: l.name, label: l.label })),
              (sum) => onChange({ sum, field: lineItems(sum)[0]?.value ?? '' }),
            )}
            {select('exprTree.lineFieldOf', str(e.field), lineItems(e.sum), (field) =>
              onChange({ sum: str(e.sum), field, ...(typeof e.times === 'string' ? { times: e.times } : {}) }),
            )}
            <span aria-hidden="true">×</span>
            <Select
              aria-label={t('exprTree.timesOf', { part: label })}
              status={status}
              style={{ minWidth: 140 }}
              allowClear
              value={typeof e.times === 'string' ? e.times : undefined}
              onChange={(times?: string) => onChange({ sum: str(e.sum), field: str(e.field), ...(times ? { times } : {}) })}
              options={lineItems(e.sum)}
            />
          </>
        )}
      </Space>
    );

  const children = exprChildren(value);
  const setChild = (i: number, next: Expr) =>
    onChange(
      withChildren(
        value,
        children.map((c, j) => (j === i ? next : c)),
      ),
    );
  return (
    <div role="group" aria-label={label} className="expr-node" style={{ borderLeft: '2px solid #bfbfbf', paddingLeft: 10 }}>
      <Space wrap>
        {kindSelect}
        {kind === 'round' && (
          <>
            <InputNumber
              aria-label={t('exprTree.digitsOf', { part: label })}
              min={0}
              max={6}
              style={{ width: 70 }}
              value={typeof e.digits === 'number' ? e.digits : 0}
              onChange={(digits) => {
                const next = { ...(value as { round: Expr; digits?: number }) };
                if (digits) next.digits = digits;
                else delete next.digits;
                onChange(next);
              }}
            />
            <span>{t('exprTree.digits')}</span>
          </>
        )}
      </Space>
      <ol style={{ listStyle: 'none', margin: '6px 0 0', padding: '0 0 0 12px' }}>
        {children.map((child, i) => {
          const part = t('exprTree.operand', { part: label, n: i + 1 });
          return (
            <li key={i} style={{ display: 'flex', gap: 6, alignItems: 'flex-start', marginBottom: 6 }}>
              <ExprTreeEditor value={child} onChange={(next) => setChild(i, next)} label={part} context={context} invalid={invalid} />
              {isListKind(kind) && children.length > 2 && (
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('exprTree.removeOperand', { part })}
                  onClick={() =>
                    onChange(
                      withChildren(
                        value,
                        children.filter((_, j) => j !== i),
                      ),
                    )
                  }
                />
              )}
            </li>
          );
        })}
      </ol>
      {isListKind(kind) && children.length < 50 && (
        <Button
          size="small"
          type="dashed"
          aria-label={t('exprTree.addOperandTo', { part: label })}
          onClick={() => onChange(withChildren(value, [...children, newOperand(kind)]))}
        >
          {t('exprTree.addOperand')}
        </Button>
      )}
    </div>
  );
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const lastSegment = (path: string) => path.split('.').pop() ?? path;

/** A value the lists do not offer (a name from a pushed file, or a removed field) still shows, as itself. */
function withCurrent(options: { value: string; label: string }[], current: string | undefined) {
  return current && !options.some((o) => o.value === current) ? [...options, { value: current, label: current }] : options;
}
