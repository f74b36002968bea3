import { useEffect, useMemo, useRef, useState } from 'react';
import { QueryBuilder, type Field, type NotToggleProps, type RuleGroupType, type VersatileSelectorProps } from 'react-querybuilder';
import { Checkbox } from 'antd';
import { AntDValueSelector, QueryBuilderAntD } from '@react-querybuilder/antd';
import type { TopLevelCondition } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import { CONDITION_REFERENCE_FIELD, fromQuery, sameCondition, toQuery, type BuilderGroup } from './conditionMapping';
import { ConditionValueEditor, type BuilderContext } from './ConditionValueEditor';
import { operatorsFor, type FactOption } from './factOptions';
import { operatorLabel } from './operatorLabel';
import { readsOnlyFact } from './readsOnlyFact';

export interface ConditionBuilderProps {
  value: TopLevelCondition;
  onChange: (next: TopLevelCondition) => void;
  facts: FactOption[];
  sharedConditions: string[];
  label: string;
}

/**
 * The condition tree of a rule in react-querybuilder: all/any/not and nested groups, each
 * condition a fact (with its type and options from the form), an operator and a value or
 * another field. What it reads it writes back unchanged (see conditionMapping).
 */
export function ConditionBuilder({ value, onChange, facts, sharedConditions, label }: ConditionBuilderProps) {
  const { t, text, locale } = useI18n();
  const [query, setQuery] = useState<BuilderGroup>(() => toQuery(value));
  const emitted = useRef<TopLevelCondition>(value);

  useEffect(() => {
    if (!sameCondition(value, emitted.current)) {
      emitted.current = value;
      setQuery(toQuery(value));
    }
  }, [value]);

  // Operators already used in the tree stay offered even when unusual (e.g. rules pushed by integrators).
  const used = useMemo(() => {
    const map = new Map<string, Set<string>>();
    const walk = (node: BuilderGroup) => {
      for (const child of node.rules) {
        if ('rules' in child) walk(child);
        else map.set(child.field, (map.get(child.field) ?? new Set()).add(child.operator));
      }
    };
    walk(query);
    return map;
  }, [query]);

  const fields = useMemo<Field[]>(() => {
    const known = new Set(facts.map((f) => f.name));
    const extra = [...used.keys()].filter((name) => !known.has(name));
    return [
      ...facts
        .filter((f) => f.name !== CONDITION_REFERENCE_FIELD || sharedConditions.length > 0 || used.has(f.name))
        .map((f) => ({ name: f.name, label: text(f.label), fact: f })),
      ...extra.map((name) => ({ name, label: name })),
    ];
  }, [facts, used, text, sharedConditions.length]);

  const context: BuilderContext = { facts, sharedConditions };
  const factByName = (name: string) => facts.find((f) => f.name === name);

  return (
    <div className="rqb-host" role="group" aria-label={label}>
      <QueryBuilderAntD>
        <QueryBuilder
          key={locale}
          fields={fields}
          query={query as RuleGroupType}
          context={context}
          showNotToggle
          addRuleToNewGroups
          resetOnFieldChange
          combinators={[
            { name: 'and', label: t('rules.combinatorAll') },
            { name: 'or', label: t('rules.combinatorAny') },
          ]}
          getOperators={(field) => {
            const base = operatorsFor(factByName(field));
            const extra = [...(used.get(field) ?? [])].filter((o) => !base.includes(o));
            return [...base, ...extra].map((name) => ({ name, value: name, label: operatorLabel(name, t) }));
          }}
          getDefaultValue={(rule) => {
            const fact = factByName(rule.field);
            if (rule.field === CONDITION_REFERENCE_FIELD) return sharedConditions[0] ?? '';
            if (fact?.kind === 'number') return 0;
            if (fact?.kind === 'boolean') return true;
            if (fact?.options?.[0]) return fact.options[0].value;
            return '';
          }}
          getValueSources={(field, operator) =>
            field === CONDITION_REFERENCE_FIELD || readsOnlyFact(operator)
              ? [{ name: 'value', value: 'value', label: t('rules.sourceValue') }]
              : [
                  { name: 'value', value: 'value', label: t('rules.sourceValue') },
                  { name: 'field', value: 'field', label: t('rules.sourceField') },
                ]
          }
          controlElements={{ valueEditor: ConditionValueEditor, valueSelector: LabelledSelector, notToggle: NotCheckbox }}
          translations={{
            addRule: { label: t('rules.addCondition'), title: t('rules.addCondition') },
            addGroup: { label: t('rules.addGroup'), title: t('rules.addGroup') },
            removeRule: { label: '✕', title: t('rules.removeCondition') },
            removeGroup: { label: '✕', title: t('rules.removeGroup') },
            notToggle: { label: t('rules.not'), title: t('rules.notTitle') },
            fields: { title: t('rules.field') },
            operators: { title: t('rules.operator') },
            combinators: { title: t('rules.combinator') },
            valueSourceSelector: { title: t('rules.compareWith') },
          }}
          onQueryChange={(next) => {
            const q = next as BuilderGroup;
            setQuery(q);
            const condition = fromQuery(q);
            if (!sameCondition(condition, emitted.current)) {
              emitted.current = condition;
              onChange(condition);
            }
          }}
        />
      </QueryBuilderAntD>
    </div>
  );
}

/** The builder's selects (field, comparison, combinator, value source), named for screen readers by their title. */
function LabelledSelector(props: VersatileSelectorProps) {
  return <AntDValueSelector {...props} aria-label={props.title} />;
}

/** "Not" of a group as a labelled checkbox (clearer than a switch showing "="). */
function NotCheckbox(props: NotToggleProps) {
  return (
    <Checkbox
      checked={!!props.checked}
      disabled={props.disabled}
      title={props.title}
      onChange={(e) => props.handleOnChange(e.target.checked)}
    >
      {props.label}
    </Checkbox>
  );
}
