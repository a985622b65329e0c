import { describe, expect, it } from 'vitest';
import { passAtK, passHatK } from '../../src/stats/index.js';

describe('passAtK', () => {
  it.each([
    { n: 10, c: 3, k: 1, expected: 0.3 },
    { n: 5, c: 2, k: 2, expected: 0.7 },
    { n: 10, c: 0, k: 5, expected: 0 },
    { n: 10, c: 10, k: 1, expected: 1 },
    { n: 10, c: 6, k: 5, expected: 1 },
    { n: 200, c: 10, k: 10, expected: 0.4085 },
  ])('gives $expected for n=$n, c=$c, k=$k', ({ n, c, k, expected }) => {
    expect(passAtK(n, c, k)).toBeCloseTo(expected, 4);
  });

  it('returns NaN when k is zero or larger than n', () => {
    expect(passAtK(5, 2, 0)).toBeNaN();
    expect(passAtK(5, 2, 6)).toBeNaN();
    expect(passAtK(0, 0, 1)).toBeNaN();
  });
});

describe('passHatK', () => {
  it.each([
    { n: 5, c: 2, k: 2, expected: 0.1 },
    { n: 10, c: 3, k: 1, expected: 0.3 },
    { n: 4, c: 4, k: 3, expected: 1 },
    { n: 4, c: 2, k: 3, expected: 0 },
  ])('gives $expected for n=$n, c=$c, k=$k', ({ n, c, k, expected }) => {
    expect(passHatK(n, c, k)).toBeCloseTo(expected, 10);
  });

  it('never exceeds pass@k for the same samples', () => {
    for (let c = 0; c <= 8; c++) expect(passHatK(8, c, 3)).toBeLessThanOrEqual(passAtK(8, c, 3));
  });

  it('returns NaN when k is larger than n', () => {
    expect(passHatK(3, 1, 4)).toBeNaN();
  });
});
