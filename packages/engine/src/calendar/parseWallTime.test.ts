import { describe, expect, it } from 'vitest';
import { parseWallTime } from './parseWallTime.js';

describe('parseWallTime', () => {
  it('when given "HH:mm", then it returns minutes since midnight', () => {
    expect(parseWallTime('00:00')).toBe(0);
    expect(parseWallTime('09:30')).toBe(570);
    expect(parseWallTime('23:59')).toBe(1439);
  });

  it('when given "24:00", then it returns the end of the day', () => {
    expect(parseWallTime('24:00')).toBe(1440);
  });

  it.each(['9:00', '09:60', '24:01', '25:00', '0900', ' 09:00', '09:00:00', ''])('when given "%s", then it throws', (text) => {
    expect(() => parseWallTime(text)).toThrow(/invalid wall time/);
  });
});
