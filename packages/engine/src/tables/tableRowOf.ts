import type { LocalizedText } from '../i18n/LocalizedText.js';
import type { RuleSetFile } from '../rules/RuleSetFile.js';
import { findDecisionTables } from './findDecisionTables.js';

/** Where a rule stands as a row of a decision table: the table's id and title and the row (1-based). */
export interface TableRowPlace {
  table: string;
  title: LocalizedText;
  row: number;
}

/** For every rule that is a row of one of the rule set's decision tables, its table and row number. */
export function tableRows(ruleSet: Pick<RuleSetFile, 'rules' | 'tables'>): Map<string, TableRowPlace> {
  const places = new Map<string, TableRowPlace>();
  for (const { table } of findDecisionTables(ruleSet).tables) {
    table.rows.forEach((row, i) => places.set(row.name, { table: table.id, title: table.title, row: i + 1 }));
  }
  return places;
}
