import type { FactCondition, NestedCondition, RuleDefinition } from '../rules/RuleSetFile.js';
import type { DecisionTable, TableAnnotation, TableRow } from './DecisionTable.js';
import { cellConditions } from './TableCell.js';
import { rowsOverlap } from './rowsOverlap.js';
import { writeOutput } from './tableOutputs.js';

function rowConditions(table: DecisionTable, row: TableRow): FactCondition[] {
  return table.inputs.flatMap((input, column) => cellConditions(input, row.cells[column] ?? { op: 'any' }));
}

/**
 * A table as plain json-rules-engine rules, one per row. Under "first", a row that an earlier row
 * overlaps gets the guard "and none of those earlier rows matched", so the earliest row wins.
 */
export function writeDecisionTable(table: DecisionTable): { rules: RuleDefinition[]; annotation: TableAnnotation } {
  const rules = table.rows.map((row, index): RuleDefinition => {
    const all: NestedCondition[] = rowConditions(table, row);
    if (table.hitPolicy === 'first') {
      const earlier = table.rows.slice(0, index).filter((other) => rowsOverlap(other.cells, row.cells));
      if (earlier.length > 0) all.push({ not: { any: earlier.map((other) => ({ all: rowConditions(table, other) })) } });
    }
    const event = table.outputs.reduce((e, output, column) => writeOutput(e, output, row.outputs[column]), table.event);
    return {
      name: row.name,
      title: row.title,
      ...(row.description ? { description: row.description } : {}),
      ...(row.catalog ? { catalog: row.catalog } : {}),
      ...(table.priority !== undefined ? { priority: table.priority } : {}),
      ...(row.enabled !== undefined ? { enabled: row.enabled } : {}),
      conditions: { all },
      event,
    };
  });
  return { rules, annotation: { id: table.id, title: table.title, hitPolicy: table.hitPolicy, rules: table.rows.map((r) => r.name) } };
}
