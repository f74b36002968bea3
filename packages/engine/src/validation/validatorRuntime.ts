import equalModule from 'ajv/dist/runtime/equal.js';
import ucs2lengthModule from 'ajv/dist/runtime/ucs2length.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { interopDefault } from './interopDefault.js';
import { isBoundedPattern } from './boundedPattern.js';

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
 * Not a module of the code but a marker in a module's `requires`: one of its patterns is not
 * bounded (boundedPattern.ts), so the linear engine (re2js, some 47 KB gzip) must be loaded.
 */
export const RE2_MARKER = 're2js';

/** A regular-expression engine as ajv's generated code calls it: `engine(pattern, flags)`. */
type PatternEngine = (pattern: string, flags: string) => { test(value: string): boolean };

/**
 * The engine generated modules' patterns are compiled with in the browser: a bounded pattern by
 * the browser's RegExp (linear there too), any other by RE2, which must have been loaded.
 */
export function browserPatternEngine(re2: PatternEngine | undefined): PatternEngine {
  return (pattern, flags) => {
    if (isBoundedPattern(pattern)) return new RegExp(pattern, flags);
    if (!re2) throw new Error(`pattern "${pattern}" needs the linear engine, which was not loaded`);
    return re2(pattern, flags);
  };
}

/**
 * The runtime for a module that requires `requires` (its `requires` export): the linear
 * regular-expression engine is loaded only for forms with patterns that are not bounded.
 */
export async function loadValidatorRuntime(
  requires: readonly string[] = [...VALIDATOR_RUNTIME_MODULES, RE2_MARKER],
): Promise<ValidatorRuntime> {
  if (!requires.includes(LINEAR_REGEXP_MODULE)) return validatorRuntime;
  const re2 = requires.includes(RE2_MARKER) ? (await import('./linearRegExp.js')).linearRegExp : undefined;
  return { ...validatorRuntime, [LINEAR_REGEXP_MODULE]: { linearRegExp: browserPatternEngine(re2) } };
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
