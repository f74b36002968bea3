import { SqliteStore } from './sqlite/SqliteStore.js';
import type { Store } from './Store.js';

/**
 * Where a worker thread of this process can open the same store itself (the store port says which,
 * `clockWorkerSource`): the embedded store's data directory. SQLite in WAL mode lets the worker's
 * connection write beside this one's; a store reached over the network (MongoDB) has none, as its
 * calls do not hold the event loop.
 */
export type WorkerStoreSource = { adapter: 'sqlite'; dataDir: string };

/** The store a worker thread opens from a source (its own connection; close it when done). */
export function openWorkerStore(source: WorkerStoreSource): Store {
  return new SqliteStore(source.dataDir);
}
