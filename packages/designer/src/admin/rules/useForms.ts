import { useEffect, useMemo, useState } from 'react';
import type { FormDefinition } from '@aftersales/engine';
import type { DocumentSummary } from '../../api/types';
import { useApi } from '../../app/ApiContext';

/** Every form (not archived), for choosing the one a history fact counts. */
export function useFormList(): DocumentSummary[] {
  const api = useApi();
  const [forms, setForms] = useState<DocumentSummary[]>([]);
  useEffect(() => {
    let live = true;
    api.forms
      .list()
      .then((list) => live && setForms(list))
      .catch(() => live && setForms([]));
    return () => {
      live = false;
    };
  }, [api]);
  return forms;
}

/** The definitions (draft, else published) of the given forms, as they load; a form that fails to load is left out. */
export function useFormDefinitions(ids: readonly string[]): ReadonlyMap<string, FormDefinition> {
  const api = useApi();
  const key = [...new Set(ids)].sort().join('\n');
  const [loaded, setLoaded] = useState<ReadonlyMap<string, FormDefinition>>(new Map());
  useEffect(() => {
    if (!key) return;
    let live = true;
    void Promise.all(
      key.split('\n').map((id) =>
        api.forms
          .get(id)
          .then((d) => [id, d.draft?.definition ?? d.published?.definition ?? null] as const)
          .catch(() => [id, null] as const),
      ),
    ).then((pairs) => {
      if (live) setLoaded(new Map(pairs.filter((p): p is readonly [string, FormDefinition] => p[1] !== null)));
    });
    return () => {
      live = false;
    };
  }, [api, key]);
  return useMemo(() => new Map([...loaded].filter(([id]) => key.split('\n').includes(id))), [loaded, key]);
}
