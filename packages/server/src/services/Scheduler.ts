import { randomUUID } from 'node:crypto';
import type { Store } from '../store/Store.js';
import type { Clock } from './Clock.js';

/**
 * The clock: at each tick, open deadlines past due become breached and their fines are posted
 * (exactly once: the store refuses a second breach of the same deadline, and fines have unique
 * keys), and reminders due go out. Safe with several server instances on one store.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async tick(now: Date = this.clock()): Promise<{ breached: number; reminded: number }> {
    const at = now.toISOString();
    let breached = 0;
    for (const row of await this.store.dueDeadlines(at)) {
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
      const notifications = owner
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
      if (await this.store.recordBreach(row, fines, notifications, at)) breached++;
    }
    let reminded = 0;
    for (const row of await this.store.dueReminders(at)) {
      const role = row.deadline.owner?.role ?? 'afterSalesManager';
      const notification = {
        id: randomUUID(),
        uniqueKey: `${row.recordId}|remind|${row.key}`,
        at,
        role,
        person: row.deadline.owner?.person ?? null,
        recordId: row.recordId,
        // The due time is on the record (its deadline chips, in the store's time zone).
        message: { 'zh-CN': `即将到期：${row.deadline.what['zh-CN']}`, en: `Due soon: ${row.deadline.what.en}` },
      };
      if (await this.store.markReminded(row, notification)) reminded++;
    }
    return { breached, reminded };
  }

  start(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .catch((error: unknown) => console.error('clock tick failed:', error))
        .finally(() => (this.running = null));
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
