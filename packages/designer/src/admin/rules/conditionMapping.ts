import type { RuleGroupType, RuleType } from 'react-querybuilder';
import type { FactCondition, NestedCondition, TopLevelCondition } from '@aftersales/engine';
import { readsOnlyFact } from './readsOnlyFact';

/** json-rules-engine keys the builder does not show as controls but must keep: they ride along on the node. */
export interface ConditionMeta {
  priority?: number;
  name?: string;
}

export interface LeafMeta extends ConditionMeta {
  path?: string;
  params?: Record<string, unknown>;
  /** Keys of a `{ fact }` value besides `fact` (e.g. its own `path`), when compared with another fact. */
  valueExtra?: Record<string, unknown>;
}

/** How a builder group maps back: a plain all/any, a `not` around one condition, or a shared-condition reference at the top. */
export type GroupShape = 'not-wrapper' | 'reference';

export interface GroupMeta extends ConditionMeta {
  /** Meta of the inner all/any of a collapsed `{ not: { all|any } }`. */
  inner?: ConditionMeta;
  shape?: GroupShape;
}

/** The builder's pseudo field for a reference to a shared condition (`{ "condition": name }`). */
export const CONDITION_REFERENCE_FIELD = '@condition';
export const CONDITION_REFERENCE_OPERATOR = 'holds';

export type BuilderRule = RuleType & { jre?: LeafMeta };
export type BuilderGroup = RuleGroupType<BuilderRule> & { jre?: GroupMeta };

/** A json-rules-engine top-level condition as a react-querybuilder query. */
export function toQuery(condition: TopLevelCondition): BuilderGroup {
  if ('all' in condition || 'any' in condition) return groupOf(condition);
  if ('not' in condition) return notGroup(condition);
  return { combinator: 'and', rules: [referenceRule(condition)], ...withMeta({ shape: 'reference' }, {}) };
}

/** The query back as a json-rules-engine condition, exactly as it was read when nothing changed. */
export function fromQuery(query: BuilderGroup): TopLevelCondition {
  const shape = query.jre?.shape;
  if (shape === 'reference' && !query.not && query.rules.length === 1) {
    const only = query.rules[0]!;
    if (!('rules' in only) && only.field === CONDITION_REFERENCE_FIELD) return fromRule(only) as TopLevelCondition;
  }
  return fromGroup(query);
}

function groupOf(condition: { all: NestedCondition[] } | { any: NestedCondition[] }, extra: GroupMeta = {}): BuilderGroup {
  const combinator = 'all' in condition ? 'and' : 'or';
  const children = 'all' in condition ? condition.all : condition.any;
  return { combinator, rules: children.map(toNode), ...withMeta(extra, metaOf(condition as ConditionMeta)) };
}

function notGroup(condition: { not: NestedCondition } & ConditionMeta): BuilderGroup {
  const inner = condition.not;
  const outer = metaOf(condition);
  if ('all' in inner || 'any' in inner) {
    // Collapsed: one group with its "not" switch on; the inner group's own meta rides along.
    const innerMeta = metaOf(inner);
    const group = groupOf(inner);
    delete group.jre;
    return { ...group, not: true, ...withMeta({ ...outer, ...(Object.keys(innerMeta).length > 0 ? { inner: innerMeta } : {}) }, {}) };
  }
  return { combinator: 'and', not: true, rules: [toNode(inner)], ...withMeta({ ...outer, shape: 'not-wrapper' }, {}) };
}

function toNode(condition: NestedCondition): BuilderGroup | BuilderRule {
  if ('all' in condition || 'any' in condition) return groupOf(condition);
  if ('not' in condition) return notGroup(condition);
  if ('condition' in condition) return referenceRule(condition);
  return factRule(condition);
}

function referenceRule(condition: { condition: string } & ConditionMeta): BuilderRule {
  return {
    field: CONDITION_REFERENCE_FIELD,
    operator: CONDITION_REFERENCE_OPERATOR,
    value: condition.condition,
    ...withMeta({}, metaOf(condition)),
  };
}

function factRule(condition: FactCondition): BuilderRule {
  const meta: LeafMeta = metaOf(condition);
  if (condition.path !== undefined) meta.path = condition.path;
  if (condition.params !== undefined) meta.params = condition.params;
  const reference = factReference(condition.value);
  if (reference) {
    const { fact, ...rest } = reference;
    if (Object.keys(rest).length > 0) meta.valueExtra = rest;
    return { field: condition.fact, operator: condition.operator, value: fact, valueSource: 'field', ...withMeta(meta, {}) };
  }
  return { field: condition.fact, operator: condition.operator, value: condition.value, valueSource: 'value', ...withMeta(meta, {}) };
}

function fromGroup(group: BuilderGroup): TopLevelCondition {
  const meta = group.jre ?? {};
  const children = group.rules.map(fromNode);
  if (group.not) {
    if (meta.shape === 'not-wrapper' && children.length === 1) return { not: children[0]!, ...pickMeta(meta) };
    const inner =
      group.combinator === 'or' ? { any: children, ...pickMeta(meta.inner ?? {}) } : { all: children, ...pickMeta(meta.inner ?? {}) };
    return { not: inner, ...pickMeta(meta) };
  }
  return group.combinator === 'or' ? { any: children, ...pickMeta(meta) } : { all: children, ...pickMeta(meta) };
}

function fromNode(node: BuilderGroup | BuilderRule): NestedCondition {
  return 'rules' in node ? fromGroup(node) : fromRule(node);
}

function fromRule(rule: BuilderRule): NestedCondition {
  const meta = rule.jre ?? {};
  if (rule.field === CONDITION_REFERENCE_FIELD) return { condition: String(rule.value ?? ''), ...pickMeta(meta) };
  // "Is filled" and the like read only the fact: json-rules-engine still wants a value, `true`.
  const value: unknown = readsOnlyFact(rule.operator)
    ? typeof rule.value === 'boolean'
      ? rule.value
      : true
    : rule.valueSource === 'field'
      ? { fact: String(rule.value ?? ''), ...(meta.valueExtra ?? {}) }
      : rule.value;
  const condition: FactCondition = { fact: rule.field, operator: rule.operator, value: value ?? null };
  if (meta.path !== undefined) condition.path = meta.path;
  if (meta.params !== undefined) condition.params = meta.params;
  return { ...condition, ...pickMeta(meta) };
}

function metaOf(condition: ConditionMeta): ConditionMeta {
  const meta: ConditionMeta = {};
  if (condition.priority !== undefined) meta.priority = condition.priority;
  if (condition.name !== undefined) meta.name = condition.name;
  return meta;
}

function pickMeta(meta: ConditionMeta): ConditionMeta {
  return metaOf(meta);
}

function withMeta<M extends object>(extra: M, meta: ConditionMeta): { jre?: M & ConditionMeta } {
  const merged = { ...meta, ...extra };
  return Object.keys(merged).length > 0 ? { jre: merged } : {};
}

/** json-rules-engine reads an object value with a string `fact` as "the value of that fact". */
function factReference(value: unknown): ({ fact: string } & Record<string, unknown>) | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const fact = (value as { fact?: unknown }).fact;
  return typeof fact === 'string' ? (value as { fact: string } & Record<string, unknown>) : undefined;
}

/** Keys of an object in a canonical order is not needed: compare structurally. */
export function sameCondition(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
}
