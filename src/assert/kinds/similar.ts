import { z } from 'zod';
import { similarity } from '../similarity.js';
import { defineKind, kindSchema } from '../kind.js';
import { formatNumber, quote } from '../reason-text.js';

/** Similarity needed when `threshold` is not given. @default 0.8 */
const DEFAULT_THRESHOLD = 0.8;

const description = 'the trimmed answer is at least threshold similar to value (1 - edits / longer length)';

/** `similar`: normalised edit similarity of the trimmed answer to `value` is at least `threshold`. */
export const similar = defineKind({
  type: 'similar',
  description,
  schema: kindSchema('similar', description, {
    value: z.string().describe('the expected answer'),
    threshold: z.number().min(0).max(1).optional().describe('smallest similarity in 0..1 that passes (default 0.8)'),
  }),
  score(answer, spec) {
    const threshold = spec.threshold ?? DEFAULT_THRESHOLD;
    const score = similarity(answer.output.trim(), spec.value.trim());
    const shown = formatNumber(score);
    return {
      holds: score >= threshold,
      score,
      expected: `to be at least ${formatNumber(threshold)} similar to ${quote(spec.value)}`,
      got: `${shown} for ${quote(answer.output)}`,
      held: `is ${shown} similar to ${quote(spec.value)}, at least ${formatNumber(threshold)}`,
      missed: `is ${shown} similar to ${quote(spec.value)}, below ${formatNumber(threshold)}`,
    };
  },
});
