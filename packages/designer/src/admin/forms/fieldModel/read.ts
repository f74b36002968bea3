import type { FormDefinition, RecordSchema } from '@aftersales/engine';
import type { ChoiceOption, FieldModel, FieldType, FormFields, Limit, NumberLimit } from './fieldTypes';
import { conditionallyRequired, isShowWhen, SHOW_WHEN_UI } from './showWhen';
import { childUi, type Ui } from './uiNode';

// Reading: a form's schema and uiSchema as field models.

/** Keywords every modelled type reads (its shape, names and children); the rest stay in the field's `schemaRest`. */
const HANDLED = new Set([
  'type',
  'format',
  'enum',
  'x-enumTitles',
  'x-kind',
  'x-title',
  'x-description',
  'properties',
  'required',
  'items',
]);

const LENGTH: readonly Limit[] = ['minLength', 'maxLength'];
const TEXT: readonly Limit[] = [...LENGTH, 'pattern'];
const NUMBER: readonly Limit[] = ['minimum', 'maximum'];
const COUNT: readonly Limit[] = ['minItems', 'maxItems'];

/** The limits each type models (a limit another type carries stays in its `schemaRest`, written back as it was). */
const LIMITS: Record<Exclude<FieldType, 'advanced'>, readonly Limit[]> = {
  text: TEXT,
  longText: TEXT,
  date: TEXT,
  dateTime: TEXT,
  phone: TEXT,
  address: TEXT,
  person: TEXT,
  store: TEXT,
  link: TEXT,
  number: NUMBER,
  integer: NUMBER,
  money: NUMBER,
  yesNo: [],
  singleChoice: [],
  multipleChoice: COUNT,
  // One reference has a length; several have a count.
  file: [...LENGTH, ...COUNT],
  photo: [...LENGTH, ...COUNT],
  signature: [...LENGTH, ...COUNT],
  group: [],
  lines: COUNT,
};

/** The form's root fields, in order. */
export function readFields(form: FormDefinition): FormFields {
  const root = form.schema;
  return {
    fields: readObjectFields(root, form.uiSchema ?? {}),
    requiredOrder: Array.isArray(root.required) ? [...root.required] : undefined,
  };
}

function readObjectFields(node: RecordSchema, ui: Ui): FieldModel[] {
  const required = new Set(Array.isArray(node.required) ? node.required : []);
  for (const key of conditionallyRequired(node)) required.add(key);
  return Object.entries(node.properties ?? {}).map(([key, child]) => readField(key, child, childUi(ui, key), required.has(key)));
}

function readField(key: string, schema: RecordSchema, ui: Ui, required: boolean): FieldModel {
  const showWhen = ui[SHOW_WHEN_UI];
  const type = detectType(schema);
  const base = { key, required, ui, order: Object.keys(schema), ...(isShowWhen(showWhen) ? { showWhen } : {}) };
  if (type === 'advanced') return { ...base, type, schemaRest: { ...schema } };
  const reference = type === 'photo' || type === 'file' || type === 'signature';
  const limits = new Set<string>(LIMITS[type]);
  const schemaRest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) if ((!HANDLED.has(k) && !limits.has(k)) || (reference && k === 'format')) schemaRest[k] = v;
  const read: { pattern?: string } & Partial<Record<NumberLimit, number>> = {};
  for (const k of LIMITS[type]) {
    const value = schema[k];
    if (k === 'pattern' && typeof value === 'string') read.pattern = value;
    else if (k !== 'pattern' && typeof value === 'number') read[k] = value;
    else if (value !== undefined) schemaRest[k] = value;
  }
  const common = {
    ...base,
    schemaRest,
    ...(schema['x-title'] ? { label: schema['x-title'] } : {}),
    ...(schema['x-description'] ? { help: schema['x-description'] } : {}),
    ...read,
  };
  switch (type) {
    case 'singleChoice':
      return { ...common, type, options: readOptions(schema) };
    case 'multipleChoice': {
      const items = schema.items as RecordSchema;
      return { ...common, type, options: readOptions(items), ...itemsOf(items, ['type', 'enum', 'x-enumTitles']) };
    }
    case 'file':
    case 'photo':
    case 'signature': {
      if (schema.type !== 'array') return { ...common, type };
      return { ...common, type, multiple: true, ...itemsOf(schema.items as RecordSchema, ['type']) };
    }
    case 'group': {
      const children = readObjectFields(schema, ui);
      return {
        ...common,
        type,
        children,
        ...(Array.isArray(schema.required) ? { requiredOrder: [...schema.required] } : {}),
        ui: withoutChildren(ui, children, type),
      };
    }
    case 'lines': {
      const items = schema.items as RecordSchema;
      const children = readObjectFields(items, childUi(ui, 'items'));
      return {
        ...common,
        type,
        children,
        ...itemsOf(items, ['type', 'properties', 'required']),
        ...(Array.isArray(items.required) ? { requiredOrder: [...items.required] } : {}),
        ui: withoutChildren(ui, children, type),
      };
    }
    case 'text':
    case 'longText':
    case 'date':
    case 'dateTime':
    case 'phone':
    case 'address':
    case 'person':
    case 'store':
    case 'link':
    case 'number':
    case 'integer':
    case 'money':
    case 'yesNo':
      return { ...common, type };
  }
}

