import type { LocalizedText } from '@aftersales/engine';
import {
  hasChildren,
  hasOptions,
  type FieldModel,
  type FieldOf,
  type FieldType,
  type NumberLimit,
  type ReferenceField,
} from './fieldTypes';
import type { Ui } from './uiNode';

// Edits: new fields, a type change, one reference or several.

/** A new field of a type, with a key not used by its siblings. */
export function newField<T extends Exclude<FieldType, 'advanced'>>(type: T, siblings: FieldModel[], label: LocalizedText): FieldOf<T> {
  return freshField(type, siblings, label) as FieldOf<T>;
}

function freshField(type: Exclude<FieldType, 'advanced'>, siblings: FieldModel[], label: LocalizedText): FieldModel {
  const prefix = type === 'lines' ? 'lines' : type === 'group' ? 'group' : 'field';
  let n = siblings.length + 1;
  while (siblings.some((s) => s.key === `${prefix}${n}`)) n++;
  const base = { key: `${prefix}${n}`, label, required: false, schemaRest: {}, ui: defaultUi(type), order: [] };
  const firstOption = [{ value: 'option1', label: { 'zh-CN': '选项1', en: 'Option 1' } }];
  switch (type) {
    case 'singleChoice':
      return { ...base, type, options: firstOption };
    case 'multipleChoice':
      return { ...base, type, options: firstOption, schemaRest: { uniqueItems: true }, itemsRest: {} };
    case 'group':
      return { ...base, type, children: [] };
    case 'lines':
      return { ...base, type, children: [], itemsRest: { additionalProperties: false }, maxItems: 100 };
    // References are links to uploaded files (the pack's convention: a relative or absolute URI).
    case 'file':
    case 'photo':
    case 'signature':
      return { ...base, type, schemaRest: { format: 'uri-reference' }, maxLength: 500 };
    case 'money':
      return { ...base, type, minimum: 0 };
    case 'number':
    case 'integer':
    case 'yesNo':
      return { ...base, type };
    case 'text':
      return { ...base, type, maxLength: 200 };
    case 'phone':
      return { ...base, type, maxLength: 500, pattern: '^[0-9+\\- ]{5,20}$' };
    case 'person':
    case 'store':
      return { ...base, type, maxLength: 100 };
    // A link keeps the linked record's id; the form it links to is picked in the field panel (`x-linkForm`).
    case 'link':
      return { ...base, type, maxLength: 50 };
    case 'longText':
      return { ...base, type, maxLength: 5000 };
    case 'address':
      return { ...base, type, maxLength: 300 };
    case 'date':
    case 'dateTime':
      return { ...base, type };
  }
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
    case 'address':
    case 'phone':
    case 'person':
    case 'store':
    case 'link':
    case 'group':
    case 'lines':
    case 'advanced':
      return {};
  }
}

/** A photo or file field switched between one reference and several (an array of references). */
export function setMultiple(field: ReferenceField, multiple: boolean): ReferenceField {
  if (!!field.multiple === multiple) return field;
  const widgetUi = { 'ui:widget': 'photo' };
  if (multiple) {
    // The single reference's own limits (format, length) move to each item.
    const { minLength: _minLength, maxLength, ...same } = field;
    const { format, ...rest } = field.schemaRest;
    const ui = Object.fromEntries(Object.entries(field.ui).filter(([k]) => k !== 'ui:widget'));
    return {
      ...same,
      multiple: true,
      itemsRest: { ...(format !== undefined ? { format } : {}), ...(maxLength !== undefined ? { maxLength } : {}) },
      schemaRest: rest,
      maxItems: 20,
      ui: { ...ui, items: widgetUi },
    };
  }
  const { multiple: _multiple, itemsRest, itemsOrder: _itemsOrder, minItems: _minItems, maxItems: _maxItems, ...same } = field;
  const { maxLength, ...items } = itemsRest ?? {};
  const ui = Object.fromEntries(Object.entries(field.ui).filter(([k]) => k !== 'items'));
  return {
    ...same,
    schemaRest: { ...field.schemaRest, ...items },
    ...(typeof maxLength === 'number' ? { maxLength } : {}),
    ui: { ...ui, ...widgetUi },
  };
}

/** The field with another type: keeps key, label, help, required and the options when both are choices. */
export function changeType(field: FieldModel, type: Exclude<FieldType, 'advanced'>): FieldModel {
  const fresh = newField(type, [], field.label ?? { 'zh-CN': field.key, en: field.key });
  const ui = Object.fromEntries(Object.entries(field.ui).filter(([k]) => k !== 'ui:widget'));
  const next: FieldModel = {
    ...fresh,
    key: field.key,
    required: field.required,
    ui: { ...ui, ...defaultUi(type) },
    ...(field.help ? { help: field.help } : {}),
    ...(field.showWhen ? { showWhen: field.showWhen } : {}),
  };
  if (hasOptions(field) && hasOptions(next)) next.options = field.options;
  if (hasChildren(field) && hasChildren(next)) next.children = field.children;
  // A computed number stays computed as another kind of number (a whole number, an amount in yuan).
  const numbers: readonly FieldType[] = ['number', 'integer', 'money'];
  const formula = field.schemaRest['x-formula'];
  if (formula !== undefined && numbers.includes(field.type) && numbers.includes(type))
    next.schemaRest = { ...next.schemaRest, 'x-formula': formula };
  return next;
}

/** The field with a limit set, or removed (null); the panel offers each type only its own limits. */
export function withLimit(field: FieldModel, name: NumberLimit, value: number | null): FieldModel {
  const next = { ...field } as FieldModel & Partial<Record<NumberLimit, number>>;
  if (value === null) delete next[name];
  else next[name] = value;
  return next;
}
