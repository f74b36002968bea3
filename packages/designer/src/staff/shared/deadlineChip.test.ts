import { describe, expect, it } from 'vitest';
import { chipOf, lateMsOf, worstChip } from './deadlineChip';

const row = (state: 'open' | 'met' | 'breached', dueAt: string | null, remindAt: string | null = null) => ({ state, dueAt, remindAt });

describe('deadline chips', () => {
  it('when the clock recorded met or breached, then the chip says so whatever the time', () => {
    expect(chipOf(row('met', '2025-10-09T08:00:00Z'), '2025-10-10T00:00:00Z')).toBe('met');
    expect(chipOf(row('breached', '2025-10-09T08:00:00Z'), '2025-10-09T00:00:00Z')).toBe('overdue');
  });

  it('when an open deadline is past due before the next tick, then it is already overdue', () => {
    expect(chipOf(row('open', '2025-10-09T08:00:00Z'), '2025-10-09T08:00:00Z')).toBe('overdue');
  });

  it('when the reminder time has come, then it is due soon; before that, on time', () => {
    const r = row('open', '2025-10-09T08:00:00Z', '2025-10-09T07:00:00Z');
    expect(chipOf(r, '2025-10-09T06:59:59Z')).toBe('onTime');
    expect(chipOf(r, '2025-10-09T07:00:00Z')).toBe('dueSoon');
  });

  it('when there is no reminder, then the last two hours are due soon', () => {
    const r = row('open', '2025-10-09T08:00:00Z');
    expect(chipOf(r, '2025-10-09T05:59:00Z')).toBe('onTime');
    expect(chipOf(r, '2025-10-09T06:00:00Z')).toBe('dueSoon');
  });

  it('when a deadline has no due time yet, then it has no chip state; the worst of several wins', () => {
    expect(chipOf(row('open', null), '2025-10-09T06:00:00Z')).toBe('none');
    expect(worstChip(['met', 'onTime', 'dueSoon'])).toBe('dueSoon');
    expect(worstChip(['met', 'overdue'])).toBe('overdue');
    expect(worstChip([])).toBe('none');
  });

  it('when a deadline was met after its due time, then it is met late, and its lateness stops at the met time', () => {
    const late = { ...row('breached', '2025-10-09T08:00:00Z'), deadline: { metAt: '2025-10-09T10:00:00Z' } };
    expect(chipOf(late, '2025-10-10T00:00:00Z')).toBe('metLate');
    expect(lateMsOf(late, '2025-10-10T00:00:00Z')).toBe(2 * 3_600_000);
    const onTime = { ...row('open', '2025-10-09T08:00:00Z'), deadline: { metAt: '2025-10-09T07:00:00Z' } };
    expect(chipOf(onTime, '2025-10-10T00:00:00Z')).toBe('met');
    expect(lateMsOf(row('breached', '2025-10-09T08:00:00Z'), '2025-10-09T09:00:00Z')).toBe(3_600_000);
    expect(worstChip(['met', 'metLate'])).toBe('metLate');
  });
});
