import { describe, expect, it } from 'vitest';
import type { RJSFSchema } from '@rjsf/utils';
import { liveValidator } from './liveValidator';

// The designer's preview and test bench validate drafts in the browser with RJSF's ajv, set up
// as the server's: the classic ReDoS patterns must answer at once there too (issue 14).
const schema: RJSFSchema = {
  type: 'object',
  properties: {
    code: { type: 'string', pattern: '^(a+)+$' },
    serial: { type: 'string', pattern: '^(a|aa)+$' },
  },
  patternProperties: { '^(a|a?)+$': { type: 'number' } },
};
const evil = `${'a'.repeat(10_000)}!`;

describe('liveValidator', () => {
  it('when its ajv compiles patterns, then they go to the linear engine (RE2), not RegExp', () => {
    const { ajv } = liveValidator as unknown as { ajv: { opts: { code: { regExp: { code: string } } } } };
    expect(ajv.opts.code.regExp.code).toBe('require("@aftersales/engine/linearRegExp").linearRegExp');
  });

  it('when a draft form has the classic ReDoS patterns, then 10,000 "a"s and a "!" are answered with pattern errors', () => {
    const { errors } = liveValidator.validateFormData({ code: evil, serial: evil, [evil]: 'x', aaaa: 'not a number' }, schema);
    expect(errors.map((e) => `${e.property} ${e.name}`).sort()).toEqual(['.aaaa type', '.code pattern', '.serial pattern']);
    expect(liveValidator.isValid(schema, { code: 'a'.repeat(10_000), aaaa: 1 }, schema)).toBe(true);
  });
});
