import { describe, expect, it } from 'vitest';
import { compileRecordSchema } from './compileRecordSchema.js';

const cents = compileRecordSchema({ type: 'number', multipleOf: 0.01 });
const valid = (value: number) => cents.ok && cents.validate(value).valid;

describe('multipleOf on decimal amounts', () => {
  it('when an amount has at most two decimals, then it is a multiple of 0.01 (19.99 / 0.01 is 1998.9999999999998 in floating point)', () => {
    for (const amount of [19.99, 4.35, 0.07, 1.13, 0.29, 123456789.01, 0, -8.2]) expect([amount, valid(amount)]).toEqual([amount, true]);
  });

  it("when an amount has a third decimal, then it is refused with ajv's keyword and params", () => {
    for (const amount of [19.995, 0.001, 1.111, 123456789.015]) expect([amount, valid(amount)]).toEqual([amount, false]);
    const result = cents.ok ? cents.validate(0.005) : null;
    expect(result?.errors[0]).toMatchObject({ keyword: 'multipleOf', params: { multipleOf: 0.01 } });
    expect(result?.errors[0]?.message['zh-CN']).toContain('0.01');
  });

  it('when the quotient overflows, then the value is refused', () => {
    const compiled = compileRecordSchema({ type: 'integer', multipleOf: 0.123456789 });
    expect(compiled.ok && compiled.validate(1e308).valid).toBe(false);
  });
});
