import type { FormDefinition, RecordSchema } from '@aftersales/engine';
import { LIMIT_KEYS, limitsOf, type ChoiceOption, type FieldModel, type FieldType, type FormFields } from './fieldTypes';
import { isShowWhenEntry, SHOW_WHEN_UI, showWhenEntry } from './showWhen';
import { childUi, type Ui } from './uiNode';

// Writing: field models back into the form's schema and uiSchema (untouched fields byte for byte).

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
  // The limits the field's type has (each variant carries only its own).
  const limits = limitsOf(field);
  for (const k of LIMIT_KEYS) if (limits[k] !== undefined) known[k] = limits[k];
  if (field.type === 'singleChoice') Object.assign(known, optionsSchema(field.options));
  if ((field.type === 'photo' || field.type === 'file') && field.multiple) {
    known.type = 'array';
    known.items = ordered({ type: 'string', ...(field.itemsRest ?? {}) }, field.itemsOrder);
  }
  if (field.type === 'multipleChoice') {
    const items = { type: 'string', ...optionsSchema(field.options), ...field.itemsRest };
    known.items = ordered(items, field.itemsOrder);
  }
  let rest = field.schemaRest;
  if (field.type === 'group') {
    const { allOf, ...others } = field.schemaRest;
    rest = others;
    const template: RecordSchema = { type: 'object', properties: {}, ...(allOf !== undefined ? { allOf } : {}) };
    const object = writeObject(template, field.children, field.requiredOrder, ui);
    known.properties = object.properties;
    if (object.required) known.required = object.required;
    if (object.allOf) known.allOf = object.allOf;
  }
  if (field.type === 'lines') {
    const itemsUi = { ...childUi(ui, 'items') };
    const template = ordered(
      { type: 'object', properties: {}, ...(field.requiredOrder !== undefined ? { required: [] } : {}), ...field.itemsRest },
      field.itemsOrder,
    );
    const items = writeObject(template, field.children, field.requiredOrder, itemsUi);
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
  link: { type: 'string', 'x-kind': 'link' },
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
