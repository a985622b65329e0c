/**
 * Tool calls between the wire and the record: a received call's JSON arguments parsed for the record and the
 * assertions (null plus the parse error when the model wrote invalid JSON, which is itself worth scoring), and
 * the wire shape of the same calls for the assistant message a tool round sends back.
 */
import type { ToolCall } from '../assert/index.js';
import type { ReceivedToolCall, WireToolCall } from '../wire/index.js';

/** A received call as recorded. Empty arguments mean `{}`: some servers send "" for a tool without parameters. */
export function recordToolCall(call: ReceivedToolCall): ToolCall {
  if (call.arguments.trim() === '') return { id: call.id, name: call.name, arguments: {}, argumentsError: null };
  try {
    return { id: call.id, name: call.name, arguments: JSON.parse(call.arguments) as unknown, argumentsError: null };
  } catch (error) {
    return { id: call.id, name: call.name, arguments: null, argumentsError: (error as Error).message };
  }
}

/** The calls of an answer as recorded, in order. */
export function recordToolCalls(calls: readonly ReceivedToolCall[] | undefined): ToolCall[] {
  return (calls ?? []).map(recordToolCall);
}

/** The calls as an assistant message carries them back to the API, arguments byte for byte as received. */
export function toWireToolCalls(calls: readonly ReceivedToolCall[]): WireToolCall[] {
  return calls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } }));
}
