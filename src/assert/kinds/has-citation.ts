import { z } from 'zod';
import { defineKind, kindSchema } from '../kind.js';
import { numberArgument } from '../shorthand-values.js';

/** Citations needed when `min` is not given. @default 1 */
const DEFAULT_MIN_CITATIONS = 1;

const description = 'the answer carries at least min url_citation annotations (search models)';

/** Plural-aware count: "1 citation", "3 citations". */
function citations(count: number): string {
  return `${count} citation${count === 1 ? '' : 's'}`;
}

/** `has-citation`: the answer has at least `min` url citations, as search models attach them. */
export const hasCitation = defineKind({
  type: 'has-citation',
  description,
  schema: kindSchema('has-citation', description, {
    min: z.int().min(1).optional().describe('fewest citations that pass (default 1)'),
  }),
  score(answer, spec) {
    const min = spec.min ?? DEFAULT_MIN_CITATIONS;
    const count = answer.citations.length;
    return {
      holds: count >= min,
      expected: `to have at least ${citations(min)}`,
      got: citations(count),
      held: `has ${citations(count)}`,
      missed: `has ${citations(count)}, fewer than ${min}`,
    };
  },
  shorthand: (argument) => ({ min: numberArgument(argument) }),
});
