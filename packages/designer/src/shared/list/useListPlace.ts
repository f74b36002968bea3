import { useCallback, useLayoutEffect, useMemo, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';
import { keepListPlace, readListPlace, type ListPlace } from './listPlace';
import { topRow } from './topRow';

/** The most rows going back reloads (a few requests at the API's 500 a page); "加载更多" goes on from there. */
export const MOST_ROWS = 2000;

/** The browser's session storage, when it can be had (a sandbox or privacy setting may refuse it). */
function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** The list's rows on the screen, in order: the elements with a `data-row-key` (Ant Design's table rows, or set on a list's items). */
function rowsOf(list: HTMLElement): HTMLElement[] {
  return [...list.querySelectorAll<HTMLElement>('[data-row-key]')];
}

/** Where the list is now: its rows, the row at the window's top edge and the scroll. */
function placeNow(list: HTMLElement | null, rows: number): ListPlace {
  const y = window.scrollY;
  if (!list?.isConnected) return { rows, y };
  const elements = rowsOf(list);
  const top = topRow(elements.length, (i) => {
    const box = elements[i]!.getBoundingClientRect();
    return { key: elements[i]!.dataset.rowKey ?? '', top: box.top, bottom: box.bottom };
  });
  return top ? { rows, y, anchor: { key: top.key, top: top.top } } : { rows, y };
}

/** Scrolls the window so that the list stands as it was: the row that was at the top where it was, else the old scroll. */
function scrollTo(list: HTMLElement | null, place: ListPlace): void {
  const row = list && place.anchor ? rowsOf(list).find((r) => r.dataset.rowKey === place.anchor!.key) : undefined;
  if (row && place.anchor) window.scrollBy(0, row.getBoundingClientRect().top - place.anchor.top);
  else window.scrollTo(0, place.y);
}

/**
 * A long paged list that going back to comes back as it was left: the same rows loaded and the same
 * row at the top of the window. The place is kept per history entry (react-router's `location.key`,
 * in the tab's session storage, as its ScrollRestoration keeps scroll positions): a fresh visit (the
 * menu, a link) is a new entry and starts at the first page and the top; changing a filter replaces
 * the entry, and starts there too.
 *
 * - `list`: the element holding the rows (each with a `data-row-key`);
 * - `rows`: how many rows are loaded now;
 * - `ready`: the rows to go back to are on the screen (loaded, with what sets their height).
 *
 * Answers `rowsToLoad()`: how many rows the list's first request should load (as many as when it was
 * left, up to MOST_ROWS), or undefined for a fresh visit (one page); undefined once the list is back.
 */
export function useListPlace(list: RefObject<HTMLElement | null>, rows: number, ready: boolean): { rowsToLoad: () => number | undefined } {
  const { key } = useLocation();
  const place = useMemo(() => {
    const storage = sessionStore();
    return storage ? readListPlace(storage, key) : undefined;
  }, [key]);
  /** The entry whose list is back where it was left: from then on, where the list is, is kept. */
  const back = useRef<string | null>(null);
  const isBack = useCallback(() => !place || back.current === key, [place, key]);

  useLayoutEffect(() => {
    if (!place || !ready || isBack()) return;
    back.current = key;
    scrollTo(list.current, place);
  }, [list, place, ready, key, isBack]);

  // Kept when the list is left (another page, a reload): its rows are still on the screen then.
  const now = useRef({ key, rows, isBack });
  useLayoutEffect(() => {
    now.current = { key, rows, isBack };
  });
  useLayoutEffect(() => {
    const keep = () => {
      const storage = sessionStore();
      // Left before it was back (still loading): the place it was left at before stays.
      if (storage && now.current.isBack()) keepListPlace(storage, now.current.key, placeNow(list.current, now.current.rows));
    };
    window.addEventListener('pagehide', keep);
    return () => {
      window.removeEventListener('pagehide', keep);
      keep();
    };
  }, [list]);

  const rowsToLoad = useCallback(() => (place && !isBack() ? Math.min(place.rows, MOST_ROWS) : undefined), [place, isBack]);
  return useMemo(() => ({ rowsToLoad }), [rowsToLoad]);
}
