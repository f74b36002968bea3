import type { FactCondition, NestedCondition, RuleDefinition, RuleSetFile } from '../rules/RuleSetFile.js';
import type { DecisionTable, HitPolicy, TableAnnotation, TableInput, TableRow } from './DecisionTable.js';
import { readCell, type TableCell } from './TableCell.js';
import { discoverOutputs, readOutput } from './tableOutputs.js';
import { writeDecisionTable } from './writeDecisionTable.js';

export type ReadTableResult = { table: DecisionTable } | { reason: string };

const isLeaf = (c: NestedCondition): c is FactCondition => 'fact' in c;
const inputKey = (i: TableInput) => (i.path ? `${i.fact}${i.path}` : i.fact);

/** The leaves of a row's `all` and its first-hit guard, when the conditions have a table's shape. */
function splitRow(rule: RuleDefinition): { leaves: FactCondition[]; guarded: boolean } | undefined {
  const top = rule.conditions;
  if (!('all' in top) || top.name !== undefined) return undefined;
  const items = [...top.all];
  const last = items[items.length - 1];
  const guarded = last !== undefined && 'not' in last && 'any' in last.not;
  if (guarded) items.pop();
  if (!items.every(isLeaf)) return undefined;
  const leaves = items;
  if (leaves.some((l) => l.operator.includes(':') || l.priority !== undefined || l.name !== undefined)) return undefined;
  return { leaves, guarded };
}

/**
 * Reads rules as one decision table: every rule an `all` of simple comparisons (one cell per
 * fact), outcomes of one type and shape. Says why not otherwise. A table read this way and written
 * back gives the same rules (checked: else it is not a table, so saving it never changes a file).
 */
export function readDecisionTable(ruleSet: Pick<RuleSetFile, 'rules'>, annotation: TableAnnotation): ReadTableResult {
  const rules: RuleDefinition[] = [];
  for (const name of annotation.rules) {
    const rule = ruleSet.rules.find((r) => r.name === name);
    if (!rule) return { reason: `no rule named "${name}"` };
    rules.push(rule);
  }
  if (rules.length === 0) return { reason: 'a table needs at least one row' };
  const split = rules.map(splitRow);
  const badRow = split.findIndex((s) => !s);
  if (badRow >= 0) return { reason: `rule "${rules[badRow]!.name}" is not an "all" of simple comparisons` };
  const parts = split as { leaves: FactCondition[]; guarded: boolean }[];
  const inputs: TableInput[] = [];
  for (const leaf of parts.flatMap((p) => p.leaves)) {
    const input: TableInput = { fact: leaf.fact, ...(leaf.path ? { path: leaf.path } : {}) };
    if (!inputs.some((i) => inputKey(i) === inputKey(input))) inputs.push(input);
  }
  const outputs = discoverOutputs(rules.map((r) => r.event));
  if (!outputs) return { reason: 'the rules give outcomes of different types or shapes' };
  const priorities = new Set(rules.map((r) => r.priority));
  if (priorities.size > 1) return { reason: 'the rules have different priorities' };
  const rows: TableRow[] = [];
  for (const [index, rule] of rules.entries()) {
    const cells: TableCell[] = [];
    for (const input of inputs) {
      const cell = readCell(parts[index]!.leaves.filter((l) => inputKey(l) === inputKey(input)));
      if (!cell) return { reason: `rule "${rule.name}": its conditions on "${input.fact}" are not one table cell` };
      cells.push(cell);
    }
    rows.push({
      name: rule.name,
      title: rule.title,
      ...(rule.description ? { description: rule.description } : {}),
      ...(rule.catalog ? { catalog: rule.catalog } : {}),
      ...(rule.enabled !== undefined ? { enabled: rule.enabled } : {}),
      cells,
      outputs: outputs.map((o) => readOutput(rule.event, o)),
    });
  }
  const [priority] = priorities;
  const table: DecisionTable = {
    id: annotation.id,
    title: annotation.title,
    hitPolicy: annotation.hitPolicy,
    inputs,
    outputs,
    event: rules[0]!.event,
    ...(priority !== undefined ? { priority } : {}),
    rows,
  };
  const written = writeDecisionTable(table).rules;
  const same = written.every((rule, i) => sameJson(rule, rules[i]));
  if (!same) {
    const other: HitPolicy = annotation.hitPolicy === 'first' ? 'collect' : 'first';
    const asOther = writeDecisionTable({ ...table, hitPolicy: other }).rules;
    if (asOther.every((rule, i) => sameJson(rule, rules[i]))) return { reason: `the rules are written for the hit policy "${other}"` };
    return { reason: "the rules do not read back as the same table (conditions in another order, or a guard that is not the table's)" };
  }
  return { table };
}

/** Deep equality of JSON values, ignoring key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
