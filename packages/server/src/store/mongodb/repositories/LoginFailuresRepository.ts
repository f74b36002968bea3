import { MongoServerError } from 'mongodb';
import type { LoginFailuresRepository } from '../../ports/LoginFailuresRepository.js';
import type { LoginFailures } from '../../types.js';
import { plain, type MongoDatabase } from '../MongoDatabase.js';

export class MongoLoginFailuresRepository implements LoginFailuresRepository {
  constructor(private readonly database: MongoDatabase) {}

  async addLoginFailure(key: string, at: string, forgetBefore: string) {
    const update = [
      {
        $set: {
          failures: {
            $cond: [{ $lt: [{ $ifNull: ['$lastFailureAt', ''] }, forgetBefore] }, 1, { $add: [{ $ifNull: ['$failures', 0] }, 1] }],
          },
          lastFailureAt: { $max: [{ $ifNull: ['$lastFailureAt', ''] }, at] },
        },
      },
    ];
    const upsert = () =>
      this.database
        .col('loginFailures')
        .findOneAndUpdate({ key }, update, { upsert: true, returnDocument: 'after', projection: { _id: 0 } });
    // Two instances inserting the first failure at once: one insert wins, the other's retry increments it.
    const row = await upsert().catch((error: unknown) => {
      if (error instanceof MongoServerError && error.code === 11000) return upsert();
      throw error;
    });
    return plain<LoginFailures>(row)!;
  }
  async loginFailures(keys: string[]) {
    return (
      await this.database
        .col('loginFailures')
        .find({ key: { $in: keys } })
        .toArray()
    ).map((d) => plain<LoginFailures>(d)!);
  }
  async forgiveLoginFailure(key: string) {
    await this.database.col('loginFailures').updateOne({ key, failures: { $gt: 0 } }, { $inc: { failures: -1 } });
  }
  async clearLoginFailures(key: string) {
    await this.database.col('loginFailures').deleteOne({ key });
  }
  async purgeLoginFailures(before: string) {
    return (await this.database.col('loginFailures').deleteMany({ lastFailureAt: { $lt: before } })).deletedCount;
  }
}
