import { editDistance } from './edit-distance.js';

/**
 * The candidate closest to a mistyped `name`, for "did you mean" hints; undefined when nothing is close.
 * Case is ignored and a swap of two adjacent letters counts as one edit. A candidate is close when at most
 * a third of the name's characters (at least one) need an edit, so "contians" finds "contains" but "json"
 * does not find "is-json". Ties go to the earlier candidate.
 */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  const wanted = name.toLowerCase();
  const allowed = Math.max(1, Math.floor(Array.from(wanted).length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase(), true);
    if (distance <= allowed && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (did you mean "x"?)` when a suggestion exists, else the empty string; appended to an error message. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const hint = suggest(name, candidates);
  return hint === undefined ? '' : ` (did you mean "${hint}"?)`;
}
