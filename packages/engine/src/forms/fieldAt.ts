import type { LocalizedText } from '../i18n/LocalizedText.js';
import type { RecordSchema } from './FormDefinition.js';
import { fromPointer } from '../json/jsonPointer.js';

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null' | 'unknown';

/** What the rules need to know about a field: its type, format, options and label. */
export interface FieldInfo {
  path: string;
  type: FieldType;
  format?: string;
  enum?: unknown[];
  enumTitles?: Record<string, LocalizedText>;
  label?: LocalizedText;
  /** A number field's bounds (`minimum`, `maximum`). */
  minimum?: number;
  maximum?: number;
  /** The path crossed a repeating-lines field: the fact is a list of these values. */
  many: boolean;
  /** Item field of an array field. */
  items?: FieldInfo;
  /** What the field holds beyond its type (`x-kind`: person, store, photo, link, money...). */
  kind?: string;
}

/** Finds the field at a dot path in a record schema; undefined when the schema has no such field. */
export function fieldAt(root: RecordSchema, path: string): FieldInfo | undefined {
  let schema: RecordSchema | undefined = deref(root, root);
  let many = false;
  for (const segment of path.split('.')) {
    if (!schema) return undefined;
    if (typeOf(schema) === 'array' && isSchema(schema.items)) {
      schema = deref(root, schema.items);
      many = true;
    }
    const next: RecordSchema | undefined = schema?.properties?.[segment];
    if (!schema?.properties || !Object.prototype.hasOwnProperty.call(schema.properties, segment) || !next) return undefined;
    schema = deref(root, next);
  }
  return schema ? describe(root, schema, path, many) : undefined;
}

function describe(root: RecordSchema, schema: RecordSchema, path: string, many: boolean): FieldInfo {
  const info: FieldInfo = { path, type: typeOf(schema), many };
  if (typeof schema.format === 'string') info.format = schema.format;
  if (Array.isArray(schema.enum)) info.enum = schema.enum;
  if (schema['x-enumTitles']) info.enumTitles = schema['x-enumTitles'];
  if (schema['x-title']) info.label = schema['x-title'];
  if (typeof schema['x-kind'] === 'string') info.kind = schema['x-kind'];
  if (typeof schema.minimum === 'number') info.minimum = schema.minimum;
  if (typeof schema.maximum === 'number') info.maximum = schema.maximum;
  if (info.type === 'array' && isSchema(schema.items)) info.items = describe(root, deref(root, schema.items) ?? {}, path, false);
  return info;
}

function typeOf(schema: RecordSchema): FieldType {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === undefined && Array.isArray(schema.enum)) {
    const first = schema.enum.find((v) => v !== null);
    return typeof first === 'number' ? 'number' : typeof first === 'boolean' ? 'boolean' : typeof first === 'string' ? 'string' : 'unknown';
  }
  return (['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'] as const).find((t) => t === type) ?? 'unknown';
}

function isSchema(value: unknown): value is RecordSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Follows local `$ref`s ("#/definitions/x"), at most 20 hops. */
function deref(root: RecordSchema, schema: RecordSchema): RecordSchema | undefined {
  let current: unknown = schema;
  for (let hops = 0; hops < 20; hops++) {
    if (!isSchema(current) || typeof current.$ref !== 'string') return isSchema(current) ? current : undefined;
    if (!current.$ref.startsWith('#')) return undefined;
    current = fromPointer(current.$ref.slice(1)).reduce<unknown>(
      (node, key) => (isSchema(node) && Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined),
      root,
    );
  }
  return undefined;
}
