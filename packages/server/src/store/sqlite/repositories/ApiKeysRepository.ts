import type { ApiKeysRepository } from '../../ports/ApiKeysRepository.js';
import type { ApiKey } from '../../types.js';
import { json, parse, type Row } from '../rows.js';
import type { SqliteDatabase } from '../SqliteDatabase.js';

export class SqliteApiKeysRepository implements ApiKeysRepository {
  constructor(private readonly database: SqliteDatabase) {}

  async createApiKey(key: ApiKey) {
    this.database
      .stmt('INSERT INTO api_keys (id, name, key_hash, scopes, created_by, created_at, revoked) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(key.id, key.name, key.keyHash, json(key.scopes), key.createdBy, key.createdAt, key.revoked ? 1 : 0);
  }
  async apiKeyByHash(keyHash: string) {
    return toApiKey(this.database.stmt('SELECT * FROM api_keys WHERE key_hash = ?').get(keyHash) as Row | undefined);
  }
  async listApiKeys() {
    return (this.database.stmt('SELECT * FROM api_keys ORDER BY created_at').all() as Row[]).map((r) => toApiKey(r)!);
  }
  async revokeApiKey(id: string) {
    return this.database.stmt('UPDATE api_keys SET revoked = 1 WHERE id = ?').run(id).changes > 0;
  }
}

export function toApiKey(row: Row | undefined): ApiKey | null {
  if (!row) return null;
  return {
    id: String(row.id),
    name: String(row.name),
    keyHash: String(row.key_hash),
    scopes: parse(row.scopes),
    createdBy: String(row.created_by),
    createdAt: String(row.created_at),
    revoked: Boolean(row.revoked),
  };
}
