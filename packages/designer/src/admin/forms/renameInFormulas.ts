import type { FormDefinition, RecordSchema } from '@aftersales/engine';

type Rename = (name: string) => string;
interface Renames {
  /** A field a formula reads (`fact`, a condition's field). */
  fact?: Rename;
  /** The repeating lines counted or summed (`count`, `sum`). */
  lines?: Rename;
  /** The line fields summed (`field`, `times` of a sum over the named lines). */
  item?: (lines: string, name: string) => string;
}

/** A formula with the names it reads renamed (every other part as it was). */
function renameExpr(expr: unknown, renames: Renames): unknown {
  if (Array.isArray(expr)) return expr.map((e) => renameExpr(e, renames));
  if (typeof expr !== 'object' || expr === null) return expr;
  const node = expr as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'string' && key === 'fact') out[key] = renames.fact?.(value) ?? value;
    else if (typeof value === 'string' && (key === 'count' || key === 'sum')) out[key] = renames.lines?.(value) ?? value;
    else if (typeof value === 'string' && (key === 'field' || key === 'times') && typeof node.sum === 'string')
      out[key] = renames.item?.(node.sum, value) ?? value;
    else out[key] = renameExpr(value, renames);
  }
  return out;
}

const swap = (from: string, to: string) => (name: string) =>
  name === from ? to : name.startsWith(`${from}.`) ? `${to}${name.slice(from.length)}` : name;

/**
 * The form with its formulas following a renamed field (its key changes with its label): a field of
 * the top of the form in the top's formulas and in the lines' formulas that read it from the record
 * (a line field of the same name comes first); a field of a repeating line in that line's formulas
 * and in the sums over it. `path` is the keys of the group the field is in ([] at the top).
 */
export function renameInFormulas(form: FormDefinition, path: readonly string[], from: string, to: string): FormDefinition {
  if (from === to || path.length > 1) return form;
  const properties = form.schema.properties ?? {};
  const linesOf = (node: RecordSchema) => (node.type === 'array' && node.items && !Array.isArray(node.items) ? node.items : undefined);
  const withFormula = (node: RecordSchema, renames: Renames): RecordSchema =>
    node['x-formula'] === undefined ? node : { ...node, 'x-formula': renameExpr(node['x-formula'], renames) };
  const top: Renames =
    path.length === 0
      ? { fact: swap(from, to), lines: swap(from, to) }
      : {
          item: (lines, name) => (lines === path[0] && name === from ? to : name),
          fact: (name) => (name === `${path[0]}.${from}` ? `${path[0]}.${to}` : name),
        };
  const next: Record<string, RecordSchema> = {};
  for (const [key, node] of Object.entries(properties)) {
    let field = withFormula(node, top);
    const items = linesOf(field);
    if (items?.properties) {
      const own = new Set(Object.keys(items.properties));
      const line: Renames | undefined =
        path.length === 0 ? (own.has(from) ? undefined : { fact: swap(from, to) }) : key === path[0] ? { fact: swap(from, to) } : undefined;
      if (line) {
        const lineProperties = Object.fromEntries(Object.entries(items.properties).map(([k, child]) => [k, withFormula(child, line)]));
        field = { ...field, items: { ...items, properties: lineProperties } };
      }
    }
    next[key] = field;
  }
  return { ...form, schema: { ...form.schema, properties: next } };
}
