import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '@aftersales/engine';
import { recordLabel } from './recordLabel';

const form = {
  schema: {
    type: 'object',
    properties: {
      callTime: { type: 'string', format: 'date-time' },
      photo: { type: 'string', 'x-kind': 'photo' },
      brand: { type: 'string', enum: ['gree'], 'x-enumTitles': { gree: { 'zh-CN': '格力', en: 'Gree' } } },
      ticketNo: { type: 'string' },
      customer: { type: 'string' },
    },
  },
} as unknown as FormDefinition;

describe('record labels', () => {
  it('when text fields are filled, then the first one in form order names the record (dates, options and photos skipped)', () => {
    expect(
      recordLabel(
        form,
        { id: 'abc', data: { callTime: '2025-10-09T10:00', photo: '/x.jpg', brand: 'gree', customer: '李', ticketNo: ' SH-1 ' } },
        'zh-CN',
        null,
      ),
    ).toBe('SH-1');
  });

  it('when the form names its title fields, then their values name the record', () => {
    const titled = { ...form, recordTitle: ['ticketNo', 'customer', 'brand'] };
    expect(recordLabel(titled, { id: 'abc', data: { brand: 'gree', customer: '李', ticketNo: 'SH-1' } }, 'zh-CN', null)).toBe(
      'SH-1 · 李 · 格力',
    );
  });

  it('when a title field names a person, then the record reads their display name once people are loaded', () => {
    const titled = {
      ...form,
      recordTitle: ['ticketNo', 'requester'],
      schema: { ...form.schema, properties: { ...form.schema.properties, requester: { type: 'string', 'x-kind': 'person' } } },
    } as FormDefinition;
    const record = { id: 'abc', data: { ticketNo: 'LL-1', requester: 'zhouzhiqiang' } };
    const people = [{ username: 'zhouzhiqiang', displayName: '周志强', policyRoles: [], stores: [] }];
    expect(recordLabel(titled, record, 'zh-CN', people)).toBe('LL-1 · 周志强');
    expect(recordLabel(titled, record, 'zh-CN', null)).toBe('LL-1 · zhouzhiqiang');
  });

  it('when no text field is filled, then the local time it was made names it, never its id; long text is cut', () => {
    const made = { id: '0123456789', data: {}, createdAt: '2025-10-09T02:00:00.000Z' };
    expect(recordLabel(form, made, 'zh-CN', null)).toBe('2025-10-09 10:00');
    expect(recordLabel(form, { id: '0123456789', data: {} }, 'en', null)).toBe('—');
    expect(recordLabel(form, { id: 'x', data: { customer: '很'.repeat(60) } }, 'zh-CN', null)).toHaveLength(40);
    expect(recordLabel(undefined, { id: 'abcdefghij', data: { customer: 'x' }, createdAt: made.createdAt }, 'en', null)).toBe(
      '2025-10-09 10:00',
    );
  });
});
