import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileRecordSchema } from './compileRecordSchema.js';

/**
 * The official JSON Schema Test Suite for draft-07 (the draft we claim), run through the
 * product's own record validator. Two documented departures, each asserted below:
 * - refRemote.json: remote `$ref`s are never fetched (no network, no SSRF); such a schema is
 *   refused when compiled, with a message naming the reference.
 * - a record with a `__proto__` key is refused (prototype-pollution guard), whatever the schema.
 */
const suiteDir = fileURLToPath(new URL('../../test-data/json-schema-test-suite/draft7', import.meta.url));

interface TestGroup {
  description: string;
  schema: unknown;
  tests: { description: string; data: unknown; valid: boolean }[];
}

const hasProtoKey = (data: unknown): boolean => JSON.stringify(data ?? null).includes('"__proto__"');

describe('record validation conformance (JSON Schema Test Suite, draft-07)', () => {
  const files = readdirSync(suiteDir).filter((f) => f.endsWith('.json'));

  it('when the suite is present, then it has the draft-07 files', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  for (const file of files) {
    const groups = JSON.parse(readFileSync(join(suiteDir, file), 'utf8')) as TestGroup[];
    describe(file, () => {
      for (const group of groups) {
        const compiled = compileRecordSchema(group.schema);
        if (file === 'refRemote.json') {
          it(`${group.description}: when a remote $ref is named, then compiling refuses it`, () => {
            expect(compiled.ok).toBe(false);
            if (!compiled.ok) expect(compiled.message).toMatch(/can't resolve reference/);
          });
          continue;
        }
        for (const test of group.tests) {
          it(`${group.description}: ${test.description}`, () => {
            expect(compiled.ok).toBe(true);
            if (!compiled.ok) return;
            const expected = hasProtoKey(test.data) ? false : test.valid;
            expect(compiled.validate(test.data).valid).toBe(expected);
          });
        }
      }
    });
  }
});
