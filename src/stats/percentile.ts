/**
 * Nearest-rank percentiles: the smallest sample with at least p% of the samples at or below it, so the answer
 * is always a value that was observed (a latency that happened reads better in a report than an interpolated
 * one). The summary and the comparison both use these, so their p50/p95 columns always agree.
 */

/** Nearest-rank percentile (`p` in 0..100) of ascending `sorted` values; null when empty. */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile: expected p in 0..100, got ${p}`);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/**
 * Nearest-rank percentiles of unsorted `values`, one per entry of `ps` (each in 0..100). Sorts a typed copy
 * once; null for each p when there are no values.
 */
export function percentiles(values: ArrayLike<number>, ps: readonly number[]): (number | null)[] {
  if (values.length === 0) return ps.map(() => null);
  // Typed arrays sort numerically, unlike Array.prototype.sort.
  const sorted = Float64Array.from(values).sort();
  return ps.map((p) => percentile(sorted, p));
}
