/** A record being filled in, kept in this browser until it is submitted or discarded. */
export interface Draft {
  data: unknown;
  savedAt: string;
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const keyOf = (username: string, formId: string) => `aftersales.draft.${username}.${formId}`;

/** Drafts per person and form in local storage: saved as the person types, resumed when the form is opened again. */
export function draftStore(storage: KeyValueStore | null, username: string, formId: string) {
  const key = keyOf(username, formId);
  return {
    load(): Draft | null {
      try {
        const raw = storage?.getItem(key);
        if (!raw) return null;
        const parsed = JSON.parse(raw) as Partial<Draft>;
        return typeof parsed.savedAt === 'string' && parsed.data && typeof parsed.data === 'object'
          ? { data: parsed.data, savedAt: parsed.savedAt }
          : null;
      } catch {
        return null;
      }
    },
    /** False when the browser refuses (private mode, quota): the page says the draft is not kept. */
    save(data: unknown, at: Date): boolean {
      try {
        storage?.setItem(key, JSON.stringify({ data, savedAt: at.toISOString() }));
        return storage !== null;
      } catch {
        return false;
      }
    },
    clear(): void {
      try {
        storage?.removeItem(key);
      } catch {
        // nothing kept, nothing to clear
      }
    },
  };
}
