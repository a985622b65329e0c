/** Combining a case's assertion results into its pass and score. */
import type { AssertionResult } from './types.js';

/** Slack for float sums, so weights 1, 1, 1 with scores 1, 1, 0 reach a threshold of 2/3 written as 0.6667. */
const EPSILON = 1e-9;

/** A case's verdict. */
export interface CaseScore {
  pass: boolean;
  /** Weighted mean of the assertion scores, in 0..1. */
  score: number;
}

/**
 * Score = mean of assertion scores weighted by `weight`; weight-0 assertions are informational and count for
 * neither score nor pass. Pass = every counted assertion passes, or, with `threshold` (0..1), the score
 * reaches it. No counted assertions means score 1 and pass. Errored assertions count as failed with score 0.
 */
export function scoreCase(results: readonly AssertionResult[], threshold?: number): CaseScore {
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) {
    throw new TypeError(`expected threshold in 0..1, got ${threshold}`);
  }
  const counted = results.filter((result) => result.weight > 0);
  const totalWeight = counted.reduce((sum, result) => sum + result.weight, 0);
  if (totalWeight === 0) return { pass: true, score: 1 };
  const weighted = counted.reduce((sum, result) => sum + result.weight * result.score, 0);
  const score = Math.min(1, Math.max(0, weighted / totalWeight));
  const pass = threshold === undefined ? counted.every((result) => result.pass) : score + EPSILON >= threshold;
  return { pass, score };
}
