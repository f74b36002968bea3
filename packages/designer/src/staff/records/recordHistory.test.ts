import { describe, expect, it } from 'vitest';
import { changedFields } from './recordHistory';

describe('record history', () => {
  it('when data changes, then the changed, added and removed top-level fields are listed', () => {
    expect(changedFields({ a: 1, b: { c: 2 }, d: 'x' }, { a: 1, b: { c: 3 }, e: true })).toEqual(['b', 'd', 'e']);
  });
  it('when there was nothing before (a create) or the values are not objects, then every field counts', () => {
    expect(changedFields(null, { a: 1 })).toEqual(['a']);
    expect(changedFields('received', 'dispatched')).toEqual([]);
  });
});
