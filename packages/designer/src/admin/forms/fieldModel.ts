import type { FormDefinition, LocalizedText, RecordSchema } from '@aftersales/engine';

/** The kinds of field an admin picks from; each maps to one JSON Schema shape (plus uiSchema widget). */
export const FIELD_TYPES = [
  'text',
  'longText',
  'number',
  'integer',
  'money',
  'date',
  'dateTime',
  'singleChoice',
  'multipleChoice',
  'yesNo',
  'phone',
  'address',
  'file',
  'photo',
  'signature',
  'person',
  'store',
  'group',
  'lines',
] as const;

/** `advanced`: a schema shape the editor does not model (e.g. `$ref`, `oneOf`); kept verbatim, edited in the JSON view. */
export type FieldType = (typeof FIELD_TYPES)[number] | 'advanced';

export interface ChoiceOption {
  value: string | number;
  label: LocalizedText;
}

/** Show a field only when a sibling field has a value (any value, or the one given). */
export interface ShowWhen {
  field: string;
  equals?: string | number | boolean;
}

export interface FieldModel {
  key: string;
  type: FieldType;
  label?: LocalizedText;
  help?: LocalizedText;
  required: boolean;
  options?: ChoiceOption[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  /** Photo and file fields: several references (an array) instead of one. */
  multiple?: boolean;
  showWhen?: ShowWhen;
  /** Fields of a group, or of one line of a repeating-lines field. */
  children?: FieldModel[];
  /** Schema keywords the editor does not handle, kept as they are (with the original key order). */
  schemaRest: Record<string, unknown>;
  /** For choices and lines: the `items` schema's unhandled keywords; for groups/lines, the object's `required` entries naming no field. */
  itemsRest?: Record<string, unknown>;
  /** uiSchema entries of the field other than the children's and `ui:showWhen`. */
  ui: Record<string, unknown>;
  /** Key order of the schema node as read, so an untouched field is written back byte for byte. */
  order: string[];
  itemsOrder?: string[];
  /** `required` of the object (group or line) as read: keeps the order of the names. */
  requiredOrder?: string[];
}

/** The fields of a form's root object, plus what of the root the editor keeps aside. */
export interface FormFields {
  fields: FieldModel[];
  requiredOrder: string[] | undefined;
}

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

const SHOW_WHEN_COMMENT = 'showWhen';
const SHOW_WHEN_UI = 'ui:showWhen';

type Ui = Record<string, unknown>;

// ---------------------------------------------------------------- reading

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

function isShowWhen(value: unknown): value is ShowWhen {
  return value !== null && typeof value === 'object' && typeof (value as { field?: unknown }).field === 'string';
}

function childUi(ui: Ui, key: string): Ui {
  const value = Object.hasOwn(ui, key) ? ui[key] : undefined;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Ui) : {};
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

/** Names made required by our generated `allOf` entries ("required when shown"). */
function conditionallyRequired(node: RecordSchema): string[] {
  const allOf = Array.isArray(node.allOf) ? (node.allOf as RecordSchema[]) : [];
  return allOf.filter(isShowWhenEntry).flatMap((e) => (e.then as RecordSchema | undefined)?.required ?? []);
}

function isShowWhenEntry(entry: unknown): entry is RecordSchema {
  return entry !== null && typeof entry === 'object' && (entry as RecordSchema).$comment === SHOW_WHEN_COMMENT;
}

/** Objects we model may carry our generated `allOf` entries; any other `allOf` entry stays in the object's rest. */
function conditionalEntriesOnly(_schema: RecordSchema): boolean {
  return true;
}

// ---------------------------------------------------------------- writing

/** The form with its root fields replaced by `fields` (schema and uiSchema). Unchanged fields come back as they were. */
export function writeFields(form: FormDefinition, model: FormFields): FormDefinition {
  const ui = { ...((form.uiSchema ?? {}) as Ui) };
  const schema = writeObject(form.schema, model.fields, model.requiredOrder, ui);
  const order = ui['ui:order'];
  if (Array.isArray(order)) ui['ui:order'] = reorderUiOrder(order as string[], model.fields, Object.keys(form.schema.properties ?? {}));
  const next: FormDefinition = { ...form, schema };
  if (form.uiSchema !== undefined || Object.keys(ui).length > 0) next.uiSchema = ui;
  return next;
}

/** Writes an object node's `properties`, `required` and generated `allOf`, and its children's uiSchema into `ui`. */
function writeObject<T extends RecordSchema>(node: T, fields: FieldModel[], requiredOrder: string[] | undefined, ui: Ui): T {
  const previousKeys = new Set(Object.keys(node.properties ?? {}));
  for (const key of previousKeys) if (!fields.some((f) => f.key === key)) delete ui[key];
  const properties: Record<string, RecordSchema> = {};
  for (const field of fields) {
    const { schema, ui: fieldUi } = writeField(field);
    Object.defineProperty(properties, field.key, { value: schema, enumerable: true, writable: true, configurable: true });
    if (Object.keys(fieldUi).length > 0) ui[field.key] = fieldUi;
    else delete ui[field.key];
  }
  const plainRequired = fields.filter((f) => f.required && !f.showWhen).map((f) => f.key);
  const keys = new Set(fields.map((f) => f.key));
  const kept = (requiredOrder ?? []).filter((k) => keys.has(k) && plainRequired.includes(k));
  const required = [...kept, ...plainRequired.filter((k) => !kept.includes(k))];
  const conditional = fields.filter((f) => f.required && f.showWhen).map((f) => showWhenEntry(f, fields));
  const otherAllOf = (Array.isArray(node.allOf) ? (node.allOf as unknown[]) : []).filter((e) => !isShowWhenEntry(e));
  const allOf = [...otherAllOf, ...conditional];

  const out: Record<string, unknown> = {};
  for (const key of Object.keys(node)) {
    if (key === 'properties') out.properties = properties;
    else if (key === 'required') {
      if (required.length > 0 || requiredOrder !== undefined) out.required = required;
    } else if (key === 'allOf') {
      if (allOf.length > 0) out.allOf = allOf;
    } else out[key] = node[key];
  }
  if (!('properties' in out)) out.properties = properties;
  if (!('required' in out) && (required.length > 0 || requiredOrder !== undefined)) out.required = required;
  if (!('allOf' in out) && allOf.length > 0) out.allOf = allOf;
  return out as T;
}

function showWhenEntry(field: FieldModel, siblings: FieldModel[]): RecordSchema {
  const when = field.showWhen!;
  const other = siblings.find((s) => s.key === when.field);
  const condition: RecordSchema =
    when.equals === undefined
      ? { required: [when.field] }
      : {
          properties: {
            [when.field]: other?.type === 'multipleChoice' ? { contains: { const: when.equals } } : { const: when.equals },
          },
          required: [when.field],
        };
  return { $comment: SHOW_WHEN_COMMENT, if: condition, then: { required: [field.key] } };
}

/** One field as its schema node and its uiSchema entry. */
export function writeField(field: FieldModel): { schema: RecordSchema; ui: Ui } {
  const ui: Ui = { ...field.ui };
  if (field.showWhen) ui[SHOW_WHEN_UI] = field.showWhen;
  else delete ui[SHOW_WHEN_UI];
  if (field.type === 'advanced') return { schema: { ...field.schemaRest }, ui };

  const known: Record<string, unknown> = {};
  const typeShape = TYPE_SHAPES[field.type];
  Object.assign(known, typeShape);
  if (field.label) known['x-title'] = field.label;
  if (field.help) known['x-description'] = field.help;
  for (const k of ['minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems'] as const) {
    if (field[k] !== undefined) known[k] = field[k];
  }
  if (field.type === 'singleChoice') Object.assign(known, optionsSchema(field.options ?? []));
  if ((field.type === 'photo' || field.type === 'file') && field.multiple) {
    known.type = 'array';
    known.items = ordered({ type: 'string', ...(field.itemsRest ?? {}) }, field.itemsOrder);
  }
  if (field.type === 'multipleChoice') {
    const items = { type: 'string', ...optionsSchema(field.options ?? []), ...(field.itemsRest ?? {}) };
    known.items = ordered(items, field.itemsOrder);
  }
  let rest = field.schemaRest;
  if (field.type === 'group') {
    const { allOf, ...others } = field.schemaRest;
    rest = others;
    const template: RecordSchema = { type: 'object', properties: {}, ...(allOf !== undefined ? { allOf } : {}) };
    const object = writeObject(template, field.children ?? [], field.requiredOrder, ui);
    known.properties = object.properties;
    if (object.required) known.required = object.required;
    if (object.allOf) known.allOf = object.allOf;
  }
  if (field.type === 'lines') {
    const itemsUi = { ...childUi(ui, 'items') };
    const template = ordered(
      { type: 'object', properties: {}, ...(field.requiredOrder !== undefined ? { required: [] } : {}), ...(field.itemsRest ?? {}) },
      field.itemsOrder,
    );
    const items = writeObject(template, field.children ?? [], field.requiredOrder, itemsUi);
    known.items = items;
    if (Object.keys(itemsUi).length > 0) ui.items = itemsUi;
    else delete ui.items;
  }
  const schema = ordered({ ...known, ...rest }, field.order) as RecordSchema;
  return { schema, ui };
}

const TYPE_SHAPES: Record<Exclude<FieldType, 'advanced'>, Record<string, unknown>> = {
  text: { type: 'string' },
  longText: { type: 'string', 'x-kind': 'longText' },
  number: { type: 'number' },
  integer: { type: 'integer' },
  money: { type: 'number', 'x-kind': 'money' },
  date: { type: 'string', format: 'date' },
  dateTime: { type: 'string', format: 'date-time' },
  singleChoice: { type: 'string' },
  multipleChoice: { type: 'array' },
  yesNo: { type: 'boolean' },
  phone: { type: 'string', 'x-kind': 'phone' },
  address: { type: 'string', 'x-kind': 'address' },
  file: { type: 'string', 'x-kind': 'file' },
  photo: { type: 'string', 'x-kind': 'photo' },
  signature: { type: 'string', 'x-kind': 'signature' },
  person: { type: 'string', 'x-kind': 'person' },
  store: { type: 'string', 'x-kind': 'store' },
  group: { type: 'object' },
  lines: { type: 'array' },
};

function optionsSchema(options: ChoiceOption[]): Record<string, unknown> {
  return {
    enum: options.map((o) => o.value),
    'x-enumTitles': Object.fromEntries(options.map((o) => [String(o.value), o.label])),
  };
}

/** `value`'s keys in `order` first (those still present), then the new ones. */
function ordered(value: Record<string, unknown>, order: string[] | undefined): Record<string, unknown> {
  if (!order) return value;
  const out: Record<string, unknown> = {};
  for (const key of order) if (Object.hasOwn(value, key)) out[key] = value[key];
  for (const key of Object.keys(value)) if (!Object.hasOwn(out, key)) out[key] = value[key];
  return out;
}

/** `ui:order` kept as written while the fields keep their order; after a move it lists every field in the new order. */
function reorderUiOrder(order: string[], fields: FieldModel[], previousKeys: string[]): string[] {
  const keys = fields.map((f) => f.key);
  const sameOrder =
    keys.filter((k) => previousKeys.includes(k)).join('\u0000') === previousKeys.filter((k) => keys.includes(k)).join('\u0000');
  if (sameOrder) {
    const kept = order.filter((k) => k === '*' || keys.includes(k));
    const added = order.includes('*') ? [] : keys.filter((k) => !kept.includes(k));
    return [...kept, ...added];
  }
  return order.includes('*') ? [...keys, '*'] : keys;
}

// ---------------------------------------------------------------- editing helpers

/** A new field of a type, with a key not used by its siblings. */
export function newField(type: Exclude<FieldType, 'advanced'>, siblings: FieldModel[], label: LocalizedText): FieldModel {
  const base = type === 'lines' ? 'lines' : type === 'group' ? 'group' : 'field';
  let n = siblings.length + 1;
  while (siblings.some((s) => s.key === `${base}${n}`)) n++;
  const field: FieldModel = { key: `${base}${n}`, type, label, required: false, schemaRest: {}, ui: defaultUi(type), order: [] };
  if (type === 'multipleChoice') field.schemaRest = { uniqueItems: true };
  if (type === 'singleChoice' || type === 'multipleChoice')
    field.options = [{ value: 'option1', label: { 'zh-CN': '选项1', en: 'Option 1' } }];
  if (type === 'group' || type === 'lines') field.children = [];
  if (type === 'lines') {
    field.itemsRest = { additionalProperties: false };
    field.maxItems = 100;
  }
  if (type === 'text' || type === 'phone') field.maxLength = type === 'text' ? 200 : 500;
  // References are links to uploaded files (the pack's convention: a relative or absolute URI).
  if (type === 'file' || type === 'photo' || type === 'signature') {
    field.schemaRest = { format: 'uri-reference' };
    field.maxLength = 500;
  }
  if (type === 'person' || type === 'store') field.maxLength = 100;
  if (type === 'longText') field.maxLength = 5000;
  if (type === 'address') field.maxLength = 300;
  if (type === 'phone') field.pattern = '^[0-9+\\- ]{5,20}$';
  if (type === 'money') field.minimum = 0;
  return field;
}

/** The uiSchema a new field of a type starts with (its widget). */
export function defaultUi(type: FieldType): Ui {
  switch (type) {
    case 'longText':
      return { 'ui:widget': 'textarea' };
    case 'multipleChoice':
      return { 'ui:widget': 'checkboxes' };
    case 'photo':
    case 'file':
      return { 'ui:widget': 'photo' };
    case 'signature':
      return { 'ui:widget': 'signature' };
    case 'yesNo':
      return { 'ui:widget': 'radio' };
    case 'text':
    case 'number':
    case 'integer':
    case 'money':
    case 'date':
    case 'dateTime':
    case 'singleChoice':
    case 'phone':
    case 'address':
    case 'person':
    case 'store':
    case 'group':
    case 'lines':
    case 'advanced':
      return {};
  }
}

/** A photo or file field switched between one reference and several (an array of references). */
export function setMultiple(field: FieldModel, multiple: boolean): FieldModel {
  if (!!field.multiple === multiple) return field;
  const next: FieldModel = { ...field };
  const widgetUi = { 'ui:widget': 'photo' };
  if (multiple) {
    next.multiple = true;
    // The single reference's own limits (format, length) move to each item.
    const { format, ...rest } = field.schemaRest;
    next.itemsRest = {
      ...(format !== undefined ? { format } : {}),
      ...(field.maxLength !== undefined ? { maxLength: field.maxLength } : {}),
    };
    next.schemaRest = rest;
    delete next.maxLength;
    delete next.minLength;
    next.maxItems = 20;
    const ui = Object.fromEntries(Object.entries(field.ui).filter(([k]) => k !== 'ui:widget'));
    next.ui = { ...ui, items: widgetUi };
  } else {
    delete next.multiple;
    const { maxLength, ...items } = field.itemsRest ?? {};
    next.schemaRest = { ...field.schemaRest, ...items };
    if (typeof maxLength === 'number') next.maxLength = maxLength;
    delete next.itemsRest;
    delete next.itemsOrder;
    delete next.minItems;
    delete next.maxItems;
    const ui = Object.fromEntries(Object.entries(field.ui).filter(([k]) => k !== 'items'));
    next.ui = { ...ui, ...widgetUi };
  }
  return next;
}

/** The field with another type: keeps key, label, help, required and the options when both are choices. */
export function changeType(field: FieldModel, type: Exclude<FieldType, 'advanced'>): FieldModel {
  const fresh = newField(type, [], field.label ?? { 'zh-CN': field.key, en: field.key });
  const ui = Object.fromEntries(Object.entries(field.ui).filter(([k]) => k !== 'ui:widget'));
  const next: FieldModel = { ...fresh, key: field.key, required: field.required, ui: { ...ui, ...defaultUi(type) } };
  if (field.help) next.help = field.help;
  if (field.showWhen) next.showWhen = field.showWhen;
  if (field.options && (type === 'singleChoice' || type === 'multipleChoice')) next.options = field.options;
  if (field.children && (type === 'group' || type === 'lines')) next.children = field.children;
  return next;
}

/** Valid property name for a field key (JSON Schema allows any; rules need a plain path segment). */
export const FIELD_KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The field list at a path of keys (root: []), for nested editing. */
export function fieldsAt(fields: FieldModel[], path: readonly string[]): FieldModel[] | undefined {
  let current = fields;
  for (const key of path) {
    const next = current.find((f) => f.key === key)?.children;
    if (!next) return undefined;
    current = next;
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
  return fields.map((f) => (f.key === head ? { ...f, children: replaceFieldsAt(f.children ?? [], tail, replace) } : f));
}

/** Moves an item of a list from one index to another. */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}
