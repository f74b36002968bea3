import { describe, expect, it } from 'vitest';
import type { CalendarDay, CalendarFile } from '@aftersales/engine';
import { calendarDraftChanges } from './calendarDraftChanges';

const day = (date: string, zh: string, en: string): CalendarDay => ({ date, name: { 'zh-CN': zh, en } });
const national = day('2026-10-01', '国庆节', 'National Day');
const midAutumn = day('2026-09-25', '中秋节', 'Mid-Autumn Festival');
const newYear = day('2026-01-01', '元旦', "New Year's Day");
const published: CalendarFile = {
  id: 'default-store',
  title: { 'zh-CN': '门店', en: 'Store' },
  week: { mon: [['09:00', '18:00']] },
  holidays: [newYear, midAutumn, national],
};

describe('calendarDraftChanges', () => {
  it('when the draft is the published calendar, then no day is marked and nothing else changes', () => {
    const changes = calendarDraftChanges(structuredClone(published), published);
    expect(changes.holidays.map((r) => [r.day.date, r.change])).toEqual([
      ['2026-10-01', undefined],
      ['2026-09-25', undefined],
      ['2026-01-01', undefined],
    ]);
    expect(changes.counts).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(changes.elsewhere).toBe(false);
  });

  it('when the draft adds a day, drops one and renames one, then each is marked, the dropped one listed as published, newest first', () => {
    const renamed = day('2026-10-01', '国庆节（第一天）', 'National Day (first day)');
    const closed = day('2026-12-02', '临时停业', 'Closed');
    const changes = calendarDraftChanges({ ...published, holidays: [newYear, renamed, closed] }, published);
    expect(changes.holidays).toEqual([
      { day: closed, change: 'added' },
      { day: renamed, change: 'changed', was: national },
      { day: midAutumn, change: 'removed' },
      { day: newYear },
    ]);
    expect(changes.counts).toEqual({ added: 1, removed: 1, changed: 1 });
  });

  it('when the calendar was never published, then every holiday of the draft is new', () => {
    const changes = calendarDraftChanges(published, null);
    expect(changes.holidays.map((r) => r.change)).toEqual(['added', 'added', 'added']);
    expect(changes.counts).toEqual({ added: 3, removed: 0, changed: 0 });
    expect(changes.elsewhere).toBe(false);
  });

  it('when the draft changes working hours or make-up working days, then that is reported apart (the page lists holidays only)', () => {
    expect(calendarDraftChanges({ ...published, week: { mon: [['08:30', '17:30']] } }, published).elsewhere).toBe(true);
    expect(
      calendarDraftChanges({ ...published, workdays: [day('2026-10-10', '调休上班', 'Make-up working day')] }, published).elsewhere,
    ).toBe(true);
    // The same values with their keys in another order are no change.
    expect(
      calendarDraftChanges({ holidays: published.holidays, week: published.week, title: published.title, id: published.id }, published)
        .elsewhere,
    ).toBe(false);
  });
});
