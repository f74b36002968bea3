import { describe, expect, it } from 'vitest';
import { lockedFields, refusedFieldEdits } from './fieldAccessFor.js';
import type { FormDefinition } from './FormDefinition.js';

const form: Pick<FormDefinition, 'fieldAccess'> = {
  fieldAccess: [
    { fields: ['callTime', 'customer.phone', 'zone'], editableBy: ['customerServiceClerk'], inStates: ['dispatched', 'onSite'] },
    { fields: ['zone'], editableBy: ['afterSalesManager'] },
  ],
};

describe('lockedFields', () => {
  it('when a technician opens a dispatched job, then the clerk fields are locked with who may change them', () => {
    expect(lockedFields(form, 'dispatched', ['technician'])).toEqual([
      { field: 'callTime', editableBy: ['customerServiceClerk'] },
      { field: 'customer.phone', editableBy: ['customerServiceClerk'] },
      { field: 'zone', editableBy: ['customerServiceClerk', 'afterSalesManager'] },
    ]);
  });

  it('when the record is in a state no entry names, then only the entries for every state lock fields', () => {
    expect(lockedFields(form, 'received', ['technician'])).toEqual([{ field: 'zone', editableBy: ['afterSalesManager'] }]);
  });

  it('when the person holds a role of one entry covering the field, then that field is free', () => {
    expect(lockedFields(form, 'dispatched', ['afterSalesManager']).map((l) => l.field)).toEqual(['callTime', 'customer.phone']);
  });
});

describe('refusedFieldEdits', () => {
  const before = { callTime: '2025-10-09T21:30:00+08:00', customer: { name: '李', phone: '13800138000' }, zone: 'urban', note: '' };

  it('when a technician changes the call time of a dispatched job, then that change is refused', () => {
    const after = { ...before, callTime: '2025-10-10T02:30:00+08:00', note: '已到' };
    expect(refusedFieldEdits(form, { before, after, status: 'dispatched', policyRoles: ['technician'] })).toEqual([
      { field: 'callTime', editableBy: ['customerServiceClerk'] },
    ]);
  });

  it('when the locked values come back unchanged (keys reordered, empty as missing), then nothing is refused', () => {
    const after = { zone: 'urban', customer: { phone: '13800138000', name: '李' }, callTime: before.callTime };
    expect(refusedFieldEdits(form, { before, after, status: 'onSite', policyRoles: ['technician'] })).toEqual([]);
  });

  it('when the clerk changes the call time, then it is allowed', () => {
    const after = { ...before, callTime: '2025-10-10T02:30:00+08:00' };
    expect(refusedFieldEdits(form, { before, after, status: 'dispatched', policyRoles: ['customerServiceClerk'] })).toEqual([]);
  });
});
