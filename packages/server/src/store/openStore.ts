import type { Config } from '../config/Config.js';
import type { Store } from './Store.js';
import { SqliteStore } from './sqlite/SqliteStore.js';

/** The store the configuration names. */
export async function openStore(config: Config): Promise<Store> {
  if (config.store === 'mongodb') {
    throw new Error('STORE=mongodb: the MongoDB adapter is not part of this build yet; use STORE=sqlite');
  }
  return new SqliteStore(config.dataDir);
}
