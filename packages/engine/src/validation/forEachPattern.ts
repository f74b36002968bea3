type Path = (string | number)[];

/** Keywords of draft-07 whose value is one sub-schema, a list of them, or a map of them. */
const ONE = ['additionalItems', 'additionalProperties', 'contains', 'propertyNames', 'not', 'if', 'then', 'else'];
const LIST = ['allOf', 'anyOf', 'oneOf'];
const MAP = ['properties', 'patternProperties', 'definitions', 'dependencies'];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Calls `visit` with every regular expression of a JSON Schema (draft-07): each `pattern` and each
 * key of `patternProperties`, in any sub-schema, with the path of that keyword or key.
 */
export function forEachPattern(schema: unknown, visit: (pattern: string, path: Path) => void, path: Path = []): void {
  if (!isObject(schema)) return;
  if (typeof schema.pattern === 'string') visit(schema.pattern, [...path, 'pattern']);
  if (isObject(schema.patternProperties))
    for (const key of Object.keys(schema.patternProperties)) visit(key, [...path, 'patternProperties', key]);
  for (const keyword of ONE) forEachPattern(schema[keyword], visit, [...path, keyword]);
  for (const keyword of LIST) {
    const list = schema[keyword];
    if (Array.isArray(list)) list.forEach((child, i) => forEachPattern(child, visit, [...path, keyword, i]));
  }
  for (const keyword of MAP) {
    const map = schema[keyword];
    if (isObject(map)) for (const [key, child] of Object.entries(map)) forEachPattern(child, visit, [...path, keyword, key]);
  }
  const items = schema.items;
  if (Array.isArray(items)) items.forEach((child, i) => forEachPattern(child, visit, [...path, 'items', i]));
  else forEachPattern(items, visit, [...path, 'items']);
}
