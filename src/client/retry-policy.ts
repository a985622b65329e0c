/**
 * Whether and when to retry a failed attempt. A trusted server hint (`retry-after-ms`, then `Retry-After`) wins;
 * otherwise exponential backoff with full jitter. Which failures are retryable is decided where they are made
 * (`failure.ts`): 408, 409, 429, 5xx, connection errors, timeouts and truncated streams are; 400, 401, 402,
 * 403, 404, 422 and `insufficient_quota` are not, because the same request would fail the same way.
 */

import { backoffDelayMs } from './backoff.js';
import type { Failure } from './failure.js';
import { trustedRetryAfterMs } from './retry-after.js';

/** The retry settings the policy needs. */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  random: () => number;
}

/** True when failed attempt number `attempt` should be followed by another. */
export function shouldRetry(failure: Failure, attempt: number, policy: RetryPolicy): boolean {
  return failure.isRetryable && attempt < policy.maxAttempts;
}

/** Delay before the next attempt after failed attempt number `attempt`, in ms. */
export function retryDelayMs(failure: Failure, attempt: number, policy: RetryPolicy): number {
  const hint = trustedRetryAfterMs(failure.retryAfterMs, policy.maxRetryAfterMs);
  return hint ?? backoffDelayMs(attempt, policy.baseDelayMs, policy.maxDelayMs, policy.random);
}

/**
 * True when the delay should hold back every request of the model, not just this one: on a 429, and whenever
 * the server said how long to wait.
 */
export function shouldPauseModel(failure: Failure, policy: RetryPolicy): boolean {
  return failure.kind === 'rate-limit' || trustedRetryAfterMs(failure.retryAfterMs, policy.maxRetryAfterMs) !== null;
}
