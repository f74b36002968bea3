// The server package's better-sqlite3 (the root has no copy of its own), for benches that fill a
// store's file directly: far faster than through the API.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export interface SqliteStatement {
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}
export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  transaction<T>(work: () => T): () => T;
  pragma(text: string): unknown;
  close(): void;
}

const require = createRequire(fileURLToPath(new URL('../../packages/server/package.json', import.meta.url)));
const Database = require('better-sqlite3') as new (file: string, options?: { readonly?: boolean }) => SqliteDatabase;

export function openSqlite(file: string, options: { readonly?: boolean } = {}): SqliteDatabase {
  return new Database(file, options);
}
