/** Nearest-rank percentiles for latency summaries. */
import { percentile } from '../assert/index.js';

/**
 * Nearest-rank percentiles (the smallest value with at least p% of the values at or below it) of `values`,
 * one per entry of `ps` (each in 0..100). Nearest-rank always returns a latency that was actually observed,
 * which reads better in a report than an interpolated one. Sorts a typed copy once; null for no values.
 */
export function percentiles(values: ArrayLike<number>, ps: readonly number[]): (number | null)[] {
  if (values.length === 0) return ps.map(() => null);
  const sorted = Float64Array.from(values).sort();
  return ps.map((p) => percentile(sorted, p));
}
