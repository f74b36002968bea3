import { useEffect, useState } from 'react';
import type { Api } from '../../api/Api';
import type { Person } from '../../api/fieldworkApi';

/** One look-up per API client and role set while the page lives (a store has tens of people). */
const cache = new WeakMap<Api, Map<string, Promise<Person[]>>>();

export function loadPeople(api: Api, roles: readonly string[] = []): Promise<Person[]> {
  const byRoles = cache.get(api) ?? new Map<string, Promise<Person[]>>();
  cache.set(api, byRoles);
  const key = [...roles].sort().join(',');
  let found = byRoles.get(key);
  if (!found) {
    found = api.fieldwork.people(roles).then(
      (r) => r.items,
      () => [],
    );
    byRoles.set(key, found);
  }
  return found;
}

/** The people a person field may name (holders of `roles`; everyone the caller may see when empty); null while loading. */
export function usePeople(api: Api | undefined, roles: readonly string[] = []): Person[] | null {
  const [people, setPeople] = useState<Person[] | null>(null);
  const key = roles.join(',');
  useEffect(() => {
    if (!api) {
      setPeople([]);
      return;
    }
    let live = true;
    void loadPeople(api, key ? key.split(',') : []).then((p) => live && setPeople(p));
    return () => {
      live = false;
    };
  }, [api, key]);
  return people;
}

/** A person's name as people read it: the display name of the user a record names, else the text as stored. */
export function personName(people: readonly Person[] | null, value: unknown): string {
  if (typeof value !== 'string') return '';
  return people?.find((p) => p.username === value)?.displayName ?? value;
}
