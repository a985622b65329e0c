/**
 * A counting semaphore whose limit adapts to rate limiting, AIMD style (TCP congestion control): a 429 halves
 * the limit (never below 1); every `limit` successes in a row raise it by one, never above the configured value.
 * Pure: no timers; waiters are resolved when a slot frees.
 *
 * Many requests in flight together often all get 429 for the same overload. Halving once per 429 would take the
 * limit from 64 to 1 in one burst, so only a 429 of a request sent after the last cut counts (`epoch`).
 */

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  isCancelled: boolean;
}

/** Limits concurrent requests of one model and adapts the limit. */
export class AdaptiveSemaphore {
  /** The limit the user configured; the adaptive limit never exceeds it. */
  configured: number;
  /** The current limit. */
  limit: number;
  /** Slots in use. */
  inFlight = 0;
  /** Counts the cuts; a request remembers it when it takes a slot. */
  epoch = 0;
  private successes = 0;
  private waiters: Waiter[] = [];
  private head = 0;

  /** A semaphore with `limit` slots. */
  constructor(limit: number) {
    this.configured = limit;
    this.limit = limit;
  }

  /** Takes a slot now if one is free. */
  tryAcquire(): boolean {
    while (this.head < this.waiters.length && this.waiters[this.head].isCancelled) this.head++;
    // Queued waiters go first, so a steady stream of newcomers cannot starve them.
    if (this.inFlight >= this.limit || this.head < this.waiters.length) return false;
    this.inFlight++;
    return true;
  }

  /** Waits for a slot in arrival order; rejects with the signal's reason when it aborts first. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (this.tryAcquire()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, isCancelled: false };
      if (signal) {
        if (signal.aborted) return reject(signal.reason);
        const onAbort = (): void => {
          waiter.isCancelled = true;
          reject(signal.reason);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        waiter.resolve = () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        };
      }
      this.waiters.push(waiter);
    });
  }

  /** Frees a slot and hands free slots to waiters. */
  release(): void {
    this.inFlight--;
    this.drain();
  }

  /** Records a 429 of a request that took its slot at `sentEpoch`; returns true when the limit changed. */
  onRateLimited(sentEpoch: number): boolean {
    this.successes = 0;
    if (sentEpoch !== this.epoch) return false;
    this.epoch++;
    const next = Math.max(1, Math.floor(this.limit / 2));
    if (next === this.limit) return false;
    this.limit = next;
    return true;
  }

  /** Records a success; returns true when the limit grew. */
  onSuccess(): boolean {
    if (this.limit >= this.configured) return false;
    this.successes++;
    if (this.successes < this.limit) return false;
    this.successes = 0;
    this.limit++;
    this.drain();
    return true;
  }

  /** Sets a new configured limit; the current one follows it down at once, and up only by earning it. */
  configure(limit: number): void {
    this.configured = limit;
    if (this.limit > limit || this.epoch === 0) this.limit = limit;
    this.drain();
  }

  /** Requests waiting for a slot. */
  get waiting(): number {
    let count = 0;
    for (let i = this.head; i < this.waiters.length; i++) if (!this.waiters[i].isCancelled) count++;
    return count;
  }

  private drain(): void {
    while (this.inFlight < this.limit && this.head < this.waiters.length) {
      const waiter = this.waiters[this.head++];
      if (waiter.isCancelled) continue;
      this.inFlight++;
      waiter.resolve();
    }
    // Compact once the consumed prefix dominates, so a long run does not keep every resolved waiter alive.
    if (this.head > 1024 && this.head * 2 > this.waiters.length) {
      this.waiters = this.waiters.slice(this.head);
      this.head = 0;
    }
  }
}
