import type { DeadlineRow } from '../store/types.js';

/** The deadline document of the clock's tests: due 2025-10-09 09:00 UTC, two fines on breach, an owner to notify. */
export const DUE_DEADLINE: DeadlineRow['deadline'] = {
  source: { ruleSet: 'rs', version: 1, rule: 'T1', catalog: ['T1'] },
  key: 'arrival',
  what: { 'zh-CN': '到场', en: 'Arrive' },
  limit: { unit: 'workingHours', amount: 6 },
  calendar: 'default-store',
  startedAt: '2025-10-09T02:00:00.000Z',
  dueAt: '2025-10-09T09:00:00.000Z',
  metAt: null,
  state: 'open',
  overdueMs: 0,
  remindAt: null,
  owner: { role: 'technician', person: '赵' },
  breachFines: [
    { payer: { role: 'technician', person: '赵' }, amount: 10, currency: 'CNY', reason: { 'zh-CN': '迟到', en: 'Late' } },
    { payer: { role: 'customerServiceClerk' }, amount: 5, currency: 'CNY', reason: { 'zh-CN': '未催', en: 'Did not chase' } },
  ],
};

/** An open deadline of a record with that document (a record write posts it; the clock breaches it after 09:00). */
export const dueDeadline = (recordId: string): DeadlineRow => ({
  recordId,
  formId: 'after-sales-record',
  key: 'arrival',
  dueAt: DUE_DEADLINE.dueAt,
  state: 'open',
  remindAt: null,
  reminded: false,
  deadline: DUE_DEADLINE,
});
