import { z } from 'zod';
import { defineKind, kindSchema } from '../kind.js';
import { quote } from '../reason-text.js';

const description = 'the answer equals value exactly (surrounding whitespace ignored)';

/** `equals`: the answer is exactly `value`, ignoring surrounding whitespace (models often end with a newline). */
export const equals = defineKind({
  type: 'equals',
  description,
  schema: kindSchema('equals', description, {
    value: z.string().describe('the expected answer'),
  }),
  score(answer, spec) {
    const holds = answer.output.trim() === spec.value.trim();
    return {
      holds,
      expected: `to equal ${quote(spec.value)}`,
      got: quote(answer.output),
      held: `equals ${quote(spec.value)}`,
      missed: `does not equal ${quote(spec.value)}`,
    };
  },
});
