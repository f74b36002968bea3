import { MongoServerError } from 'mongodb';
import type { MongoDatabase } from '../MongoDatabase.js';
import type { MongoMigration } from './MongoMigration.js';

/** A migration as recorded in the `schema_migrations` collection. */
export interface AppliedMongoMigration {
  version: number;
  name: string;
  appliedAt: string;
}

/**
 * Brings the database up to the last migration: each one not yet recorded in `schema_migrations`
 * runs in order and is recorded after it succeeded (a failing one stops the start-up, recorded
 * ones are never run again). Returns the versions applied now.
 */
export async function migrateMongo(
  database: MongoDatabase,
  migrations: readonly MongoMigration[],
  now = () => new Date(),
): Promise<number[]> {
  const applied = database.col<AppliedMongoMigration>('schema_migrations');
  await applied.createIndex({ version: 1 }, { unique: true });
  const done = new Set((await applied.find({}, { projection: { version: 1 } }).toArray()).map((m) => m.version));
  const ran: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(migration.version)) continue;
    await migration.up(database);
    try {
      await applied.insertOne({ version: migration.version, name: migration.name, appliedAt: now().toISOString() });
    } catch (error) {
      // Another instance recorded it first: it ran the same (idempotent) change.
      if (!(error instanceof MongoServerError && error.code === 11000)) throw error;
    }
    ran.push(migration.version);
  }
  return ran;
}
