import type { ImpactPartFilter, ImpactPartRow, ImpactReadSource } from './impactRows.js';
import { sqliteImpactReader } from './sqlite/sqliteImpactReader.js';

/** Reads parts of an impact window on a worker thread, from the source the store port named (`impactPartition`). */
export interface ImpactReader {
  rows(filter: ImpactPartFilter): ImpactPartRow[];
  close(): void;
}

export function openImpactReader(source: ImpactReadSource): ImpactReader {
  switch (source.adapter) {
    case 'sqlite':
      return sqliteImpactReader(source.file);
  }
}
