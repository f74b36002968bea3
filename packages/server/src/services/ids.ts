import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

const pool = new Uint8Array(16 * 256);
let used = pool.length;

/** 16 random bytes from a pool refilled 4 KB at a time: one call for random bytes per 256 ids. */
function random16(): Uint8Array {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += 16;
  return pool.subarray(used - 16, used);
}

/** A time-ordered UUID (v7): ids made later sort later, so the store's indexes on them grow at one end. */
export const timeOrderedId = (): string => v7({ rng: random16 });
