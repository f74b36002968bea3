import type { LocalizedText } from '@aftersales/engine';

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
  'link',
  'group',
  'lines',
] as const;

/** Types only the top of a form can have: a link names a record by a top-level field (the server keeps links per record). */
const TOP_LEVEL_TYPES: readonly FieldType[] = ['link'];

/** The types a field can have at a level of the form (nested: in a group or on a repeating line). */
export function fieldTypesAt(nested: boolean): Exclude<FieldType, 'advanced'>[] {
  return FIELD_TYPES.filter((type) => !nested || !TOP_LEVEL_TYPES.includes(type));
}

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

/** What every field has, whatever its type. */
interface FieldBase {
  key: string;
  label?: LocalizedText;
  help?: LocalizedText;
  required: boolean;
  showWhen?: ShowWhen;
  /** Schema keywords the editor does not handle for this type, kept as they are (with the original key order). */
  schemaRest: Record<string, unknown>;
  /** uiSchema entries of the field other than the children's and `ui:showWhen`. */
  ui: Record<string, unknown>;
  /** Key order of the schema node as read, so an untouched field is written back byte for byte. */
  order: string[];
}

/** A field kept as one string: text, a date, a phone number, a person, a store, a linked record. */
export interface TextField extends FieldBase {
  type: 'text' | 'longText' | 'date' | 'dateTime' | 'phone' | 'address' | 'person' | 'store' | 'link';
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

/** A number, a whole number or an amount in yuan (computed when its schema has `x-formula`). */
export interface NumberField extends FieldBase {
  type: 'number' | 'integer' | 'money';
  minimum?: number;
  maximum?: number;
}

export interface YesNoField extends FieldBase {
  type: 'yesNo';
}

/** One option of a list. */
export interface SingleChoiceField extends FieldBase {
  type: 'singleChoice';
  options: ChoiceOption[];
}

/** Several options of a list (an array of option values). */
export interface MultipleChoiceField extends FieldBase {
  type: 'multipleChoice';
  options: ChoiceOption[];
  minItems?: number;
  maxItems?: number;
  /** The `items` schema's unhandled keywords. */
  itemsRest: Record<string, unknown>;
  itemsOrder?: string[];
}

/** An uploaded file, photo or signature: one reference, or several (`multiple`: an array of references). */
export interface ReferenceField extends FieldBase {
  type: 'file' | 'photo' | 'signature';
  multiple?: boolean;
  /** One reference's length. */
  minLength?: number;
  maxLength?: number;
  /** Several references: how many. */
  minItems?: number;
  maxItems?: number;
  /** Several references: the `items` schema's unhandled keywords. */
  itemsRest?: Record<string, unknown>;
  itemsOrder?: string[];
}

/** Fields shown together under a heading (an object). */
export interface GroupField extends FieldBase {
  type: 'group';
  children: FieldModel[];
  /** `required` of the object as read: keeps the order of the names (and names of no field). */
  requiredOrder?: string[];
}

/** Repeating lines (an array of objects), e.g. the parts of a requisition. */
export interface LinesField extends FieldBase {
  type: 'lines';
  children: FieldModel[];
  minItems?: number;
  maxItems?: number;
  /** The line object's unhandled keywords. */
  itemsRest: Record<string, unknown>;
  itemsOrder?: string[];
  requiredOrder?: string[];
}

/** A schema shape the editor does not model, kept verbatim in `schemaRest`. */
export interface AdvancedField extends FieldBase {
  type: 'advanced';
}

/** The editor's model of a form field: one variant per kind of field, told apart by `type`. */
export type FieldModel =
  TextField | NumberField | YesNoField | SingleChoiceField | MultipleChoiceField | ReferenceField | GroupField | LinesField | AdvancedField;

/** The variant a type belongs to (`FieldOf<'lines'>` is a `LinesField`, `FieldOf<'money'>` a `NumberField`). */
export type FieldOf<T extends FieldType> = FieldModel extends infer F
  ? F extends { type: infer U }
    ? T extends U
      ? F
      : never
    : never
  : never;

/** The limits a field can carry; which ones depends on its type (each variant declares its own). */
export const LIMIT_KEYS = ['minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems'] as const;
export type Limit = (typeof LIMIT_KEYS)[number];
/** The limits that are numbers (all but the pattern). */
export type NumberLimit = Exclude<Limit, 'pattern'>;

/** The field's limits, to read (a limit its type does not have reads as undefined). */
export function limitsOf(field: FieldModel): { pattern?: string } & Partial<Record<NumberLimit, number>> {
  const limits: { pattern?: string; type: FieldType } & Partial<Record<NumberLimit, number>> = field;
  return limits;
}

/** Fields holding other fields (a group, or one line of repeating lines). */
export type ParentField = GroupField | LinesField;

export function hasChildren(field: FieldModel): field is ParentField {
  return field.type === 'group' || field.type === 'lines';
}

export function hasOptions(field: FieldModel): field is SingleChoiceField | MultipleChoiceField {
  return field.type === 'singleChoice' || field.type === 'multipleChoice';
}

/** The fields of a form's root object, plus what of the root the editor keeps aside. */
export interface FormFields {
  fields: FieldModel[];
  requiredOrder: string[] | undefined;
}

/** Valid property name for a field key (JSON Schema allows any; rules need a plain path segment). */
export const FIELD_KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
