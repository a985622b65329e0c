/**
 * The `__expected` column of data files: `icontains:Paris`, `regex:^\d+$`, `not-contains:error`,
 * `latency:2000`, a bare `is-json`, or plain text, which means `equals` (promptfoo's convention).
 */
import { closest } from '../suggest.js';
import { acceptedTypes, findKind } from './registry.js';

/** Edits (case ignored) within which a shorthand prefix counts as a typo of a kind. */
const MAX_TYPO_EDITS = 2;
import type { AssertionSpec } from './types.js';

/**
 * The assertion an `__expected` cell stands for. A prefix counts only when it names a kind, so `Note: yes` is
 * plain text. The argument after the colon is trimmed and turned into the kind's options; the result is not
 * validated here, so pass it to `validateAssertion` to report a bad cell.
 */
export function parseExpectedShorthand(text: string): AssertionSpec {
  const colon = text.indexOf(':');
  if (colon > 0) {
    const type = text.slice(0, colon).trim();
    const found = findKind(type);
    if (found) {
      const argument = text.slice(colon + 1).trim();
      const options = found.kind.shorthand ? found.kind.shorthand(argument) : { value: argument };
      return { type, ...options };
    }
    // `contians:Madrid` is a typo, not text that happens to hold a colon: kept as its (unknown) type, so
    // validation refuses it with a suggestion instead of an `equals` that can never pass.
    if (/^[\w-]+$/.test(type) && closest(type, acceptedTypes(), MAX_TYPO_EDITS) !== null) return { type, value: text.slice(colon + 1).trim() };
  }
  // A bare kind name stands for that kind when it needs no options (`is-json`, `has-citation`).
  const bare = text.trim();
  const found = findKind(bare);
  if (found && found.kind.schema.safeParse({ type: bare }).success) return { type: bare };
  return { type: 'equals', value: text };
}
