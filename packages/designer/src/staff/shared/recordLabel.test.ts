import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '@aftersales/engine';
import { recordLabel } from './recordLabel';

const form = {
  schema: {
    type: 'object',
    properties: {
      callTime: { type: 'string', format: 'date-time' },
      photo: { type: 'string', 'x-kind': 'photo' },
      ticketNo: { type: 'string' },
      customer: { type: 'string' },
    },
  },
} as unknown as FormDefinition;

describe('record labels', () => {
  it('when text fields are filled, then the first one in form order names the record (dates and photos skipped)', () => {
    expect(
      recordLabel(form, { id: 'abc', data: { callTime: '2025-10-09T10:00', photo: '/x.jpg', customer: '李', ticketNo: ' SH-1 ' } }),
    ).toBe('SH-1');
  });

  it('when no text field is filled, then the id start names it; long text is cut', () => {
    expect(recordLabel(form, { id: '0123456789', data: {} })).toBe('01234567');
    expect(recordLabel(form, { id: 'x', data: { customer: '很'.repeat(60) } })).toHaveLength(40);
    expect(recordLabel(undefined, { id: 'abcdefghij', data: { customer: 'x' } })).toBe('abcdefgh');
  });
});
