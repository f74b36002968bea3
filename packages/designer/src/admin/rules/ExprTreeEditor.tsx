import { useState, type ReactNode } from 'react';
import { DeleteOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Select, Space, Typography } from 'antd';
import { EXPR_TEST_OPS, type Expr, type ExprTest } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import type { MessageKey } from '../../i18n/en';
import { useFeedback } from '../../app/Feedback';
import type { ExprFieldContext, TestFact } from './ExprField';
import {
  changeExprKind,
  EXPR_KIND_GROUPS,
  exprChildren,
  exprKind,
  exprLosses,
  isLeafKind,
  isListKind,
  isPercent,
  newOperand,
  withChildren,
  withTestOp,
  type ExprKind,
} from './exprTree';
import { isOffered, withMissingChoice } from './withMissingChoice';

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
 * Any formula without JSON: each block is a number, a field or fact, a percentage of a value, lines
 * counted or summed, an operation (add, subtract, multiply, divide, min, max, rounding), a
 * condition (if a field is filled / compares, this value, else that one) or a date function (add
 * days, months or years; days or working days between two dates), over further blocks. A change of
 * block that would drop something (a percentage, decimals, a field) asks first.
 */
export function ExprTreeEditor({ value, onChange, label, context, invalid }: ExprTreeEditorProps) {
  const { t, text } = useI18n();
  const { modal } = useFeedback();
  // {mul: [x, n]} is both "multiply" and "percent": the block the person chose is the one shown.
  const [chosen, setChosen] = useState<ExprKind | null>(null);
  const derived = exprKind(value);
  const kind = chosen === 'mul' && derived === 'percent' ? 'mul' : derived;
  const e = (typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const status = invalid ? ('error' as const) : undefined;
  const firstLines = context.lineFields[0];
  const starters = {
    ...(context.numericFacts[0] ? { fact: context.numericFacts[0].name } : {}),
    ...(context.dateFacts?.[0] ? { dateFact: context.dateFacts[0].name } : {}),
    ...(context.testFacts?.[0] ? { testFact: context.testFacts[0].name } : {}),
    ...(firstLines?.items[0] ? { lines: { name: firstLines.name, field: lastSegment(firstLines.items[0].name) } } : {}),
    dateFacts: context.dateFacts?.map((f) => f.name) ?? [],
  };
  const select = (part: MessageKey, current: string | undefined, options: SelectOptions, set: (v: string) => void) => (
    <Select
      aria-label={t(part, { part: label })}
      status={isOffered(options, current) ? status : 'error'}
      style={{ minWidth: 180 }}
      showSearch
      optionFilterProp="label"
      placeholder={t('formula.pick')}
      value={current || undefined}
      onChange={set}
      options={withMissingChoice(options, current, t('formula.missingField'))}
    />
  );
  const lineItems = (lines: unknown) =>
    (context.lineFields.find((l) => l.name === lines)?.items ?? []).map((i) => ({ value: lastSegment(i.name), label: i.label }));

  const pickKind = (k: ExprKind) => {
    const next = changeExprKind(value, k, starters);
    const apply = () => {
      setChosen(k);
      onChange(next);
    };
    const lost = isLeafKind(derived) ? [] : exprLosses(value, next);
    if (lost.length === 0) return apply();
    modal.confirm({
      title: t('formula.confirmLossTitle', { kind: t(`exprTree.kind.${k}` as MessageKey) }),
      content: t('formula.confirmLoss', { lost: context.describe?.(value) ?? '', next: context.describe?.(next) ?? '' }),
      okText: t('formula.confirmLossOk'),
      cancelText: t('common.cancel'),
      onOk: apply,
    });
  };

  const kindSelect = (
    <Select<ExprKind>
      aria-label={t('exprTree.kindOf', { part: label })}
      status={status}
      style={{ width: 170 }}
      // Every block at once (six groups): a virtual list would leave the date blocks out of reach of search-less scrolling tools.
      virtual={false}
      listHeight={320}
      value={kind}
      onChange={pickKind}
      options={EXPR_KIND_GROUPS.map((g) => ({
        label: t(`formula.group.${g.group}` as MessageKey),
        options: g.kinds.map((k) => ({ value: k, label: t(`exprTree.kind.${k}` as MessageKey) })),
      }))}
    />
  );

  const factOptions: SelectOptions = [
    ...(context.numericFacts.length > 0
      ? [{ label: t('formula.numberFields'), options: context.numericFacts.map((f) => ({ value: f.name, label: f.label })) }]
      : []),
    ...((context.dateFacts?.length ?? 0) > 0
      ? [{ label: t('formula.dateFields'), options: context.dateFacts!.map((f) => ({ value: f.name, label: f.label })) }]
      : []),
  ];

  if (isLeafKind(kind))
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
        {kind === 'fact' && select('exprTree.factOf', str(e.fact), factOptions, (fact) => onChange({ fact }))}
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
              placeholder={t('formula.optional')}
              value={typeof e.times === 'string' ? e.times : undefined}
              onChange={(times?: string) => onChange({ sum: str(e.sum), field: str(e.field), ...(times ? { times } : {}) })}
              options={lineItems(e.sum)}
            />
          </>
        )}
      </Space>
    );

  const children = exprChildren(value, kind);
  const setChild = (i: number, next: Expr) =>
    onChange(
      withChildren(
        value,
        children.map((c, j) => (j === i ? next : c)),
        kind,
      ),
    );
  const childCaption = (i: number): string | undefined => {
    if (kind === 'if') return t(i === 0 ? 'formula.then' : 'formula.else');
    if (kind === 'addDays' || kind === 'addMonths' || kind === 'addYears')
      return t(i === 0 ? 'formula.date' : (`formula.amount.${kind}` as MessageKey));
    if (kind === 'daysBetween' || kind === 'workingDaysBetween') return t(i === 0 ? 'formula.from' : 'formula.to');
    if (kind === 'percent') return t('formula.percentOf');
    return undefined;
  };
  return (
    <div role="group" aria-label={label} className="expr-node" style={{ borderLeft: '2px solid #bfbfbf', paddingLeft: 10 }}>
      <Space wrap>
        {kindSelect}
        {kind === 'percent' && isPercent(value) && (
          <InputNumber
            aria-label={t('formula.percentValueOf', { part: label })}
            status={status}
            style={{ width: 130 }}
            value={Math.round(value.mul[1] * 1e8) / 1e6}
            onChange={(v) => onChange({ mul: [value.mul[0], Math.round((v ?? 0) * 1e6) / 1e8] })}
            addonAfter="%"
          />
        )}
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
        {kind === 'workingDaysBetween' && (context.calendars?.length ?? 0) > 0 && (
          <Select
            aria-label={t('formula.calendarOf', { part: label })}
            style={{ minWidth: 160 }}
            allowClear
            placeholder={t('formula.ownCalendar')}
            value={typeof e.calendar === 'string' ? e.calendar : undefined}
            onChange={(calendar?: string) => {
              const next = { ...(value as { workingDaysBetween: [Expr, Expr]; calendar?: string }) };
              if (calendar) next.calendar = calendar;
              else delete next.calendar;
              onChange(next);
            }}
            options={context.calendars!.map((c) => ({ value: c.id, label: c.label }))}
          />
        )}
      </Space>
      {kind === 'if' && (
        <TestEditor
          test={(value as { if: ExprTest }).if}
          label={label}
          facts={context.testFacts ?? []}
          status={status}
          onChange={(test) => onChange({ ...(value as { if: ExprTest; then: Expr; else: Expr }), if: test })}
          pick={text}
        />
      )}
      <ol style={{ listStyle: 'none', margin: '6px 0 0', padding: '0 0 0 12px' }}>
        {children.map((child, i) => {
          const part = t('exprTree.operand', { part: label, n: i + 1 });
          const caption = childCaption(i);
          return (
            <li key={i} style={{ display: 'flex', gap: 6, alignItems: 'flex-start', marginBottom: 6, flexWrap: 'wrap' }}>
              {caption && (
                <Typography.Text type="secondary" style={{ minWidth: 48, paddingTop: 5 }}>
                  {caption}
                </Typography.Text>
              )}
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
                        kind,
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
          onClick={() => onChange(withChildren(value, [...children, newOperand(kind)], kind))}
        >
          {t('exprTree.addOperand')}
        </Button>
      )}
    </div>
  );
}

/** The test of a condition block: a field, how it is compared, and (for comparisons) with what. */
function TestEditor({
  test,
  label,
  facts,
  status,
  onChange,
  pick,
}: {
  test: ExprTest;
  label: string;
  facts: TestFact[];
  status: 'error' | undefined;
  onChange: (next: ExprTest) => void;
  pick: (text: { 'zh-CN': string; en: string }) => string;
}) {
  const { t } = useI18n();
  const fact = facts.find((f) => f.name === test.fact);
  const ops = EXPR_TEST_OPS.filter((op) => fact?.kind === 'number' || !['lt', 'lte', 'gt', 'gte'].includes(op));
  let valueControl: ReactNode = null;
  if (test.op !== 'filled' && test.op !== 'empty') {
    const aria = t('formula.testValueOf', { part: label });
    if (fact?.options)
      valueControl = (
        <Select
          aria-label={aria}
          status={status}
          style={{ minWidth: 140 }}
          value={test.value === undefined ? undefined : String(test.value)}
          onChange={(v: string) => onChange({ ...test, value: fact.options!.find((o) => String(o.value) === v)?.value ?? v })}
          options={fact.options.map((o) => ({ value: String(o.value), label: pick(o.label) }))}
        />
      );
    else if (fact?.kind === 'boolean')
      valueControl = (
        <Select
          aria-label={aria}
          style={{ width: 100 }}
          value={test.value === true ? 'true' : test.value === false ? 'false' : undefined}
          onChange={(v: string) => onChange({ ...test, value: v === 'true' })}
          options={[
            { value: 'true', label: t('formula.yes') },
            { value: 'false', label: t('formula.no') },
          ]}
        />
      );
    else if (fact?.kind === 'number')
      valueControl = (
        <InputNumber
          aria-label={aria}
          status={status}
          value={typeof test.value === 'number' ? test.value : null}
          onChange={(v) => onChange({ ...test, value: v ?? 0 })}
        />
      );
    else
      valueControl = (
        <Input
          aria-label={aria}
          status={status}
          style={{ width: 160 }}
          value={typeof test.value === 'string' ? test.value : ''}
          onChange={(ev) => onChange({ ...test, value: ev.target.value })}
        />
      );
  }
  return (
    <Space wrap style={{ marginTop: 6 }}>
      <Typography.Text type="secondary">{t('formula.if')}</Typography.Text>
      <Select
        aria-label={t('formula.testFactOf', { part: label })}
        status={fact || !test.fact ? status : 'error'}
        style={{ minWidth: 160 }}
        showSearch
        optionFilterProp="label"
        placeholder={t('formula.pick')}
        value={test.fact || undefined}
        onChange={(name: string) => {
          const next = facts.find((f) => f.name === name);
          const numeric = next?.kind === 'number';
          onChange(
            !numeric && ['lt', 'lte', 'gt', 'gte'].includes(test.op)
              ? withTestOp({ ...test, fact: name }, 'filled')
              : { ...test, fact: name },
          );
        }}
        options={withMissingChoice(
          facts.map((f) => ({ value: f.name, label: f.label })),
          test.fact,
          t('formula.missingField'),
        )}
      />
      <Select
        aria-label={t('formula.testOpOf', { part: label })}
        style={{ width: 120 }}
        value={test.op}
        onChange={(op: ExprTest['op']) => onChange(withTestOp(test, op))}
        options={ops.map((op) => ({ value: op, label: t(`formula.op.${op}` as MessageKey) }))}
      />
      {valueControl}
    </Space>
  );
}

type SelectOptions = ({ value: string; label: string } | { label: string; options: { value: string; label: string }[] })[];

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const lastSegment = (path: string) => path.split('.').pop() ?? path;
