import type { LocalizedText } from '@aftersales/engine';

/** The editor's model of a form field: its kind and everything the field panel edits. */

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

/** Valid property name for a field key (JSON Schema allows any; rules need a plain path segment). */
export const FIELD_KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
