import type { StoreName, StoreNamesRepository } from '../../ports/StoreNamesRepository.js';
import type { Row } from '../rows.js';
import type { SqliteDatabase } from '../SqliteDatabase.js';

export class SqliteStoreNamesRepository implements StoreNamesRepository {
  constructor(private readonly database: SqliteDatabase) {}

  async storeNames() {
    return (this.database.stmt('SELECT * FROM store_names ORDER BY id').all() as Row[]).map(toStoreName);
  }
  async storeName(id: string) {
    const row = this.database.stmt('SELECT * FROM store_names WHERE id = ?').get(id) as Row | undefined;
    return row ? toStoreName(row) : null;
  }
  async setStoreName(id: string, name: string, at: string) {
    const row = this.database
      .stmt(
        `INSERT INTO store_names (id, name, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at RETURNING *`,
      )
      .get(id, name, at) as Row;
    return toStoreName(row);
  }
}

function toStoreName(row: Row): StoreName {
  return { id: String(row.id), name: String(row.name), updatedAt: String(row.updated_at) };
}
