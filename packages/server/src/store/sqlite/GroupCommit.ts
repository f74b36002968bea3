import type { SqliteDatabase } from './SqliteDatabase.js';

/**
 * Group commit: writes that arrive in the same turn of the event loop share one transaction (one
 * fsync), each in a savepoint of its own so that one failure (a conflict) fails only its own write.
 * Every caller is answered after the commit, so an acknowledged write is durable.
 */
export class GroupCommit<W> {
  private pending: { write: W; resolve: () => void; reject: (error: unknown) => void }[] = [];

  constructor(
    private readonly database: SqliteDatabase,
    /** One write, run inside a savepoint of the batch's transaction. */
    private readonly writeOne: (write: W) => void,
  ) {}

  submit(write: W): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ write, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  /** Commits what is waiting now (also before the database closes). */
  flush(): void {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const outcomes: { error: unknown }[] = [];
    try {
      this.database.transaction(() => {
        for (const { write } of batch) {
          try {
            this.database.transaction(() => this.writeOne(write));
            outcomes.push({ error: null });
          } catch (error) {
            outcomes.push({ error: error ?? new Error('write failed') });
          }
        }
      });
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => (outcomes[i]?.error ? item.reject(outcomes[i].error) : item.resolve()));
  }
}
