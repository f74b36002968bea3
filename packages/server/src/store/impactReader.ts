import type { ImpactPartFilter, ImpactPartRow } from './impactRows.js';
import type { WorkerStoreSource } from './workerSource.js';
import { sqliteImpactReader } from './sqlite/sqliteImpactReader.js';

/** Reads parts of an impact window on a worker thread, from the source the store port named (`impactPartition`). */
export interface ImpactReader {
  rows(filter: ImpactPartFilter): ImpactPartRow[];
  close(): void;
}

export function openImpactReader(source: WorkerStoreSource): ImpactReader {
  switch (source.adapter) {
    case 'sqlite':
      return sqliteImpactReader(source.dataDir);
  }
}
