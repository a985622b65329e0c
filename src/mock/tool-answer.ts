/**
 * The mock's tool calls. With `tools` in the request and a user message last, the answer is a call: a fixture's
 * `toolCalls` when one matches, else the documented default: the first declared tool whose name, its name with
 * spaces for `_`, or the last word of its name appears in the last user message, with arguments built from its
 * `parameters` schema. `tool_choice` is honoured (`none`, `required`, one named function). Once tool results
 * come back (a `tool` message last), the answer is text built from them.
 */
import { hashHex } from './hash.js';
import { exampleFromSchema, properNouns, WordSource } from './schema-example.js';
import type { ChatInput, MockTool, PlainMessage } from './validate.js';

/** A tool call of a composed answer; `arguments` is the JSON text as the wire carries it. */
export interface ComposedToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** True when `tool` is named in `text`: its name, its name with spaces, or the last word of its name. */
function isNamedIn(tool: MockTool, text: string): boolean {
  const lower = text.toLowerCase();
  const name = tool.name.toLowerCase();
  const words = name.split(/[_-]+/).filter(Boolean);
  const last = words.at(-1) ?? name;
  return lower.includes(name) || lower.includes(words.join(' ')) || new RegExp(`\\b${last.replace(/[^a-z0-9]/g, '')}`).test(lower);
}

/** The tool the default rule calls, or null for a text answer. */
function chooseTool(input: ChatInput, question: string): MockTool | null {
  const { tools, toolChoice } = input;
  if (tools.length === 0 || toolChoice.kind === 'none') return null;
  if (toolChoice.kind === 'function') return tools.find((tool) => tool.name === toolChoice.name) ?? null;
  const named = tools.find((tool) => isNamedIn(tool, question)) ?? null;
  return named ?? (toolChoice.kind === 'required' ? tools[0]! : null);
}

/** A deterministic call id from the request and the call's position. */
function callId(input: ChatInput, index: number): string {
  return `call_${hashHex([input.model, input.messages, input.seed, index], 12)}`;
}

/** The default call for the last user message, or an empty list. */
export function defaultToolCalls(input: ChatInput, question: string): ComposedToolCall[] {
  const tool = chooseTool(input, question);
  if (tool === null) return [];
  const args = tool.parameters === null ? {} : exampleFromSchema(tool.parameters, new WordSource(properNouns(question)));
  return [{ id: callId(input, 0), name: tool.name, arguments: JSON.stringify(args) }];
}

/** Fixture calls with ids; arguments given as objects are sent as their JSON text. */
export function fixtureToolCalls(input: ChatInput, calls: readonly { name: string; arguments: unknown }[]): ComposedToolCall[] {
  return calls.map((call, index) => ({
    id: callId(input, index),
    name: call.name,
    arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {}),
  }));
}

/** The tool messages that answer the last assistant turn (the trailing `tool` messages). */
export function trailingToolResults(messages: readonly PlainMessage[]): PlainMessage[] {
  let start = messages.length;
  while (start > 0 && messages[start - 1]!.role === 'tool') start--;
  return messages.slice(start);
}

/** The text answer after tool results: each result quoted with its tool's name. */
export function answerFromToolResults(results: readonly PlainMessage[]): string {
  const parts = results.map((result) => `${result.toolName ?? 'the tool'} returned ${result.text.trim() || 'nothing'}`);
  return `According to the tools: ${parts.join('; ')}.`;
}
