import { randomUUID } from 'node:crypto';
import type { BreachItem } from '../../store/Store.js';
import type { DeadlineRow, Notification } from '../../store/types.js';

/** The fines and notice a breach posts; unique keys make a second posting of the same breach harmless. */
export function breachOf(row: DeadlineRow, at: string): BreachItem {
  const fines = row.deadline.breachFines.map((f, i) => ({
    id: randomUUID(),
    uniqueKey: `${row.recordId}|breach|${row.key}|${i}`,
    recordId: row.recordId,
    formId: row.formId,
    payerRole: f.payer.role,
    person: f.payer.person ?? null,
    amount: f.amount,
    reason: f.reason,
    origin: 'breach' as const,
    postedAt: at,
  }));
  const owner = row.deadline.owner;
  const notifications: Notification[] = owner
    ? [
        {
          id: randomUUID(),
          uniqueKey: `${row.recordId}|breach|${row.key}`,
          at,
          role: owner.role,
          person: owner.person ?? null,
          recordId: row.recordId,
          message: { 'zh-CN': `已超时：${row.deadline.what['zh-CN']}`, en: `Overdue: ${row.deadline.what.en}` },
        },
      ]
    : [];
  return { row, fines, notifications };
}

/** The notice a reminder sends; its unique key makes a second sending harmless. */
export function reminderOf(row: DeadlineRow, at: string): Notification {
  return {
    id: randomUUID(),
    uniqueKey: `${row.recordId}|remind|${row.key}`,
    at,
    role: row.deadline.owner?.role ?? 'afterSalesManager',
    person: row.deadline.owner?.person ?? null,
    recordId: row.recordId,
    // The due time is on the record (its deadline chips, in the store's time zone).
    message: { 'zh-CN': `即将到期：${row.deadline.what['zh-CN']}`, en: `Due soon: ${row.deadline.what.en}` },
  };
}
