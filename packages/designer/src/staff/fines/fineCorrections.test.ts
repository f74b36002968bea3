import { describe, expect, it } from 'vitest';
import type { FineEntry } from '../../api/workApi';
import { fineCorrections } from './fineCorrections';

const fine = (id: string, origin: FineEntry['origin'], amount: number, corrects: string | null = null): FineEntry => ({
  id,
  uniqueKey: `u-${id}`,
  recordId: 'r1',
  formId: 'after-sales-record',
  payerRole: 'technician',
  person: 'tech',
  personName: '王师傅',
  amount,
  reason: { 'zh-CN': '营收未在 3 天内交财务', en: 'Revenue not handed in' },
  origin,
  postedAt: '2025-10-13T07:00:00.000Z',
  recordTitle: null,
  ...(corrects ? { corrects, correctedBy: 'boss', note: '营业款当日已交' } : {}),
});

describe('fine corrections', () => {
  it('when a fine was waived, then it maps to its reversal with no replacement', () => {
    const waived = fineCorrections([fine('r', 'reversal', -180, 'a'), fine('a', 'breach', 180), fine('b', 'rule', 9)]);
    expect([...waived.keys()]).toEqual(['a']);
    expect(waived.get('a')).toMatchObject({ reversal: { id: 'r' }, replacement: null });
  });

  it('when a fine was corrected, then it maps to its reversal and the fine replacing it, whatever order they come in', () => {
    const newestFirst = [fine('c', 'correction', 20, 'a'), fine('r', 'reversal', -180, 'a'), fine('a', 'breach', 180)];
    for (const fines of [newestFirst, [...newestFirst].reverse()])
      expect(fineCorrections(fines).get('a')).toMatchObject({ reversal: { id: 'r' }, replacement: { id: 'c', amount: 20 } });
  });

  it('when a correction was waived in turn, then both are in the map, each with its own reversal', () => {
    const corrections = fineCorrections([
      fine('r2', 'reversal', -20, 'c'),
      fine('c', 'correction', 20, 'a'),
      fine('r', 'reversal', -180, 'a'),
      fine('a', 'breach', 180),
    ]);
    expect(corrections.get('a')).toMatchObject({ reversal: { id: 'r' }, replacement: { id: 'c' } });
    expect(corrections.get('c')).toMatchObject({ reversal: { id: 'r2' }, replacement: null });
  });

  it('when nothing was reversed, then the map is empty', () => {
    expect(fineCorrections([fine('a', 'breach', 180), fine('b', 'rule', 9)]).size).toBe(0);
  });
});
