import { SYSTEM_ACTOR } from '@aftersales/contract';
import type { Repositories } from '../store/Store.js';
import type { Clock } from './Clock.js';

/**
 * Deletes uploads that no record named within `maxAgeHours` of their upload (a photo picked and
 * then abandoned with its form), each deletion in the audit log. Runs on its own interval, started
 * by main beside the clock.
 */
export class FileCleanup {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: Pick<Repositories, 'files' | 'audit'>,
    private readonly clock: Clock,
    private readonly maxAgeHours: number = 24,
  ) {}

  /** One pass: answers how many files were deleted. */
  async run(): Promise<number> {
    const now = this.clock();
    const deleted = await this.store.files.deleteOrphanFiles(new Date(now.getTime() - this.maxAgeHours * 3_600_000).toISOString());
    for (const file of deleted)
      await this.store.audit.appendAudit({
        at: now.toISOString(),
        actor: SYSTEM_ACTOR,
        entity: 'file',
        entityId: file.id,
        action: 'delete unattached upload',
        before: file,
        after: null,
      });
    return deleted.length;
  }

  start(intervalMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.run().catch((error: unknown) => console.error('file cleanup failed', error));
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
