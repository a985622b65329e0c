/**
 * The four list kinds (`contains-any`, `contains-all` and their case-insensitive twins) differ only in the
 * quantifier and the case folding, so each kind file is one call to `listKind`.
 */
import { z } from 'zod';
import { defineKind, kindSchema } from '../kind.js';
import { quote, quoteList } from '../reason-text.js';
import { listArgument } from '../shorthand-values.js';
import { foldCase } from '../text-fold.js';

/** Which of the values must appear. */
type Quantifier = 'any' | 'all';

/** Builds a list kind named `type`; `ignoreCase` folds case and Unicode form on both sides. */
export function listKind<T extends string>(type: T, quantifier: Quantifier, ignoreCase: boolean) {
  const caseNote = ignoreCase ? ', ignoring case' : '';
  const description =
    quantifier === 'any' ? `the answer contains at least one of the values${caseNote}` : `the answer contains every value${caseNote}`;
  const fold = ignoreCase ? foldCase : (text: string) => text;
  return defineKind({
    type,
    description,
    schema: kindSchema(type, description, {
      value: z.array(z.string().min(1)).min(1).describe('the texts to look for'),
    }),
    score(answer, spec) {
      const output = fold(answer.output);
      const found = spec.value.filter((value) => output.includes(fold(value)));
      const missing = spec.value.filter((value) => !found.includes(value));
      const inCase = ignoreCase ? ' in any case' : '';
      const holds = quantifier === 'any' ? found.length > 0 : missing.length === 0;
      return {
        holds,
        expected: quantifier === 'any' ? `to contain one of ${quoteList(spec.value, 'or')}${inCase}` : `to contain all of ${quoteList(spec.value)}${inCase}`,
        got: quantifier === 'all' && missing.length > 0 ? `${quote(answer.output)}, missing ${quoteList(missing)}` : quote(answer.output),
        held: quantifier === 'any' ? `contains ${quoteList(found)}` : `contains all of ${quoteList(spec.value)}`,
        missed: quantifier === 'any' ? `contains none of ${quoteList(spec.value)}` : `is missing ${quoteList(missing)}`,
      };
    },
    shorthand: (argument) => ({ value: listArgument(argument) }),
  });
}
