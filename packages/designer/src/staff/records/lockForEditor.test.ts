import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '@aftersales/engine';
import { lockForEditor } from './lockForEditor';

const form: FormDefinition = {
  id: 'job',
  title: { 'zh-CN': '工单', en: 'Job' },
  schema: {
    type: 'object',
    properties: { callTime: { type: 'string' }, customer: { type: 'object', properties: { phone: { type: 'string' } } } },
  },
  uiSchema: { callTime: { 'ui:widget': 'datetime' } },
  fieldAccess: [{ fields: ['callTime', 'customer.phone'], editableBy: ['customerServiceClerk'], inStates: ['dispatched'] }],
};

describe('lockForEditor', () => {
  it('when a technician edits a dispatched job, then the locked fields are read-only and their other settings stay', () => {
    expect(lockForEditor(form, 'dispatched', { policyRoles: ['technician'], admin: false }).uiSchema).toEqual({
      callTime: { 'ui:widget': 'datetime', 'ui:readonly': true },
      customer: { phone: { 'ui:readonly': true } },
    });
  });

  it('when the clerk or an admin edits it, or the job is not dispatched yet, then nothing is locked', () => {
    expect(lockForEditor(form, 'dispatched', { policyRoles: ['customerServiceClerk'], admin: false })).toBe(form);
    expect(lockForEditor(form, 'dispatched', { policyRoles: [], admin: true })).toBe(form);
    expect(lockForEditor(form, 'received', { policyRoles: ['technician'], admin: false })).toBe(form);
  });
});
