import { describe, expect, it } from 'vitest';
import type { RJSFSchema, RJSFValidationError } from '@rjsf/utils';
import { translateErrors } from './translateErrors';

const schema: RJSFSchema = {
  type: 'object',
  properties: {
    fee: { type: 'number', title: '收费金额' },
    phone: {
      type: 'string',
      title: '手机',
      'x-errorMessage': { 'zh-CN': '请填写 11 位手机号', en: 'Enter an 11-digit mobile number' },
    } as RJSFSchema,
    plate: { type: 'string', title: '车牌' },
    landline: { type: 'string', title: '电话', 'x-kind': 'phone' } as RJSFSchema,
    parts: { type: 'array', title: '使用配件', items: { type: 'object', properties: { qty: { type: 'integer', title: '数量' } } } },
  },
};

const error = (overrides: Partial<RJSFValidationError>): RJSFValidationError => ({
  name: 'multipleOf',
  property: '.fee',
  message: 'must be multiple of 0.01',
  params: { multipleOf: 0.01 },
  stack: '.fee must be multiple of 0.01',
  title: '',
  ...overrides,
});

const stacks = (errors: RJSFValidationError[], locale: 'zh-CN' | 'en') => translateErrors(errors, locale, schema).map((e) => e.stack);

describe('translateErrors', () => {
  it('when an amount has more than two decimals, then it says "at most two decimals" in both languages', () => {
    expect(stacks([error({})], 'zh-CN')).toEqual(['“收费金额” 最多 2 位小数']);
    expect(stacks([error({})], 'en')).toEqual(['收费金额: at most two decimals']);
  });

  it('when a field of a repeating group fails a limit or a type, then it is named by its label and line, with what is expected', () => {
    const nested = error({ name: 'minimum', property: '.parts.0.qty', params: { limit: 1 }, message: 'must be >= 1' });
    expect(stacks([nested], 'zh-CN')).toEqual(['“使用配件”第 1 行的“数量” 不能小于 1']);
    expect(stacks([nested], 'en')).toEqual(['数量 (使用配件, line 1): must be at least 1']);
    const fraction = error({ name: 'type', property: '.parts.0.qty', params: { type: 'integer' }, message: 'must be integer' });
    expect(stacks([fraction], 'zh-CN')).toEqual(['“使用配件”第 1 行的“数量” 请填写整数，如 3']);
  });

  it('when a pattern fails, then the admin’s own message is said, else plain words (never the regular expression)', () => {
    const pattern = (property: string) =>
      error({ name: 'pattern', property, params: { pattern: '^1[3-9]\\d{9}$' }, message: 'must match pattern "^1[3-9]\\d{9}$"' });
    expect(stacks([pattern('.phone')], 'zh-CN')).toEqual(['“手机” 请填写 11 位手机号']);
    expect(stacks([pattern('.phone')], 'en')).toEqual(['手机: Enter an 11-digit mobile number']);
    expect(stacks([pattern('.plate')], 'en')).toEqual(['车牌: is not in the right format']);
    // A phone field without its own message says what a phone number looks like.
    expect(stacks([pattern('.landline')], 'zh-CN')).toEqual(['“电话” 应为 11 位手机号或带区号的座机号（如 0571-88886666）']);
  });

  it('when an if/then fails, then only the failing then-clause is said, never "must match then schema"', () => {
    const ifError = error({ name: 'if', property: '', params: { failingKeyword: 'then' }, message: 'must match "then" schema' });
    const required = error({
      name: 'required',
      property: '.plate',
      params: { missingProperty: 'plate' },
      message: 'must have required property',
    });
    expect(stacks([ifError, required], 'zh-CN')).toEqual(['“车牌” 必填']);
    expect(stacks([ifError, required], 'en')).toEqual(['车牌: is required']);
  });

  it('when a format fails, then the format is named in words', () => {
    const format = error({ name: 'format', property: '.fee', params: { format: 'date-time' }, message: 'must match format "date-time"' });
    expect(stacks([format], 'zh-CN')).toEqual(['“收费金额” 请填写正确的日期和时间']);
    expect(stacks([format], 'en')).toEqual(['收费金额: must be a date and time']);
  });

  it('when RJSF named the field, then its title is kept; with no label the message stands alone', () => {
    const required = error({ name: 'required', property: '.callTime', params: { missingProperty: 'callTime' }, title: '来电时间' });
    expect(stacks([required], 'zh-CN')).toEqual(['“来电时间” 必填']);
    expect(stacks([error({ property: '.nowhere' })], 'zh-CN')).toEqual(['最多 2 位小数']);
    expect(stacks([error({ name: 'somethingNew', property: '' })], 'en')).toEqual(['is not filled in correctly']);
  });
});
