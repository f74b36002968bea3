import { describe, expect, it } from 'vitest';
import { checkForm } from './checkForm.js';
import type { FormDefinition } from './FormDefinition.js';

const form: FormDefinition = {
  id: 'job',
  title: { 'zh-CN': '工单', en: 'Job' },
  schema: {
    type: 'object',
    properties: {
      callTime: { type: 'string', format: 'date-time', 'x-title': { 'zh-CN': '来电时间', en: 'Call time' } },
      customer: { type: 'object', properties: { phone: { type: 'string' } } },
    },
  },
  statusFlow: {
    initial: 'received',
    states: [
      { id: 'received', label: { 'zh-CN': '已受理', en: 'Received' } },
      { id: 'dispatched', label: { 'zh-CN': '已派工', en: 'Dispatched' } },
    ],
    transitions: [{ from: 'received', to: 'dispatched' }],
  },
};

describe('checkForm: field access', () => {
  it('when field access names known fields, roles and states, then there is no problem', () => {
    const ok = {
      ...form,
      fieldAccess: [{ fields: ['callTime', 'customer.phone'], editableBy: ['customerServiceClerk'], inStates: ['dispatched'] }],
    };
    expect(checkForm(ok, new Set(['customerServiceClerk']))).toEqual([]);
  });

  it('when it names an unknown field, role or state, then each is a problem at its place', () => {
    const bad = { ...form, fieldAccess: [{ fields: ['callTime', 'customer.fax'], editableBy: ['clerk'], inStates: ['closed'] }] };
    expect(checkForm(bad, new Set(['customerServiceClerk']))).toEqual([
      { path: ['fieldAccess', 0, 'fields', 1], code: 'form.unknownField', params: { field: 'customer.fax' } },
      { path: ['fieldAccess', 0, 'editableBy', 0], code: 'form.unknownRole', params: { role: 'clerk' } },
      { path: ['fieldAccess', 0, 'inStates', 0], code: 'form.unknownState', params: { state: 'closed' } },
    ]);
  });
});
