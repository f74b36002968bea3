import type { FactCatalog } from '../rules/factCatalog.js';
import type { RuleSetFile } from '../rules/RuleSetFile.js';
import type { SemanticIssue } from '../rules/SemanticIssue.js';
import { checkDecisionTable } from './checkDecisionTable.js';
import { findDecisionTables } from './findDecisionTables.js';

/**
 * The pack problems of a rule set's tables: a table whose rules do not read as one, a rule in two
 * tables, and cells of the wrong type. Overlaps, gaps and unreachable rows are warnings the
 * designer shows as the admin types (`checkDecisionTable`); they do not stop a publish.
 */
export function checkTables(ruleSet: RuleSetFile, facts: FactCatalog, roles?: ReadonlySet<string>): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  const owner = new Map<string, number>();
  (ruleSet.tables ?? []).forEach((annotation, index) => {
    for (const name of annotation.rules) {
      const other = owner.get(name);
      if (other !== undefined)
        issues.push({
          path: ['tables', index, 'rules'],
          code: 'table.ruleInTwoTables',
          params: { rule: name, other: ruleSet.tables![other]!.id },
        });
      owner.set(name, index);
    }
  });
  const { tables, broken } = findDecisionTables(ruleSet);
  for (const { annotation, reason } of broken) issues.push({ path: ['tables', annotation], code: 'table.notATable', params: { reason } });
  for (const { table, annotation } of tables) {
    if (annotation === undefined) continue;
    for (const finding of checkDecisionTable(table, { facts, ...(roles ? { roles: [...roles] } : {}) })) {
      if (finding.severity !== 'error') continue;
      const ruleIndex = ruleSet.rules.findIndex((r) => r.name === table.rows[finding.row]!.name);
      if (finding.code === 'table.outputType') {
        const output = table.outputs[finding.output]!;
        issues.push({
          path: ['rules', ruleIndex, 'event', 'params', ...output.path],
          code: 'table.outputType',
          params: { row: finding.row + 1 },
        });
      } else if (finding.code === 'table.emptyCell') {
        issues.push({ path: ['rules', ruleIndex, 'conditions'], code: 'table.emptyCell', params: { row: finding.row + 1 } });
      }
    }
  }
  return issues;
}
