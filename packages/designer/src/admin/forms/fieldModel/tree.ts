import { hasChildren, type FieldModel } from './fieldTypes';

// Tree helpers: the field list at a path of keys, and moves within a list.

/** The field list at a path of keys (root: []), for nested editing. */
export function fieldsAt(fields: FieldModel[], path: readonly string[]): FieldModel[] | undefined {
  let current = fields;
  for (const key of path) {
    const next = current.find((f) => f.key === key);
    if (!next || !hasChildren(next)) return undefined;
    current = next.children;
  }
  return current;
}

/** The root fields with the list at `path` replaced. */
export function replaceFieldsAt(
  fields: FieldModel[],
  path: readonly string[],
  replace: (list: FieldModel[]) => FieldModel[],
): FieldModel[] {
  if (path.length === 0) return replace(fields);
  const [head, ...tail] = path;
  return fields.map((f) => (f.key === head && hasChildren(f) ? { ...f, children: replaceFieldsAt(f.children, tail, replace) } : f));
}

/** Moves an item of a list from one index to another. */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}
