/**
 * Nearest-rank percentile (`p` in 0..100) of ascending `sorted` values: the smallest sample with at least p% of
 * the samples at or below it, so the answer is always a value that was observed (a latency that happened reads
 * better in a report than an interpolated one). null when empty.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile: expected p in 0..100, got ${p}`);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}
