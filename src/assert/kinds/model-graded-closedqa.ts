import { z } from 'zod';
import { buildClosedQaMessages, parseGraderVerdict } from '../grader.js';
import { defineKind, kindSchema } from '../kind.js';
import { truncate } from '../reason-text.js';

const description = 'a grader model says yes or no: does the answer meet the criterion in value';

/**
 * `model-graded-closedqa`: a grader model decides, yes or no, whether the answer meets the criterion `value`
 * (score 1 or 0). A failed request or a malformed verdict throws, which the caller records as `error`.
 */
export const modelGradedClosedqa = defineKind({
  type: 'model-graded-closedqa',
  description,
  schema: kindSchema('model-graded-closedqa', description, {
    value: z.string().min(1).describe('the criterion the answer must meet'),
    model: z.string().min(1).optional().describe('grader model id (default: the suite grader, else gpt-4o-mini)'),
  }),
  async score(answer, spec, context) {
    if (context.grade === undefined) throw new Error('model-graded-closedqa needs a grader, and none was given to scoreAnswer');
    let reply: string;
    try {
      reply = await context.grade(buildClosedQaMessages(spec.value, answer.output), { model: spec.model });
    } catch (error) {
      throw new Error(`grader request failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const parsed = parseGraderVerdict(reply);
    if (!parsed.ok) throw new Error(parsed.error);
    const graded = `${parsed.verdict.pass ? 'yes' : 'no'}: ${truncate(parsed.verdict.reason, 200)}`;
    return {
      holds: parsed.verdict.pass,
      expected: 'to meet the criterion',
      got: graded,
      held: `meets the criterion, ${graded}`,
      missed: `does not meet the criterion, ${graded}`,
    };
  },
});
