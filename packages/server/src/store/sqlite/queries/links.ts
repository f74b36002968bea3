import type { RecordLink } from '../../recordLinks.js';
import type { Row } from '../rows.js';
import type { SqliteDatabase } from '../SqliteDatabase.js';

/** Replaces a record's link rows (in the record write's transaction). */
export function rewrite(database: SqliteDatabase, fromId: string, links: readonly RecordLink[], createdAt: string): void {
  database.stmt('DELETE FROM record_links WHERE from_id = ?').run(fromId);
  const insert = database.stmt('INSERT INTO record_links (from_id, field, to_id, created_at) VALUES (?, ?, ?, ?)');
  for (const link of links) insert.run(fromId, link.field, link.toId, createdAt);
}

/** The records linking to one, newest first (index record_links_to). */
export function linkingRecordRows(database: SqliteDatabase, toId: string, limit: number): Row[] {
  return database
    .stmt(
      `SELECT r.* FROM record_links l JOIN records r ON r.id = l.from_id
       WHERE l.to_id = ? ORDER BY l.created_at DESC, l.from_id DESC LIMIT ?`,
    )
    .all(toId, limit) as Row[];
}
