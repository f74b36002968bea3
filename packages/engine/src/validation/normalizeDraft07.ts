type Schema = unknown;

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
 * `definitions` (still addressable by JSON pointer). Walks schema positions only, so
 * a property *named* "$ref" or an enum value is left alone.
 */
export function normalizeDraft07(schema: Schema): Schema {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const source = schema as Record<string, unknown>;
  if (typeof source.$ref === 'string') {
    const kept: Record<string, unknown> = { $ref: source.$ref };
    if (isObject(source.definitions)) kept.definitions = mapValues(source.definitions, normalizeDraft07);
    return kept;
  }
  const copy: Record<string, unknown> = { ...source };
  for (const key of SCHEMA_MAPS) {
    const value = source[key];
    if (isObject(value)) copy[key] = mapValues(value, (v) => (Array.isArray(v) ? v : normalizeDraft07(v)));
  }
  for (const key of SINGLE_SCHEMAS) {
    const value = source[key];
    if (isObject(value)) copy[key] = normalizeDraft07(value);
  }
  for (const key of SCHEMA_ARRAYS) {
    const value = source[key];
    if (Array.isArray(value)) copy[key] = value.map(normalizeDraft07);
  }
  return copy;
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
