import type { LocalizedText } from '@aftersales/engine';
import type { FieldModel, FieldType } from './fieldTypes';
import type { Ui } from './uiNode';

// Edits: new fields, a type change, one reference or several.

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
  // A link keeps the linked record's id; the form it links to is picked in the field panel (`x-linkForm`).
  if (type === 'link') field.maxLength = 50;
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
  // A computed number stays computed as another kind of number (a whole number, an amount in yuan).
  const numbers: readonly FieldType[] = ['number', 'integer', 'money'];
  const formula = field.schemaRest['x-formula'];
  if (formula !== undefined && numbers.includes(field.type) && numbers.includes(type))
    next.schemaRest = { ...next.schemaRest, 'x-formula': formula };
  return next;
}
