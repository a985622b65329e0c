/**
 * A virtual clock for tests: `sleep` never waits in real time. Pending sleeps are woken one at a time, earliest
 * first, each on its own macrotask, and the clock jumps to the wake time; so code that paces itself by sleeping
 * sees exactly the times it asked for, and no test depends on wall-clock speed.
 */
export class VirtualClock {
  nowMs = 0;
  /** Every sleep requested, in ms, in call order. */
  readonly sleeps: number[] = [];
  private pending: { wakeAt: number; order: number; resolve: () => void }[] = [];
  private isTickScheduled = false;
  private calls = 0;

  readonly now = (): number => this.nowMs;

  readonly sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    this.sleeps.push(ms);
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const entry = { wakeAt: this.nowMs + ms, order: this.calls++, resolve };
      signal?.addEventListener('abort', () => {
        this.pending = this.pending.filter((item) => item !== entry);
        reject(signal.reason);
      });
      this.pending.push(entry);
      this.schedule();
    });
  };

  private schedule(): void {
    if (this.isTickScheduled) return;
    this.isTickScheduled = true;
    setImmediate(() => {
      this.isTickScheduled = false;
      if (this.pending.length === 0) return;
      this.pending.sort((a, b) => a.wakeAt - b.wakeAt || a.order - b.order);
      const next = this.pending.shift()!;
      this.nowMs = Math.max(this.nowMs, next.wakeAt);
      next.resolve();
      if (this.pending.length > 0) this.schedule();
    });
  }
}

/** Sleeps that stay pending until the test releases them; for checking who waits for what. */
export class HeldSleeps {
  readonly held: { ms: number; release: () => void }[] = [];

  readonly sleep = (ms: number): Promise<void> =>
    new Promise<void>((resolve) => {
      this.held.push({ ms, release: resolve });
    });

  /** Resolves once at least `count` sleeps are pending (checked once per macrotask). */
  async waitFor(count: number): Promise<void> {
    while (this.held.length < count) await new Promise((resolve) => setImmediate(resolve));
  }

  /** Releases every pending sleep. */
  releaseAll(): void {
    for (const sleep of this.held.splice(0)) sleep.release();
  }
}
