import { z } from 'zod';
import { defineKind, kindSchema } from '../kind.js';
import { numberArgument } from '../shorthand-values.js';

const description = 'the request took at most max milliseconds';

/** `latency`: the answer's recorded latency is at most `max` ms; fails when none was recorded. */
export const latency = defineKind({
  type: 'latency',
  description,
  schema: kindSchema('latency', description, {
    max: z.number().min(0).describe('largest allowed latency in milliseconds'),
  }),
  score(answer, spec) {
    const expected = `to take at most ${spec.max} ms`;
    if (answer.latencyMs === null) return { holds: false, expected, got: 'no recorded latency', held: '', missed: 'has no recorded latency' };
    const took = Math.round(answer.latencyMs);
    return {
      holds: answer.latencyMs <= spec.max,
      expected,
      got: `${took} ms`,
      held: `took ${took} ms, within ${spec.max} ms`,
      missed: `took ${took} ms, more than ${spec.max} ms`,
    };
  },
  shorthand: (argument) => ({ max: numberArgument(argument) }),
});
