// The test cases saved with the default pack's rule sets (what publish runs), with their expected values.
import { runRuleTests } from '@aftersales/engine';
import { describe, expect, it } from 'vitest';
import { pack, policyFor } from './harness.js';

const calendars = [...pack.calendars.values()].map((c) => c.definition);
const ruleSets = [...pack.ruleSets.values()].map((r) => r.definition).filter((r) => (r.tests ?? []).length > 0);

describe('saved test cases of the default pack', () => {
  it.each(ruleSets.map((r) => [r.id, r] as const))('when the cases of %s run, then each passes, values included', async (_id, ruleSet) => {
    const results = await runRuleTests(policyFor(ruleSet.form), ruleSet.id, ruleSet.tests ?? [], { calendars });
    expect(
      results.map((r) => ({ name: r.name, missing: r.missing, unexpected: r.unexpected, invalid: r.invalid, differences: r.differences })),
    ).toEqual(results.map((r) => ({ name: r.name, missing: [], unexpected: [], invalid: false, differences: [] })));
  });

  it('when a case of the default pack is shown, then it has a name in each language (the Chinese one in Chinese), as rule titles do', () => {
    const names = ruleSets.flatMap((r) => (r.tests ?? []).map((t) => t.name));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(typeof name).toBe('object');
      const { 'zh-CN': zh, en } = name as { 'zh-CN': string; en: string };
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('T1 and T12: when the saved after-hours call case runs, then it asserts the next-day due times (16:00 arrival, 17:30 dispatch)', () => {
    const turnaround = pack.ruleSets.get('after-sales-record.turnaround')!.definition;
    const afterHours = turnaround.tests?.find((t) => t.record.callTime === '2025-10-09T21:30:00+08:00');
    expect(afterHours?.expect?.deadlines).toEqual({ arrival: '2025-10-10 16:00', dispatchToday: '2025-10-10 17:30' });
  });

  it('P10: when the saved equal-share accident case runs with another amount, then it fails showing expected and actual fines', async () => {
    const vehicles = pack.ruleSets.get('vehicle-use.vehicles')!.definition;
    const p10 = vehicles.tests!.find((t) => t.expectFired.includes('P10-equal'))!;
    const [result] = await runRuleTests(
      policyFor('vehicle-use'),
      vehicles.id,
      [{ ...p10, expect: { fines: [{ payer: 'driver', amount: 30 }] } }],
      {
        calendars,
      },
    );
    expect(result!.differences).toEqual([
      { kind: 'fines', expected: [{ payer: 'driver', amount: 30 }], actual: [{ payer: 'driver', amount: 300 }] },
    ]);
  });
});
