import { MongoClient, type ClientSession, type Collection, type Db, type Document } from 'mongodb';

/**
 * The one MongoDB connection every repository of the MongoDB store shares: the client (majority,
 * journaled writes), the database, and transactions (a replica set is required, as for any MongoDB
 * deployment in production): a unit of work that spans repositories runs in one `transaction`.
 */
export class MongoDatabase {
  private constructor(
    readonly client: MongoClient,
    readonly db: Db,
  ) {}

  static async connect(uri: string): Promise<MongoDatabase> {
    const client = new MongoClient(uri, {
      retryWrites: true,
      writeConcern: { w: 'majority', journal: true },
      serverSelectionTimeoutMS: 10_000,
    });
    await client.connect();
    return new MongoDatabase(client, client.db());
  }

  col<T extends Document = Document>(name: string): Collection<T> {
    return this.db.collection<T>(name);
  }

  async transaction<T>(work: (session: ClientSession) => Promise<T>): Promise<T> {
    return this.client.withSession((session) => session.withTransaction(() => work(session)));
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

/** A counter document (audit ids, the definitions generation). */
export interface Counter {
  _id: string;
  value: number;
}

/** Drops Mongo's `_id` from a read document. */
export function plain<T>(doc: Document | null): T | null {
  if (!doc) return null;
  const { _id: _ignored, ...rest } = doc;
  return rest as T;
}

/** Options with the session when there is one. */
export function inSession(session?: ClientSession): { session?: ClientSession } {
  return session ? { session } : {};
}
