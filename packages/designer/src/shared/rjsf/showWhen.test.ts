import { describe, expect, it } from 'vitest';
import { isShown } from './showWhen';

describe('isShown', () => {
  it('when there is no rule, then the field shows', () => expect(isShown(undefined, {})).toBe(true));
  it('when the other field is empty, then the field hides', () => {
    expect(isShown({ field: 'a' }, {})).toBe(false);
    expect(isShown({ field: 'a' }, { a: '' })).toBe(false);
    expect(isShown({ field: 'a' }, { a: [] })).toBe(false);
  });
  it('when the other field has any value, then the field shows', () => expect(isShown({ field: 'a' }, { a: 0 })).toBe(true));
  it('when a value is asked for, then only that value shows the field', () => {
    expect(isShown({ field: 'a', equals: 'x' }, { a: 'x' })).toBe(true);
    expect(isShown({ field: 'a', equals: 'x' }, { a: 'y' })).toBe(false);
    expect(isShown({ field: 'a', equals: 'x' }, { a: ['y', 'x'] })).toBe(true);
    expect(isShown({ field: 'a', equals: true }, { a: true })).toBe(true);
  });
});