/** An `items` schema's key order and the keywords the type does not handle. */
function itemsOf(items: RecordSchema, handled: readonly string[]): { itemsOrder: string[]; itemsRest: Record<string, unknown> } {
  return { itemsOrder: Object.keys(items), itemsRest: Object.fromEntries(Object.entries(items).filter(([k]) => !handled.includes(k))) };
}

function detectType(schema: RecordSchema): FieldType {
  if ('$ref' in schema || 'oneOf' in schema || 'anyOf' in schema || 'const' in schema || 'if' in schema) return 'advanced';
  const kind = schema['x-kind'];
  const type = typeof schema.type === 'string' ? schema.type : undefined;
  switch (type) {
    case 'string':
      if (Array.isArray(schema.enum)) return isOptionList(schema.enum) && !schema.format && !kind ? 'singleChoice' : 'advanced';
      if (kind === 'photo' || kind === 'file' || kind === 'signature') return kind;
      // A person (a user of the store, by the roles in x-roles) or a store, picked from lists.
      if (kind === 'person' || kind === 'store') return schema.format ? 'advanced' : kind;
      // A record of another form (`x-linkForm`, kept with the field's other keywords), picked by its title.
      if (kind === 'link') return schema.format ? 'advanced' : kind;
      if (kind === 'longText' || kind === 'phone' || kind === 'address') return schema.format ? 'advanced' : kind;
      if (kind) return 'advanced';
      if (schema.format === 'date') return 'date';
      if (schema.format === 'date-time') return 'dateTime';
      return schema.format ? 'advanced' : 'text';
    case 'number':
      if (Array.isArray(schema.enum)) return 'advanced';
      if (kind === 'money') return 'money';
      return kind ? 'advanced' : 'number';
    case 'integer':
      return Array.isArray(schema.enum) || kind ? 'advanced' : 'integer';
    case 'boolean':
      return Array.isArray(schema.enum) || kind ? 'advanced' : 'yesNo';
    case 'object':
      return schema.properties && !kind && !Array.isArray(schema.enum) && conditionalEntriesOnly(schema) ? 'group' : 'advanced';
    case 'array': {
      const items = schema.items;
      if (!items || Array.isArray(items) || typeof items !== 'object' || Array.isArray(schema.enum)) return 'advanced';
      if (kind === 'photo' || kind === 'file')
        return items.type === 'string' && !Array.isArray(items.enum) && !items['x-kind'] && !('$ref' in items) ? kind : 'advanced';
      if (kind) return 'advanced';
      if (detectType(items) === 'advanced' && !(items.type === 'string' && Array.isArray(items.enum))) return 'advanced';
      if (items.type === 'string' && Array.isArray(items.enum) && isOptionList(items.enum) && !items.format && !items['x-kind'])
        return 'multipleChoice';
      if (items.type === 'object' && items.properties && !items['x-kind'] && conditionalEntriesOnly(items)) return 'lines';
      return 'advanced';
    }
    case undefined:
    default:
      return 'advanced';
  }
}

function isOptionList(values: unknown[]): boolean {
  return values.every((v) => typeof v === 'string');
}

function readOptions(schema: RecordSchema): ChoiceOption[] {
  const titles = schema['x-enumTitles'] ?? {};
  return (schema.enum ?? []).map((value) => {
    const v = value as string;
    const label = Object.hasOwn(titles, v) ? titles[v]! : { 'zh-CN': v, en: v };
    return { value: v, label };
  });
}

/** The group/lines field's own uiSchema without its children's entries (written back from the children). */
function withoutChildren(ui: Ui, children: readonly FieldModel[], type: 'group' | 'lines'): Ui {
  if (type === 'lines') {
    const items = childUi(ui, 'items');
    const keys = new Set(children.map((c) => c.key));
    const ownItems = Object.fromEntries(Object.entries(items).filter(([k]) => !keys.has(k)));
    return Object.fromEntries(Object.entries(ui).map(([k, v]) => [k, k === 'items' ? ownItems : v]));
  }
  const keys = new Set(children.map((c) => c.key));
  return Object.fromEntries(Object.entries(ui).filter(([k]) => !keys.has(k)));
}

/** Objects we model may carry our generated `allOf` entries; any other `allOf` entry stays in the object's rest. */
function conditionalEntriesOnly(_schema: RecordSchema): boolean {
  return true;
}
