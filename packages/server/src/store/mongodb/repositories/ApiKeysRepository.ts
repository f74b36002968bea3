import type { ApiKeysRepository } from '../../ports/ApiKeysRepository.js';
import type { ApiKey } from '../../types.js';
import { plain, type MongoDatabase } from '../MongoDatabase.js';

export class MongoApiKeysRepository implements ApiKeysRepository {
  constructor(private readonly database: MongoDatabase) {}

  async createApiKey(key: ApiKey) {
    await this.database.col('apiKeys').insertOne({ ...key });
  }
  async apiKeyByHash(keyHash: string) {
    return plain<ApiKey>(await this.database.col('apiKeys').findOne({ keyHash }));
  }
  async listApiKeys() {
    return (await this.database.col('apiKeys').find().sort({ createdAt: 1 }).toArray()).map((d) => plain<ApiKey>(d)!);
  }
  async revokeApiKey(id: string) {
    return (await this.database.col('apiKeys').updateOne({ id }, { $set: { revoked: true } })).matchedCount > 0;
  }
}
