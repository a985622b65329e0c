import { describe, expect, it } from 'vitest';
import { moverPairedInterval, newcombePairedInterval } from '../../src/stats/index.js';

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

describe('moverPairedInterval', () => {
  const expand = (pairs: [number, number, number][]) => {
    const base: number[] = [];
    const head: number[] = [];
    for (const [b, h, count] of pairs) for (let i = 0; i < count; i++) base.push(b), head.push(h);
    return { base, head };
  };

  // For 0/1 values the Pearson correlation is the phi coefficient, and Newcombe's continuity correction leaves a
  // negative phi unchanged, so both constructions must agree on such a table.
  it('equals method 10 on pass/fail pairs whose phi is negative', () => {
    const { base, head } = expand([[1, 1, 2], [1, 0, 5], [0, 1, 4], [0, 0, 1]]);
    const mover = moverPairedInterval(base, head)!;
    const newcombe = newcombePairedInterval({ bothPass: 2, passToFail: 5, failToPass: 4, bothFail: 1 })!;
    expect(mover.low).toBeCloseTo(newcombe.low, 12);
    expect(mover.high).toBeCloseTo(newcombe.high, 12);
  });

  it('is narrower when the sides move together than when they are unrelated', () => {
    const together = moverPairedInterval([0.2, 0.4, 0.6, 0.8, 1], [0.1, 0.3, 0.5, 0.7, 0.9])!;
    const unrelated = moverPairedInterval([0.2, 0.4, 0.6, 0.8, 1], [0.5, 0.1, 0.9, 0.3, 0.7])!;
    expect(together.high - together.low).toBeLessThan(unrelated.high - unrelated.low);
    expect(together.low).toBeLessThan(-0.1);
    expect(together.high).toBeGreaterThan(-0.1);
  });

  it('keeps a real width when every pair agrees, unlike a t interval', () => {
    const interval = moverPairedInterval([1, 1, 1], [1, 1, 1])!;
    expect(interval.low).toBeLessThan(-0.3);
    expect(interval.high).toBeCloseTo(-interval.low, 12);
  });

  it('returns null for no pairs and refuses unpaired input', () => {
    expect(moverPairedInterval([], [])).toBeNull();
    expect(() => moverPairedInterval([1], [1, 0])).toThrow(RangeError);
  });
});
