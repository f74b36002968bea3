import type { Options } from 'ajv';
import { linearRegExp } from './linearRegExp.js';

/**
 * Our annotation keywords in record schemas (labels, help, option labels, field kind, the admin's
 * message for a pattern or format, a person field's roles, a link field's form; a computed field's formula and a date's
 * checks against the clock or another field, checked beside the schema: `computeFields`, `checkDates`).
 */
export const ANNOTATION_KEYWORDS = [
  'x-title',
  'x-description',
  'x-enumTitles',
  'x-kind',
  'x-errorMessage',
  'x-roles',
  'x-linkForm',
  'x-formula',
  'x-notFuture',
  'x-after',
] as const;

/**
 * The one ajv configuration for records: the engine's validators and the designer's RJSF
 * validator (`customizeValidator({ ajvOptionsOverrides: ajvOptions })`) both use it, so a
 * record is valid in the browser exactly when the server accepts it. JSON Schema draft-07.
 */
export const ajvOptions = {
  allErrors: true,
  // `required: ["toString"]` must not be met by Object.prototype.
  ownProperties: true,
  // Validation follows the draft; authoring mistakes (unknown keywords or formats) are
  // reported by the pack checks, which compile each form once more with `strictSchema: true`.
  strictSchema: false,
  strictNumbers: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  allowUnionTypes: true,
  unicodeRegExp: true,
  validateFormats: true,
  keywords: [...ANNOTATION_KEYWORDS],
  logger: false,
  // Every `pattern` and `patternProperties` key is matched in linear time (RE2), never by a
  // backtracking engine: no pattern a form author writes can freeze the server or a browser.
  code: { regExp: linearRegExp },
} satisfies Options;
