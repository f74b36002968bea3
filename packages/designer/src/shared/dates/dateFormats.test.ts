import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@aftersales/engine';
import { dateText, dayText, FORMATS, type DateKind } from './dateFormats';

describe('dateText', () => {
  it('when a kept date, time or month is read, then it reads as the calendar box shows it', () => {
    expect(dateText('2025-10-09', 'date', 'zh-CN')).toBe('2025年10月9日');
    expect(dateText('2024-03-15', 'date', 'en')).toBe('15 Mar 2024');
    expect(dateText('2025-10', 'month', 'zh-CN')).toBe('2025年10月');
    expect(dateText('2025-01', 'month', 'en')).toBe('Jan 2025');
  });

  it('when the value is any day or month the calendar takes, then the text is the calendar’s own (dayjs, first format)', () => {
    const cases: [string, DateKind][] = [
      ['2024-02-29', 'date'],
      ['1999-01-01', 'date'],
      ['2025-12', 'month'],
    ];
    for (const locale of ['zh-CN', 'en'] as Locale[])
      for (const [value, kind] of cases)
        expect(dateText(value, kind, locale), `${value} ${kind} ${locale}`).toBe(
          dayjs(value).locale('en').format(FORMATS[locale][kind][0]),
        );
  });

  it('when the value is a time, then it reads on the store’s clock (China time by default), whatever zone the browser is in', () => {
    expect(dateText('2025-10-09T01:00:00.000Z', 'dateTime', 'zh-CN')).toBe('2025年10月9日 09:00');
    expect(dateText('2025-10-09T01:00:00.000Z', 'dateTime', 'en')).toBe('9 Oct 2025 09:00');
    expect(dateText('2025-12-31T23:59:00+08:00', 'dateTime', 'zh-CN')).toBe('2025年12月31日 23:59');
    expect(dateText('2024-02-29T20:05:00Z', 'dateTime', 'zh-CN')).toBe('2024年3月1日 04:05');
    expect(dateText('2025-10-09T09:00:00+08:00', 'dateTime', 'zh-CN', 'Europe/London')).toBe('2025年10月9日 02:00');
  });

  it('when the value is empty or no date (a day that does not exist, another shape), then the box reads nothing', () => {
    for (const [value, kind] of [
      ['', 'date'],
      ['2026-02-30', 'date'],
      ['2026-13', 'month'],
      ['9 Oct 2025', 'date'],
      ['2025-10-09', 'month'],
      ['soon', 'dateTime'],
      ['', 'dateTime'],
    ] as [string, DateKind][])
      expect(dateText(value, kind, 'zh-CN'), value).toBe('');
    expect(dateText(undefined, 'date', 'zh-CN')).toBe('');
    expect(dateText(20251009, 'date', 'en')).toBe('');
  });
});

describe('dayText', () => {
  it('when a chart names a week by its Monday, then the day reads without its year, in the reader’s language', () => {
    expect(dayText('2026-10-19', 'zh-CN')).toBe('10月19日');
    expect(dayText('2026-10-19', 'en')).toBe('19 Oct');
    expect(dayText('2026-01-05', 'zh-CN')).toBe('1月5日');
    expect(dayText('2026-01-05', 'en')).toBe('5 Jan');
  });

  it('when the value is no day, then it reads nothing', () => {
    for (const value of ['', '2026-02-30', '2026-10', 'soon']) expect(dayText(value, 'zh-CN'), value).toBe('');
  });
});
