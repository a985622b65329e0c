/** Exact McNemar test for paired pass/fail outcomes. */
import { binomialTwoSidedP } from './binomial-test.js';

/**
 * Exact (conditional) McNemar p-value from the discordant pairs: `b` cells that passed in the base and failed in
 * the head, `c` cells that failed in the base and passed in the head. Concordant pairs carry no information
 * about a change, so under "no change" b is Binomial(b + c, 1/2). The exact test is used instead of the
 * chi-square approximation because eval diffs often have only a handful of flips.
 */
export function mcnemarExact(b: number, c: number): number {
  return binomialTwoSidedP(b, b + c);
}
