import { z } from 'zod';
import { defineKind, kindSchema } from '../kind.js';
import { quote } from '../reason-text.js';
import { foldCase } from '../text-fold.js';

const description = 'the answer contains value, ignoring case and Unicode normalisation';

/** `icontains`: the answer contains `value` ignoring case and Unicode form ("BRASÍLIA" matches "brasília"). */
export const icontains = defineKind({
  type: 'icontains',
  description,
  schema: kindSchema('icontains', description, {
    value: z.string().min(1).describe('text the answer must contain, in any case'),
  }),
  score(answer, spec) {
    return {
      holds: foldCase(answer.output).includes(foldCase(spec.value)),
      expected: `to contain ${quote(spec.value)} in any case`,
      got: quote(answer.output),
      held: `contains ${quote(spec.value)} ignoring case`,
      missed: `does not contain ${quote(spec.value)} in any case`,
    };
  },
});
