import { z } from 'zod';
import { defineKind, kindSchema } from '../kind.js';
import { numberArgument } from '../shorthand-values.js';

const description = 'the estimated cost was at most max USD (needs pricing in the suite)';

/** A USD amount with enough digits for per-request costs: $0.000123. */
function usd(amount: number): string {
  return `$${Number(amount.toPrecision(3))}`;
}

/** `cost`: the estimated cost is at most `max` USD; fails with a clear reason when the suite has no pricing. */
export const cost = defineKind({
  type: 'cost',
  description,
  schema: kindSchema('cost', description, {
    max: z.number().min(0).describe('largest allowed cost in USD'),
  }),
  score(answer, spec) {
    const expected = `to cost at most ${usd(spec.max)}`;
    if (answer.cost === null) {
      const why = 'an unknown cost: the suite has no pricing for this model';
      return { holds: false, expected, got: why, held: '', missed: `has ${why}` };
    }
    return {
      holds: answer.cost <= spec.max,
      expected,
      got: usd(answer.cost),
      held: `cost ${usd(answer.cost)}, within ${usd(spec.max)}`,
      missed: `cost ${usd(answer.cost)}, more than ${usd(spec.max)}`,
    };
  },
  shorthand: (argument) => ({ max: numberArgument(argument) }),
});
