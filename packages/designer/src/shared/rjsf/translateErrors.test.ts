import { describe, expect, it } from 'vitest';
import type { RJSFSchema, RJSFValidationError } from '@rjsf/utils';
import { translateErrors } from './translateErrors';

const schema: RJSFSchema = {
  type: 'object',
  properties: {
    fee: { type: 'number', title: '收费金额' },
    parts: { type: 'array', items: { type: 'object', properties: { qty: { type: 'integer', title: '数量' } } } },
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

describe('translateErrors', () => {
  it('when RJSF did not find the field title, then the error is named by the label in the schema rendered', () => {
    expect(translateErrors([error({})], 'zh-CN', schema)[0]!.stack).toBe('“收费金额” 必须是 0.01 的倍数');
    expect(translateErrors([error({})], 'en', schema)[0]!.stack).toBe("'收费金额' must be multiple of 0.01");
    const nested = error({ name: 'minimum', property: '.parts.0.qty', params: { limit: 1 }, message: 'must be >= 1' });
    expect(translateErrors([nested], 'zh-CN', schema)[0]!.stack).toBe('“数量” 不能小于 1');
    const fraction = error({ name: 'type', property: '.parts.0.qty', params: { type: 'integer' }, message: 'must be integer' });
    expect(translateErrors([fraction], 'zh-CN', schema)[0]!.stack).toBe('“数量” 必须是整数');
  });

  it('when RJSF named the field, then English keeps its words and Chinese says them in Chinese', () => {
    const required = error({
      name: 'required',
      property: '.callTime',
      params: { missingProperty: 'callTime' },
      title: '来电时间',
      message: "must have required property '来电时间'",
      stack: "must have required property '来电时间'",
    });
    expect(translateErrors([required], 'en', schema)[0]).toBe(required);
    expect(translateErrors([required], 'zh-CN', schema)[0]!.stack).toBe('“来电时间” 必填');
  });

  it('when no label is known, then the message stands alone', () => {
    expect(translateErrors([error({ property: '.nowhere' })], 'zh-CN', schema)[0]!.stack).toBe('必须是 0.01 的倍数');
    expect(translateErrors([error({ property: '' })], 'en', schema)[0]!.stack).toBe('.fee must be multiple of 0.01');
  });
});
