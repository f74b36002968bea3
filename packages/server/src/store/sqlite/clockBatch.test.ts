import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteDatabase } from './SqliteDatabase.js';

describe("SQLite: the clock's batches", () => {
  let dir: string;
  let database: SqliteDatabase;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'aftersales-clock-batch-'));
    database = new SqliteDatabase(dir);
  });
  afterEach(() => {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const settings = () => ({
    synchronous: database.db.pragma('synchronous', { simple: true }),
    checkpointPages: database.db.pragma('wal_autocheckpoint', { simple: true }),
  });
  const FULL = { synchronous: 2, checkpointPages: 1000 };
  const writeRow = () =>
    database.db
      .prepare("INSERT INTO login_failures (key, failures, last_failure_at) VALUES ('clock', 1, '2025-10-01T00:00:00.000Z')")
      .run();
  const stored = () => database.db.prepare("SELECT failures FROM login_failures WHERE key = 'clock'").pluck().get();

  it('when the clock writes a batch, then it commits without waiting for the disk and checkpoints every 256 pages, and record writes after it wait for the disk again', () => {
    expect(settings()).toEqual(FULL);
    const during = database.clockBatch(() => {
      writeRow();
      return settings();
    });
    expect(during).toEqual({ synchronous: 1, checkpointPages: 256 });
    expect(settings()).toEqual(FULL);
    expect(stored()).toBe(1);
  });

  it('when a batch fails, then nothing of it is kept and the settings are restored all the same', () => {
    expect(() =>
      database.clockBatch(() => {
        writeRow();
        throw new Error('the batch failed');
      }),
    ).toThrow('the batch failed');
    expect(settings()).toEqual(FULL);
    expect(stored()).toBeUndefined();
  });
});
