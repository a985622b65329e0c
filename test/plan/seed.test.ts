import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chooseSeed, deriveSeed, SEED_LIMIT } from '../../src/plan/index.js';

/** The documented derivation, written independently: sha256 of the four values joined by NUL, 4 bytes, top bit cleared. */
function reference(suiteSeed: number, promptId: string, caseId: string, repeat: number): number {
  return createHash('sha256').update(`${suiteSeed}\0${promptId}\0${caseId}\0${repeat}`).digest().readUInt32BE(0) >>> 1;
}

describe('deriveSeed', () => {
  it.each([
    { suiteSeed: 0, prompt: 'fresh-facts', caseId: 'nobel-literature', repeat: 0, seed: 692417394 },
    { suiteSeed: 0, prompt: 'capital', caseId: 'france-3f9a1c', repeat: 0, seed: reference(0, 'capital', 'france-3f9a1c', 0) },
    { suiteSeed: 42, prompt: 'p', caseId: 'c', repeat: 3, seed: reference(42, 'p', 'c', 3) },
    { suiteSeed: 2 ** 31 - 1, prompt: 'ünïcode', caseId: 'ケース', repeat: 999, seed: reference(2 ** 31 - 1, 'ünïcode', 'ケース', 999) },
  ])('derives $seed for ($suiteSeed, $prompt, $caseId, $repeat)', ({ suiteSeed, prompt, caseId, repeat, seed }) => {
    expect(deriveSeed(suiteSeed, prompt, caseId, repeat)).toBe(seed);
  });

  it('stays an integer in [0, 2^31) over many inputs', () => {
    for (let index = 0; index < 2000; index++) {
      const seed = deriveSeed(index, `p${index % 7}`, `c${index}`, index % 5);
      expect(Number.isInteger(seed)).toBe(true);
      expect(seed).toBeGreaterThanOrEqual(0);
      expect(seed).toBeLessThan(SEED_LIMIT);
    }
  });

  it('differs across repeats, cases, prompts and suite seeds', () => {
    const base = deriveSeed(0, 'p', 'c', 0);
    expect(new Set([base, deriveSeed(0, 'p', 'c', 1), deriveSeed(0, 'p', 'd', 0), deriveSeed(0, 'q', 'c', 0), deriveSeed(1, 'p', 'c', 0)]).size).toBe(5);
  });

  it('does not confuse ids that only differ in where a separator falls', () => {
    expect(deriveSeed(0, 'ab', 'c', 0)).not.toBe(deriveSeed(0, 'a', 'bc', 0));
  });
});

describe('chooseSeed', () => {
  it.each([
    { explicit: undefined, derived: 123, repeat: 0, seed: 123 },
    { explicit: null, derived: 123, repeat: 4, seed: 123 },
    { explicit: 7, derived: 123, repeat: 0, seed: 7 },
    { explicit: 7, derived: 123, repeat: 2, seed: 9 },
    { explicit: 0, derived: 123, repeat: 0, seed: 0 },
    { explicit: SEED_LIMIT - 1, derived: 123, repeat: 1, seed: 0 },
  ])('sends $seed for explicit $explicit, derived $derived, repeat $repeat', ({ explicit, derived, repeat, seed }) => {
    expect(chooseSeed(explicit, derived, repeat)).toBe(seed);
  });
});
