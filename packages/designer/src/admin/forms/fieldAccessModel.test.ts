import { describe, expect, it } from 'vitest';
import { fieldAccessOf, renameFieldAccess, setFieldAccess } from './fieldAccessModel';

const form = {
  fieldAccess: [{ fields: ['callTime', 'zone'], editableBy: ['customerServiceClerk'], inStates: ['dispatched'] }],
};

describe('fieldAccessModel', () => {
  it('when a locked field is read, then its roles and states come from its entry', () => {
    expect(fieldAccessOf(form, 'zone')).toEqual({ editableBy: ['customerServiceClerk'], inStates: ['dispatched'], more: false });
    expect(fieldAccessOf(form, 'customer')).toEqual({ editableBy: [], inStates: [], more: false });
  });

  it('when a field gets the same roles and states as an entry, then it joins that entry', () => {
    expect(setFieldAccess(form, 'customer', { editableBy: ['customerServiceClerk'], inStates: ['dispatched'] }).fieldAccess).toEqual([
      { fields: ['callTime', 'zone', 'customer'], editableBy: ['customerServiceClerk'], inStates: ['dispatched'] },
    ]);
  });

  it('when a field gets other roles, then it leaves its entry for a new one; with no roles it is free and empty entries go', () => {
    const moved = setFieldAccess(form, 'zone', { editableBy: ['afterSalesManager'], inStates: [] });
    expect(moved.fieldAccess).toEqual([
      { fields: ['callTime'], editableBy: ['customerServiceClerk'], inStates: ['dispatched'] },
      { fields: ['zone'], editableBy: ['afterSalesManager'] },
    ]);
    const freed = setFieldAccess(setFieldAccess(moved, 'zone', { editableBy: [], inStates: [] }), 'callTime', {
      editableBy: [],
      inStates: [],
    });
    expect(freed).not.toHaveProperty('fieldAccess');
  });

  it('when a field is renamed, then its access follows it', () => {
    expect(renameFieldAccess(form, 'zone', 'area').fieldAccess[0]!.fields).toEqual(['callTime', 'area']);
  });
});
