import type { RuleSetFile } from '../rules/RuleSetFile.js';
import type { DecisionTable, TableAnnotation } from './DecisionTable.js';
import { readDecisionTable } from './readDecisionTable.js';

export interface FoundTable {
  table: DecisionTable;
  /** Index in the file's `tables`; undefined for a family read as a table without an annotation. */
  annotation?: number;
}

export interface TablesOfRuleSet {
  tables: FoundTable[];
  /** Annotated tables whose rules do not read as a table, and why. */
  broken: { annotation: number; reason: string }[];
}

/** The family a rule belongs to when no table names it: its catalog id, else its name up to the last "-". */
function familyOf(rule: RuleSetFile['rules'][number]): string | undefined {
  if (rule.catalog?.[0]) return rule.catalog[0];
  const cut = rule.name.lastIndexOf('-');
  return cut > 0 ? rule.name.slice(0, cut) : undefined;
}

/**
 * The decision tables of a rule set: those its `tables` annotation names, then every family of two
 * or more other rules (same catalog id or name prefix) that reads as a table, so a family written
 * by hand or pushed by an integrator opens as a table too.
 */
export function findDecisionTables(ruleSet: Pick<RuleSetFile, 'rules' | 'tables'>): TablesOfRuleSet {
  const tables: FoundTable[] = [];
  const broken: TablesOfRuleSet['broken'] = [];
  const inTable = new Set<string>();
  (ruleSet.tables ?? []).forEach((annotation, index) => {
    annotation.rules.forEach((name) => inTable.add(name));
    const read = readDecisionTable(ruleSet, annotation);
    if ('table' in read) tables.push({ table: read.table, annotation: index });
    else broken.push({ annotation: index, reason: read.reason });
  });
  const families = new Map<string, string[]>();
  for (const rule of ruleSet.rules) {
    const family = familyOf(rule);
    if (family === undefined || inTable.has(rule.name)) continue;
    families.set(family, [...(families.get(family) ?? []), rule.name]);
  }
  const ids = new Set(tables.map((t) => t.table.id));
  for (const [family, rules] of families) {
    if (rules.length < 2 || ids.has(family)) continue;
    const annotation = (hitPolicy: TableAnnotation['hitPolicy']): TableAnnotation => ({
      id: family,
      title: { 'zh-CN': `${family} 规则表`, en: `${family} rules` },
      hitPolicy,
      rules,
    });
    const read = [readDecisionTable(ruleSet, annotation('collect')), readDecisionTable(ruleSet, annotation('first'))].find(
      (r) => 'table' in r,
    );
    if (read && 'table' in read) tables.push({ table: read.table });
  }
  return { tables, broken };
}
