import { describe, expect, it } from 'vitest';
import { draftStore } from './drafts';
import { isEmptyData } from '../../shared/rjsf/isEmptyData';

const memory = () => {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    map,
  };
};

describe('drafts', () => {
  it('when a draft is saved, then the same person reopening the form resumes it; another person or form does not', () => {
    const storage = memory();
    const at = new Date('2025-10-09T02:00:00Z');
    expect(draftStore(storage, 'li', 'f1').save({ zone: 'urban', note: '𠜎 "x"' }, at)).toBe(true);
    expect(draftStore(storage, 'li', 'f1').load()).toEqual({ data: { zone: 'urban', note: '𠜎 "x"' }, savedAt: at.toISOString() });
    expect(draftStore(storage, 'wang', 'f1').load()).toBeNull();
    expect(draftStore(storage, 'li', 'f2').load()).toBeNull();
    draftStore(storage, 'li', 'f1').clear();
    expect(draftStore(storage, 'li', 'f1').load()).toBeNull();
  });

  it('when storage holds garbage or refuses writes, then there is no draft and saving says false', () => {
    const storage = memory();
    storage.map.set('aftersales.draft.li.f1', '{not json');
    expect(draftStore(storage, 'li', 'f1').load()).toBeNull();
    storage.map.set('aftersales.draft.li.f1', '{"data":"text","savedAt":1}');
    expect(draftStore(storage, 'li', 'f1').load()).toBeNull();
    const full = {
      ...memory(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(draftStore(full, 'li', 'f1').save({ a: 1 }, new Date())).toBe(false);
    expect(draftStore(null, 'li', 'f1').save({ a: 1 }, new Date())).toBe(false);
  });

  it('when the data has only empty values, then it is empty', () => {
    expect(isEmptyData({})).toBe(true);
    expect(isEmptyData({ a: '', b: [], c: { d: undefined } })).toBe(true);
    expect(isEmptyData({ a: 0 })).toBe(false);
    expect(isEmptyData({ a: false })).toBe(false);
  });
});
