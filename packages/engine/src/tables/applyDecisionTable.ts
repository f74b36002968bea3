import type { RuleSetFile } from '../rules/RuleSetFile.js';
import type { DecisionTable } from './DecisionTable.js';
import { writeDecisionTable } from './writeDecisionTable.js';

/**
 * The rule set with a table's rows written as its rules: the table's old rules are replaced where
 * the first of them stood (other rules keep their order), and its annotation is updated, or added
 * when the table was a family found without one.
 */
export function applyDecisionTable(ruleSet: RuleSetFile, table: DecisionTable, previousRules: string[]): RuleSetFile {
  const { rules, annotation } = writeDecisionTable(table);
  const old = new Set(previousRules);
  const at = ruleSet.rules.findIndex((r) => old.has(r.name));
  const kept = ruleSet.rules.filter((r) => !old.has(r.name));
  const insertAt = at < 0 ? kept.length : ruleSet.rules.slice(0, at).filter((r) => !old.has(r.name)).length;
  const tables = ruleSet.tables ?? [];
  const index = tables.findIndex((t) => t.id === table.id);
  return {
    ...ruleSet,
    rules: [...kept.slice(0, insertAt), ...rules, ...kept.slice(insertAt)],
    tables: index >= 0 ? tables.map((t, i) => (i === index ? annotation : t)) : [...tables, annotation],
  };
}
