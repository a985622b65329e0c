import { z } from 'zod';
import { defineKind, kindSchema } from '../kind.js';
import { callMismatch, describeCalls, describeExpectedCall, type ExpectedCall } from '../tool-match.js';
import type { ToolCall } from '../types.js';
import { argumentsSchemaOption } from './tool-call.js';

const description = 'the answer makes every call of value (in that order with order: strict); scores the fraction matched';

/** Expected calls matched in order: each one after the call the previous one matched (others may come between). */
function matchInOrder(calls: readonly ToolCall[], expected: readonly ExpectedCall[]): number {
  let matched = 0;
  for (const call of calls) {
    if (matched < expected.length && callMismatch(call, expected[matched]!) === null) matched++;
  }
  return matched;
}

/**
 * Expected calls matched to distinct calls in any order: a maximum bipartite matching (augmenting paths), so
 * a loose expectation listed first cannot take the only call a stricter one would match.
 */
function matchAnyOrder(calls: readonly ToolCall[], expected: readonly ExpectedCall[]): number {
  const owner = new Array<number>(calls.length).fill(-1);
  const fits = expected.map((want) => calls.map((call) => callMismatch(call, want) === null));
  const assign = (e: number, seen: boolean[]): boolean => {
    for (let c = 0; c < calls.length; c++) {
      if (!fits[e]![c] || seen[c]) continue;
      seen[c] = true;
      if (owner[c] === -1 || assign(owner[c]!, seen)) {
        owner[c] = e;
        return true;
      }
    }
    return false;
  };
  let matched = 0;
  for (let e = 0; e < expected.length; e++) if (assign(e, new Array<boolean>(calls.length).fill(false))) matched++;
  return matched;
}

const expectedCall = z.union([
  z.string().min(1),
  z
    .object({
      name: z.string().min(1),
      arguments: z.record(z.string(), z.unknown()).optional(),
      schema: argumentsSchemaOption.optional(),
    })
    .strict(),
]);

/** `tool-calls`: every expected call is made (`order: strict` in that order, `any` in any); score = fraction matched. */
export const toolCalls = defineKind({
  type: 'tool-calls',
  description,
  schema: kindSchema('tool-calls', description, {
    value: z.array(expectedCall).min(1).describe('the expected calls: tool names, or {name, arguments, schema}'),
    order: z.enum(['strict', 'any']).optional().describe('strict: in this order; any: in any order; @default any'),
  }),
  score(answer, spec) {
    const expected: ExpectedCall[] = spec.value.map((item) => (typeof item === 'string' ? { name: item } : item));
    const isStrict = spec.order === 'strict';
    const matched = isStrict ? matchInOrder(answer.toolCalls, expected) : matchAnyOrder(answer.toolCalls, expected);
    const wanted = `${expected.map(describeExpectedCall).join(', ')}${isStrict ? ' in that order' : ''}`;
    const fraction = `${matched} of ${expected.length} expected calls`;
    return {
      holds: matched === expected.length,
      score: matched / expected.length,
      expected: `to call ${wanted}`,
      got: `${describeCalls(answer.toolCalls)} (${fraction})`,
      held: `calls ${wanted}`,
      missed: `makes ${fraction}`,
    };
  },
  shorthand: (argument) => ({ value: argument.split(',').map((name) => name.trim()).filter(Boolean) }),
});
