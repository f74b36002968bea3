import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/**
 * The data directory and the database hold password hashes and people's records: readable by the
 * server's own user only. The directory is made 0700 and the database file 0600 before SQLite opens
 * it (SQLite gives its -wal and -shm files the database file's mode); existing ones are tightened.
 */
export function preparePrivateFiles(dataDir: string, databaseFile: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  tighten(dataDir, 0o700);
  if (!existsSync(databaseFile)) closeSync(openSync(databaseFile, 'a', 0o600));
  for (const file of [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`]) if (existsSync(file)) tighten(file, 0o600);
}

/** After opening: the -wal and -shm files SQLite may just have created. */
export function tightenDatabaseFiles(databaseFile: string): void {
  for (const file of [`${databaseFile}-wal`, `${databaseFile}-shm`]) if (existsSync(file)) tighten(file, 0o600);
}

function tighten(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch {
    // Not ours to change (a mounted volume owned by someone else): left as the operator set it.
  }
}
