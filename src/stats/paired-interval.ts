/**
 * 95% intervals for a paired difference (head minus base), all built the same way: Newcombe's hybrid score
 * construction, also known as MOVER (Newcombe 1998, Stat Med 17:2635, method 10; Zou & Donner 2008). The
 * Wilson interval of each side's mean is combined with the correlation between the sides:
 *
 *   low  = d - sqrt((p1 - l1)^2 - 2r (p1 - l1)(u2 - p2) + (u2 - p2)^2)
 *   high = d + sqrt((u1 - p1)^2 - 2r (u1 - p1)(p2 - l2) + (p2 - l2)^2)
 *
 * with p1 the head mean, p2 the base mean and d = p1 - p2. It stays inside -1..1 and keeps close to nominal
 * coverage at the small n and extreme rates an eval suite produces, where the Wald interval (and a paired t
 * interval, whose spread is zero when every pair agrees) collapses to zero width. For pass/fail cells this is
 * exactly method 10. For values in 0..1 (scores, per-case pass rates over repeats) the Wilson interval of a
 * fractional sum uses the Bernoulli variance p(1 - p), the largest a 0..1 variable with mean p can have, so
 * the interval errs on the wide side. Deterministic and O(n): no seed, and 100,000 pairs take milliseconds.
 */
import { wilsonInterval } from './wilson.js';
import type { Interval } from './wilson.js';

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
 * Newcombe's method 10 interval for head pass rate minus base pass rate, with the paper's continuity-corrected
 * phi (numerator shrunk by n/2 when above n/2, zeroed when in 0..n/2; 0 when a margin is 0). Null when empty.
 */
export function newcombePairedInterval(table: PairedTable): Interval | null {
  const { bothPass: a, failToPass: c, passToFail: b, bothFail: d } = table;
  const n = a + b + c + d;
  if (n === 0) return null;
  const margins = (a + c) * (b + d) * (a + b) * (c + d);
  const cross = a * d - c * b;
  const corrected = cross > n / 2 ? cross - n / 2 : cross >= 0 ? 0 : cross;
  const phi = margins === 0 ? 0 : corrected / Math.sqrt(margins);
  return combine((a + c) / n, wilsonInterval(a + c, n), (a + b) / n, wilsonInterval(a + b, n), phi);
}

/**
 * MOVER-Wilson interval for mean(head) - mean(base) over paired values in 0..1 (one pair per unit), using
 * their Pearson correlation (0 when either side has no spread). Null for no pairs.
 */
export function moverPairedInterval(base: ArrayLike<number>, head: ArrayLike<number>): Interval | null {
  const n = base.length;
  if (n !== head.length) throw new RangeError(`paired interval: ${n} base values but ${head.length} head values`);
  if (n === 0) return null;
  let baseSum = 0;
  let headSum = 0;
  for (let i = 0; i < n; i++) {
    baseSum += base[i];
    headSum += head[i];
  }
  const baseMean = baseSum / n;
  const headMean = headSum / n;
  let covariance = 0;
  let baseSquares = 0;
  let headSquares = 0;
  for (let i = 0; i < n; i++) {
    covariance += (base[i] - baseMean) * (head[i] - headMean);
    baseSquares += (base[i] - baseMean) ** 2;
    headSquares += (head[i] - headMean) ** 2;
  }
  const spread = Math.sqrt(baseSquares * headSquares);
  const r = spread > 0 ? Math.max(-1, Math.min(1, covariance / spread)) : 0;
  return combine(headMean, wilsonInterval(headSum, n), baseMean, wilsonInterval(baseSum, n), r);
}

/** The MOVER combination of two single-mean intervals with correlation `r` (formula in the file comment). */
function combine(p1: number, w1: Interval, p2: number, w2: Interval, r: number): Interval {
  const estimate = p1 - p2;
  const below1 = p1 - w1.low;
  const above1 = w1.high - p1;
  const below2 = p2 - w2.low;
  const above2 = w2.high - p2;
  const lowHalf = Math.sqrt(Math.max(0, below1 ** 2 - 2 * r * below1 * above2 + above2 ** 2));
  const highHalf = Math.sqrt(Math.max(0, above1 ** 2 - 2 * r * above1 * below2 + below2 ** 2));
  return { low: Math.max(-1, estimate - lowHalf), high: Math.min(1, estimate + highHalf) };
}
