import { describe, expect, it } from 'vitest';
import { zonedInstant, zonedLocalDate } from './zonedTime.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('zonedInstant', () => {
  it('when the zone is Asia/Shanghai, then a wall time is 8 hours ahead of UTC', () => {
    expect(iso(zonedInstant('Asia/Shanghai', '2025-09-30', 16 * 60))).toBe('2025-09-30T08:00:00.000Z');
  });

  it('when the wall time is 24:00, then it is the next local midnight', () => {
    expect(zonedInstant('Asia/Shanghai', '2025-09-30', 1440)).toBe(zonedInstant('Asia/Shanghai', '2025-10-01', 0));
  });

  it('when a Berlin wall time falls in the spring DST gap, then it is shifted by the gap', () => {
    expect(iso(zonedInstant('Europe/Berlin', '2025-03-30', 150))).toBe('2025-03-30T01:30:00.000Z');
    expect(iso(zonedInstant('Europe/Berlin', '2025-03-30', 180))).toBe('2025-03-30T01:00:00.000Z');
  });

  it('when a Berlin wall time is repeated in autumn, then its later occurrence is taken', () => {
    expect(iso(zonedInstant('Europe/Berlin', '2025-10-26', 150))).toBe('2025-10-26T01:30:00.000Z');
  });
});

describe('zonedLocalDate', () => {
  it('when an instant is late in UTC, then its Shanghai date is the next day', () => {
    expect(zonedLocalDate('Asia/Shanghai', Date.parse('2025-09-30T17:00:00Z'))).toBe('2025-10-01');
    expect(zonedLocalDate('Asia/Shanghai', Date.parse('2025-09-30T15:59:59.999Z'))).toBe('2025-09-30');
  });
});
