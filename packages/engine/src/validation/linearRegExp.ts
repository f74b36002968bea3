import { RE2JS, RE2JSException } from 're2js';
import { MAX_PROGRAM_SIZE, translatePattern, type PatternRefusal } from './linearPattern.js';

/**
 * The name generated modules `require` this engine by: `LINEAR_REGEXP_MODULE` of validatorRuntime,
 * written out so that this module (a chunk of its own in the browser) imports nothing of it.
 */
const LINEAR_REGEXP_MODULE = '@aftersales/engine/linearRegExp';

/** A compiled pattern, as ajv uses it: `test` searches the string, in time linear in its length. */
export interface LinearRegExp {
  test(value: string): boolean;
  toString(): string;
}

export type CompiledPattern = { ok: true; regExp: LinearRegExp } | ({ ok: false } & PatternRefusal);

/**
 * Compiles an ECMAScript pattern (`u` flag) to an RE2 automaton (re2js, a JavaScript port of
 * RE2): matching never backtracks, so `^(a+)+$` against 10,000 "a"s and a "!" answers in
 * milliseconds. A pattern RE2 cannot express (lookaround, backreferences) is refused.
 */
export function compilePattern(pattern: string): CompiledPattern {
  const translated = translatePattern(pattern);
  if (!translated.ok) return translated;
  let re2: RE2JS;
  try {
    re2 = RE2JS.compile(translated.source);
  } catch (error) {
    if (error instanceof RE2JSException) return { ok: false, reason: 'unsupported', detail: error.message };
    throw error;
  }
  const size = re2.programSize();
  if (size > MAX_PROGRAM_SIZE) return { ok: false, reason: 'tooComplex', size, limit: MAX_PROGRAM_SIZE };
  // ajv keys its compiled patterns by `toString()`: distinct patterns need distinct strings.
  const text = `/${pattern}/u`;
  return { ok: true, regExp: { test: (value) => re2.test(value), toString: () => text } };
}

/** A pattern's refusal as one English sentence, for errors thrown while ajv compiles a schema. */
export function refusalText(pattern: string, refusal: PatternRefusal): string {
  const why =
    refusal.reason === 'lookaround'
      ? 'lookahead and lookbehind are not supported'
      : refusal.reason === 'backreference'
        ? 'backreferences are not supported'
        : refusal.reason === 'tooLong'
          ? `it is longer than ${refusal.limit} characters`
          : refusal.reason === 'tooComplex'
            ? `its program size ${refusal.size} is over ${refusal.limit}`
            : refusal.detail;
  return `pattern "${pattern}" is refused: ${why}`;
}

/**
 * ajv's `code.regExp` engine: every `pattern` and `patternProperties` key of a record schema is
 * compiled here, on the server and (through `code`, in generated standalone validators) in the
 * browser. A refused pattern makes ajv's compile throw.
 */
export const linearRegExp = /* @__PURE__ */ Object.assign(
  (pattern: string, _flags: string): LinearRegExp => {
    const compiled = compilePattern(pattern);
    if (!compiled.ok) throw new Error(refusalText(pattern, compiled));
    return compiled.regExp;
  },
  { code: `require(${JSON.stringify(LINEAR_REGEXP_MODULE)}).linearRegExp` },
);
