/**
 * 95% intervals for a paired difference (head minus base).
 *
 * Pass/fail with one repeat per cell: Newcombe's hybrid score interval for the difference of paired proportions
 * (Newcombe 1998, Stat Med 17:2635, method 10). It combines the Wilson intervals of the two marginal pass rates
 * with their correlation, stays inside -1..1, and keeps close to nominal coverage at the small n and extreme
 * rates an eval suite produces, where the Wald interval collapses to zero width.
 *
 * Anything else (mean scores, per-case pass rates over repeats): the paired t interval over per-unit
 * differences. It is deterministic (reports need no seed and re-render identically) and O(n); a bootstrap over
 * 100,000 cells costs seconds per resampling pass, which the 3 s compare budget cannot pay.
 */
import { wilsonInterval } from '../assert/index.js';
import type { Interval } from '../assert/index.js';
import { tQuantile975 } from './t-quantile.js';

/** A paired 2x2 table of pass/fail outcomes. */
export interface PairedTable {
  /** Passed in both runs. */
  bothPass: number;
  /** Passed in the base, failed in the head. */
  passToFail: number;
  /** Failed in the base, passed in the head. */
  failToPass: number;
  /** Failed in both runs. */
  bothFail: number;
}

/**
 * Newcombe's method 10 interval for head pass rate minus base pass rate. Uses the continuity-corrected phi of
 * the paper (numerator shrunk by n/2 when positive, zeroed when in 0..n/2). Null when the table is empty.
 */
export function newcombePairedInterval(table: PairedTable): Interval | null {
  const { bothPass: a, failToPass: c, passToFail: b, bothFail: d } = table;
  const n = a + b + c + d;
  if (n === 0) return null;
  const headPass = a + c;
  const basePass = a + b;
  const p1 = headPass / n;
  const p2 = basePass / n;
  const w1 = wilsonInterval(headPass, n);
  const w2 = wilsonInterval(basePass, n);
  const phi = correctedPhi(a, c, b, d);
  const lowerHead = p1 - w1.low;
  const upperHead = w1.high - p1;
  const lowerBase = p2 - w2.low;
  const upperBase = w2.high - p2;
  const estimate = p1 - p2;
  const delta = Math.sqrt(Math.max(0, lowerHead ** 2 - 2 * phi * lowerHead * upperBase + upperBase ** 2));
  const epsilon = Math.sqrt(Math.max(0, upperHead ** 2 - 2 * phi * upperHead * lowerBase + lowerBase ** 2));
  return { low: Math.max(-1, estimate - delta), high: Math.min(1, estimate + epsilon) };
}

/** phi of the 2x2 table [[n11, n12], [n21, n22]] with Newcombe's continuity correction; 0 if a margin is 0. */
function correctedPhi(n11: number, n12: number, n21: number, n22: number): number {
  const n = n11 + n12 + n21 + n22;
  const margins = (n11 + n12) * (n21 + n22) * (n11 + n21) * (n12 + n22);
  if (margins === 0) return 0;
  const cross = n11 * n22 - n12 * n21;
  const corrected = cross > n / 2 ? cross - n / 2 : cross >= 0 ? 0 : cross;
  return corrected / Math.sqrt(margins);
}

/** Mean of paired differences with its 95% paired t interval. */
export interface MeanDifference {
  /** Units (pairs) the mean is over. */
  n: number;
  mean: number;
  /** Null when n < 2: the spread is unknown. */
  interval: Interval | null;
}

/**
 * Paired t interval for the mean of `differences` (each in -1..1), clamped to -1..1. Null for no differences.
 */
export function pairedMeanInterval(differences: ArrayLike<number>): MeanDifference | null {
  const n = differences.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += differences[i];
  const mean = sum / n;
  if (n < 2) return { n, mean, interval: null };
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (differences[i] - mean) ** 2;
  const half = tQuantile975(n - 1) * Math.sqrt(squares / (n - 1) / n);
  return { n, mean, interval: { low: Math.max(-1, mean - half), high: Math.min(1, mean + half) } };
}
