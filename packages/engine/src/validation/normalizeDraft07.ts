type Schema = unknown;

/** Keywords that never change whether a value is valid: labels, help, comments, examples. */
const ANNOTATIONS = new Set([
  'title',
  'description',
  '$comment',
  'examples',
  'x-title',
  'x-description',
  'x-enumTitles',
  'x-kind',
  'x-errorMessage',
  'x-roles',
  'x-linkForm',
  'x-formula',
  'x-notFuture',
  'x-after',
]);

const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', 'dependencies'] as const;
const SINGLE_SCHEMAS = [
  'additionalItems',
  'additionalProperties',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
  'not',
  'items',
] as const;
const SCHEMA_ARRAYS = ['allOf', 'anyOf', 'oneOf', 'items'] as const;

/**
 * Applies draft-07's rule that a `$ref` overrides its sibling keywords (ajv applies them):
 * returns a copy in which every schema object with `$ref` keeps only `$ref` and
 * `definitions` (still addressable by JSON pointer). With `dropAnnotations`, the copy also
 * leaves out the keywords that do not take part in validation (generated validator code then
 * carries no labels). Walks schema positions only, so a property *named* "$ref" or "title" or an
 * enum value is left alone.
 */
export function normalizeDraft07(schema: Schema, options: { dropAnnotations?: boolean } = {}): Schema {
  const normalize = (node: Schema): Schema => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
    const source = node as Record<string, unknown>;
    if (typeof source.$ref === 'string') {
      const kept: Record<string, unknown> = { $ref: source.$ref };
      if (isObject(source.definitions)) kept.definitions = mapValues(source.definitions, normalize);
      return kept;
    }
    const copy: Record<string, unknown> = { ...source };
    if (options.dropAnnotations) for (const key of ANNOTATIONS) delete copy[key];
    for (const key of SCHEMA_MAPS) {
      const value = source[key];
      if (isObject(value)) copy[key] = mapValues(value, (v) => (Array.isArray(v) ? v : normalize(v)));
    }
    for (const key of SINGLE_SCHEMAS) {
      const value = source[key];
      if (isObject(value)) copy[key] = normalize(value);
    }
    for (const key of SCHEMA_ARRAYS) {
      const value = source[key];
      if (Array.isArray(value)) copy[key] = value.map(normalize);
    }
    return copy;
  };
  return normalize(schema);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function mapValues(object: Record<string, unknown>, fn: (value: unknown) => unknown): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    Object.defineProperty(result, key, { value: fn(value), enumerable: true, writable: true, configurable: true });
  }
  return result;
}
