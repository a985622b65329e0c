import { z } from 'zod';
import { deepEqual } from '../deep-equal.js';
import { defineKind, kindSchema } from '../kind.js';
import { readJsonAnswer } from '../json-answer.js';
import { formatJsonPath, parseJsonPath, resolveJsonPath } from '../json-path.js';
import { quote } from '../reason-text.js';

const description = 'the value at path in the answer JSON exists, or deep-equals value when given';

/** `json-path`: the answer's JSON (see `is-json`) has a value at `path`, deep-equal to `value` when given. */
export const jsonPath = defineKind({
  type: 'json-path',
  description,
  schema: kindSchema('json-path', description, {
    path: z
      .string()
      .describe('where to look: $.contact.email, contact.email or items[0].name')
      .superRefine((path, ctx) => {
        const parsed = parseJsonPath(path);
        if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `invalid path ${quote(path)}: ${parsed.problem}` });
      }),
    value: z.unknown().optional().describe('the expected value (deep equality); omit to only require that it exists'),
  }),
  score(answer, spec) {
    const parsed = parseJsonPath(spec.path);
    if (!parsed.ok) throw new Error(`invalid path ${quote(spec.path)}: ${parsed.problem}`);
    const where = formatJsonPath(parsed.steps);
    const wantsValue = spec.value !== undefined;
    const expected = wantsValue ? `to have ${quote(spec.value)} at ${where}` : `to have a value at ${where}`;
    const json = readJsonAnswer(answer.output);
    if (!json.ok) return { holds: false, expected, got: `${json.problem}: ${quote(answer.output)}`, held: '', missed: `is not valid JSON: ${json.problem}` };
    const found = resolveJsonPath(json.value, parsed.steps);
    if (!found.found) return { holds: false, expected, got: `nothing at ${found.at}`, held: '', missed: `has nothing at ${found.at}` };
    const holds = !wantsValue || deepEqual(found.value, spec.value);
    return {
      holds,
      expected,
      got: `${quote(found.value)} at ${where}`,
      held: `has ${quote(found.value)} at ${where}`,
      missed: `has ${quote(found.value)} at ${where}, not ${quote(spec.value)}`,
    };
  },
  shorthand: (argument) => ({ path: argument }),
});
