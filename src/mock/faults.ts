/**
 * Seeded fault injection. One uniform draw per unscripted chat request falls into consecutive bands of the
 * [0, 1) line, one band per fault kind in `FAULT_KINDS` order, so a seed and a given order of requests always
 * fault the same requests. Requests answered by the script draw nothing.
 */

import { createRng } from './hash.js';
import type { MockFaults } from './types.js';

/** A kind of injected fault. */
export type FaultKind = 'rateLimit' | 'serverError' | 'reset' | 'slowFirstByte' | 'truncatedStream' | 'malformedJson';

/** The rate fields of `MockFaults`, in band order. */
export const FAULT_KINDS: readonly FaultKind[] = [
  'rateLimit',
  'serverError',
  'reset',
  'slowFirstByte',
  'truncatedStream',
  'malformedJson',
];

/** Throws a TypeError naming the first fault option that is out of range. */
export function checkFaults(faults: MockFaults): void {
  let total = 0;
  for (const kind of FAULT_KINDS) {
    const rate = faults[kind] ?? 0;
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
      throw new TypeError(`faults.${kind}: expected a rate between 0 and 1, got ${String(rate)}`);
    }
    total += rate;
  }
  if (total > 1 + 1e-9) throw new TypeError(`faults: expected rates that add up to at most 1, got ${total}`);
  for (const field of ['retryAfterSeconds', 'slowFirstByteMs'] as const) {
    const value = faults[field];
    if (value !== undefined && !(typeof value === 'number' && value >= 0 && Number.isFinite(value))) {
      throw new TypeError(`faults.${field}: expected a non-negative number, got ${String(value)}`);
    }
  }
}

/** Returns a function that draws the fault of the next request, or null for a normal answer. */
export function createFaultPicker(faults: MockFaults, seed: number): () => FaultKind | null {
  const bands = FAULT_KINDS.map((kind) => ({ kind, rate: faults[kind] ?? 0 })).filter((band) => band.rate > 0);
  if (bands.length === 0) return () => null;
  const next = createRng(seed);
  return () => {
    let draw = next();
    for (const band of bands) {
      if (draw < band.rate) return band.kind;
      draw -= band.rate;
    }
    return null;
  };
}
