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

  it('when a title field names a person, then the record reads their display name, not their user name', () => {
    const withPerson: FormDefinition = {
      ...form,
      schema: { ...form.schema, properties: { ...form.schema.properties, requester: { type: 'string', 'x-kind': 'person' } } },
    };
    const names: Record<string, string> = { zhouzhiqiang: '周志强' };
    const personName = (username: string) => names[username] ?? username;
    const data = { ticketNo: 'LL-1', requester: 'zhouzhiqiang' };
    expect(recordName({ ...withPerson, recordTitle: ['ticketNo', 'requester'] }, data, 'zh-CN', personName)).toBe('LL-1 · 周志强');
    // A name typed before the store had accounts reads as typed; without a directory, as stored.
    expect(recordName({ ...withPerson, recordTitle: ['requester'] }, { requester: '王师傅' }, 'zh-CN', personName)).toBe('王师傅');
    expect(recordName({ ...withPerson, recordTitle: ['requester'] }, data, 'zh-CN')).toBe('zhouzhiqiang');
    // A form without title fields whose first filled text field is a person.
    expect(recordName(withPerson, { requester: 'zhouzhiqiang' }, 'en', personName)).toBe('周志强');
  });

  it('when a title field is not in the schema, then the form check reports it', () => {
    expect(checkForm({ ...form, recordTitle: ['ticketNo', 'fax'] })).toContainEqual({
      path: ['recordTitle', 1],
      code: 'form.unknownField',
      params: { field: 'fax' },
    });
  });
});
