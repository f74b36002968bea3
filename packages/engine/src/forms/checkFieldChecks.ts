import type { Expr } from '../expr/Expr.js';
import type { SemanticIssue } from '../rules/SemanticIssue.js';
import { unknownFormulaFacts } from './computedFields.js';
import type { RecordSchema } from './FormDefinition.js';

type Path = (string | number)[];

/**
 * A computed field (`x-formula`) is a number whose formula reads fields of the form (a line's
 * formula: the line's or the record's); a date's `x-after` names a sibling date or date-time field.
 */
export function checkFieldChecks(schema: RecordSchema, path: Path = ['schema'], outer: ReadonlySet<string> = new Set()): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  if (typeof schema !== 'object' || schema === null) return issues;
  const properties = typeof schema.properties === 'object' && schema.properties !== null ? schema.properties : {};
  const names = new Set([...outer, ...Object.keys(properties)]);
  for (const [name, node] of Object.entries(properties)) {
    if (typeof node !== 'object' || node === null) continue;
    const at = [...path, 'properties', name];
    const formula = node['x-formula'];
    if (formula !== undefined) {
      if (node.type !== 'number' && node.type !== 'integer')
        issues.push({ path: [...at, 'x-formula'], code: 'form.fieldKindExpected', params: { field: name, kind: 'number' } });
      else if (typeof formula !== 'number' && (typeof formula !== 'object' || formula === null || Array.isArray(formula)))
        issues.push({ path: [...at, 'x-formula'], code: 'form.formulaInvalid', params: { field: name } });
      else
        for (const fact of unknownFormulaFacts(formula as Expr, names))
          issues.push({ path: [...at, 'x-formula'], code: 'form.unknownField', params: { field: fact } });
    }
    const after = node['x-after'];
    if (after !== undefined) {
      const other = typeof after === 'string' && Object.hasOwn(properties, after) ? properties[after] : undefined;
      if (!other) issues.push({ path: [...at, 'x-after'], code: 'form.unknownField', params: { field: String(after) } });
      else if (other.format !== 'date' && other.format !== 'date-time')
        issues.push({ path: [...at, 'x-after'], code: 'form.fieldKindExpected', params: { field: String(after), kind: 'date' } });
    }
    if (node.type === 'object') issues.push(...checkFieldChecks(node, at, new Set()));
    if (node.items && !Array.isArray(node.items) && typeof node.items === 'object')
      issues.push(...checkFieldChecks(node.items, [...at, 'items'], names));
  }
  return issues;
}
