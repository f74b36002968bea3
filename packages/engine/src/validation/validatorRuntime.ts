import equalModule from 'ajv/dist/runtime/equal.js';
import ucs2lengthModule from 'ajv/dist/runtime/ucs2length.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { interopDefault } from './interopDefault.js';

/** The name generated modules `require` the linear regular-expression engine by (linearRegExp.ts). */
export const LINEAR_REGEXP_MODULE = '@aftersales/engine/linearRegExp';

/** The modules the code of `recordValidatorModule` may require. */
export const VALIDATOR_RUNTIME_MODULES = [
  'ajv/dist/runtime/equal',
  'ajv/dist/runtime/ucs2length',
  'ajv-formats/dist/formats',
  LINEAR_REGEXP_MODULE,
] as const;

export type ValidatorRuntimeModule = (typeof VALIDATOR_RUNTIME_MODULES)[number];

export type ValidatorRuntime = Partial<Record<ValidatorRuntimeModule, unknown>>;

/** What a generated validator module is given for its `require`s: small helpers, not ajv. */
export const validatorRuntime: ValidatorRuntime = {
  'ajv/dist/runtime/equal': { default: interopDefault(equalModule) },
  'ajv/dist/runtime/ucs2length': { default: interopDefault(ucs2lengthModule) },
  'ajv-formats/dist/formats': { fullFormats },
};

/**
 * The runtime for a module that requires `requires` (its `requires` export): the linear
 * regular-expression engine (re2js, some 65 KB gzip) is loaded only for forms with patterns.
 */
export async function loadValidatorRuntime(requires: readonly string[] = VALIDATOR_RUNTIME_MODULES): Promise<ValidatorRuntime> {
  if (!requires.includes(LINEAR_REGEXP_MODULE)) return validatorRuntime;
  const { linearRegExp } = await import('./linearRegExp.js');
  return { ...validatorRuntime, [LINEAR_REGEXP_MODULE]: { linearRegExp } };
}

/** A validate function of a generated module: true when valid, ajv's errors on `errors` otherwise. */
export interface GeneratedValidate {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}

/** The default export of a module from `recordValidatorModule`. */
export type RecordValidatorsFactory = (runtime: ValidatorRuntime) => Record<string, GeneratedValidate>;

/** A module from `recordValidatorModule`, as `import()` gives it. */
export interface RecordValidatorsModule {
  default: RecordValidatorsFactory;
  /** The runtime modules its code requires (give them with `loadValidatorRuntime(requires)`). */
  requires: readonly string[];
}
