import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { interopDefault } from './interopDefault.js';
import { ajvOptions } from './ajvOptions.js';

const addFormats = interopDefault(addFormatsModule);

/** A draft-07 ajv instance with our options and the standard formats. No remote `$ref` is ever loaded. */
export function createAjv(overrides: Options = {}): Ajv {
  const ajv = new Ajv({ ...ajvOptions, ...overrides });
  addFormats(ajv);
  return ajv;
}
