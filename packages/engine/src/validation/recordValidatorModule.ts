import type { AnySchemaObject } from 'ajv';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { createAjv } from './createAjv.js';
import { interopDefault } from './interopDefault.js';
import { normalizeDraft07 } from './normalizeDraft07.js';
import { RE2_MARKER, VALIDATOR_RUNTIME_MODULES } from './validatorRuntime.js';
import { forEachPattern } from './forEachPattern.js';
import { isBoundedPattern } from './boundedPattern.js';

function someUnbounded(schema: unknown): boolean {
  let found = false;
  forEachPattern(schema, (pattern) => {
    found ||= !isBoundedPattern(pattern);
  });
  return found;
}

const standaloneCode = interopDefault(standaloneCodeModule);

/**
 * The source of an ES module of ready-made validate functions, one per key, for the browser:
 * `export default function (runtime)` returns `{ [key]: validate }` (ajv validate functions,
 * errors on `.errors`), with `runtime` = `await loadValidatorRuntime(requires)` (the module's
 * `requires` export names what its code needs; patterns need the linear regular-expression engine). The code is ajv's standalone output
 * of the very ajv the server validates records with (`createAjv`, draft-07 normalised; labels and
 * other annotations left out, as they never decide validity), so a
 * record passes in the browser exactly when it passes on the server, and the browser needs
 * neither ajv nor `new Function`. Ajv generates code from schemas without evaluating their text.
 *
 * Keys are what the form library looks validators up by (for RJSF: `$id` or its hash of each
 * sub-schema it may test a value against).
 */
export function recordValidatorModule(schemas: Record<string, unknown>): string {
  const ajv = createAjv({ code: { source: true, lines: false } });
  for (const [key, schema] of Object.entries(schemas))
    ajv.addSchema(normalizeDraft07(schema, { dropAnnotations: true }) as AnySchemaObject, key);
  const code = standaloneCode(ajv);
  const requires = new Set<string>();
  for (const [, name] of code.matchAll(/require\("([^"]+)"\)/g)) {
    if (!(VALIDATOR_RUNTIME_MODULES as readonly string[]).includes(name!))
      throw new Error(`generated validator needs "${name}", which the browser runtime lacks`);
    requires.add(name!);
  }
  // The browser compiles bounded patterns with its RegExp; any other needs the linear engine.
  if ([...Object.values(schemas)].some((schema) => someUnbounded(schema))) requires.add(RE2_MARKER);
  return `export const requires = ${JSON.stringify([...requires])};\nexport default function recordValidators(runtime) {\nconst require = (name) => runtime[name];\nconst exports = {};\n${code}\nreturn exports;\n}\n`;
}
