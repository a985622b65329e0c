import { describe, expect, it, test } from 'vitest';
import { percentile, percentiles } from '../../src/stats/index.js';

describe('percentile', () => {
  test.each<{ values: number[]; p: number; expected: number | null }>([
    { values: [], p: 50, expected: null },
    { values: [7], p: 50, expected: 7 },
    { values: [7], p: 95, expected: 7 },
    { values: [1, 2, 3, 4], p: 50, expected: 2 },
    { values: [1, 2, 3, 4, 5], p: 50, expected: 3 },
    { values: [1, 2, 3, 4, 5], p: 0, expected: 1 },
    { values: [1, 2, 3, 4, 5], p: 100, expected: 5 },
    { values: Array.from({ length: 100 }, (_, i) => i + 1), p: 95, expected: 95 },
    { values: Array.from({ length: 20 }, (_, i) => (i + 1) * 10), p: 95, expected: 190 },
    { values: Array.from({ length: 21 }, (_, i) => i * 10), p: 95, expected: 190 },
  ])('gives the nearest-rank p$p of $values.length values as $expected', ({ values, p, expected }) => {
    expect(percentile(values, p)).toBe(expected);
  });

  test.each([-1, 101, Number.NaN])('refuses p = %s', (p) => {
    expect(() => percentile([1], p)).toThrow(RangeError);
  });
});

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
