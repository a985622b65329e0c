/**
 * Everything that decides when a request of one limit key may be sent: the shared pause after a 429, the
 * adaptive concurrency semaphore and the rpm/tpm buckets. One gate per limit key. Clock and sleep are injected.
 *
 * The pause exists so that one 429 with `Retry-After: 20` holds back every request of that model, instead of N
 * requests each discovering the limit on their own and hammering the API.
 */

import { AdaptiveSemaphore } from './adaptive-semaphore.js';
import type { ClientEvent, ModelLimits, ModelStatus } from './options.js';
import { TokenBucket } from './token-bucket.js';

/** Clock, sleep and event sink shared by all gates. */
export interface GateEnvironment {
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  emit: (event: ClientEvent) => void;
}

/** What a request holds while it is in flight; pass it back to `leave`. */
export interface GatePass {
  semaphore: AdaptiveSemaphore | null;
  /** Semaphore epoch when the slot was taken (see `AdaptiveSemaphore`). */
  epoch: number;
  /** Tokens charged to the tpm bucket up front. */
  tokens: number;
}

/** The pass of a request that needed no gate, shared to spare an allocation per request. */
export const OPEN_PASS: GatePass = Object.freeze({ semaphore: null, epoch: 0, tokens: 0 });

/** Admission control of one limit key. */
export class ModelGate {
  private semaphore: AdaptiveSemaphore | null = null;
  private rpm: TokenBucket | null = null;
  private tpm: TokenBucket | null = null;
  private pausedUntilMs = 0;

  constructor(
    private readonly key: string,
    private readonly env: GateEnvironment,
  ) {}

  /** Replaces the limits; the adaptive concurrency keeps what it learned when only the numbers change. */
  setLimits(limits: ModelLimits): void {
    const now = this.env.now();
    const { concurrency, rpm, tpm } = limits;
    if (concurrency === undefined) this.semaphore = null;
    else if (this.semaphore) this.semaphore.configure(concurrency);
    else this.semaphore = new AdaptiveSemaphore(concurrency);
    this.rpm = rpm === undefined ? null : new TokenBucket(rpm, now);
    this.tpm = tpm === undefined ? null : new TokenBucket(tpm, now);
  }

  /** True when a request would have to wait or be counted; false lets the caller skip `enter` entirely. */
  isGuarded(now: number): boolean {
    return this.semaphore !== null || this.rpm !== null || this.tpm !== null || this.pausedUntilMs > now;
  }

  /** True when a tpm bucket wants a token estimate. */
  get countsTokens(): boolean {
    return this.tpm !== null;
  }

  /** Waits for the pause, a concurrency slot and the rate buckets, in that order. Rejects when `signal` aborts. */
  async enter(estimatedTokens: number, signal: AbortSignal | undefined): Promise<GatePass> {
    let sleptUntil = await this.waitForPause(signal, 0);
    const semaphore = this.semaphore;
    if (semaphore && !semaphore.tryAcquire()) await semaphore.acquire(signal);
    const pass: GatePass = { semaphore, epoch: semaphore ? semaphore.epoch : 0, tokens: 0 };
    try {
      const now = this.env.now();
      let waitMs = this.rpm ? this.rpm.reserve(1, now) : 0;
      if (this.tpm) {
        pass.tokens = Math.min(estimatedTokens, this.tpm.burst);
        waitMs = Math.max(waitMs, this.tpm.reserve(estimatedTokens, now));
      }
      if (waitMs > 0) await this.env.sleep(waitMs, signal);
      // A 429 elsewhere may have started a pause while this request waited for its budget.
      sleptUntil = await this.waitForPause(signal, sleptUntil);
      if (semaphore) pass.epoch = semaphore.epoch;
    } catch (error) {
      semaphore?.release();
      throw error;
    }
    return pass;
  }

  /** Frees the slot. Call exactly once per `enter`, whatever the outcome. */
  leave(pass: GatePass): void {
    pass.semaphore?.release();
  }

  /** Records a success: grows the adaptive limit and corrects the tpm estimate with the real token count. */
  recordSuccess(pass: GatePass, totalTokens: number | null): void {
    if (pass.semaphore?.onSuccess()) this.emitConcurrency(pass.semaphore);
    if (this.tpm && totalTokens !== null) this.tpm.adjust(pass.tokens - totalTokens, this.env.now());
  }

  /** Records a 429: halves the adaptive limit (once per overload, see `AdaptiveSemaphore`). */
  recordRateLimit(pass: GatePass): void {
    if (pass.semaphore?.onRateLimited(pass.epoch)) this.emitConcurrency(pass.semaphore);
  }

  /** Holds back every request of this key until `untilMs`; emits a `pause` event when the pause grows. */
  pauseUntil(untilMs: number): void {
    if (untilMs <= this.pausedUntilMs) return;
    this.pausedUntilMs = untilMs;
    this.env.emit({ type: 'pause', model: this.key, untilMs });
  }

  /** Current limits and pause. */
  status(): ModelStatus {
    const paused = this.pausedUntilMs > this.env.now() ? this.pausedUntilMs : null;
    return {
      concurrency: this.semaphore ? this.semaphore.limit : Infinity,
      configuredConcurrency: this.semaphore ? this.semaphore.configured : Infinity,
      pausedUntilMs: paused,
    };
  }

  /**
   * Sleeps until the pause ends and returns the pause end it slept for. Loops because another 429 may extend
   * the pause meanwhile, but sleeps at most once per pause end: an injected test sleep need not move the clock.
   */
  private async waitForPause(signal: AbortSignal | undefined, sleptUntil: number): Promise<number> {
    let now = this.env.now();
    while (this.pausedUntilMs > now && this.pausedUntilMs !== sleptUntil) {
      sleptUntil = this.pausedUntilMs;
      await this.env.sleep(sleptUntil - now, signal);
      now = this.env.now();
    }
    return sleptUntil;
  }

  private emitConcurrency(semaphore: AdaptiveSemaphore): void {
    this.env.emit({ type: 'concurrency', model: this.key, limit: semaphore.limit });
  }
}
