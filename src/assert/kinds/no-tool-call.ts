import { z } from 'zod';
import { defineKind, kindSchema } from '../kind.js';
import { describeCalls } from '../tool-match.js';

const description = 'the answer calls no tool (or no tool named name)';

/** `no-tool-call`: the answer makes no tool call at all, or none to `name`. */
export const noToolCall = defineKind({
  type: 'no-tool-call',
  description,
  schema: kindSchema('no-tool-call', description, {
    name: z.string().min(1).optional().describe('only calls to this tool count; @default any tool'),
  }),
  score(answer, spec) {
    const calls = spec.name === undefined ? answer.toolCalls : answer.toolCalls.filter((call) => call.name === spec.name);
    const what = spec.name === undefined ? 'any tool' : spec.name;
    return {
      holds: calls.length === 0,
      expected: `to call no ${spec.name === undefined ? 'tool' : spec.name}`,
      got: describeCalls(calls),
      held: `calls no ${spec.name === undefined ? 'tool' : spec.name}`,
      missed: `calls ${what}: ${describeCalls(calls)}`,
    };
  },
  shorthand: (argument) => (argument === '' ? {} : { name: argument }),
});
