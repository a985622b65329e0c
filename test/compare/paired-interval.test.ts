import { describe, expect, it } from 'vitest';
import { newcombePairedInterval, pairedMeanInterval } from '../../src/compare/index.js';

describe('newcombePairedInterval', () => {
  // Reference: Fagerland, Lydersen & Laake, "Statistical Analysis of Contingency Tables" (2017), chapter 8,
  // the Cavo et al. (2012) table [[59, 6], [16, 80]]: Newcombe square-and-add (method 10) estimate -0.0621,
  // 95% CI -0.1186 to -0.0046 (also the expected output in the authors' R package `contingencytables`).
  it('matches the published interval for the Cavo et al. table', () => {
    const interval = newcombePairedInterval({ bothPass: 59, failToPass: 6, passToFail: 16, bothFail: 80 });
    expect(interval?.low).toBeCloseTo(-0.1186, 4);
    expect(interval?.high).toBeCloseTo(-0.0046, 4);
  });

  it.each([
    { bothPass: 10, passToFail: 0, failToPass: 0, bothFail: 0 },
    { bothPass: 0, passToFail: 0, failToPass: 0, bothFail: 7 },
    { bothPass: 3, passToFail: 4, failToPass: 1, bothFail: 2 },
    { bothPass: 0, passToFail: 12, failToPass: 0, bothFail: 0 },
    { bothPass: 500, passToFail: 40, failToPass: 10, bothFail: 450 },
  ])('contains the point estimate and stays inside -1..1 for %o', (table) => {
    const n = table.bothPass + table.passToFail + table.failToPass + table.bothFail;
    const estimate = (table.failToPass - table.passToFail) / n;
    const interval = newcombePairedInterval(table);
    expect(interval).not.toBeNull();
    expect(interval!.low).toBeLessThanOrEqual(estimate + 1e-12);
    expect(interval!.high).toBeGreaterThanOrEqual(estimate - 1e-12);
    expect(interval!.low).toBeGreaterThanOrEqual(-1);
    expect(interval!.high).toBeLessThanOrEqual(1);
  });

  it('mirrors when base and head swap', () => {
    const forward = newcombePairedInterval({ bothPass: 30, passToFail: 9, failToPass: 2, bothFail: 9 })!;
    const backward = newcombePairedInterval({ bothPass: 30, passToFail: 2, failToPass: 9, bothFail: 9 })!;
    expect(backward.low).toBeCloseTo(-forward.high, 12);
    expect(backward.high).toBeCloseTo(-forward.low, 12);
  });

  it('narrows as the same proportions are seen on more cells', () => {
    const small = newcombePairedInterval({ bothPass: 8, passToFail: 2, failToPass: 0, bothFail: 0 })!;
    const large = newcombePairedInterval({ bothPass: 800, passToFail: 200, failToPass: 0, bothFail: 0 })!;
    expect(large.high - large.low).toBeLessThan((small.high - small.low) / 5);
  });

  it('returns null for an empty table', () => {
    expect(newcombePairedInterval({ bothPass: 0, passToFail: 0, failToPass: 0, bothFail: 0 })).toBeNull();
  });
});

describe('pairedMeanInterval', () => {
  // Reference: R, t.test(c(0.1, 0.2, 0.3, 0.4, 0.5))$conf.int = 0.1036757 0.4963243.
  it('matches the one-sample t interval of R for five differences', () => {
    const result = pairedMeanInterval([0.1, 0.2, 0.3, 0.4, 0.5])!;
    expect(result.mean).toBeCloseTo(0.3, 12);
    expect(result.interval!.low).toBeCloseTo(0.1036757, 6);
    expect(result.interval!.high).toBeCloseTo(0.4963243, 6);
  });

  it('clamps the interval to -1..1', () => {
    const result = pairedMeanInterval([1, -1, 1])!;
    expect(result.interval).toEqual({ low: -1, high: 1 });
  });

  it('has no interval for a single difference and no result for none', () => {
    expect(pairedMeanInterval([0.5])).toEqual({ n: 1, mean: 0.5, interval: null });
    expect(pairedMeanInterval([])).toBeNull();
  });
});
