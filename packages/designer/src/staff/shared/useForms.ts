import { useEffect, useState } from 'react';
import type { FormDefinition } from '@aftersales/engine';
import type { Api } from '../../api/Api';
import type { DocumentSummary } from '../../api/types';
import { useApi } from '../../app/ApiContext';

export interface FormCatalog {
  /** Published, not archived forms. */
  list: DocumentSummary[];
  /** Their published definitions, by id. */
  byId: Record<string, FormDefinition>;
}

let catalog: Promise<FormCatalog> | null = null;
const versions = new Map<string, Promise<FormDefinition>>();

async function loadCatalog(api: Api): Promise<FormCatalog> {
  const list = (await api.forms.list()).filter((f) => f.publishedVersion !== null && !f.archived);
  const details = await Promise.all(list.map((f) => api.forms.get(f.id)));
  const byId: Record<string, FormDefinition> = {};
  details.forEach((d, i) => {
    if (d.published) byId[list[i]!.id] = d.published.definition;
  });
  return { list, byId };
}

/** The published forms and their definitions, loaded once per page load (labels, options, status flows). */
export function useForms(): FormCatalog | null {
  const api = useApi();
  const [value, setValue] = useState<FormCatalog | null>(null);
  useEffect(() => {
    catalog ??= loadCatalog(api).catch((error: unknown) => {
      catalog = null;
      throw error;
    });
    let live = true;
    catalog.then((c) => live && setValue(c)).catch(() => live && setValue({ list: [], byId: {} }));
    return () => {
      live = false;
    };
  }, [api]);
  return value;
}

/** The form version a record is pinned to (versions never change, so they are cached for good). */
export function loadFormVersion(api: Api, id: string, version: number): Promise<FormDefinition> {
  const key = `${id}@${version}`;
  let found = versions.get(key);
  if (!found) {
    found = api.forms.version(id, version).then((v) => v.definition);
    found.catch(() => versions.delete(key));
    versions.set(key, found);
  }
  return found;
}
