import { z } from 'zod';
import { defineKind, kindSchema } from '../kind.js';
import { quote } from '../reason-text.js';

const description = 'the answer starts with value (leading whitespace ignored, case-sensitive)';

/** `starts-with`: the answer, after leading whitespace, starts with `value` (case-sensitive). */
export const startsWith = defineKind({
  type: 'starts-with',
  description,
  schema: kindSchema('starts-with', description, {
    value: z.string().min(1).describe('text the answer must start with'),
  }),
  score(answer, spec) {
    return {
      holds: answer.output.trimStart().startsWith(spec.value),
      expected: `to start with ${quote(spec.value)}`,
      got: quote(answer.output),
      held: `starts with ${quote(spec.value)}`,
      missed: `does not start with ${quote(spec.value)}`,
    };
  },
});
