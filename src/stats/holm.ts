/** Holm's step-down adjustment of p-values for testing several models at once. */

/**
 * Holm-adjusted p-values (Holm 1979), returned in input order. Comparing many models at a fixed alpha would
 * flag a "regression" by chance far more often than alpha; Holm keeps the family-wise error at alpha without
 * assuming independence and is uniformly more powerful than Bonferroni.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p || x.i - y.i);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
