/** n choose k as a float; exact enough for the sample sizes of an eval (n in the hundreds at most). */
function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}

/**
 * Unbiased pass@k (Chen et al. 2021): the chance that at least one of k samples drawn without replacement from
 * n samples, c of which passed, passes: 1 - C(n-c, k) / C(n, k).
 */
export function passAtK(n: number, c: number, k: number): number {
  if (n <= 0 || k <= 0 || k > n) return Number.NaN;
  if (n - c < k) return 1;
  return 1 - choose(n - c, k) / choose(n, k);
}

/**
 * pass^k (Yao et al. 2024, tau-bench): the chance that all of k samples drawn from n, c of which passed, pass:
 * C(c, k) / C(n, k). It measures reliability where pass@k measures capability.
 */
export function passHatK(n: number, c: number, k: number): number {
  if (n <= 0 || k <= 0 || k > n) return Number.NaN;
  return choose(c, k) / choose(n, k);
}
