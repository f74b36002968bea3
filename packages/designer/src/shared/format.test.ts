import { describe, expect, it } from 'vitest';
import { formatCount, formatDateTime, formatDuration, formatMoney } from './format';

describe('staff formats', () => {
  it('when a UTC time is shown, then it is in China time', () => {
    expect(formatDateTime('2025-10-09T08:00:00.000Z', 'zh-CN')).toBe('2025-10-09 16:00');
    expect(formatDateTime('2025-10-09T16:30:00.000Z', 'en')).toBe('2025-10-10 00:30');
    expect(formatDateTime(null, 'en')).toBe('');
  });

  it('when a duration is shown, then days, hours and minutes read naturally in both languages', () => {
    expect(formatDuration(0, 'en')).toBe('0 min');
    expect(formatDuration(3 * 3_600_000 + 20 * 60_000, 'en')).toBe('3 h 20 min');
    expect(formatDuration(26 * 3_600_000, 'zh-CN')).toBe('1天2小时');
  });

  it('when money is shown, then it is yuan with two decimals', () => {
    expect(formatMoney(1234.5, 'en')).toBe('CN¥1,234.50');
    expect(formatMoney(10, 'zh-CN')).toBe('¥10.00');
  });
});

describe('counts', () => {
  it('when the server counted up to its cap and stopped, then the count says there are more, never a capped count as exact', () => {
    expect(formatCount(10_000, true, 'zh-CN')).toBe('10,000+');
    expect(formatCount(10_000, false, 'en')).toBe('10,000');
    expect(formatCount(231, false, 'zh-CN')).toBe('231');
  });
});
