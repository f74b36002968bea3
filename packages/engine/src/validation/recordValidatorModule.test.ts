import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compileRecordSchema } from './compileRecordSchema.js';
import { recordValidatorModule } from './recordValidatorModule.js';
import { loadValidatorRuntime, type GeneratedValidate, type RecordValidatorsModule } from './validatorRuntime.js';

const dir = mkdtempSync(join(tmpdir(), 'validators-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let count = 0;
/** Loads generated module source the way the browser does: as an ES module, given the runtime. */
async function load(source: string): Promise<Record<string, GeneratedValidate>> {
  const file = join(dir, `v${count++}.mjs`);
  writeFileSync(file, source);
  const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as RecordValidatorsModule;
  return module.default(await loadValidatorRuntime(module.requires));
}

describe('recordValidatorModule', () => {
  it('when loaded with the runtime, then it validates like the server and reports ajv errors', async () => {
    const schema = {
      type: 'object',
      required: ['amount'],
      properties: { amount: { type: 'number', minimum: 0, multipleOf: 0.01 }, day: { type: 'string', format: 'date' } },
    };
    const { form } = await load(recordValidatorModule({ form: schema }));
    expect(form!({ amount: 19.99, day: '2026-11-23' })).toBe(true);
    expect(form!({ amount: -1, day: '23/11/2026' })).toBe(false);
    expect((form!.errors as { keyword: string }[]).map((e) => e.keyword).sort()).toEqual(['format', 'minimum']);
    expect(form!({})).toBe(false);
  });

  it('when a schema names something executable, then it stays data', async () => {
    const evil = '"); globalThis.pwned = true; ("';
    const { form } = await load(recordValidatorModule({ form: { type: 'string', title: evil, pattern: '^a', enum: [evil, 'abc'] } }));
    expect(form!(evil)).toBe(false);
    expect(form!('abc')).toBe(true);
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('when the schema has labels, then the code carries none, and a property named "title" is still checked', async () => {
    const schema = {
      type: 'object',
      title: 'Service record 服务记录',
      required: ['title'],
      properties: { title: { type: 'string', title: 'Headline 标题', description: 'Help 帮助' } },
    };
    const source = recordValidatorModule({ form: schema });
    expect(source).not.toMatch(/Service record|Headline|Help/);
    const { form } = await load(source);
    expect(form!({ title: 'x' })).toBe(true);
    expect(form!({ title: 1 })).toBe(false);
    expect(form!({})).toBe(false);
  });

  it('when one key names several sub-schemas, then each has its validate function', async () => {
    const fns = await load(recordValidatorModule({ root: { type: 'object' }, a1b2: { type: 'string', maxLength: 2 } }));
    expect(Object.keys(fns).sort()).toEqual(['a1b2', 'root']);
    expect(fns.a1b2!('😀😀')).toBe(true);
    expect(fns.a1b2!('abc')).toBe(false);
  });
});

/**
 * The official draft-07 test suite through the generated browser validators: every test gives
 * the answer the server's validator gives (the server also refuses `__proto__` keys, before ajv).
 */
const suiteDir = fileURLToPath(new URL('../../test-data/json-schema-test-suite/draft7', import.meta.url));
describe('generated validators (JSON Schema Test Suite, draft-07)', () => {
  for (const file of readdirSync(suiteDir).filter((f) => f.endsWith('.json') && f !== 'refRemote.json')) {
    const groups = JSON.parse(readFileSync(join(suiteDir, file), 'utf8')) as {
      description: string;
      schema: unknown;
      tests: { description: string; data: unknown; valid: boolean }[];
    }[];
    it(`${file}: every test as on the server`, async () => {
      for (const group of groups) {
        const server = compileRecordSchema(group.schema);
        if (!server.ok) throw new Error(`${group.description}: ${server.message}`);
        const { root } = await load(recordValidatorModule({ root: group.schema }));
        for (const test of group.tests) {
          if (JSON.stringify(test.data ?? null).includes('"__proto__"')) continue;
          const expected = server.validate(test.data).valid;
          expect({ group: group.description, test: test.description, valid: root!(test.data) }).toEqual({
            group: group.description,
            test: test.description,
            valid: expected,
          });
          expect(expected).toBe(test.valid);
        }
      }
    });
  }
});
