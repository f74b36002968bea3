import { describe, expect, it } from 'vitest';
import { checkForm } from './checkForm.js';
import { computeFields } from './computedFields.js';
import type { FormDefinition } from './FormDefinition.js';

const money = { type: 'number', minimum: 0, multipleOf: 0.01 };
const form: FormDefinition = {
  id: 'req',
  title: { 'zh-CN': '领料', en: 'Requisition' },
  schema: {
    type: 'object',
    properties: {
      items: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            qty: { type: 'integer' },
            unitPrice: money,
            subtotal: {
              ...money,
              'x-title': { 'zh-CN': '小计', en: 'Subtotal' },
              'x-formula': { mul: [{ fact: 'qty' }, { fact: 'unitPrice' }] },
            },
          },
        },
      },
      totalAmount: { ...money, 'x-title': { 'zh-CN': '总金额', en: 'Total' }, 'x-formula': { sum: 'items', field: 'subtotal' } },
    },
  },
};

describe('computeFields', () => {
  it('when lines have quantity and price, then each subtotal is qty × price and the total their sum, rounded to cents', () => {
    const { data, mismatches } = computeFields(form, {
      items: [
        { qty: 3, unitPrice: 0.1 },
        { qty: 2, unitPrice: 85 },
      ],
    });
    expect(data).toEqual({
      items: [
        { qty: 3, unitPrice: 0.1, subtotal: 0.3 },
        { qty: 2, unitPrice: 85, subtotal: 170 },
      ],
      totalAmount: 170.3,
    });
    expect(mismatches).toEqual([]);
  });

  it('when a client posts a wrong subtotal or total, then each is a mismatch naming the line and the value expected', () => {
    const { mismatches } = computeFields(form, { items: [{ qty: 2, unitPrice: 85, subtotal: 100 }], totalAmount: 99 });
    expect(mismatches.map((m) => [m.pointer, m.expected, m.message['zh-CN']])).toEqual([
      ['/items/0/subtotal', 170, '第 1 行的“小计”按公式计算应为 170，不能手工填写'],
      ['/totalAmount', 170, '“总金额”按公式计算应为 170，不能手工填写'],
    ]);
  });

  it('when a price is missing, then that subtotal and the total are not computed and a typed total stays', () => {
    const { data, mismatches } = computeFields(form, { items: [{ qty: 2 }], totalAmount: 50 });
    expect(data).toEqual({ items: [{ qty: 2 }], totalAmount: 50 });
    expect(mismatches).toEqual([]);
  });

  it('when a formula reads a field the form does not have or sits on a text field, then the form check says so', () => {
    const bad: FormDefinition = {
      ...form,
      schema: {
        type: 'object',
        properties: {
          total: { type: 'number', 'x-formula': { sum: 'lines', field: 'x' } },
          note: { type: 'string', 'x-formula': 1 },
        },
      },
    };
    expect(checkForm(bad)).toEqual([
      { path: ['schema', 'properties', 'total', 'x-formula'], code: 'form.unknownField', params: { field: 'lines' } },
      { path: ['schema', 'properties', 'note', 'x-formula'], code: 'form.fieldKindExpected', params: { field: 'note', kind: 'number' } },
    ]);
    expect(checkForm(form)).toEqual([]);
  });
});
