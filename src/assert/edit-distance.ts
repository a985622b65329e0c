/**
 * Edit distances over Unicode code points (not UTF-16 units), so an accented letter or an emoji counts as one
 * character, as a reader would count it.
 */

/**
 * Levenshtein distance: insertions, deletions and substitutions. With `transpositions`, swapping two adjacent
 * characters also costs 1 (optimal string alignment), which is what a typo like "contians" needs.
 */
export function editDistance(a: string, b: string, transpositions = false): number {
  const left = Array.from(a);
  const right = Array.from(b);
  if (left.length === 0) return right.length;
  if (right.length === 0) return left.length;
  // Three rolling rows: the one before the previous row is only needed for transpositions.
  let older: number[] = [];
  let previous = Array.from({ length: right.length + 1 }, (_, j) => j);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (transpositions && i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1]) {
        best = Math.min(best, older[j - 2] + 1);
      }
      current.push(best);
    }
    older = previous;
    previous = current;
  }
  return previous[right.length];
}

/** Similarity in 0..1: 1 - distance / length of the longer string; two empty strings are identical (1). */
export function similarity(a: string, b: string): number {
  const longer = Math.max(Array.from(a).length, Array.from(b).length);
  if (longer === 0) return 1;
  return 1 - editDistance(a, b) / longer;
}
