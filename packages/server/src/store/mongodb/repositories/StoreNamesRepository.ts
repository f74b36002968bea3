import type { StoreName, StoreNamesRepository } from '../../ports/StoreNamesRepository.js';
import { plain, type MongoDatabase } from '../MongoDatabase.js';

export class MongoStoreNamesRepository implements StoreNamesRepository {
  constructor(private readonly database: MongoDatabase) {}

  async storeNames() {
    const rows = await this.database
      .col('storeNames')
      .find({}, { projection: { _id: 0 } })
      .sort({ id: 1 })
      .toArray();
    return rows.map((d) => plain<StoreName>(d)!);
  }
  async storeName(id: string) {
    return plain<StoreName>(await this.database.col('storeNames').findOne({ id }, { projection: { _id: 0 } }));
  }
  async setStoreName(id: string, name: string, at: string) {
    const row = await this.database
      .col('storeNames')
      .findOneAndUpdate({ id }, { $set: { name, updatedAt: at } }, { upsert: true, returnDocument: 'after', projection: { _id: 0 } });
    return plain<StoreName>(row)!;
  }
}
