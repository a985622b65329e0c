import { z } from 'zod';
import { buildFactualityMessages, FACTUALITY_CATEGORIES, parseFactualityVerdict } from '../grader.js';
import { defineKind, kindSchema } from '../kind.js';
import { truncate } from '../reason-text.js';

const description = 'a grader model finds the answer consistent with the reference answer in value';

/**
 * `factuality`: a grader model puts the answer in one of the OpenAI evals categories against the reference
 * `value`: subset, superset, same, or differs only in irrelevant details pass (score 1); disagrees fails (0).
 * A failed request or a malformed verdict throws, which the caller records as the assertion's `error`.
 */
export const factuality = defineKind({
  type: 'factuality',
  description,
  schema: kindSchema('factuality', description, {
    value: z.string().min(1).describe('the reference answer'),
    model: z.string().min(1).optional().describe('grader model id (default: the suite grader, else gpt-4o-mini)'),
  }),
  async score(answer, spec, context) {
    if (context.grade === undefined) throw new Error('factuality needs a grader, and none was given to scoreAnswer');
    let reply: string;
    try {
      reply = await context.grade(buildFactualityMessages(spec.value, answer.output), { model: spec.model });
    } catch (error) {
      throw new Error(`grader request failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const parsed = parseFactualityVerdict(reply);
    if (!parsed.ok) throw new Error(parsed.error);
    const category = FACTUALITY_CATEGORIES[parsed.category];
    const graded = `${category.name} (${parsed.category}): ${truncate(parsed.reason, 200)}`;
    return {
      holds: category.pass,
      expected: 'to be consistent with the reference',
      got: graded,
      held: `is consistent with the reference, ${graded}`,
      missed: `is not consistent with the reference, ${graded}`,
    };
  },
});
