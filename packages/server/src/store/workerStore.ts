import { SqliteStore } from './sqlite/SqliteStore.js';
import type { Store } from './Store.js';
import type { WorkerStoreSource } from './workerSource.js';

/** The store a worker thread opens from a source (its own connection; close it when done). */
export function openWorkerStore(source: WorkerStoreSource): Store {
  return new SqliteStore(source.dataDir);
}
