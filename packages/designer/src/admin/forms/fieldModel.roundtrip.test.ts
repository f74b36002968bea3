import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '@aftersales/engine';
import { readFields, writeFields } from './fieldModel';

/**
 * The field model reads every shape the form builder writes, and shapes written by hand, and
 * writes an untouched form back byte for byte: each type keeps its own limits in the model and any
 * other keyword (a length on a choice, a minimum on a group) in its rest, in the original key order.
 */

const title = fc.record({ 'zh-CN': fc.string({ maxLength: 6 }), en: fc.string({ maxLength: 6 }) });
const count = fc.integer({ min: 0, max: 500 });
/** Limits of every kind, on any type: the ones a type does not model must survive too. */
const limits = fc.record(
  {
    minimum: fc.integer({ min: -100, max: 100 }),
    maximum: fc.integer({ min: 0, max: 10_000 }),
    minLength: count,
    maxLength: count,
    minItems: count,
    maxItems: count,
    pattern: fc.constantFrom('^[0-9]+$', '^[A-Z]{2}$', '.*'),
    'x-description': title,
    'x-formula': fc.constantFrom({ mul: [{ fact: 'a' }, 2] }, { sum: 'lines', field: 'n' }),
    default: fc.constantFrom('x', 1, true),
  },
  { requiredKeys: [] },
);

const stringShape = fc.oneof(
  fc.constant({ type: 'string' }),
  fc.constantFrom('date', 'date-time', 'uri-reference', 'email').map((format) => ({ type: 'string', format })),
  fc
    .constantFrom('longText', 'phone', 'address', 'person', 'store', 'link', 'photo', 'file', 'signature', 'unknownKind')
    .map((kind) => ({ type: 'string', 'x-kind': kind })),
  // Options carry their names (an option without one is given its value as name when read).
  fc.constant({ type: 'string', enum: ['a', 'b'], 'x-enumTitles': { a: { 'zh-CN': '甲', en: 'A' }, b: { 'zh-CN': '乙', en: 'B' } } }),
);
const leafShape = fc.oneof(
  stringShape,
  fc.constantFrom({ type: 'number' }, { type: 'number', 'x-kind': 'money' }, { type: 'integer' }, { type: 'boolean' }),
  fc.constantFrom('photo', 'file').map((kind) => ({ type: 'array', 'x-kind': kind, items: { type: 'string', format: 'uri-reference' } })),
  fc.constant({
    type: 'array',
    items: { type: 'string', enum: ['x', 'y'], 'x-enumTitles': { x: { 'zh-CN': '是', en: 'X' }, y: { 'zh-CN': '否', en: 'Y' } } },
    uniqueItems: true,
  }),
  fc.constant({ $ref: '#/definitions/other' }),
);

/** A field's schema: a shape, a title, some limits, in a shuffled key order. */
function fieldSchema(shape: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(shape, fc.option(title, { nil: undefined }), limits)
    .chain(([base, name, extra]) => {
      const entries = Object.entries({ ...base, ...(name ? { 'x-title': name } : {}), ...extra });
      return fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length });
    })
    .map((entries) => Object.fromEntries(entries));
}

const keys = fc.uniqueArray(fc.stringMatching(/^[a-z][A-Za-z0-9]{0,6}$/), { minLength: 1, maxLength: 5 });

function objectOf(field: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return keys.chain((names) =>
    fc.tuple(fc.tuple(...names.map(() => field)), fc.subarray(names)).map(([schemas, required]) => ({
      type: 'object',
      properties: Object.fromEntries(names.map((name, i) => [name, schemas[i]!])),
      ...(required.length > 0 ? { required } : {}),
    })),
  );
}

const leaf = fieldSchema(leafShape);
/** A group, or repeating lines, of leaf fields (with limits of their own). */
const parent = fc.oneof(fieldSchema(objectOf(leaf)), fieldSchema(objectOf(leaf).map((items) => ({ type: 'array', items }))));

const form: fc.Arbitrary<FormDefinition> = objectOf(fc.oneof({ weight: 3, arbitrary: leaf }, { weight: 1, arbitrary: parent })).map(
  (root) => ({
    id: 'generated',
    title: { 'zh-CN': '生成', en: 'Generated' },
    schema: { $schema: 'http://json-schema.org/draft-07/schema#', ...root },
  }),
);

describe('field model round trip', () => {
  it('when generated forms are read into fields and written back untouched, then they are identical, key order included', () => {
    fc.assert(
      fc.property(form, (definition) => {
        expect(JSON.stringify(writeFields(definition, readFields(definition)))).toBe(JSON.stringify(definition));
      }),
      { numRuns: 500 },
    );
  });
});
