import { describe, expect, it } from 'vitest';
import { isBoundedPattern } from './boundedPattern.js';
import { recordValidatorModule } from './recordValidatorModule.js';
import { browserPatternEngine, RE2_MARKER } from './validatorRuntime.js';

describe('isBoundedPattern', () => {
  it.each([
    '^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$',
    '^\\d{6}$',
    '^[A-Z]{2}-\\d{4}$',
    '^\\u{1F600}{1,3}$',
    '^\\p{Script=Han}{2,4}$',
    '^(?<year>\\d{4})-(?:0[1-9]|1[0-2])$',
    '^a{1000}$'.replace('1000', '500'),
  ])('when the pattern is %s, then it is bounded: the browser may run it natively', (pattern) => {
    expect(isBoundedPattern(pattern)).toBe(true);
  });

  it.each([
    '^(a+)+$',
    '^(a|aa)+$',
    '^(a|a?)+$',
    '^\\d*$',
    '^a{2,}$',
    '^(a?){20}a{20}$',
    '^(a|b|c){0,12}$',
    '^[a-z]{0,2000}$',
    '^(?=a)a$',
    '^(a)\\1$',
    '(',
  ])('when the pattern is %s, then it is not bounded: it runs on RE2 everywhere', (pattern) => {
    expect(isBoundedPattern(pattern)).toBe(false);
  });
});

describe('generated validators in the browser', () => {
  it('when every pattern of a form is bounded, then its module does not ask for the linear engine', () => {
    const bounded = recordValidatorModule({ root: { properties: { phone: { type: 'string', pattern: '^1[3-9]\\d{9}$' } } } });
    expect(bounded).toMatch(/^export const requires = \[[^\]]*"@aftersales\/engine\/linearRegExp"[^\]]*\];/);
    expect(bounded).not.toContain(`"${RE2_MARKER}"`);
    const unbounded = recordValidatorModule({ root: { patternProperties: { '^(a|aa)+$': { type: 'number' } } } });
    expect(unbounded.split('\n')[0]).toContain(`"${RE2_MARKER}"`);
  });

  it('when the linear engine is not loaded, then a pattern that is not bounded is refused, never run natively', () => {
    const engine = browserPatternEngine(undefined);
    expect(engine('^1[3-9]\\d{9}$', 'u').test('13800138000')).toBe(true);
    expect(() => engine('^(a+)+$', 'u')).toThrow(/needs the linear engine/);
  });
});
