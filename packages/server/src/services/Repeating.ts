/**
 * Runs an async task every `intervalMs`, skipping a turn while the previous run is still going
 * (a run may outlast the interval on a large backlog); a failed run is logged and the next turn tries
 * again. The timer does not keep the process alive.
 */
export class Repeating {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly name: string,
    private readonly run: () => Promise<unknown>,
  ) {}

  start(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.run()
        .catch((error: unknown) => console.error(`${this.name} failed:`, error))
        .finally(() => (this.running = null));
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
