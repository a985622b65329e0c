/** A two-sided confidence interval for a proportion. */
export interface Interval {
  low: number;
  high: number;
}

/** z for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

/**
 * Wilson score interval for `successes` out of `trials` (Wilson 1927). Preferred over the normal approximation
 * because it stays inside 0..1 and behaves at k = 0 or k = n, which is where small eval samples live.
 * `successes` may be fractional (a sum of scores in 0..1). Returns {0, 1} for zero trials: nothing is known.
 */
export function wilsonInterval(successes: number, trials: number, z = Z_95): Interval {
  if (!(trials > 0)) return { low: 0, high: 1 };
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
