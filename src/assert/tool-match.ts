/**
 * What the tool-call kinds share: whether a recorded call matches an expected one (name, a subset of the
 * arguments, a JSON Schema), and how expected and made calls read in reasons.
 */
import { deepEqual } from './deep-equal.js';
import { compileJsonSchema, describeSchemaErrors } from './json-schema-validator.js';
import { toolCallsText, type ToolCall } from '../wire/index.js';

/** An expected call: any of its fields may be left out. */
export interface ExpectedCall {
  name?: string | undefined;
  arguments?: Record<string, unknown> | undefined;
  schema?: Record<string, unknown> | undefined;
}

/**
 * True when `actual` holds every key of `expected` with a deep-equal value. A string expected value also
 * matches a number or boolean with the same text: expected arguments are templated with the case's variables,
 * and a CSV variable `{{ guests }}` renders as the string "4" where the model rightly sends 4.
 */
export function containsArguments(actual: unknown, expected: Record<string, unknown>): boolean {
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return Object.keys(expected).length === 0 && actual !== null;
  const record = actual as Record<string, unknown>;
  for (const [key, want] of Object.entries(expected)) {
    if (!Object.hasOwn(record, key)) return false;
    const got = record[key];
    if (deepEqual(got, want)) continue;
    if (typeof want === 'string' && (typeof got === 'number' || typeof got === 'boolean') && String(got) === want) continue;
    return false;
  }
  return true;
}

/** Why `call` does not match `expected`, or null when it does. */
export function callMismatch(call: ToolCall, expected: ExpectedCall): string | null {
  if (expected.name !== undefined && call.name !== expected.name) return `calls ${call.name}, not ${expected.name}`;
  if ((expected.arguments !== undefined || expected.schema !== undefined) && call.argumentsError !== null) {
    return `${call.name} arguments are not JSON: ${call.argumentsError}`;
  }
  if (expected.arguments !== undefined && !containsArguments(call.arguments, expected.arguments)) {
    return `${call.name} arguments ${JSON.stringify(call.arguments)} do not contain ${JSON.stringify(expected.arguments)}`;
  }
  if (expected.schema !== undefined) {
    const validate = compileJsonSchema(expected.schema);
    if (validate(call.arguments) !== true) return `${call.name} arguments do not match the schema: ${describeSchemaErrors(validate.errors ?? [])}`;
  }
  return null;
}

/** An expected call as words: `get_weather with {"city":"Paris"}`. */
export function describeExpectedCall(expected: ExpectedCall): string {
  const name = expected.name ?? 'a tool';
  const args = expected.arguments !== undefined ? ` with ${JSON.stringify(expected.arguments)}` : '';
  const schema = expected.schema !== undefined ? ' with arguments matching the schema' : '';
  return `${name}${args}${schema}`;
}

/** The calls an answer made, for the "got" part of a reason. */
export function describeCalls(calls: readonly ToolCall[]): string {
  return calls.length === 0 ? 'no tool calls' : toolCallsText(calls);
}
