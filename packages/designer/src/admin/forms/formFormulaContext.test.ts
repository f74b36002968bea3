import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '@aftersales/engine';
import { formFormulaContext } from './formFormulaContext';
import { readFields } from './fieldModel';

const requisition = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../../../schemas/parts-requisition.form.json', import.meta.url)), 'utf8'),
) as FormDefinition;
const fields = readFields(requisition).fields;
const MISSING = { 'zh-CN': '已不存在的字段', en: 'a field no longer on the form' } as const;
/** The formula blocks' context of a field of the parts requisition, as the form editor makes it. */
const contextOf = (path: string[], key: string, locale: 'zh-CN' | 'en') =>
  formFormulaContext({ form: requisition, fields, path, key, locale, missing: MISSING[locale] });

describe('formFormulaContext', () => {
  it("when a line's subtotal is edited, then its operands are the line's numbers and the record's, not itself", () => {
    const context = contextOf(['items'], 'subtotal', 'zh-CN');
    const names = context.numericFacts.map((f) => `${f.name}=${f.label}`);
    expect(names).toEqual(expect.arrayContaining(['qty=数量', 'unitPrice=单价', 'quotesCompared=比价家数']));
    expect(names.some((n) => n.startsWith('subtotal='))).toBe(false);
    // A computed record number is computed after the lines: a line cannot read it.
    expect(names.some((n) => n.startsWith('totalAmount='))).toBe(false);
  });

  it('when the subtotal formula is shown, then it reads in words and its example multiplies the sample quantity by the price', () => {
    const context = contextOf(['items'], 'subtotal', 'zh-CN');
    const formula = { mul: [{ fact: 'qty' }, { fact: 'unitPrice' }] };
    expect(context.describe!(formula)).toBe('“数量” × “单价”');
    expect(context.example!(formula)).toEqual({
      value: '300',
      inputs: [
        { label: '数量', value: '2' },
        { label: '单价', value: '150' },
      ],
    });
  });

  it('when the formula reads a field the form no longer has, then its words and its example name it as gone, never by its code', () => {
    const context = contextOf(['items'], 'subtotal', 'zh-CN');
    const formula = { mul: [{ fact: 'qty' }, { fact: 'discountRate' }] };
    expect(context.describe!(formula)).toBe('“数量” × “已不存在的字段”');
    expect(context.example!(formula).inputs.map((i) => i.label)).toEqual(['数量', '已不存在的字段']);
  });

  it('when the total is edited, then the lines are offered with their numbers to sum, and the example sums the computed subtotals', () => {
    const context = contextOf([], 'totalAmount', 'en');
    expect(context.lineFields).toEqual([
      {
        name: 'items',
        label: 'Items',
        items: [
          { name: 'items.qty', label: 'Qty' },
          { name: 'items.unitPrice', label: 'Unit price' },
          { name: 'items.subtotal', label: 'Subtotal' },
        ],
      },
    ]);
    expect(context.numericFacts.some((f) => f.name === 'totalAmount')).toBe(false);
    const formula = { sum: 'items', field: 'subtotal' };
    expect(context.describe!(formula)).toBe("sum of 'Subtotal'");
    expect(context.example!(formula)).toEqual({ value: '600', inputs: [{ label: 'Items', value: '2 lines' }] });
  });

  it('when a formula reads a field the form does not have, then its example gives no value', () => {
    const context = contextOf([], 'totalAmount', 'zh-CN');
    expect(context.example!({ fact: 'gone' }).value).toBeNull();
  });
});
