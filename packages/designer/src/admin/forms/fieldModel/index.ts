/**
 * The form editor's field model, one concept per file: the field type (fieldTypes), reading a
 * form's schema and uiSchema into fields (read), writing them back (write), show-when conditions
 * (showWhen), edits (edits) and tree helpers (tree).
 */
export {
  FIELD_KEY_PATTERN,
  FIELD_TYPES,
  fieldTypesAt,
  hasChildren,
  hasOptions,
  limitsOf,
  type ChoiceOption,
  type FieldModel,
  type FieldOf,
  type TextField,
  type FieldType,
  type NumberLimit,
  type ShowWhen,
} from './fieldTypes';
export { readFields } from './read';
export { writeField, writeFields } from './write';
export { changeType, newField, setMultiple, withLimit } from './edits';
export { fieldsAt, move, replaceFieldsAt } from './tree';
