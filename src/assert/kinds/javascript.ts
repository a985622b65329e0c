import { z } from 'zod';
import { checkContext, DEFAULT_CHECK_TIMEOUT_MS, describeSource, readCheckValue } from '../check-context.js';
import { defineKind, kindSchema } from '../kind.js';
import { formatNumber, truncate } from '../reason-text.js';
import { checkSourceIssues, sourceOf } from '../check-source.js';

const description = 'a JavaScript function (file + function) or expression (value) judges the answer';

/** Score a numeric return value must reach to pass, when the assertion sets no `threshold`. */
const DEFAULT_NUMBER_THRESHOLD = 0.5;

/**
 * `javascript`: a function exported by a module of the suite's repository (`file`, `function` or the default
 * export), or an expression written in the suite (`value`), called as `fn(output, context)` in a worker thread
 * with a time limit. Data files may not carry it (the suite loader refuses), so a data row is never executed.
 */
export const javascript = defineKind({
  type: 'javascript',
  description,
  schema: kindSchema('javascript', description, {
    value: z.string().min(1).optional().describe('an expression over output and context, such as "output.length < 200"'),
    file: z.string().min(1).optional().describe('a JavaScript module relative to the suite (.js, .mjs, .cjs)'),
    function: z.string().min(1).optional().describe('the exported function to call; @default the default export'),
    timeoutMs: z.int().positive().optional().describe('time limit of one call, in milliseconds; @default 5000'),
    threshold: z.number().min(0).max(1).optional().describe('score a numeric return value must reach to pass; @default 0.5'),
    config: z.unknown().optional().describe('any data, given to the check as context.config'),
  }).superRefine((spec, ctx) => {
    for (const issue of checkSourceIssues(spec)) ctx.addIssue({ code: 'custom', ...issue });
  }),
  async score(answer, spec, context) {
    if (context.runCheck === undefined) throw new Error('javascript needs a check runner, and none was given to scoreAnswer');
    const source = sourceOf(spec);
    const name = describeSource(source);
    const outcome = await context.runCheck({
      source,
      output: answer.output,
      context: checkContext(answer, context, spec.config),
      timeoutMs: spec.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS,
    });
    if (!outcome.ok) throw new Error(`check ${name} ${outcome.error}`);
    const verdict = readCheckValue(outcome.value, spec.threshold ?? DEFAULT_NUMBER_THRESHOLD);
    const said = verdict.reason === null ? `score ${formatNumber(verdict.score)}` : `score ${formatNumber(verdict.score)}: ${truncate(verdict.reason, 200)}`;
    return {
      holds: verdict.pass,
      score: verdict.score,
      expected: `to pass the check ${name}`,
      got: said,
      held: `passes the check ${name}, ${said}`,
      missed: `fails the check ${name}, ${said}`,
    };
  },
});
