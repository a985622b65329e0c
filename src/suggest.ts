/**
 * "Did you mean" hints: the one place that decides which known name a typo was meant to be and how the hint
 * reads, so every message (suite keys, assertion types, reserved columns, models) suggests the same way.
 * A leaf: it imports nothing of ours. Distances are over Unicode code points (not UTF-16 units), so an accented
 * letter or an emoji counts as one character, as a reader would count it.
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

/**
 * The candidate closest to a mistyped `input`, or null when nothing is close. Case is ignored and a swap of two
 * adjacent letters counts as one edit. By default a candidate is close when at most a third of the input's
 * characters (at least one) need an edit, so "contians" finds "contains" but "json" does not find "is-json".
 * Ties go to the earlier candidate; an empty candidate is never suggested (the hint would read `""`).
 */
export function closest(input: string, candidates: Iterable<string>, maxDistance?: number): string | null {
  const wanted = input.toLowerCase();
  const allowed = maxDistance ?? Math.max(1, Math.floor(Array.from(wanted).length / 3));
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === '') continue;
    const distance = editDistance(wanted, candidate.toLowerCase(), true);
    if (distance <= allowed && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (did you mean "x"?)` when a candidate is close to `input`, else the empty string; appended to a message. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const hint = closest(input, candidates);
  return hint === null ? '' : ` (did you mean "${hint}"?)`;
}
