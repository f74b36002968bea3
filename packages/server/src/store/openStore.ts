import type { Config } from '../config/Config.js';
import type { Store } from './Store.js';
import { SqliteStore } from './sqlite/SqliteStore.js';
import { MongoStore } from './mongodb/MongoStore.js';

/** The store the configuration names. */
export async function openStore(config: Config): Promise<Store> {
  if (config.store === 'mongodb') return MongoStore.connect(config.mongodbUri!);
  return new SqliteStore(config.dataDir);
}
