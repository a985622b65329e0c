/** The 97.5% quantile of Student's t distribution, for 95% paired-mean intervals. */
import { Z_95 } from '../assert/index.js';

// t(0.975, df) for df = 1..30, from any standard table (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2).
const T_975 = [
  12.706204736, 4.30265273, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252, 2.306004135,
  2.262157163, 2.228138852, 2.20098516, 2.17881283, 2.160368656, 2.144786688, 2.131449546, 2.119905299,
  2.109815578, 2.10092204, 2.093024054, 2.085963447, 2.079613845, 2.073873068, 2.06865761, 2.063898562,
  2.059538553, 2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456,
];

/**
 * Two-sided 95% critical value of Student's t with `df` degrees of freedom. Exact table values up to 30; above,
 * the Cornish-Fisher expansion around the normal quantile, which is within 1e-5 of the true value there.
 */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) throw new RangeError(`t quantile: expected df >= 1, got ${df}`);
  const whole = Math.floor(df);
  if (whole <= T_975.length) return T_975[whole - 1];
  const z = Z_95;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  const g1 = (z3 + z) / 4;
  const g2 = (5 * z5 + 16 * z3 + 3 * z) / 96;
  const g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384;
  return z + g1 / whole + g2 / whole ** 2 + g3 / whole ** 3;
}
