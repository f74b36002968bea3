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
    fee: { type: 'number', 'x-kind': 'money', 'x-title': { 'zh-CN': '费用', en: 'Fee' } },
    warrantyEnd: { type: 'string', format: 'date', 'x-title': { 'zh-CN': '保修截止', en: 'Warranty end' } },
  },
};

describe('changesSince', () => {
  it('when an option, a time, a nested field and a yes/no change, then each is named by its label with both values in words', () => {
    const before = { severity: 'serious', receivedAt: '2025-10-13T02:00:00.000Z', customer: { phone: '13800138000' }, urgent: true };
    const after = { severity: 'general', receivedAt: '2025-10-13T07:00:00.000Z', customer: { phone: '13900139000' } };
    expect(changesSince(schema, before, after, { now: '2025-10-13T08:00:00.000Z' })).toEqual([
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

  it('when an amount, a date and a time of another year change, then they read as yuan and local dates with the year', () => {
    const before = { fee: 680, warrantyEnd: '2026-12-01', receivedAt: '2028-12-01T06:00:00.000Z' };
    const after = { fee: 700.5, warrantyEnd: '2028-12-01', receivedAt: '2026-12-01T06:00:00.000Z' };
    const changes = changesSince(schema, before, after, { now: '2026-06-01T00:00:00.000Z' });
    expect(changes.map((c) => [c.before['zh-CN'], c.after['zh-CN'], c.before.en, c.after.en])).toEqual([
      ['2028年12月1日 周五 14:00', '12月1日 周二 14:00', 'Fri 2028-12-01 14:00', 'Tue 12-01 14:00'],
      ['¥680.00', '¥700.50', 'CN¥680.00', 'CN¥700.50'],
      ['12月1日', '2028年12月1日', '1 Dec', '1 Dec 2028'],
    ]);
  });

  it('when nothing changed (an empty text and a missing field are the same), then there are no changes', () => {
    expect(changesSince(schema, { severity: 'serious', urgent: false }, { severity: 'serious', urgent: false, customer: {} })).toEqual([]);
  });
});
