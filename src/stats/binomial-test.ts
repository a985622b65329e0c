/**
 * Exact two-sided binomial test at p = 1/2, the engine shared by McNemar's test and the sign test.
 *
 * Both tests reduce to "k of n coin flips came up one way"; with p = 1/2 the distribution is symmetric, so the
 * two-sided p-value is twice the smaller tail (capped at 1), which is what R's `binom.test` reports at p = 0.5.
 */

/**
 * Two-sided exact p-value for `k` successes in `n` trials with success probability 1/2.
 * Works in log space from the mode-side tail term downwards, so n in the hundreds of thousands neither
 * underflows (2^-n) nor overflows (n choose k).
 */
export function binomialTwoSidedP(k: number, n: number): number {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n) {
    throw new RangeError(`binomial test: expected integers 0 <= k <= n, got k=${k} n=${n}`);
  }
  if (n === 0) return 1;
  const m = Math.min(k, n - k);
  // log P(X = m) = log C(n, m) - n log 2, with C(n, m) built as a product of m ratios.
  let logTerm = -n * Math.LN2;
  for (let i = 1; i <= m; i++) logTerm += Math.log((n - m + i) / i);
  // Sum P(X = j) / P(X = m) for j = m, m-1, ..., 0; each ratio is j / (n - j + 1) of the previous one.
  let ratio = 1;
  let sum = 1;
  for (let j = m; j > 0; j--) {
    ratio *= j / (n - j + 1);
    sum += ratio;
    if (ratio < sum * 1e-17) break;
  }
  return Math.min(1, 2 * Math.exp(logTerm + Math.log(sum)));
}
