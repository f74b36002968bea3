import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { metaSchemas } from './metaSchemas.js';
import { createAjv } from '../validation/createAjv.js';

describe('metaSchemas', () => {
  for (const [kind, schema] of Object.entries(metaSchemas)) {
    it(`when schemas/meta/${kind}.schema.json is read, then it is the engine's ${kind} meta-schema (run pnpm gen:meta)`, () => {
      const path = fileURLToPath(new URL(`../../../../schemas/meta/${kind}.schema.json`, import.meta.url));
      expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(JSON.parse(JSON.stringify(schema)));
    });

    it(`when the ${kind} meta-schema is compiled strictly, then ajv accepts it`, () => {
      expect(() => createAjv({ strictSchema: true }).compile(schema)).not.toThrow();
    });
  }
});
