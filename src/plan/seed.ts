/**
 * Seeds. Every cell gets a seed derived from (suite seed, prompt id, case id, repeat index) and nothing else:
 * the same for every model of a row, so models are compared on equal terms, and the same in every run, so runs
 * are reproducible. sha256 of the four values joined by NUL, first 4 bytes as an unsigned integer, top bit
 * cleared: an integer in [0, 2^31) that every provider accepts.
 */
import { sha256Hex } from '../suite/index.js';

/** Exclusive upper bound of a seed. */
export const SEED_LIMIT = 2 ** 31;

/** The derived seed of a cell. */
export function deriveSeed(suiteSeed: number, promptId: string, caseId: string, repeat: number): number {
  // The first 8 hex digits are the first 4 bytes, read big-endian.
  return Number.parseInt(sha256Hex(`${suiteSeed}\0${promptId}\0${caseId}\0${repeat}`).slice(0, 8), 16) >>> 1;
}

/**
 * The seed a cell sends. An explicit seed (case, then model params, then suite defaults) wins over the derived
 * one; repeats add their index to it so that `repeat: 5` still means five different samples.
 */
export function chooseSeed(explicit: number | null | undefined, derived: number, repeat: number): number {
  if (explicit === null || explicit === undefined) return derived;
  return (explicit + repeat) % SEED_LIMIT;
}
