import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pack, packProblems } from './harness.js';

const catalogPath = fileURLToPath(new URL('../../docs/POLICY-CATALOG.md', import.meta.url));
const catalogIds = [...readFileSync(catalogPath, 'utf8').matchAll(/^\| ([FTPACE]\d+)\b/gm)].map((m) => m[1]!);
const here = fileURLToPath(new URL('.', import.meta.url));
const scenarioTitles = readdirSync(here)
  .filter((f) => f.endsWith('.test.ts') && f !== 'catalog.test.ts')
  .flatMap((f) => [...readFileSync(here + f, 'utf8').matchAll(/\bit\(\s*(['"`])(.+?)\1/g)].map((m) => m[2]!));

describe('the default policy pack', () => {
  it('when validated, then it has no problem', () => {
    expect(packProblems.map((p) => `${p.file}:${p.line ?? 1} ${p.pointer} ${p.code} ${p.message.en}`)).toEqual([]);
  });

  it('when the catalog is read, then it lists the forms and rules the pack must cover', () => {
    expect(catalogIds).toEqual(expect.arrayContaining(['F1', 'F11', 'T1', 'T13', 'P1', 'P12', 'A1', 'A15', 'C1', 'C5', 'E1']));
  });

  const covered = new Set([
    ...[...pack.forms.values()].flatMap((f) => f.definition.catalog ?? []),
    ...[...pack.ruleSets.values()].flatMap((r) => r.definition.rules.flatMap((rule) => rule.catalog ?? [])),
  ]);
  for (const id of catalogIds) {
    it(`when ${id} is looked up, then a form or rule of the pack names it`, () => {
      expect(covered.has(id)).toBe(true);
    });
    if (id.startsWith('F')) {
      it(`when ${id} is looked up, then scenario tests show a record it accepts and one it refuses`, () => {
        const titles = scenarioTitles.filter((t) => t.startsWith(`${id} `));
        expect(
          titles.some((t) => / accepts/.test(t)),
          `a "${id} accepts ..." scenario`,
        ).toBe(true);
        expect(
          titles.some((t) => / refuses/.test(t)),
          `a "${id} refuses ..." scenario`,
        ).toBe(true);
      });
      continue;
    }
    it(`when ${id} is looked up, then scenario tests show where it applies and where it does not`, () => {
      const titles = scenarioTitles.filter((t) => t.startsWith(`${id} `));
      expect(
        titles.some((t) => t.startsWith(`${id} applies`)),
        `a "${id} applies ..." scenario`,
      ).toBe(true);
      expect(
        titles.some((t) => t.startsWith(`${id} does not apply`)),
        `a "${id} does not apply ..." scenario`,
      ).toBe(true);
    });
  }
});
