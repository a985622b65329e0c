/** Exact sign test for paired differences. */
import { binomialTwoSidedP } from './binomial-test.js';

/** Outcome of a sign test. */
export interface SignTestResult {
  /** Differences above zero (the head did better). */
  positive: number;
  /** Differences below zero (the head did worse). */
  negative: number;
  /** Differences equal to zero; dropped from the test. */
  ties: number;
  /** Two-sided exact p-value; 1 when every difference is a tie. */
  pValue: number;
}

/**
 * Exact sign test on paired differences (head minus base), ties dropped. It assumes nothing about the shape of
 * the differences, which suits per-case pass rates over a few repeats (values like 0, 1/3, 2/3, 1).
 */
export function signTest(differences: Iterable<number>): SignTestResult {
  let positive = 0;
  let negative = 0;
  let ties = 0;
  for (const difference of differences) {
    if (Number.isNaN(difference)) throw new RangeError('sign test: a difference is NaN');
    if (difference > 0) positive++;
    else if (difference < 0) negative++;
    else ties++;
  }
  return { positive, negative, ties, pValue: binomialTwoSidedP(positive, positive + negative) };
}
