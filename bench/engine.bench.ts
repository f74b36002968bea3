// Engine throughput: evaluations/s of the F1 (after-sales record) rule sets through our engine
// (path facts, working-time facts, explanation, outcomes) against raw json-rules-engine running
// the same rules on facts computed beforehand; plus record validations/s. Target: overhead <= 2x.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { Engine } from 'json-rules-engine';
import { compilePolicy, loadPack } from '@aftersales/engine';
import { defaultPackDirs, readPackFiles } from '@aftersales/engine/node';
import { machineLine, writeSection } from './lib/writeSection.js';

const FORM = 'after-sales-record';
const { pack, problems } = loadPack(await readPackFiles(defaultPackDirs()));
if (problems.length > 0) throw new Error(`default pack has ${problems.length} problems: run pnpm aftersales validate`);
const form = pack.forms.get(FORM)!.definition;
const ruleSets = [...pack.ruleSets.values()]
  .filter((r) => r.definition.form === FORM)
  .map((r) => ({ definition: r.definition, version: 1 }));
const policy = compilePolicy({ form, formVersion: 1, ruleSets, calendars: [...pack.calendars.values()].map((c) => c.definition) });
const record = JSON.parse(readFileSync(fileURLToPath(new URL('./fixtures/after-sales-record.json', import.meta.url)), 'utf8')) as Record<
  string,
  unknown
>;
const now = '2025-10-09T15:00:00+08:00';
const context = { now, status: 'dispatched' };

// The raw baseline: the same rules and shared conditions in plain json-rules-engine Engines, run on
// the fact values our engine computes (taken once, outside the timed loop).
const evaluation = await policy.evaluate(record, context);
if (!evaluation.valid) throw new Error(`bench record is invalid: ${JSON.stringify(evaluation.errors)}`);
const factValues = policy.factValues(record, context);
const raw = ruleSets.map(({ definition }) => {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const [name, condition] of Object.entries(definition.conditions ?? {})) engine.setCondition(name, condition);
  for (const rule of definition.rules) {
    if (rule.enabled === false) continue;
    engine.addRule({
      name: rule.name,
      priority: rule.priority ?? 1,
      conditions: rule.conditions,
      event: { type: rule.event.type },
    });
  }
  return { engine, facts: factValues[definition.id] ?? {} };
});

const bench = new Bench({ time: 2000, warmupTime: 500 });
bench
  .add('raw json-rules-engine (precomputed facts)', async () => {
    for (const { engine, facts } of raw) await engine.run(facts);
  })
  .add('@aftersales/engine evaluate (F1)', async () => {
    await policy.evaluate(record, context);
  })
  .add('@aftersales/engine validate (F1)', () => {
    policy.validate(record);
  });
await bench.run();

const hz = (name: string) => {
  const result = bench.tasks.find((t) => t.name === name)?.result;
  if (!result || !('throughput' in result)) throw new Error(`${name}: no result`);
  return result.throughput.mean;
};
const rawHz = hz('raw json-rules-engine (precomputed facts)');
const oursHz = hz('@aftersales/engine evaluate (F1)');
const validateHz = hz('@aftersales/engine validate (F1)');
const ratio = rawHz / oursHz;
const rules = ruleSets.reduce((n, r) => n + r.definition.rules.length, 0);
const rows = [
  ['raw json-rules-engine, precomputed facts (baseline)', rawHz],
  ['our engine: facts + working time + outcome + explanation', oursHz],
  ['record validation (ajv, draft-07)', validateHz],
] as const;
const table = [
  '| what | per second |',
  '| --- | ---: |',
  ...rows.map(([what, value]) => `| ${what} | ${Math.round(value).toLocaleString('en-US')} |`),
].join('\n');
const verdict = `Overhead of our engine over raw json-rules-engine: **${ratio.toFixed(2)}x** (target: at most 2x) — ${ratio <= 2 ? 'met' : 'NOT met'}.`;
console.log(table);
console.log(verdict);
writeSection(
  'Engine',
  `F1 (${FORM}): ${ruleSets.length} rule sets, ${rules} rules, one record (\`bench/fixtures/after-sales-record.json\`), sequential runs.\n${machineLine()}\n\n${table}\n\n${verdict}`,
);
