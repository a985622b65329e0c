/**
 * Deterministic hashing and a seeded generator. The mock never reads the clock or `Math.random` for anything a
 * client can observe, so every answer is a pure function of the request and the seed.
 */
import { seededRandom } from '../stats/index.js';

/** A 53-bit non-cryptographic hash of `text` (two 32-bit multiply-xorshift lanes combined). */
export function hashString(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The hash of `parts` joined unambiguously, as lower-case hex of `length` characters (at most 13). */
export function hashHex(parts: readonly unknown[], length = 12): string {
  return hashString(JSON.stringify(parts)).toString(16).padStart(14, '0').slice(-length);
}

/** A seeded uniform generator in [0, 1) (the stats leaf's mulberry32, seeded by a hash): good enough for fault draws. */
export function createRng(seed: number): () => number {
  return seededRandom(hashString(String(seed)));
}

/** Picks one item of a non-empty list by a hash value. */
export function pick<T>(items: readonly T[], hash: number): T {
  return items[hash % items.length];
}
