import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeEvaluation, encodeEvaluation } from './evaluationCodec.js';
import type { StoredEvaluation } from './types.js';

const evaluation = {
  form: 'after-sales-record',
  ruleSets: { t1: 3 },
  evaluatedAt: '2026-03-01T00:00:00.000Z',
  valid: true,
  errors: [],
  outcome: { deadlines: [{ key: 'arrival', dueAt: '2026-03-01T04:00:00.000Z' }], approvals: [], fines: [] },
  warnings: [],
  trace: [
    { ruleSet: 't1', rule: 'T1-urban', fired: true, conditions: [{ fact: 'zone', operator: 'equal', value: 'urban', result: true }] },
  ],
} as unknown as StoredEvaluation;

describe('evaluationCodec', () => {
  it('when an evaluation is stored, then it reads back whole, and a list reads it without the trace', () => {
    const stored = encodeEvaluation(evaluation);
    expect(decodeEvaluation(stored)).toEqual(evaluation);
    const { trace: _trace, ...listed } = evaluation;
    expect(decodeEvaluation(stored, { trace: false })).toEqual(listed);
    expect(decodeEvaluation(new Uint8Array(stored), { trace: false })).toEqual(listed);
  });

  it('when an evaluation has no trace (stored before traces), then it reads back without one', () => {
    const { trace: _trace, ...old } = evaluation;
    expect(decodeEvaluation(encodeEvaluation(old))).toEqual(old);
  });

  it('when a record was stored in one deflated stream or as JSON text, then it still reads, with or without the trace', () => {
    const { trace: _trace, ...listed } = evaluation;
    for (const stored of [deflateRawSync(Buffer.from(JSON.stringify(evaluation))), JSON.stringify(evaluation), evaluation]) {
      expect(decodeEvaluation(stored)).toEqual(evaluation);
      expect(decodeEvaluation(stored, { trace: false })).toEqual(listed);
    }
  });
});
