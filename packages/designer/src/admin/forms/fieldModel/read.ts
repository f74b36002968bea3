import type { FormDefinition, RecordSchema } from '@aftersales/engine';
import type { ChoiceOption, FieldModel, FieldType, FormFields } from './fieldTypes';
import { conditionallyRequired, isShowWhen, SHOW_WHEN_UI } from './showWhen';
import { childUi, type Ui } from './uiNode';

// Reading: a form's schema and uiSchema as field models.

const HANDLED = new Set([
  'type',
  'format',
  'enum',
  'x-enumTitles',
  'x-kind',
  'x-title',
  'x-description',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'properties',
  'required',
  'items',
]);

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

function readField(key: string, schema: RecordSchema, uiNode: Ui, required: boolean): FieldModel {
  const ui = uiNode;
  const showWhen = ui[SHOW_WHEN_UI];
  const type = detectType(schema);
  const base: FieldModel = { key, type, required, schemaRest: {}, ui, order: Object.keys(schema) };
  if (isShowWhen(showWhen)) base.showWhen = showWhen;
  if (type === 'advanced') return { ...base, schemaRest: { ...schema } };
  const rest: Record<string, unknown> = {};
  const reference = type === 'photo' || type === 'file' || type === 'signature';
  for (const [k, v] of Object.entries(schema)) if (!HANDLED.has(k) || (reference && k === 'format')) rest[k] = v;
  // `type` of a choice field written by hand may be absent; it is always present for the types we detect.
  const model: FieldModel = { ...base, schemaRest: rest };
  if (schema['x-title']) model.label = schema['x-title'];
  if (schema['x-description']) model.help = schema['x-description'];
  for (const k of ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const) {
    if (typeof schema[k] === 'number') model[k] = schema[k];
  }
  if (typeof schema.pattern === 'string') model.pattern = schema.pattern;
  if (type === 'singleChoice') model.options = readOptions(schema);
  if (reference && schema.type === 'array') {
    const items = schema.items as RecordSchema;
    model.multiple = true;
    model.itemsOrder = Object.keys(items);
    model.itemsRest = Object.fromEntries(Object.entries(items).filter(([k]) => k !== 'type'));
  }
  if (type === 'multipleChoice' || type === 'lines') {
    const items = schema.items as RecordSchema;
    model.itemsOrder = Object.keys(items);
    const itemsRest: Record<string, unknown> = {};
    const handledItems = type === 'multipleChoice' ? ['type', 'enum', 'x-enumTitles'] : ['type', 'properties', 'required'];
    for (const [k, v] of Object.entries(items)) if (!handledItems.includes(k)) itemsRest[k] = v;
    model.itemsRest = itemsRest;
    if (type === 'multipleChoice') model.options = readOptions(items);
    else {
      model.children = readObjectFields(items, childUi(ui, 'items'));
      if (Array.isArray(items.required)) model.requiredOrder = [...items.required];
    }
  }
  if (type === 'group') {
    model.children = readObjectFields(schema, ui);
    if (Array.isArray(schema.required)) model.requiredOrder = [...schema.required];
  }
  if (type === 'group' || type === 'lines') model.ui = withoutChildren(ui, model.children ?? [], type);
  return model;
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
function withoutChildren(ui: Ui, children: FieldModel[], type: 'group' | 'lines'): Ui {
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
