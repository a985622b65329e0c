import { describe, expect, test } from 'vitest';
import { percentile, SampleList } from '../../../src/report/summary/percentile.js';

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

describe('SampleList', () => {
  test('grows past its first buffer and sorts numerically rather than as text', () => {
    const list = new SampleList();
    const values = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    for (const value of values) list.push(value);
    list.push(10);
    list.push(9);
    expect(list.length).toBe(1002);
    const sorted = list.sorted();
    expect(Array.from(sorted.slice(0, 4))).toEqual([0, 1, 2, 3]);
    expect(sorted[sorted.length - 1]).toBe(999);
    expect(Array.from(sorted).every((value, i) => i === 0 || sorted[i - 1] <= value)).toBe(true);
  });
});
