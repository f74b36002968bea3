import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { prepareRuleGroup } from 'react-querybuilder';
import type { RuleSetFile, TopLevelCondition } from '@aftersales/engine';
import { fromQuery, toQuery, type BuilderGroup } from './conditionMapping';

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));

const leaf = { fact: 'fee', operator: 'greaterThan', value: 200 };

/** Every shape the rule-set meta-schema allows for a condition. */
const shapes: Record<string, TopLevelCondition> = {
  'all of leaves': { all: [leaf, { fact: 'zone', operator: 'equal', value: 'urban' }] },
  'any of leaves': { any: [leaf, { fact: 'zone', operator: 'in', value: ['urban', 'suburban'] }] },
  'empty all': { all: [] },
  'empty any': { any: [] },
  'not of a leaf': { not: leaf },
  'not of all': { not: { all: [leaf] } },
  'not of any with inner meta': { not: { any: [leaf], name: 'inner', priority: 3 }, name: 'outer' },
  'not of not': { not: { not: { all: [leaf] } } },
  'not of a reference': { not: { condition: 'isUrban' } },
  'reference at the top': { condition: 'isUrban' },
  'reference at the top with meta': { condition: 'isUrban', priority: 2, name: 'urban?' },
  'reference nested': { all: [{ condition: 'isUrban' }, leaf] },
  'nested groups': { all: [{ any: [leaf, { all: [{ not: leaf }, { any: [] }] }] }, { not: { any: [leaf] } }] },
  'fact against fact': { all: [{ fact: 'arrivalTime', operator: 'greaterThan', value: { fact: 'callTime' } }] },
  'fact against fact with path': { all: [{ fact: 'a', operator: 'equal', value: { fact: 'b', path: '$.c' } }] },
  decorators: {
    all: [
      { fact: 'parts.qty', operator: 'someFact:greaterThan', value: 5 },
      { fact: 'parts.unitPrice', operator: 'everyFact:lessThan', value: 1000 },
      { fact: 'tags', operator: 'not:someValue:equal', value: ['a', 'b'] },
      { fact: 'zone', operator: 'swap:in', value: ['urban'] },
    ],
  },
  'path and params': { all: [{ fact: 'customer', operator: 'equal', value: 'x', path: '$.name', params: { a: 1 } }] },
  'priority and name on everything': {
    any: [
      { ...leaf, priority: 5, name: 'big fee' },
      { all: [leaf], priority: 2, name: 'g' },
      { condition: 'isUrban', priority: 9 },
    ],
    priority: 7,
    name: 'top',
  },
  'null, boolean, array and object values': {
    all: [
      { fact: 'a', operator: 'equal', value: null },
      { fact: 'b', operator: 'equal', value: false },
      { fact: 'c', operator: 'contains', value: 'x' },
      { fact: 'd', operator: 'equal', value: { nested: true } },
      { fact: 'e', operator: 'in', value: [1, 2, 3] },
    ],
  },
};

function roundTrip(condition: TopLevelCondition): TopLevelCondition {
  // Through the builder's own preparation (ids on every node), as the UI holds it.
  const prepared = prepareRuleGroup<BuilderGroup>(toQuery(condition));
  return fromQuery(prepared);
}

describe('conditionMapping', () => {
  for (const [name, condition] of Object.entries(shapes)) {
    it(`when the condition is ${name}, then it round-trips unchanged`, () => {
      expect(roundTrip(condition)).toStrictEqual(condition);
    });
  }

  it('when a user adds a rule to a top-level reference, then it becomes an all group', () => {
    const query = toQuery({ condition: 'isUrban' });
    query.rules.push({ field: 'fee', operator: 'greaterThan', value: 1, valueSource: 'value' });
    expect(fromQuery(query)).toStrictEqual({ all: [{ condition: 'isUrban' }, { fact: 'fee', operator: 'greaterThan', value: 1 }] });
  });

  it('when a user switches "not" on a plain group, then it maps to not of that group', () => {
    const query = toQuery({ any: [leaf] });
    expect(fromQuery({ ...query, not: true })).toStrictEqual({ not: { any: [leaf] } });
  });

  it('when a user compares with another field, then the value is a fact reference', () => {
    const query: BuilderGroup = {
      combinator: 'and',
      rules: [{ field: 'arrivalTime', operator: 'greaterThan', value: 'callTime', valueSource: 'field' }],
    };
    expect(fromQuery(query)).toStrictEqual({ all: [{ fact: 'arrivalTime', operator: 'greaterThan', value: { fact: 'callTime' } }] });
  });

  const packFiles = findRuleFiles(join(ROOT, 'rules'));
  it('when the default pack has rule files, then every condition tree in them round-trips', () => {
    let trees = 0;
    for (const file of packFiles) {
      const ruleSet = JSON.parse(readFileSync(file, 'utf8')) as RuleSetFile;
      for (const rule of ruleSet.rules) {
        expect(roundTrip(rule.conditions), `${file} ${rule.name}`).toStrictEqual(rule.conditions);
        trees++;
      }
      for (const [name, shared] of Object.entries(ruleSet.conditions ?? {})) {
        expect(roundTrip(shared), `${file} conditions.${name}`).toStrictEqual(shared);
        trees++;
      }
    }
    expect(trees).toBeGreaterThanOrEqual(packFiles.length === 0 ? 0 : 1);
  });
});

function findRuleFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return findRuleFiles(path);
    return name.endsWith('.rules.json') ? [path] : [];
  });
}
