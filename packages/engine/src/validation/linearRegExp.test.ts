import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, linearRegExp } from './linearRegExp.js';
import { createAjv } from './createAjv.js';
import { compileRecordSchema } from './compileRecordSchema.js';
import { recordValidatorModule } from './recordValidatorModule.js';
import { ajvOptions } from './ajvOptions.js';
import { LINEAR_REGEXP_MODULE } from './validatorRuntime.js';

/** Patterns that take exponential time in a backtracking engine on "aaaa…!". */
const EVIL = ['^(a+)+$', '^(a|aa)+$', '^(a|a?)+$'];
const evilInput = `${'a'.repeat(10_000)}!`;

const linear = (pattern: string) => {
  const compiled = compilePattern(pattern);
  if (!compiled.ok) throw new Error(`refused: ${JSON.stringify(compiled)}`);
  return compiled.regExp;
};

describe('linearRegExp (ajv code.regExp)', () => {
  it('when ajv compiles a record schema, then its patterns go to the linear engine, never to RegExp', () => {
    expect(ajvOptions.code.regExp).toBe(linearRegExp);
    expect(createAjv().opts.code.regExp).toBe(linearRegExp);
    expect(createAjv({ code: { source: true } }).opts.code.regExp).toBe(linearRegExp);
  });

  it.each(EVIL)('when %s meets 10,000 "a"s and a "!", then the answer comes (no backtracking)', (pattern) => {
    expect(linear(pattern).test(evilInput)).toBe(false);
    expect(linear(pattern).test('a'.repeat(10_000))).toBe(true);
  });

  it('when a record schema has evil patterns and patternProperties keys, then the server validator answers for long input', () => {
    const compiled = compileRecordSchema({
      type: 'object',
      properties: { a: { type: 'string', pattern: EVIL[0] }, b: { type: 'string', pattern: EVIL[1] } },
      patternProperties: { [EVIL[2]!]: { type: 'string' } },
      additionalProperties: false,
    });
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    const result = compiled.validate({ a: evilInput, b: evilInput, [evilInput]: 'x' });
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => `${e.pointer} ${e.keyword}`).sort()).toEqual([' additionalProperties', '/a pattern', '/b pattern']);
    expect(compiled.validate({ a: 'aaa', b: 'aa', aaaa: 'x' }).valid).toBe(true);
  });

  it('when a browser validator module is generated, then its patterns call the linear engine of the runtime', () => {
    const source = recordValidatorModule({
      root: { type: 'object', properties: { a: { type: 'string', pattern: EVIL[0] } }, patternProperties: { [EVIL[1]!]: {} } },
    });
    expect(source).toContain(`require("${LINEAR_REGEXP_MODULE}").linearRegExp`);
    expect(source).toMatch(/^export const requires = \[.*"@aftersales\/engine\/linearRegExp".*"re2js"\];/);
    expect(source).not.toMatch(/new RegExp|\/\^\(a/);
  });

  it('when two patterns differ, then ajv keeps them apart (distinct keys)', () => {
    expect(linear('^a$').toString()).not.toBe(linear('^b$').toString());
    const compiled = compileRecordSchema({ type: 'array', items: [{ pattern: '^a$' }, { pattern: '^b$' }] });
    expect(compiled.ok && compiled.validate(['a', 'b']).valid).toBe(true);
    expect(compiled.ok && compiled.validate(['b', 'a']).valid).toBe(false);
  });
});

