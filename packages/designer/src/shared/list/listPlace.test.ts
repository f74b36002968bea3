import { describe, expect, it } from 'vitest';
import { KEPT_PLACES, keepListPlace, readListPlace, type ListPlace } from './listPlace';

/** A session storage in memory. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

const place = (rows: number): ListPlace => ({ rows, y: rows * 10, anchor: { key: `r${rows}`, top: -12 } });

describe('listPlace', () => {
  it('when a list was left on a history entry, then that entry reads its place back, and another entry none', () => {
    const storage = memoryStorage();
    keepListPlace(storage, 'k1', place(150));
    expect(readListPlace(storage, 'k1')).toEqual(place(150));
    expect(readListPlace(storage, 'k2')).toBeUndefined();
  });

  it('when the list on an entry is left again, then its latest place is kept', () => {
    const storage = memoryStorage();
    keepListPlace(storage, 'k1', place(100));
    keepListPlace(storage, 'k1', place(200));
    expect(readListPlace(storage, 'k1')).toEqual(place(200));
  });

  it('when more lists were left than are kept, then the oldest is forgotten and the storage stays small', () => {
    const storage = memoryStorage();
    for (let i = 0; i <= KEPT_PLACES; i++) keepListPlace(storage, `k${i}`, place(i + 1));
    expect(readListPlace(storage, 'k0')).toBeUndefined();
    expect(readListPlace(storage, 'k1')).toEqual(place(2));
    expect(readListPlace(storage, `k${KEPT_PLACES}`)).toEqual(place(KEPT_PLACES + 1));
    expect(JSON.parse(storage.items.get('aftersales.listPlaces')!)).toHaveLength(KEPT_PLACES);
  });

  it('when the storage holds something else (another version, a hand edit), then no place is read and keeping one still works', () => {
    const storage = memoryStorage();
    for (const junk of ['not json', '{"k1":{"rows":3}}', '[["k1",{"rows":-1,"y":0}],["k1",{"rows":2,"y":"0"}]]']) {
      storage.items.set('aftersales.listPlaces', junk);
      expect(readListPlace(storage, 'k1')).toBeUndefined();
    }
    keepListPlace(storage, 'k1', place(50));
    expect(readListPlace(storage, 'k1')).toEqual(place(50));
  });

  it('when the storage refuses to write (full, private mode), then leaving the list does not fail', () => {
    const storage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => keepListPlace(storage, 'k1', place(50))).not.toThrow();
  });
});
