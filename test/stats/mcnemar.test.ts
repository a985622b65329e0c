import { describe, expect, it } from 'vitest';
import { binomialTwoSidedP, mcnemarExact } from '../../src/stats/index.js';

// Reference values are exact binomial sums, 2 * sum_{j<=min(b,c)} C(b+c, j) / 2^(b+c), computed with integer
// arithmetic (Python math.comb); they equal R's binom.test(b, b + c)$p.value and mcnemar.exact.
describe('mcnemarExact', () => {
  it.each([
    { b: 1, c: 9, p: 0.021484375 },
    { b: 9, c: 1, p: 0.021484375 },
    { b: 5, c: 5, p: 1 },
    { b: 0, c: 6, p: 0.03125 },
    { b: 2, c: 8, p: 0.109375 },
    { b: 5, c: 15, p: 0.04138946533203125 },
    { b: 10, c: 25, p: 0.01667384780012071 },
    { b: 400, c: 500, p: 0.0009564441369189461 },
    { b: 0, c: 0, p: 1 },
    { b: 0, c: 1, p: 1 },
  ])('gives p = $p for b = $b and c = $c', ({ b, c, p }) => {
    expect(mcnemarExact(b, c)).toBeCloseTo(p, 12);
  });

  it('stays accurate where 2^-n underflows and C(n, k) overflows', () => {
    expect(mcnemarExact(30000, 30400) / 0.10448007727213541).toBeCloseTo(1, 9);
    expect(mcnemarExact(49000, 51000) / 2.5887160383468979e-10).toBeCloseTo(1, 8);
  });
});

describe('binomialTwoSidedP', () => {
  it.each([
    { k: -1, n: 3 },
    { k: 4, n: 3 },
    { k: 1.5, n: 3 },
  ])('rejects k = $k with n = $n', ({ k, n }) => {
    expect(() => binomialTwoSidedP(k, n)).toThrow(RangeError);
  });
});
