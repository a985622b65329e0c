/** Similarity of two strings from their edit distance, for the `similar` and `levenshtein` kinds. */
import { editDistance } from '../suggest.js';

/** Similarity in 0..1: 1 - distance / length of the longer string (in code points); two empty strings are identical (1). */
export function similarity(a: string, b: string): number {
  const longer = Math.max(Array.from(a).length, Array.from(b).length);
  if (longer === 0) return 1;
  return 1 - editDistance(a, b) / longer;
}
