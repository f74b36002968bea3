import type { ValidateFunction } from 'ajv';
import { createAjv } from './createAjv.js';
import { normalizeDraft07 } from './normalizeDraft07.js';
import { localizeAjvErrors, type LocalizedAjvError } from './localizeAjvErrors.js';
import { findUnsafeJson } from '../json/findUnsafeJson.js';
import { toPointer } from '../json/jsonPointer.js';
import { problemMessages } from '../problems/problemMessages.js';

export type RecordError = LocalizedAjvError;

export interface RecordValidation {
  valid: boolean;
  errors: RecordError[];
}

export type RecordValidator = (data: unknown) => RecordValidation;

export type CompileRecordSchemaResult = { ok: true; validate: RecordValidator } | { ok: false; message: string };

/**
 * Compiles a record schema (draft-07) into a validator. The validator first refuses values
 * that could harm code walking them (`__proto__` keys, absurd depth), then runs ajv.
 */
export function compileRecordSchema(schema: unknown, options: { strict?: boolean } = {}): CompileRecordSchemaResult {
  let ajvValidate: ValidateFunction;
  try {
    ajvValidate = createAjv({ strictSchema: options.strict ?? false }).compile(normalizeDraft07(schema) as object);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const validate: RecordValidator = (data) => {
    const unsafe = findUnsafeJson(data);
    if (unsafe) {
      const message = problemMessages[unsafe.code]({ key: unsafe.key ?? '', limit: unsafe.limit ?? 0 });
      return { valid: false, errors: [{ pointer: toPointer(unsafe.path), keyword: unsafe.code, params: {}, message }] };
    }
    const valid = ajvValidate(data);
    return { valid, errors: valid ? [] : localizeAjvErrors(ajvValidate.errors) };
  };
  return { ok: true, validate };
}
