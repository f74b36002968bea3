import { describe, expect, it } from 'vitest';
import { compareOutcomes, type Fine, type Outcome } from '@aftersales/engine';
import { summarizeImpact } from './impact';

const source = { ruleSet: 'r', version: 1, rule: 'late', catalog: [] };
const fine = (amount: number): Fine => ({
  source,
  payer: { role: 'technician' },
  amount,
  currency: 'CNY',
  reason: { 'zh-CN': '迟到', en: 'Late' },
});
const outcome = (fines: Fine[] = []): Outcome => ({ deadlines: [], fines, approvals: [], amounts: [], blocks: [], notices: [] });

describe('summarizeImpact', () => {
  it('when nothing changes, then no record is listed', () => {
    const same = outcome([fine(10)]);
    expect(summarizeImpact([{ recordId: 'r1', change: compareOutcomes(same, same) }])).toMatchObject({ changedRecords: 0, records: [] });
  });

  it('when the draft removes a fine on one record and adds two on another, then the totals add up', () => {
    const summary = summarizeImpact([
      { recordId: 'r1', change: compareOutcomes(outcome([fine(10)]), outcome()) },
      { recordId: 'r2', change: compareOutcomes(outcome(), outcome([fine(30), fine(30)])) },
      { recordId: 'r3', change: compareOutcomes(outcome(), outcome()) },
    ]);
    expect(summary).toMatchObject({ changedRecords: 2, finesAdded: 2, finesRemoved: 1, fineDelta: 50 });
    expect(summary.records.map((r) => r.recordId)).toEqual(['r1', 'r2']);
  });
});
