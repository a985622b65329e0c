import { describe, expect, it } from 'vitest';
import { signTest } from '../../src/stats/index.js';

// Expected p-values are exact two-sided binomial probabilities at 1/2 over the non-tied differences
// (R: binom.test(positive, positive + negative)$p.value).
describe('signTest', () => {
  it.each([
    { name: 'six gains and two ties', differences: [0.5, 1, 0.25, 0, 0, 1 / 3, 1, 1], positive: 6, negative: 0, ties: 2, p: 0.03125 },
    { name: 'one gain against nine losses', differences: [0.1, ...Array(9).fill(-1 / 3)], positive: 1, negative: 9, ties: 0, p: 0.021484375 },
    { name: 'balanced changes', differences: [1, -1, 0.5, -0.5], positive: 2, negative: 2, ties: 0, p: 1 },
    { name: 'only ties', differences: [0, 0, 0], positive: 0, negative: 0, ties: 3, p: 1 },
    { name: 'five losses of twenty', differences: [...Array(5).fill(-0.2), ...Array(15).fill(0.4)], positive: 15, negative: 5, ties: 0, p: 0.04138946533203125 },
  ])('counts and tests $name', ({ differences, positive, negative, ties, p }) => {
    const result = signTest(differences);
    expect(result).toMatchObject({ positive, negative, ties });
    expect(result.pValue).toBeCloseTo(p, 12);
  });

  it('refuses a NaN difference instead of counting it as a tie', () => {
    expect(() => signTest([1, Number.NaN])).toThrow(RangeError);
  });
});
