/** Where a long list was left: how many rows it had loaded, and which row stood at the top of the window. */
export interface ListPlace {
  /** Rows loaded (the first page and every "加载更多" after it). */
  rows: number;
  /** The row at the window's top edge (its `data-row-key`) and how far below that edge it stood, in pixels (negative: cut off). */
  anchor?: { key: string; top: number };
  /** The window's scroll, for when that row is no longer in the list. */
  y: number;
}

/** How many lists' places a tab keeps (the latest; an older one is forgotten). */
export const KEPT_PLACES = 20;

const STORAGE_KEY = 'aftersales.listPlaces';

type Kept = [entry: string, place: ListPlace][];

function readAll(storage: Pick<Storage, 'getItem'>): Kept {
  try {
    const kept: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(kept) ? (kept as Kept).filter((k) => Array.isArray(k) && typeof k[0] === 'string' && isPlace(k[1])) : [];
  } catch {
    return [];
  }
}

function isPlace(value: unknown): value is ListPlace {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Partial<ListPlace>;
  return (
    Number.isInteger(p.rows) &&
    p.rows! >= 0 &&
    typeof p.y === 'number' &&
    Number.isFinite(p.y) &&
    (p.anchor === undefined || (typeof p.anchor.key === 'string' && typeof p.anchor.top === 'number' && Number.isFinite(p.anchor.top)))
  );
}

/** The place a list was left at on this history entry (`location.key`), if it was. */
export function readListPlace(storage: Pick<Storage, 'getItem'>, entry: string): ListPlace | undefined {
  return readAll(storage).find(([k]) => k === entry)?.[1];
}

/** Keeps the place of the list on this history entry, with the latest others (at most KEPT_PLACES in all). */
export function keepListPlace(storage: Pick<Storage, 'getItem' | 'setItem'>, entry: string, place: ListPlace): void {
  const kept = [...readAll(storage).filter(([k]) => k !== entry), [entry, place] as [string, ListPlace]].slice(-KEPT_PLACES);
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(kept));
  } catch {
    // A full or refused storage: going back shows the list's first page, as before.
  }
}
