import { describe, expect, it } from 'vitest';
import type { RecordSchema } from '@aftersales/engine';
import { changesSince } from './changesSince.js';

const schema: RecordSchema = {
  type: 'object',
  properties: {
    severity: {
      type: 'string',
      enum: ['general', 'serious'],
      'x-title': { 'zh-CN': '严重程度', en: 'Severity' },
      'x-enumTitles': { general: { 'zh-CN': '一般', en: 'General' }, serious: { 'zh-CN': '严重', en: 'Serious' } },
    },
    receivedAt: { type: 'string', format: 'date-time', 'x-title': { 'zh-CN': '受理时间', en: 'Received at' } },
    customer: {
      type: 'object',
      'x-title': { 'zh-CN': '客户', en: 'Customer' },
      properties: { phone: { type: 'string', 'x-title': { 'zh-CN': '电话', en: 'Phone' } } },
    },
    urgent: { type: 'boolean', 'x-title': { 'zh-CN': '加急', en: 'Urgent' } },
  },
};

describe('changesSince', () => {
  it('when an option, a time, a nested field and a yes/no change, then each is named by its label with both values in words', () => {
    const before = { severity: 'serious', receivedAt: '2025-10-13T02:00:00.000Z', customer: { phone: '13800138000' }, urgent: true };
    const after = { severity: 'general', receivedAt: '2025-10-13T07:00:00.000Z', customer: { phone: '13900139000' } };
    expect(changesSince(schema, before, after)).toEqual([
      {
        pointer: '/severity',
        label: { 'zh-CN': '严重程度', en: 'Severity' },
        before: { 'zh-CN': '严重', en: 'Serious' },
        after: { 'zh-CN': '一般', en: 'General' },
      },
      {
        pointer: '/receivedAt',
        label: { 'zh-CN': '受理时间', en: 'Received at' },
        before: { 'zh-CN': '10月13日 周一 10:00', en: 'Mon 10-13 10:00' },
        after: { 'zh-CN': '10月13日 周一 15:00', en: 'Mon 10-13 15:00' },
      },
      {
        pointer: '/customer/phone',
        label: { 'zh-CN': '客户 · 电话', en: 'Customer · Phone' },
        before: { 'zh-CN': '13800138000', en: '13800138000' },
        after: { 'zh-CN': '13900139000', en: '13900139000' },
      },
      {
        pointer: '/urgent',
        label: { 'zh-CN': '加急', en: 'Urgent' },
        before: { 'zh-CN': '是', en: 'Yes' },
        after: { 'zh-CN': '（空）', en: '(empty)' },
      },
    ]);
  });

  it('when nothing changed (an empty text and a missing field are the same), then there are no changes', () => {
    expect(changesSince(schema, { severity: 'serious', urgent: false }, { severity: 'serious', urgent: false, customer: {} })).toEqual([]);
  });
});
