import type { AuthService } from './AuthService.js';

/**
 * Deletes expired and idle sessions and forgotten sign-in failure counts on a timer (main starts it).
 * Separate from the Scheduler: the deadline clock and this housekeeping fail and scale apart.
 */
export class SessionPurger {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(private readonly auth: AuthService) {}

  /** One pass; a pass still running is not started again. */
  async purge(): Promise<{ sessions: number; loginFailures: number } | null> {
    if (this.running) return null;
    this.running = true;
    try {
      return await this.auth.purgeExpired();
    } finally {
      this.running = false;
    }
  }

  start(everyMs: number): void {
    this.stop();
    this.timer = setInterval(() => {
      this.purge().catch((error: unknown) => console.error('session purge failed', error));
    }, everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
