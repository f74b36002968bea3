/** Undo/redo history of a value: pure, each step returns a new history. */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** Key of the last change: consecutive changes with the same key (typing in one input) make one step. */
  lastKey?: string;
}

export const HISTORY_LIMIT = 200;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/** Records a new present. With `coalesceKey` equal to the last one, replaces the present instead of adding a step. */
export function pushHistory<T>(history: History<T>, next: T, coalesceKey?: string): History<T> {
  if (Object.is(next, history.present)) return history;
  if (coalesceKey !== undefined && coalesceKey === history.lastKey && history.future.length === 0) {
    return { ...history, present: next };
  }
  const past = [...history.past, history.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], ...(coalesceKey !== undefined ? { lastKey: coalesceKey } : {}) };
}

export function undoHistory<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (history.past.length === 0) return history;
  return { past: history.past.slice(0, -1), present: previous as T, future: [history.present, ...history.future] };
}

export function redoHistory<T>(history: History<T>): History<T> {
  if (history.future.length === 0) return history;
  const [next, ...future] = history.future;
  return { past: [...history.past, history.present], present: next as T, future };
}

/** Starts over from a value (e.g. after loading or saving), forgetting the steps. */
export function resetHistory<T>(present: T): History<T> {
  return createHistory(present);
}