describe('linearRegExp matches as ECMAScript RegExp with the u flag', () => {
  const cases: [string, string[]][] = [
    ['^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$', ['13800138000', '12800138000', '010-12345678', '0571 1234567', '１３８００１３８０００']],
    ['^.$', ['a', '😀', '\n', '\r', '\u2028', '\u2029', '\u0085', '']],
    ['^\\s+$', [' ', '\t\v\f', '\u00a0', '\u3000', '\ufeff', '\u2028', '\u0085', '\u200b', 'a']],
    ['^[\\S]+$', ['abc', 'a b', '\u3000', '中文']],
    ['^\\S\\D\\W$', ['a1!', 'aa!', ' a!', 'a1a']],
    ['^\\d+$', ['123', '١٢٣', '１２３']],
    ['^\\w+\\b', ['abc def', 'é', '_x']],
    ['^[[:a]+$', ['[:a', 'a]', 'b']],
    ['^[\\b]$', ['\b', 'b']],
    ['a$', ['a', 'a\n', 'ba']],
    ['^\\u{1F600}\\uD83D\\uDE00$', ['😀😀', '😀']],
    ['^\\p{Letter}\\p{Script=Han}\\p{sc=Latin}\\p{gc=Nd}\\P{L}$', ['a中b1!', 'a中b11', '1中b1!']],
    ['^\\p{ASCII}+$', ['abc', 'é']],
    ['^[^\\P{Lu}]+$', ['ABC', 'AbC']],
    ['^[a-z\\-._]+@(?<host>[a-z]+)\\.com$', ['a.b-c_d@host.com', 'A@host.com', 'a@host.comx']],
    ['^[]$', ['', 'a']],
    ['^[^]$', ['a', '\n', '😀']],
    ['^\\x41\\u0042\\cJ\\0\\t\\/\\.\\*$', ['AB\n\0\t/.*', 'AB\n\0\t/x*']],
    ['^(?:ab|cd){2,3}?x*?$', ['abcd', 'abcdabx', 'ab']],
    ['^$', ['', '\n']],
    ['手机|电话', ['我的手机', '座机']],
  ];

  it.each(cases)('when the pattern is %s, then each input matches as with RegExp', (pattern, inputs) => {
    const native = new RegExp(pattern, 'u');
    const re = linear(pattern);
    for (const input of inputs) expect({ input, matches: re.test(input) }).toEqual({ input, matches: native.test(input) });
  });

  it('when random strings meet safe patterns, then the linear engine and RegExp agree (fast-check)', () => {
    const seed = Date.now() % 2_147_483_647;
    console.log(`fast-check seed: ${seed}`);
    const patterns = ['^[a-c]*b[^a]?$', '(ab|c)+\\.', '^\\s*\\S+\\s*$', '\\bcab\\b', '^.{2,4}$', '[\\u00a0-\\u00ff\\d]{2}', '^(a|b)*?c'];
    const alphabet = fc.constantFrom('a', 'b', 'c', '.', ' ', '\n', '\u00a0', '1', '😀', '\u2028');
    fc.assert(
      fc.property(fc.constantFrom(...patterns), fc.array(alphabet, { maxLength: 12 }), (pattern, chars) => {
        const input = chars.join('');
        expect(linear(pattern).test(input)).toBe(new RegExp(pattern, 'u').test(input));
      }),
      { seed, numRuns: 500 },
    );
  });
});

describe('linearRegExp refuses what RE2 cannot express', () => {
  it.each([
    ['^(?=.*\\d)\\w+$', 'lookaround'],
    ['^(?!admin)\\w+$', 'lookaround'],
    ['(?<=¥)\\d+', 'lookaround'],
    ['(?<!-)\\d+', 'lookaround'],
    ['^(a)\\1$', 'backreference'],
    ['^(?<x>a)\\k<x>$', 'backreference'],
    ['a{1001}', 'unsupported'],
    ['\\p{Script_Extensions=Han}', 'unsupported'],
    ['(a', 'invalid'],
    ['\\Q', 'invalid'],
    ['a'.repeat(1001), 'tooLong'],
    ['^\\p{L}{600}$', 'tooComplex'],
    ['(.{100}){10}', 'tooComplex'],
  ])('when the pattern is %s, then it is refused (%s)', (pattern, reason) => {
    expect(compilePattern(pattern)).toMatchObject({ ok: false, reason });
  });

  it('when a pattern repeats a lot but stays under the program-size limit, then it is accepted', () => {
    expect(compilePattern('^.{1,200}$').ok).toBe(true);
    expect(compilePattern('^[A-Z]{2}\\d{2}[A-Z0-9]{4}\\d{7}([A-Z0-9]?){0,16}$').ok).toBe(true);
  });

  it('when a schema has a refused pattern, then compiling it fails with the pattern named', () => {
    const compiled = compileRecordSchema({ type: 'string', pattern: '^(?=a)a$' });
    expect(compiled).toEqual({ ok: false, message: 'pattern "^(?=a)a$" is refused: lookahead and lookbehind are not supported' });
    expect(() => recordValidatorModule({ root: { items: { pattern: '(a)\\1' } } })).toThrow(/backreferences/);
  });
});
