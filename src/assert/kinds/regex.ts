import { z } from 'zod';
import { defineKind, kindSchema } from '../kind.js';
import { quote, truncate } from '../reason-text.js';

/** Why `new RegExp` refused a pattern, without V8's "Invalid regular expression: /…/:" prefix. */
function regexProblem(pattern: string, flags: string | undefined): string | undefined {
  try {
    new RegExp(pattern, flags);
    return undefined;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const detail = text.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    return detail.charAt(0).toLowerCase() + detail.slice(1);
  }
}

const description = 'the answer matches the regular expression value';

/** `regex`: the answer matches the JavaScript regular expression `value` (with `flags`). */
export const regex = defineKind({
  type: 'regex',
  description,
  schema: kindSchema('regex', description, {
    value: z.string().describe('a JavaScript regular expression, without slashes'),
    flags: z.string().optional().describe('regular expression flags such as "i" or "ms"'),
  }).superRefine((spec, ctx) => {
    // Checked when the suite is loaded so a typo fails before any request is spent.
    if (spec.flags !== undefined && regexProblem('', spec.flags) !== undefined) {
      const message = `invalid regex flags ${quote(spec.flags)}: expected distinct letters from "dgimsuvy", not both u and v`;
      ctx.addIssue({ code: 'custom', path: ['flags'], message });
      return;
    }
    const problem = regexProblem(spec.value, spec.flags);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: `invalid regex: ${problem}` });
  }),
  async score(answer, spec, context) {
    // Shown as written between slashes, not JSON-quoted: quoting doubled every backslash (`/v?\\d+/`).
    const shown = truncate(`/${spec.value}/${spec.flags ?? ''}`);
    const holds = context.match ? await context.match(spec.value, spec.flags, answer.output) : new RegExp(spec.value, spec.flags).test(answer.output);
    return {
      holds,
      expected: `to match ${shown}`,
      got: quote(answer.output),
      held: `matches ${shown}`,
      missed: `does not match ${shown}`,
    };
  },
});
