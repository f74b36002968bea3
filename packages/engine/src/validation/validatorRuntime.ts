import equalModule from 'ajv/dist/runtime/equal.js';
import ucs2lengthModule from 'ajv/dist/runtime/ucs2length.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { interopDefault } from './interopDefault.js';

/** The modules the code of `recordValidatorModule` may require. */
export const VALIDATOR_RUNTIME_MODULES = ['ajv/dist/runtime/equal', 'ajv/dist/runtime/ucs2length', 'ajv-formats/dist/formats'] as const;

export type ValidatorRuntime = Record<(typeof VALIDATOR_RUNTIME_MODULES)[number], unknown>;

/** What a generated validator module is given for its `require`s: small helpers, not ajv. */
export const validatorRuntime: ValidatorRuntime = {
  'ajv/dist/runtime/equal': { default: interopDefault(equalModule) },
  'ajv/dist/runtime/ucs2length': { default: interopDefault(ucs2lengthModule) },
  'ajv-formats/dist/formats': { fullFormats },
};

/** A validate function of a generated module: true when valid, ajv's errors on `errors` otherwise. */
export interface GeneratedValidate {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}

/** The default export of a module from `recordValidatorModule`. */
export type RecordValidatorsFactory = (runtime: ValidatorRuntime) => Record<string, GeneratedValidate>;
