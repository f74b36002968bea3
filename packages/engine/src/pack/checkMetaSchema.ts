import type { ErrorObject, ValidateFunction } from 'ajv';
import { createAjv } from '../validation/createAjv.js';
import { localizeAjvErrors } from '../validation/localizeAjvErrors.js';
import { metaSchemas, type PackFileKind } from '../meta/metaSchemas.js';
import type { LocalizedText } from '../i18n/LocalizedText.js';

const compiled = new Map<PackFileKind, ValidateFunction>();

function validatorFor(kind: PackFileKind): ValidateFunction {
  const cached = compiled.get(kind);
  if (cached) return cached;
  const validate = createAjv({ strictSchema: true }).compile(metaSchemas[kind]);
  compiled.set(kind, validate);
  return validate;
}

export interface MetaIssue {
  pointer: string;
  message: LocalizedText;
}

/**
 * Validates a pack file against its meta-schema: problems by JSON pointer, at most three
 * messages per place.
 */
export function checkMetaSchema(kind: PackFileKind, value: unknown): MetaIssue[] {
  const validate = validatorFor(kind);
  if (validate(value)) return [];
  const errors = mostSpecific(validate.errors ?? []);
  const byPointer = new Map<string, { 'zh-CN': string[]; en: string[] }>();
  for (const error of localizeAjvErrors(errors)) {
    const entry = byPointer.get(error.pointer) ?? { 'zh-CN': [], en: [] };
    const detail = describe(error.keyword, error.params);
    if (entry.en.length < 3 && !entry.en.includes(error.message.en + detail)) {
      entry['zh-CN'].push(error.message['zh-CN'] + detail);
      entry.en.push(error.message.en + detail);
    }
    byPointer.set(error.pointer, entry);
  }
  return [...byPointer].map(([pointer, m]) => ({ pointer, message: { 'zh-CN': m['zh-CN'].join('；'), en: m.en.join('; ') } }));
}

/**
 * Keeps what a person can act on: drops the summary errors of `oneOf`/`anyOf`/`if`, and among
 * errors from inside alternatives keeps only the deepest places (the branch the file meant).
 */
function mostSpecific(errors: ErrorObject[]): ErrorObject[] {
  const concrete = errors.filter((e) => !['oneOf', 'anyOf', 'if'].includes(e.keyword));
  if (concrete.length === 0) return errors;
  const isBranch = (e: ErrorObject) => /\/(oneOf|anyOf)\//.test(e.schemaPath);
  const hasDeeper = (e: ErrorObject) => concrete.some((o) => o.instancePath.startsWith(e.instancePath + '/'));
  return concrete.filter((e) => !isBranch(e) || !hasDeeper(e));
}

function describe(keyword: string, params: Record<string, unknown>): string {
  if (keyword === 'additionalProperties') return `: "${String(params.additionalProperty)}"`;
  if (keyword === 'enum' && Array.isArray(params.allowedValues))
    return `: ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  if (keyword === 'const') return `: ${JSON.stringify(params.allowedValue)}`;
  return '';
}
