import {
  evaluateFormula,
  exprFacts,
  resolveFieldPath,
  type CalendarFile,
  type Expr,
  type FormDefinition,
  type Locale,
  type RuleSetFile,
} from '@aftersales/engine';
import type { FactOption } from './factOptions';
import { ruleSetZone } from '../shared/ruleSetZone';
import { storeDay } from '../../shared/dates/storeDay';

/** A formula's value on sample data, with the sample values it read (by label, in words). */
export interface FormulaExampleResult {
  value: string | null;
  inputs: { label: string; value: string }[];
}

/**
 * A sample record to show formulas on: the rule set's first saved test case, and for every field it
 * leaves empty a plain value (numbers 1000 or 10, today on the rule set's clock for dates, yes, the first option, two lines
 * of 2 × 150).
 */
export function sampleRecord(
  facts: readonly FactOption[],
  ruleSet: Pick<RuleSetFile, 'tests'>,
  now: Date,
  timeZone: string,
): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const fact of facts) {
    if (fact.source !== 'field' || fact.many || fact.name.includes('.')) continue;
    const info = fact.info;
    if (fact.kind === 'list' && info?.items?.type === 'object') {
      const items = facts.filter((f) => f.many && f.kind === 'number' && f.name.startsWith(`${fact.name}.`));
      const line = Object.fromEntries(items.map((f, i) => [f.name.slice(fact.name.length + 1), i === 0 ? 2 : 150]));
      record[fact.name] = [line, { ...line }];
      continue;
    }
    const value =
      fact.kind === 'number'
        ? info?.type === 'integer'
          ? 10
          : 1000
        : fact.kind === 'date'
          ? info?.format === 'date'
            ? storeDay(now, timeZone)
            : now.toISOString()
          : fact.kind === 'boolean'
            ? true
            : fact.kind === 'choice'
              ? fact.options?.[0]?.value
              : undefined;
    if (value !== undefined) record[fact.name] = value;
  }
  const saved = ruleSet.tests?.[0]?.record ?? {};
  return { ...record, ...saved };
}

/** A formula's example: computed by the engine on the sample record, its inputs and value in words. */
export function formulaExample(
  expr: Expr,
  input: {
    form: FormDefinition;
    ruleSet: RuleSetFile;
    calendars: readonly CalendarFile[];
    facts: readonly FactOption[];
    sample: Record<string, unknown>;
    now: Date;
    locale: Locale;
    label: (fact: string) => string;
  },
): FormulaExampleResult {
  const timeZone = ruleSetZone(input.ruleSet, input.calendars);
  const compute = (e: Expr) => {
    try {
      return evaluateFormula(e, { ruleSet: input.ruleSet, calendars: input.calendars, data: input.sample, now: input.now });
    } catch {
      return null;
    }
  };
  const seen = new Set<string>();
  const inputs: FormulaExampleResult['inputs'] = [];
  for (const name of exprFacts(expr)) {
    if (seen.has(name) || name === '') continue;
    seen.add(name);
    const fact = input.facts.find((f) => f.name === name);
    const raw = fact?.source === 'field' ? resolveFieldPath(input.sample, name) : compute({ fact: name });
    if (Array.isArray(raw)) {
      inputs.push({ label: input.label(name), value: input.locale === 'zh-CN' ? `${raw.length} 行` : `${raw.length} lines` });
      continue;
    }
    const option = fact?.options?.find((o) => o.value === raw);
    inputs.push({
      label: input.label(name),
      value: option ? option.label[input.locale] : formatExampleValue(raw, input.locale, timeZone),
    });
  }
  const value = compute(expr);
  return { value: value === null ? null : formatExampleValue(value, input.locale, timeZone), inputs };
}

/** A sample or computed value in words: numbers with at most two decimals, dates with their year, yes/no. */
export function formatExampleValue(value: unknown, locale: Locale, timeZone: string): string {
  if (value === null || value === undefined || value === '') return locale === 'zh-CN' ? '（空）' : '(empty)';
  if (typeof value === 'number') return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  if (typeof value === 'boolean') return value ? (locale === 'zh-CN' ? '是' : 'yes') : locale === 'zh-CN' ? '否' : 'no';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(y, m - 1, d)),
    );
  }
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}T/.test(value))
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(value));
  return typeof value === 'string' ? value : JSON.stringify(value);
}
