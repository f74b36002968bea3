import { useEffect, useState } from 'react';
import { useApi } from '../app/ApiContext';

/** The caller's stores and the names people read for them (loaded per page: an admin's renaming shows at once). */
export interface StoreNames {
  /** The caller's stores (every store for admins and managers of every store); null while loading. */
  stores: string[] | null;
  /** A store as people read it: its name, else (nobody named it yet) its id. */
  nameOf: (id: string) => string;
  /** Whether an admin has named the store (else people read its id). */
  isNamed: (id: string) => boolean;
  /** Reloads after a store was named. */
  reload: () => void;
}

export function useStoreNames(): StoreNames {
  const api = useApi();
  const [answer, setAnswer] = useState<{ items: string[]; names: Record<string, string> } | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    api.fieldwork.stores().then(
      (r) => live && setAnswer(r),
      () => live && setAnswer({ items: [], names: {} }),
    );
    return () => {
      live = false;
    };
  }, [api, round]);
  const isNamed = (id: string) => answer !== null && Object.hasOwn(answer.names, id);
  return {
    stores: answer?.items ?? null,
    nameOf: (id) => (isNamed(id) ? answer!.names[id]! : id),
    isNamed,
    reload: () => setRound((n) => n + 1),
  };
}
