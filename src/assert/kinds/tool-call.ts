import { z } from 'zod';
import { defineKind, kindSchema } from '../kind.js';
import { jsonSchemaProblem } from '../json-schema-validator.js';
import { callMismatch, describeCalls, describeExpectedCall } from '../tool-match.js';

const description = 'the answer calls tool name (with arguments containing arguments, valid against schema), count times';

/** A JSON Schema option, compiled when the suite loads. */
export const argumentsSchemaOption = z
  .record(z.string(), z.unknown())
  .superRefine((schema, ctx) => {
    const problem = jsonSchemaProblem(schema);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `invalid JSON Schema: ${problem}` });
  });

/** `count` as words: "exactly 2 times", "2 to 3 times", "at least 1 time". */
function describeCount(count: number | { min?: number | undefined; max?: number | undefined } | undefined): string {
  if (count === undefined) return '';
  if (typeof count === 'number') return ` exactly ${count} time${count === 1 ? '' : 's'}`;
  if (count.min !== undefined && count.max !== undefined) return ` ${count.min} to ${count.max} times`;
  return count.min !== undefined ? ` at least ${count.min} times` : ` at most ${count.max} times`;
}

/**
 * `tool-call`: some call matches `name`, the `arguments` subset (templated with the case's variables) and the
 * `schema`; with `count`, the number of matching calls is exactly it or within `{min, max}`.
 */
export const toolCall = defineKind({
  type: 'tool-call',
  description,
  schema: kindSchema('tool-call', description, {
    name: z.string().min(1).optional().describe('the tool name; @default any tool'),
    arguments: z.record(z.string(), z.unknown()).optional().describe('a subset of the arguments that must deep-equal'),
    schema: argumentsSchemaOption.optional().describe('a JSON Schema the arguments must match'),
    count: z
      .union([z.int().min(0), z.object({ min: z.int().min(0).optional(), max: z.int().min(0).optional() }).strict()])
      .optional()
      .describe('matching calls: exactly this many, or {min, max}; @default at least one'),
  }),
  score(answer, spec) {
    const matching = answer.toolCalls.filter((call) => callMismatch(call, spec) === null);
    const { count } = spec;
    const holds =
      count === undefined
        ? matching.length > 0
        : typeof count === 'number'
          ? matching.length === count
          : (count.min === undefined || matching.length >= count.min) && (count.max === undefined || matching.length <= count.max);
    const wanted = `${describeExpectedCall(spec)}${describeCount(count)}`;
    const why = answer.toolCalls.map((call) => callMismatch(call, spec)).find((reason) => reason !== null);
    const got = `${describeCalls(answer.toolCalls)}${matching.length === 0 && why ? ` (${why})` : count !== undefined ? ` (${matching.length} matching)` : ''}`;
    return { holds, expected: `to call ${wanted}`, got, held: `calls ${wanted}`, missed: `does not call ${wanted}` };
  },
  shorthand: (argument) => (argument === '' ? {} : { name: argument }),
});
