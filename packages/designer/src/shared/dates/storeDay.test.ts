import { describe, expect, it } from 'vitest';
import { storeDay } from './storeDay';

describe("the store's day", () => {
  it("when it is 20:00 on 7 December in London (UTC), then it is already 8 December on the stores' clock in China", () => {
    expect(storeDay(new Date('2026-12-07T20:00:00Z'))).toBe('2026-12-08');
    expect(storeDay(Date.parse('2026-12-07T20:00:00Z'), 'Europe/London')).toBe('2026-12-07');
  });

  it('when it is early morning in China, then the day is China’s, not UTC’s (still the day before)', () => {
    expect(storeDay(new Date('2026-01-01T01:30:00+08:00'))).toBe('2026-01-01');
  });
});
