import { useEffect, useState } from 'react';
import type { ReferenceData } from '../api/types';
import { useApi } from '../app/ApiContext';

let cache: Promise<ReferenceData> | null = null;

/** Published calendars and roles (loaded once): the names rules refer to, and what the engine checks against. */
export function useReferenceData(): ReferenceData | null {
  const api = useApi();
  const [data, setData] = useState<ReferenceData | null>(null);
  useEffect(() => {
    cache ??= api.reference.load();
    let live = true;
    void cache.then((d) => live && setData(d));
    return () => {
      live = false;
    };
  }, [api]);
  return data;
}
