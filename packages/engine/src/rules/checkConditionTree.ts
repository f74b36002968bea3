import type { NestedCondition, FactCondition } from './RuleSetFile.js';
import type { FactCatalog, FactDescriptor } from './factCatalog.js';
import type { SemanticIssue } from './SemanticIssue.js';
import { enumKey } from '../forms/enumKey.js';
import { OPERATORS, parseOperator } from './operators.js';

type Path = (string | number)[];

/** One side of a comparison: a fact (with what we know of its type) or a literal JSON value. */
type Side = { kind: 'fact'; fact: FactDescriptor } | { kind: 'literal'; value: unknown } | { kind: 'unknown' };

/**
 * Checks a condition tree: facts exist, operators are known and fit the fact's type, literal
 * values fit the fact (type, enum options), shared-condition references exist.
 */
export function checkConditionTree(
  condition: NestedCondition,
  path: Path,
  facts: FactCatalog,
  sharedConditions: ReadonlySet<string>,
): SemanticIssue[] {
  if ('all' in condition) return condition.all.flatMap((c, i) => checkConditionTree(c, [...path, 'all', i], facts, sharedConditions));
  if ('any' in condition) return condition.any.flatMap((c, i) => checkConditionTree(c, [...path, 'any', i], facts, sharedConditions));
  if ('not' in condition) return checkConditionTree(condition.not, [...path, 'not'], facts, sharedConditions);
  if ('condition' in condition) {
    return sharedConditions.has(condition.condition)
      ? []
      : [{ path: [...path, 'condition'], code: 'rules.unknownCondition', params: { name: condition.condition } }];
  }
  return checkFactCondition(condition, path, facts);
}

function checkFactCondition(condition: FactCondition, path: Path, facts: FactCatalog): SemanticIssue[] {
  const fact = facts(condition.fact);
  if (!fact) return [{ path: [...path, 'fact'], code: 'rules.unknownFact', params: { fact: condition.fact } }];
  const parsed = parseOperator(condition.operator);
  if (!parsed) return [{ path: [...path, 'operator'], code: 'rules.unknownOperator', params: { operator: condition.operator } }];

  const valueRef = asFactReference(condition.value);
  let right: Side = { kind: 'literal', value: condition.value };
  if (valueRef !== undefined) {
    const other = facts(valueRef);
    if (!other) return [{ path: [...path, 'value', 'fact'], code: 'rules.unknownFact', params: { fact: valueRef } }];
    right = { kind: 'fact', fact: other };
  }
  // A `path` digs into an object fact: we no longer know the type of what it finds.
  let left: Side = condition.path ? { kind: 'unknown' } : { kind: 'fact', fact };

  const params = { operator: condition.operator, fact: condition.fact, type: describeType(fact) };
  const operatorIssue: SemanticIssue = { path: [...path, 'operator'], code: 'rules.operatorType', params };
  const valueIssue: SemanticIssue = { path: [...path, 'value'], code: 'rules.valueType', params };

  for (const decorator of parsed.decorators) {
    if (decorator === 'someFact' || decorator === 'everyFact') {
      const element = elementOf(left);
      if (!element) return [operatorIssue];
      left = element;
    } else if (decorator === 'someValue' || decorator === 'everyValue') {
      const element = elementOf(right);
      if (!element) return [valueIssue];
      right = element;
    } else if (decorator === 'swap') {
      [left, right] = [right, left];
    }
  }
  return checkComparison(OPERATORS[parsed.operator], left, right, operatorIssue, valueIssue, fact);
}

function checkComparison(
  kind: (typeof OPERATORS)[keyof typeof OPERATORS],
  left: Side,
  right: Side,
  operatorIssue: SemanticIssue,
  valueIssue: SemanticIssue,
  fact: FactDescriptor,
): SemanticIssue[] {
  const leftFact = left.kind === 'fact' ? left.fact : undefined;
  switch (kind) {
    case 'number':
      if (leftFact && !isNumber(leftFact)) return [operatorIssue];
      return fitsNumber(right) ? [] : [valueIssue];
    case 'any':
      return leftFact ? checkValueFits(leftFact, right, valueIssue, fact) : [];
    case 'inList': {
      if (right.kind === 'literal' && !Array.isArray(right.value)) return [valueIssue];
      if (right.kind === 'fact' && !isList(right.fact)) return [valueIssue];
      if (!leftFact || right.kind !== 'literal') return [];
      return (right.value as unknown[]).flatMap((v) => checkValueFits(leftFact, { kind: 'literal', value: v }, valueIssue, fact));
    }
    case 'presence':
      return [];
    case 'listPresence':
      return leftFact && !isList(leftFact) ? [operatorIssue] : [];
    case 'arrayContains': {
      if (left.kind === 'unknown') return [];
      const element = elementOf(left);
      if (!element) return [operatorIssue];
      return element.kind === 'fact' ? checkValueFits(element.fact, right, valueIssue, fact) : [];
    }
  }
}

/** An equality-like comparison: the value must have the fact's type and be one of its options. */
function checkValueFits(target: FactDescriptor, value: Side, valueIssue: SemanticIssue, fact: FactDescriptor): SemanticIssue[] {
  if (value.kind !== 'literal' || value.value === null || target.type === 'unknown') return [];
  const v = value.value;
  const typeFits = isList(target)
    ? Array.isArray(v)
    : target.type === 'number' || target.type === 'integer'
      ? typeof v === 'number'
      : target.type === 'boolean'
        ? typeof v === 'boolean'
        : target.type === 'string'
          ? typeof v === 'string'
          : typeof v === 'object';
  if (!typeFits) return [valueIssue];
  if (target.enum && !target.many && !target.enum.some((option) => option === v)) {
    return [{ path: valueIssue.path, code: 'rules.unknownEnumValue', params: { value: enumKey(v), fact: fact.name } }];
  }
  return [];
}

function elementOf(side: Side): Side | undefined {
  if (side.kind === 'unknown') return side;
  if (side.kind === 'literal') return Array.isArray(side.value) ? { kind: 'unknown' } : undefined;
  const { fact } = side;
  if (fact.many) return { kind: 'fact', fact: { ...fact, many: false } };
  if (fact.type === 'array')
    return fact.items ? { kind: 'fact', fact: { ...fact.items, name: fact.name, source: fact.source } } : { kind: 'unknown' };
  return undefined;
}

function fitsNumber(side: Side): boolean {
  if (side.kind === 'unknown') return true;
  if (side.kind === 'literal') return typeof side.value === 'number';
  return isNumber(side.fact);
}

const isNumber = (f: FactDescriptor) => !f.many && (f.type === 'number' || f.type === 'integer');
const isList = (f: FactDescriptor) => f.many || f.type === 'array';

function describeType(fact: FactDescriptor): string {
  const base = fact.format ? `${fact.type} (${fact.format})` : fact.type;
  return fact.many ? `list of ${base}` : base;
}

/** json-rules-engine reads `{ "fact": "x" }` as a value as "the value of fact x". */
export function asFactReference(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const fact = (value as { fact?: unknown }).fact;
  return typeof fact === 'string' ? fact : undefined;
}
