import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { interopDefault } from './interopDefault.js';
import { ajvOptions } from './ajvOptions.js';
import { multipleOfKeyword } from './multipleOfKeyword.js';

const addFormats = interopDefault(addFormatsModule);

/** Adds what records need beyond ajv's options: the standard formats and decimal `multipleOf`. */
export function configureRecordAjv<A extends Ajv>(ajv: A): A {
  addFormats(ajv);
  ajv.removeKeyword('multipleOf');
  ajv.addKeyword(multipleOfKeyword);
  return ajv;
}

/**
 * A draft-07 ajv instance with our options and the standard formats. No remote `$ref` is ever
 * loaded. `code` overrides add to ours (the linear regular-expression engine stays).
 */
export function createAjv(overrides: Options = {}): Ajv {
  return configureRecordAjv(new Ajv({ ...ajvOptions, ...overrides, code: { ...ajvOptions.code, ...overrides.code } }));
}
