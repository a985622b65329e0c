import { z } from 'zod';
import { defineKind, kindSchema } from '../kind.js';
import { quote } from '../reason-text.js';

const description = 'the answer contains value (case-sensitive)';

/** `contains`: the answer contains `value`, case-sensitive. */
export const contains = defineKind({
  type: 'contains',
  description,
  schema: kindSchema('contains', description, {
    value: z.string().min(1).describe('text the answer must contain'),
  }),
  score(answer, spec) {
    return {
      holds: answer.output.includes(spec.value),
      expected: `to contain ${quote(spec.value)}`,
      got: quote(answer.output),
      held: `contains ${quote(spec.value)}`,
      missed: `does not contain ${quote(spec.value)}`,
    };
  },
});
