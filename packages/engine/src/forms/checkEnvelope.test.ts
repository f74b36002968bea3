import { describe, expect, it } from 'vitest';
import { checkForm } from './checkForm.js';
import type { FormDefinition } from './FormDefinition.js';

const form: FormDefinition = {
  id: 'job',
  title: { 'zh-CN': '工单', en: 'Job' },
  schema: {
    type: 'object',
    properties: {
      ticketNo: { type: 'string', maxLength: 50 },
      technician: { type: 'string', maxLength: 100, 'x-kind': 'person', 'x-roles': ['technician'] },
      dispatchTime: { type: 'string', format: 'date-time' },
      note: { type: 'string' },
    },
  },
};
const roles = new Set(['technician', 'customerServiceClerk']);

describe('checkForm: assignment and numbering', () => {
  it('when dispatch names a person field, a date-time stamp and known roles, and the number a text field, then there is no problem', () => {
    const ok: FormDefinition = {
      ...form,
      assignment: { field: 'technician', dispatchers: ['customerServiceClerk'], stamp: 'dispatchTime' },
      numbering: { field: 'ticketNo', format: 'SH-{date}-{seq:3}' },
    };
    expect(checkForm(ok, roles)).toEqual([]);
  });

  it('when dispatch names a text field, a text stamp and an unknown role, then each is a problem at its place', () => {
    const bad: FormDefinition = { ...form, assignment: { field: 'note', dispatchers: ['clerk'], stamp: 'note' } };
    expect(checkForm(bad, roles)).toEqual([
      { path: ['assignment', 'field'], code: 'form.fieldKindExpected', params: { field: 'note', kind: 'person' } },
      { path: ['assignment', 'stamp'], code: 'form.fieldKindExpected', params: { field: 'note', kind: 'date-time' } },
      { path: ['assignment', 'dispatchers', 0], code: 'form.unknownRole', params: { role: 'clerk' } },
    ]);
  });

  it('when the number goes into a missing field or its format has no or two sequences, then that is a problem', () => {
    expect(checkForm({ ...form, numbering: { field: 'no', format: 'SH-{date}' } }, roles)).toEqual([
      { path: ['numbering', 'field'], code: 'form.unknownField', params: { field: 'no' } },
      { path: ['numbering', 'format'], code: 'form.numberingFormat', params: { format: 'SH-{date}' } },
    ]);
    expect(checkForm({ ...form, numbering: { field: 'dispatchTime', format: '{seq}-{seq:2}' } }, roles)).toEqual([
      { path: ['numbering', 'field'], code: 'form.fieldKindExpected', params: { field: 'dispatchTime', kind: 'text' } },
      { path: ['numbering', 'format'], code: 'form.numberingFormat', params: { format: '{seq}-{seq:2}' } },
    ]);
  });

  it('when a person field may be picked from an unknown role, then that is a problem at its x-roles entry', () => {
    const bad: FormDefinition = {
      ...form,
      schema: { type: 'object', properties: { who: { type: 'string', 'x-kind': 'person', 'x-roles': ['wizard'] } } },
    };
    expect(checkForm(bad, roles)).toEqual([
      { path: ['schema', 'properties', 'who', 'x-roles', 0], code: 'form.unknownRole', params: { role: 'wizard' } },
    ]);
  });
});
