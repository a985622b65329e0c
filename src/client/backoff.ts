/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): the delay is
 * uniform in [0, min(cap, base * 2^(attempt-1))). Full jitter spreads the retries of many concurrent requests
 * that failed together, so they do not all come back at the same instant.
 */

/** Delay before the retry that follows failed attempt number `attempt` (1-based), in whole milliseconds. */
export function backoffDelayMs(attempt: number, baseDelayMs: number, maxDelayMs: number, random: () => number): number {
  // 2 ** 1100 is Infinity, and Math.min(maxDelayMs, Infinity) still caps it, so no overflow guard is needed.
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}
