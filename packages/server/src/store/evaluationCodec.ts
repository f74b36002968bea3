import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { StoredEvaluation } from './types.js';

/**
 * How a record's stored evaluation is kept on disk: its JSON, deflated (raw DEFLATE, zlib level 6).
 * An F1 evaluation's JSON of about 5.7 KB, mostly repeated keys and rule ids, deflates to about
 * 1 KB; inflating gives back the very same JSON, so the explanation rebuilt from it is unchanged.
 * A record written before (plain JSON text, or a document in MongoDB) still reads.
 */
export function encodeEvaluation(evaluation: StoredEvaluation): Buffer {
  return deflateRawSync(Buffer.from(JSON.stringify(evaluation ?? null), 'utf8'));
}

/** Reads either form: deflated bytes (current) or JSON text / an already parsed object (before). */
export function decodeEvaluation(stored: unknown): StoredEvaluation {
  if (Buffer.isBuffer(stored) || stored instanceof Uint8Array)
    return JSON.parse(inflateRawSync(stored).toString('utf8')) as StoredEvaluation;
  if (typeof stored === 'string') return JSON.parse(stored) as StoredEvaluation;
  return stored as StoredEvaluation;
}
