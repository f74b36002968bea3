import type { FieldProps } from '@rjsf/utils';
import { Typography } from 'antd';
import type { Expr, LocalizedText } from '@aftersales/engine';
import { ExprTreeEditor } from './ExprTreeEditor';
import { FormulaExample } from './FormulaExample';
import type { FormulaExampleResult } from './formulaSample';

/** A fact a condition block of a formula can test: its kind decides the comparisons and the value box. */
export interface TestFact {
  name: string;
  label: string;
  kind: 'number' | 'boolean' | 'text' | 'choice' | 'date' | 'list';
  options?: { value: string | number | boolean; label: LocalizedText }[];
}

export interface ExprFieldContext {
  /** Numeric facts (fields, derived, history) an amount can use. */
  numericFacts: { name: string; label: string }[];
  /** Repeating-lines fields and their numeric item fields (sum of qty × unit price). */
  lineFields: { name: string; label: string; items: { name: string; label: string }[] }[];
  /** Date and date-time fields and computed dates (inputs of the date blocks). */
  dateFacts?: { name: string; label: string }[];
  /** Facts a condition block can test. */
  testFacts?: TestFact[];
  /** Working calendars a working-day count can use (none chosen: the rule set's). */
  calendars?: { id: string; label: string }[];
  /** The formula in words, in the current language. */
  describe?: (expr: Expr) => string;
  /** The formula computed by the engine on sample data, with the sample values it read. */
  example?: (expr: Expr) => FormulaExampleResult;
}

/** An amount of a rule's outcome: the formula blocks, the formula in words and its value on sample data. */
export function ExprField(props: FieldProps) {
  const context = (props.registry.formContext ?? { numericFacts: [], lineFields: [] }) as ExprFieldContext;
  const value = (props.formData ?? 0) as Expr;
  const label = String(props.schema.title ?? props.name);
  const id = props.fieldPathId.$id;
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Text strong id={`${id}-label`}>
        {label}
      </Typography.Text>
      <div style={{ marginTop: 4 }}>
        <ExprTreeEditor value={value} onChange={(next) => props.onChange(next, props.fieldPathId.path)} label={label} context={context} />
      </div>
      <FormulaExample expr={value} context={context} />
    </div>
  );
}
