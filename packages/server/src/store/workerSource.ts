/**
 * Where a worker thread of this process can open the same store itself (the store port says which:
 * `clockWorkerSource` for the clock, `impactPartition` for the impact replay): the embedded store's
 * data directory. SQLite in WAL mode lets the worker's connection read and write beside this one's;
 * a store reached over the network (MongoDB) has none, as its calls do not hold the event loop.
 */
export type WorkerStoreSource = { adapter: 'sqlite'; dataDir: string };
