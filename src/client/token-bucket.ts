/**
 * A token bucket for requests or tokens per minute, in reservation style (like Go's `rate.Limiter.Reserve`):
 * a caller takes its amount at once, the balance may go negative, and the caller waits until the debt is repaid.
 * Callers are thus served in arrival order without a queue or a re-check loop. Pure: the clock is a parameter.
 *
 * The burst is one second's worth of the rate (at least one), not a whole minute's: servers enforce per-minute
 * limits over shorter windows, so a minute's burst at start-up would earn 429s.
 */

/** Paces a per-minute budget. */
export class TokenBucket {
  /** Refill rate, per millisecond. */
  private readonly ratePerMs: number;
  /** Largest balance; also the most one reservation is charged up front (see `reserve`). */
  readonly burst: number;
  private balance: number;
  private updatedMs: number;

  /** A full bucket for `perMinute` units, at clock time `nowMs`. */
  constructor(perMinute: number, nowMs: number) {
    if (!(perMinute > 0) || !Number.isFinite(perMinute)) throw new TypeError(`expected a positive per-minute budget, got ${perMinute}`);
    this.ratePerMs = perMinute / 60_000;
    this.burst = Math.max(1, perMinute / 60);
    this.balance = this.burst;
    this.updatedMs = nowMs;
  }

  /**
   * Takes `amount` units and returns how long to wait before using them, in ms (0: go now). An amount above the
   * burst is charged only up to the burst here, so a large request is not starved; `adjust` charges the rest
   * once the real usage is known.
   */
  reserve(amount: number, nowMs: number): number {
    this.refill(nowMs);
    this.balance -= Math.min(amount, this.burst);
    return this.balance >= 0 ? 0 : Math.ceil(-this.balance / this.ratePerMs);
  }

  /** Gives back (positive) or charges (negative) units, e.g. estimated minus actual tokens. */
  adjust(delta: number, nowMs: number): void {
    this.refill(nowMs);
    this.balance = Math.min(this.burst, this.balance + delta);
  }

  /** Current balance (negative while in debt), for tests and status displays. */
  available(nowMs: number): number {
    this.refill(nowMs);
    return this.balance;
  }

  private refill(nowMs: number): void {
    const elapsed = nowMs - this.updatedMs;
    if (elapsed > 0) {
      this.balance = Math.min(this.burst, this.balance + elapsed * this.ratePerMs);
      this.updatedMs = nowMs;
    }
  }
}
