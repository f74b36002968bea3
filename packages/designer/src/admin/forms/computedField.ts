import type { Expr } from '@aftersales/engine';
import { hasChildren, type FieldModel, type FieldType } from './fieldModel';

/**
 * A computed field (`x-formula`, the engine's formula language): a number the staff form shows
 * read-only and the server recomputes. The formula stays in the field's own keywords, where the
 * file has it, so a form opened and saved unchanged gives back the same JSON.
 */

const NUMERIC: ReadonlySet<FieldType> = new Set(['number', 'integer', 'money']);

/** Whether the field can be computed: a number at the top of the form or on a repeating line (the server computes those two). */
export function canCompute(field: FieldModel, parent: FieldModel | null): boolean {
  return NUMERIC.has(field.type) && (parent === null || parent.type === 'lines');
}

/** The field's formula, when it is computed. */
export function fieldFormula(field: FieldModel): Expr | undefined {
  const formula = field.schemaRest['x-formula'];
  return formula === undefined || formula === null ? undefined : (formula as Expr);
}

/** The field with a formula (computed), or without one (typed in). */
export function setFieldFormula(field: FieldModel, formula: Expr | undefined): FieldModel {
  const schemaRest = { ...field.schemaRest };
  if (formula === undefined) delete schemaRest['x-formula'];
  else schemaRest['x-formula'] = formula;
  return { ...field, schemaRest };
}

/**
 * What a field made computed starts from: on a line, the product of its first two other numbers
 * (quantity × unit price); at the top, the sum over the first repeating lines of their computed
 * number (the subtotals), else of their first number; else the first other number; else 0.
 */
export function starterFormula(field: FieldModel, siblings: readonly FieldModel[], parent: FieldModel | null): Expr {
  const numbers = siblings.filter((s) => s.key !== field.key && NUMERIC.has(s.type));
  if (parent?.type === 'lines') {
    const typed = numbers.filter((s) => fieldFormula(s) === undefined);
    if (typed.length >= 2) return { mul: [{ fact: typed[0]!.key }, { fact: typed[1]!.key }] };
    return typed[0] ? { fact: typed[0].key } : 0;
  }
  for (const lines of siblings.filter((s) => s.type === 'lines')) {
    const items = (lines.children ?? []).filter((c) => NUMERIC.has(c.type));
    const item = items.find((c) => fieldFormula(c) !== undefined) ?? items[0];
    if (item) return { sum: lines.key, field: item.key };
  }
  return numbers[0] ? { fact: numbers[0].key } : 0;
}

/** The JSON pointer of a field's node in the form file (`/schema/properties/items/items/properties/qty`), from the keys of its parents. */
export function fieldPointer(fields: readonly FieldModel[], path: readonly string[], key: string): string {
  const parts = ['', 'schema'];
  let level: readonly FieldModel[] = fields;
  for (const parentKey of path) {
    const parent = level.find((f) => f.key === parentKey);
    parts.push('properties', parentKey);
    if (parent?.type === 'lines') parts.push('items');
    level = parent && hasChildren(parent) ? parent.children : [];
  }
  parts.push('properties', key);
  return parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}
