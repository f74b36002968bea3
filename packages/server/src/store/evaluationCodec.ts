import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { StoredEvaluation } from './types.js';

/**
 * How a record's stored evaluation is kept on disk, in two deflated parts so that a list can read
 * the outcome without the trace (two thirds of an F1 evaluation's JSON, only needed to explain):
 *
 *   0xFF | head length (4 bytes, big-endian) | head | tail
 *
 * head: the evaluation without its trace, as JSON, raw DEFLATE (zlib level 6); tail: the trace as
 * JSON, raw DEFLATE with the head's JSON as its preset dictionary (the rule ids and keys the trace
 * repeats cost almost nothing), empty when there is no trace. 0xFF cannot start a raw DEFLATE
 * stream (block type 3 is reserved), so the records written before in one deflated stream, as
 * plain JSON text, or as a document in MongoDB, still read.
 */
const TWO_PARTS = 0xff;

export function encodeEvaluation(evaluation: StoredEvaluation): Buffer {
  const { trace, ...rest } = evaluation ?? ({} as StoredEvaluation);
  const headJson = Buffer.from(JSON.stringify(rest), 'utf8');
  const head = deflateRawSync(headJson);
  const tail = trace === undefined ? Buffer.alloc(0) : deflateRawSync(Buffer.from(JSON.stringify(trace), 'utf8'), { dictionary: headJson });
  const size = Buffer.alloc(5);
  size[0] = TWO_PARTS;
  size.writeUInt32BE(head.length, 1);
  return Buffer.concat([size, head, tail]);
}

/**
 * Reads any form: two parts (current), one deflated stream, JSON text or an already parsed object
 * (before). With `trace: false` the trace is left out, and a two-part evaluation inflates its head only.
 */
export function decodeEvaluation(stored: unknown, options: { trace?: boolean } = {}): StoredEvaluation {
  const withTrace = options.trace !== false;
  if (Buffer.isBuffer(stored) || stored instanceof Uint8Array) {
    const bytes = Buffer.isBuffer(stored) ? stored : Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
    if (bytes[0] !== TWO_PARTS) return dropTrace(JSON.parse(inflateRawSync(bytes).toString('utf8')) as StoredEvaluation, withTrace);
    const end = 5 + bytes.readUInt32BE(1);
    const headJson = inflateRawSync(bytes.subarray(5, end));
    const evaluation = JSON.parse(headJson.toString('utf8')) as StoredEvaluation;
    if (!withTrace || end >= bytes.length) return evaluation;
    return {
      ...evaluation,
      trace: JSON.parse(inflateRawSync(bytes.subarray(end), { dictionary: headJson }).toString('utf8')) as StoredEvaluation['trace'],
    };
  }
  if (typeof stored === 'string') return dropTrace(JSON.parse(stored) as StoredEvaluation, withTrace);
  return dropTrace(stored as StoredEvaluation, withTrace);
}

function dropTrace(evaluation: StoredEvaluation, withTrace: boolean): StoredEvaluation {
  if (withTrace || !evaluation || evaluation.trace === undefined) return evaluation;
  const { trace: _trace, ...rest } = evaluation;
  return rest;
}
