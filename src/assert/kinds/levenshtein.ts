import { z } from 'zod';
import { editDistance } from '../../suggest.js';
import { defineKind, kindSchema } from '../kind.js';
import { formatNumber, quote } from '../reason-text.js';
import { similarity } from '../similarity.js';

/** Edits allowed when `max` is not given. @default 5 */
const DEFAULT_MAX_EDITS = 5;

const description = 'the trimmed answer is at most max edits (code points) away from value';

/** `levenshtein`: edit distance between the trimmed answer and `value` is at most `max`; score 1 - d/longer. */
export const levenshtein = defineKind({
  type: 'levenshtein',
  description,
  schema: kindSchema('levenshtein', description, {
    value: z.string().describe('the expected answer'),
    max: z.int().min(0).optional().describe('largest allowed edit distance (default 5)'),
  }),
  score(answer, spec) {
    const max = spec.max ?? DEFAULT_MAX_EDITS;
    const output = answer.output.trim();
    const target = spec.value.trim();
    const distance = editDistance(output, target);
    const score = similarity(output, target);
    return {
      holds: distance <= max,
      score,
      expected: `to be within ${max} edits of ${quote(spec.value)}`,
      got: `${distance} edits (score ${formatNumber(score)}) for ${quote(answer.output)}`,
      held: `is ${distance} edits from ${quote(spec.value)}, within ${max}`,
      missed: `is ${distance} edits from ${quote(spec.value)}, more than ${max}`,
    };
  },
});
