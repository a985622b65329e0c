import { z } from 'zod';
import { defineKind, kindSchema } from '../kind.js';
import { numberArgument } from '../shorthand-values.js';

const description = 'the answer used at most max completion tokens';

/** `max-tokens`: the server-reported completion tokens are at most `max`; fails when usage is unknown. */
export const maxTokens = defineKind({
  type: 'max-tokens',
  description,
  schema: kindSchema('max-tokens', description, {
    max: z.int().min(0).describe('largest allowed number of completion tokens'),
  }),
  score(answer, spec) {
    const expected = `to use at most ${spec.max} completion tokens`;
    const used = answer.completionTokens;
    if (used === null) return { holds: false, expected, got: 'no reported token usage', held: '', missed: 'has no reported token usage' };
    return {
      holds: used <= spec.max,
      expected,
      got: `${used} tokens`,
      held: `used ${used} completion tokens, within ${spec.max}`,
      missed: `used ${used} completion tokens, more than ${spec.max}`,
    };
  },
  shorthand: (argument) => ({ max: numberArgument(argument) }),
});
