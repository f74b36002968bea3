import Ajv, { type Options } from 'ajv';
import addFormats from 'ajv-formats';
import { ajvOptions } from './ajvOptions.js';

/** A draft-07 ajv instance with our options and the standard formats. No remote `$ref` is ever loaded. */
export function createAjv(overrides: Options = {}): Ajv {
  const ajv = new Ajv({ ...ajvOptions, ...overrides });
  addFormats(ajv);
  return ajv;
}
