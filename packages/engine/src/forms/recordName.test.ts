import { describe, expect, it } from 'vitest';
import type { FormDefinition } from './FormDefinition.js';
import { checkForm } from './checkForm.js';
import { recordName } from './recordName.js';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const form: FormDefinition = {
  id: 'repair',
  title: t('报修', 'Repair'),
  schema: {
    type: 'object',
    properties: {
      brand: { type: 'string', enum: ['gree'], 'x-title': t('品牌', 'Brand'), 'x-enumTitles': { gree: t('格力', 'Gree') } },
      ticketNo: { type: 'string', 'x-title': t('单号', 'Ticket no.') },
      customer: { type: 'object', properties: { name: { type: 'string', 'x-title': t('姓名', 'Name') } } },
    },
  },
};

describe('recordName', () => {
  it('when the form names its title fields, then the record is named by their values, options by their labels', () => {
    const titled = { ...form, recordTitle: ['ticketNo', 'customer.name', 'brand'] };
    const data = { brand: 'gree', ticketNo: 'SH-1009', customer: { name: '李女士' } };
    expect(recordName(titled, data, 'zh-CN')).toBe('SH-1009 · 李女士 · 格力');
    expect(recordName(titled, data, 'en')).toBe('SH-1009 · 李女士 · Gree');
    expect(recordName(titled, { ticketNo: 'SH-1' }, 'en')).toBe('SH-1');
  });

  it('when the form names none, then its first filled text field names the record, never a stored option value', () => {
    expect(recordName(form, { brand: 'gree', ticketNo: 'SH-1009' }, 'zh-CN')).toBe('SH-1009');
    expect(recordName(form, {}, 'zh-CN')).toBe('');
  });

  it('when a title field is not in the schema, then the form check reports it', () => {
    expect(checkForm({ ...form, recordTitle: ['ticketNo', 'fax'] })).toContainEqual({
      path: ['recordTitle', 1],
      code: 'form.unknownField',
      params: { field: 'fax' },
    });
  });
});
