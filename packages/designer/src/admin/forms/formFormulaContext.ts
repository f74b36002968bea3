import {
  computeFields,
  describeExpr,
  evaluateExpr,
  exprFacts,
  pickText,
  resolveFieldPath,
  type Expr,
  type FormDefinition,
  type Locale,
} from '@aftersales/engine';
import type { ExprFieldContext, TestFact } from '../rules/ExprField';
import { formatExampleValue, type FormulaExampleResult } from '../rules/formulaSample';
import { fieldFormula } from './computedField';
import { hasOptions, type FieldModel, type FieldOf, type FieldType } from './fieldModel';
import { STORE_ZONE } from '../../shared/format';
import { storeDay } from '../../shared/dates/storeDay';

const NUMERIC: ReadonlySet<FieldType> = new Set(['number', 'integer', 'money']);
const DATES: ReadonlySet<FieldType> = new Set(['date', 'dateTime']);
const TEXTS: ReadonlySet<FieldType> = new Set(['text', 'longText', 'phone', 'address', 'person', 'store']);

export interface FormFormulaInput {
  /** The form as it is being edited (its formulas computed on the sample). */
  form: FormDefinition;
  /** The form's root fields. */
  fields: readonly FieldModel[];
  /** The keys of the open group: [] at the top, [lines] on a repeating line. */
  path: readonly string[];
  /** The computed field. */
  key: string;
  locale: Locale;
  /** What a field the formula reads but the form no longer has is called ("已不存在的字段"), never its code. */
  missing: string;
}

/**
 * What the formula blocks of a computed form field offer: the numbers of its line (on a line) and
 * of the form, every repeating line with its numbers ("sum over lines"), the dates, the fields a
 * condition can test; the formula in words, and its value on a sample record computed by the
 * engine as the server computes it (two lines of 2 × 150, other numbers 10 or 1000, yes, the
 * first option).
 */
export function formFormulaContext({ form, fields, path, key, locale, missing }: FormFormulaInput): ExprFieldContext {
  const lines = path.length === 1 ? fields.find((f): f is FieldOf<'lines'> => f.key === path[0] && f.type === 'lines') : undefined;
  const lineFields = lines?.children ?? [];
  const text = (field: FieldModel) => pickText(field.label, locale) || field.key;
  // On a line a name is the line's field first, then the record's (as the engine looks it up).
  const own = lineFields.filter((f) => f.key !== key);
  const top = fields.filter((f) => (lines ? !lineFields.some((c) => c.key === f.key) && fieldFormula(f) === undefined : f.key !== key));
  const scope = [...own, ...top];
  const repeating = fields.filter((f): f is FieldOf<'lines'> => f.type === 'lines');
  const label = (name: string): string => {
    const found = scope.find((f) => f.key === name) ?? fields.find((f) => f.key === name);
    if (found) return text(found);
    const [linesKey, item] = name.includes('.') ? name.split('.') : [undefined, name];
    for (const l of repeating) {
      if (linesKey && l.key !== linesKey) continue;
      const child = l.children.find((c) => c.key === item);
      if (child) return text(child);
    }
    return missing;
  };
  const option = (name: string, value: unknown) => {
    const found = scope.find((f) => f.key === name);
    const picked = found && hasOptions(found) ? found.options.find((o) => o.value === value) : undefined;
    return picked ? pickText(picked.label, locale) : undefined;
  };
  const testFacts: TestFact[] = scope.flatMap((f): TestFact[] => {
    const base = { name: f.key, label: text(f) };
    if (NUMERIC.has(f.type)) return [{ ...base, kind: 'number' }];
    if (f.type === 'yesNo') return [{ ...base, kind: 'boolean' }];
    if (f.type === 'singleChoice') return [{ ...base, kind: 'choice', options: f.options ?? [] }];
    if (DATES.has(f.type)) return [{ ...base, kind: 'date' }];
    if (TEXTS.has(f.type)) return [{ ...base, kind: 'text' }];
    return [];
  });
  const sample = computeFields(form, sampleOf(fields)).data as Record<string, unknown>;
  const line = lines && Array.isArray(sample[lines.key]) ? ((sample[lines.key] as unknown[])[0] as Record<string, unknown>) : undefined;
  const lookup = (fact: string) => (line && fact in line ? resolveFieldPath(line, fact) : resolveFieldPath(sample, fact));

  return {
    numericFacts: scope.filter((f) => NUMERIC.has(f.type)).map((f) => ({ name: f.key, label: text(f) })),
    lineFields: repeating.map((l) => ({
      name: l.key,
      label: text(l),
      items: (l.children ?? [])
        .filter((c) => NUMERIC.has(c.type) && !(l === lines && c.key === key))
        .map((c) => ({ name: `${l.key}.${c.key}`, label: text(c) })),
    })),
    dateFacts: scope.filter((f) => DATES.has(f.type)).map((f) => ({ name: f.key, label: text(f) })),
    testFacts,
    describe: (expr: Expr) => describeExpr(expr, label, locale, option),
    example: (expr: Expr): FormulaExampleResult => {
      const inputs: FormulaExampleResult['inputs'] = [];
      for (const name of new Set(exprFacts(expr))) {
        if (name === '') continue;
        const raw = lookup(name);
        inputs.push({
          label: label(name),
          value: Array.isArray(raw)
            ? locale === 'zh-CN'
              ? `${raw.length} 行`
              : `${raw.length} lines`
            : formatExampleValue(option(name, raw) ?? raw, locale, STORE_ZONE),
        });
      }
      let value: number | null;
      try {
        value = evaluateExpr(expr, lookup);
      } catch {
        value = null;
      }
      return { value: value === null ? null : formatExampleValue(value, locale, STORE_ZONE), inputs };
    },
  };
}

/** A sample record: numbers 10 (whole) or 1000, yes, the first option, today; two lines whose first number is 2 and the others 150. */
function sampleOf(fields: readonly FieldModel[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const now = new Date();
  const today = now.toISOString();
  for (const field of fields) {
    if (fieldFormula(field) !== undefined) continue;
    if (field.type === 'lines') {
      const numbers = (field.children ?? []).filter((c) => NUMERIC.has(c.type) && fieldFormula(c) === undefined);
      const item = Object.fromEntries(numbers.map((c, i) => [c.key, i === 0 ? 2 : 150]));
      record[field.key] = [item, { ...item }];
      continue;
    }
    const value = NUMERIC.has(field.type)
      ? field.type === 'integer'
        ? 10
        : 1000
      : field.type === 'yesNo'
        ? true
        : field.type === 'singleChoice'
          ? field.options?.[0]?.value
          : field.type === 'date'
            ? storeDay(now)
            : field.type === 'dateTime'
              ? today
              : undefined;
    if (value !== undefined) record[field.key] = value;
  }
  return record;
}
