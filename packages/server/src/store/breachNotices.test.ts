import { describe, expect, it } from 'vitest';
import { breachNotices } from './breachNotices.js';
import type { DeadlineRow, Notification } from './types.js';

const notice: Notification = {
  id: 'n1',
  at: '2025-10-10T02:00:00.000Z',
  role: 'afterSalesManager',
  person: null,
  recordId: 'r1',
  message: { 'zh-CN': '已超时', en: 'overdue' },
  uniqueKey: 'r1:arrival:breach',
};
const rowMet = (metAt: string | null) => ({ deadline: { metAt } }) as DeadlineRow;

describe('breachNotices', () => {
  it('when the work is still not done, then the breach posts its overdue notices', () => {
    expect(breachNotices({ row: rowMet(null), notifications: [notice] })).toEqual([notice]);
  });
  it('when the work was done late before the clock saw it, then nobody is told it is overdue', () => {
    expect(breachNotices({ row: rowMet('2025-10-10T01:00:00.000Z'), notifications: [notice] })).toEqual([]);
  });
});
