import { describe, expect, it } from 'vitest';
import { percentiles } from '../../src/compare/index.js';

// The nearest-rank example of the Wikipedia "Percentile" article: 15, 20, 35, 40, 50.
describe('percentiles', () => {
  it.each([
    { p: 0, value: 15 },
    { p: 5, value: 15 },
    { p: 30, value: 20 },
    { p: 40, value: 20 },
    { p: 50, value: 35 },
    { p: 95, value: 50 },
    { p: 100, value: 50 },
  ])('gives the observed value $value at p$p whatever the input order', ({ p, value }) => {
    expect(percentiles([50, 15, 40, 20, 35], [p])).toEqual([value]);
  });

  it('returns null for no values', () => {
    expect(percentiles([], [50, 95])).toEqual([null, null]);
  });

  it('rejects a percentile outside 0..100', () => {
    expect(() => percentiles([1], [101])).toThrow(RangeError);
  });
});
