import { describe, expect, test } from 'vitest';
import { SampleList } from '../../src/stats/index.js';

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
