import { z } from 'zod';
import { buildGraderMessages, parseGraderVerdict } from '../grader.js';
import { defineKind, kindSchema } from '../kind.js';
import { formatNumber, truncate } from '../reason-text.js';

const description = 'a grader model judges the answer against the rubric in value';

/** Why the grader request failed, as one line. */
function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * `llm-rubric`: a grader model judges the answer against the rubric `value`. The grader's own pass decides,
 * unless `threshold` is set, in which case its score must reach it. A failed request or a malformed verdict
 * throws, which the caller records as the assertion's `error` (pass false, score 0).
 */
export const llmRubric = defineKind({
  type: 'llm-rubric',
  description,
  schema: kindSchema('llm-rubric', description, {
    value: z.string().min(1).describe('the rubric: what a good answer does'),
    model: z.string().min(1).optional().describe('grader model id (default: the suite grader, else gpt-4o-mini)'),
    threshold: z.number().min(0).max(1).optional().describe('pass when the grader score reaches this, instead of its pass'),
  }),
  async score(answer, spec, context) {
    if (context.grade === undefined) throw new Error('llm-rubric needs a grader, and none was given to scoreAnswer');
    let reply: string;
    try {
      reply = await context.grade(buildGraderMessages(spec.value, answer.output), { model: spec.model });
    } catch (error) {
      throw new Error(`grader request failed: ${describeFailure(error)}`, { cause: error });
    }
    const parsed = parseGraderVerdict(reply);
    if (!parsed.ok) throw new Error(parsed.error);
    const { verdict } = parsed;
    const holds = spec.threshold === undefined ? verdict.pass : verdict.score >= spec.threshold;
    const graded = `score ${formatNumber(verdict.score)}: ${truncate(verdict.reason, 200)}`;
    const bar = spec.threshold === undefined ? '' : ` (threshold ${formatNumber(spec.threshold)})`;
    return {
      holds,
      score: verdict.score,
      expected: `to satisfy the rubric${bar}`,
      got: graded,
      held: `satisfies the rubric${bar}, ${graded}`,
      missed: `does not satisfy the rubric${bar}, ${graded}`,
    };
  },
});
