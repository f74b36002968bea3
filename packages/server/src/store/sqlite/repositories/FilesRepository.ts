import { fileIdsIn } from '../../fileRefs.js';
import type { FilesRepository } from '../../ports/FilesRepository.js';
import type { StoredFile } from '../../types.js';
import type { Row } from '../rows.js';
import type { SqliteDatabase } from '../SqliteDatabase.js';

export class SqliteFilesRepository implements FilesRepository {
  constructor(private readonly database: SqliteDatabase) {}

  async putFile(file: StoredFile) {
    this.database
      .stmt('INSERT INTO files (id, name, content_type, size, sha256, data, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(file.id, file.name, file.contentType, file.size, file.sha256, file.data, file.createdBy, file.createdAt);
  }
  async getFile(id: string) {
    const row = this.database.stmt('SELECT * FROM files WHERE id = ?').get(id) as Row | undefined;
    if (!row) return null;
    return { ...toFileInfo(row), data: row.data as Buffer };
  }
  async recordIdsWithFile(fileId: string) {
    return (this.database.stmt('SELECT record_id FROM file_refs WHERE file_id = ? ORDER BY record_id').all(fileId) as Row[]).map((r) =>
      String(r.record_id),
    );
  }
  async fileUsage(createdBy: string, since: string) {
    const row = this.database
      .stmt('SELECT COUNT(*) AS n, COALESCE(SUM(size), 0) AS bytes FROM files WHERE created_by = ? AND created_at >= ?')
      .get(createdBy, since) as Row;
    return { count: Number(row.n), bytes: Number(row.bytes) };
  }
  async deleteOrphanFiles(createdBefore: string) {
    return this.database.transaction(() => {
      const rows = this.database
        .stmt(
          'SELECT id, name, content_type, size, sha256, created_by, created_at FROM files WHERE created_at < ? AND NOT EXISTS (SELECT 1 FROM file_refs WHERE file_id = files.id)',
        )
        .all(createdBefore) as Row[];
      for (const row of rows) this.database.stmt('DELETE FROM files WHERE id = ?').run(row.id);
      return rows.map(toFileInfo);
    });
  }

  /** Keeps the references a record's data makes to uploaded files (never dropped), inside the write's transaction. */
  addReferences(recordId: string, data: unknown): void {
    for (const fileId of fileIdsIn(data))
      this.database.stmt('INSERT OR IGNORE INTO file_refs (file_id, record_id) VALUES (?, ?)').run(fileId, recordId);
  }
}

function toFileInfo(row: Row): Omit<StoredFile, 'data'> {
  return {
    id: String(row.id),
    name: String(row.name),
    contentType: String(row.content_type),
    size: Number(row.size),
    sha256: String(row.sha256),
    createdBy: String(row.created_by),
    createdAt: String(row.created_at),
  };
}
