import { describe, expect, it } from 'vitest';
import { valueText } from './valueText';

const words = { yes: '是', no: '否', photo: '照片' };
const options = { locale: 'zh-CN' as const, timeZone: 'Asia/Shanghai', now: new Date('2026-06-01T00:00:00Z'), words };

describe('valueText', () => {
  it('when an approval card shows stored values, then options, times, dates and amounts read in words', () => {
    const brand = { type: 'string', 'x-enumTitles': { gree: { 'zh-CN': '格力', en: 'Gree' } } };
    expect(valueText(brand, 'gree', options)).toBe('格力');
    expect(valueText({ type: 'string', format: 'date-time' }, '2026-12-01T06:00:00.000Z', options)).toBe('2026-12-01 14:00');
    expect(valueText({ type: 'string', format: 'date' }, '2028-12-01', options)).toBe('2028年12月1日');
    expect(valueText({ type: 'number', 'x-kind': 'money' }, 680, options)).toBe('¥680.00');
    expect(valueText({ type: 'string', 'x-kind': 'photo' }, '/api/v1/files/c51f0000-0000-7000-8000-000000000000', options)).toBe('照片');
    expect(valueText({ type: 'boolean' }, false, options)).toBe('否');
  });
  it('when an approval card shows a person field, then it reads the display name, never the user name', () => {
    const driver = { type: 'string', 'x-kind': 'person' };
    expect(valueText(driver, 'driver', { ...options, personName: (u) => (u === 'driver' ? '司机老李' : u) })).toBe('司机老李');
    expect(valueText({ type: 'string', 'x-kind': 'signature' }, '/api/v1/files/x', options)).toBe('照片');
  });
});
