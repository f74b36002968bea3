import { useMemo } from 'react';
import { describeExpr, type CalendarFile, type Expr, type FormDefinition, type RuleSetFile } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import type { ExprFieldContext, TestFact } from './ExprField';
import type { FactOption } from './factOptions';
import { formulaExample, sampleRecord } from './formulaSample';
import { ruleSetZone } from '../shared/ruleSetZone';

/**
 * What the formula blocks of a rule set offer and show: its numeric and date facts, the facts a
 * condition can test, its calendars, each formula in words and its value on sample data.
 */
export function useFormulaContext(
  form: FormDefinition | null,
  ruleSet: RuleSetFile | null,
  facts: readonly FactOption[],
  calendars: readonly CalendarFile[],
): ExprFieldContext {
  const { t, text, locale } = useI18n();
  const now = useMemo(() => new Date(), []);
  return useMemo<ExprFieldContext>(() => {
    const label = (name: string) => {
      const fact = facts.find((f) => f.name === name);
      return fact ? text(fact.label) : t('formula.missingFieldName');
    };
    const testFacts: TestFact[] = facts
      .filter((f) => !f.many && f.source !== 'reference')
      .map((f) => ({
        name: f.name,
        label: text(f.label),
        kind: f.kind === 'string' || f.kind === 'other' || f.kind === 'reference' ? 'text' : f.kind,
        ...(f.options && f.kind === 'choice' ? { options: f.options as NonNullable<TestFact['options']> } : {}),
      }));
    const sample = ruleSet ? sampleRecord(facts, ruleSet, now, ruleSetZone(ruleSet, calendars)) : {};
    const optionLabel = (fact: string, value: unknown) => {
      const option = facts.find((f) => f.name === fact)?.options?.find((o) => o.value === value);
      return option ? text(option.label) : undefined;
    };
    return {
      numericFacts: facts.filter((f) => f.kind === 'number' && !f.many).map((f) => ({ name: f.name, label: text(f.label) })),
      lineFields: facts
        .filter((f) => f.kind === 'list' && f.info?.items?.type === 'object')
        .map((l) => ({
          name: l.name,
          label: text(l.label),
          items: facts
            .filter((f) => f.many && f.kind === 'number' && f.name.startsWith(`${l.name}.`))
            .map((f) => ({ name: f.name, label: text(f.label) })),
        })),
      dateFacts: facts.filter((f) => f.kind === 'date' && !f.many).map((f) => ({ name: f.name, label: text(f.label) })),
      testFacts,
      calendars: calendars.map((c) => ({ id: c.id, label: text(c.title) })),
      describe: (expr: Expr) => describeExpr(expr, label, locale, optionLabel),
      ...(form && ruleSet
        ? {
            example: (expr: Expr) => formulaExample(expr, { form, ruleSet, calendars, facts, sample, now, locale, label }),
          }
        : {}),
    };
  }, [form, ruleSet, facts, calendars, t, text, locale, now]);
}
