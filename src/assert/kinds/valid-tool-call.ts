import { defineKind, kindSchema } from '../kind.js';
import { compileJsonSchema, describeSchemaErrors } from '../json-schema-validator.js';
import { toolCallText } from '../../wire/index.js';
import type { Answer, ToolCall } from '../types.js';

const description = "the answer calls at least one tool, and every call names a declared tool with arguments valid against its parameters";

/** Why one call is invalid for the declared tools, or null. */
function invalidity(call: ToolCall, answer: Answer): string | null {
  const tool = answer.tools.find((declared) => declared.name === call.name);
  if (!tool) return `${call.name} is not a declared tool (declared: ${answer.tools.map((item) => item.name).join(', ') || 'none'})`;
  if (call.argumentsError !== null) return `${call.name} arguments are not JSON: ${call.argumentsError}`;
  if (tool.parameters === null) return null;
  const validate = compileJsonSchema(tool.parameters);
  if (validate(call.arguments) === true) return null;
  return `${toolCallText(call)} does not match ${call.name}'s parameters: ${describeSchemaErrors(validate.errors ?? [])}`;
}

/**
 * `valid-tool-call`: there is at least one call (an answer without calls is not a valid call), and each call
 * names a tool the request declared, with JSON arguments that validate against that tool's `parameters`.
 */
export const validToolCall = defineKind({
  type: 'valid-tool-call',
  description,
  schema: kindSchema('valid-tool-call', description, {}),
  score(answer) {
    const problems = answer.toolCalls.map((call) => invalidity(call, answer)).filter((problem): problem is string => problem !== null);
    const got = answer.toolCalls.length === 0 ? 'no tool calls' : problems.length === 0 ? `${answer.toolCalls.length} valid calls` : problems.join('; ');
    return {
      holds: answer.toolCalls.length > 0 && problems.length === 0,
      expected: 'to make valid calls to declared tools',
      got,
      held: `makes ${answer.toolCalls.length} valid tool call${answer.toolCalls.length === 1 ? '' : 's'}`,
      missed: answer.toolCalls.length === 0 ? 'makes no tool call' : `makes invalid tool calls: ${got}`,
    };
  },
});
