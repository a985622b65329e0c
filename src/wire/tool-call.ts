/**
 * A tool call as recorded (arguments parsed from their JSON text) and how calls read in reports, diffs and
 * reasons: `get_weather({"city":"Paris"})`, so an answer that only calls tools is never shown as empty.
 */

/** One tool call of an answer, as recorded: `arguments` parsed from its JSON text, or null with the reason. */
export interface ToolCall {
  id: string;
  name: string;
  /** The parsed arguments; null when their text is not JSON (see `argumentsError`). */
  arguments: unknown;
  /** Why the arguments did not parse, or null. */
  argumentsError: string | null;
}

/** The arguments as compact JSON, or `<invalid JSON>` when they did not parse. */
function argumentsText(call: ToolCall): string {
  return call.argumentsError === null ? (JSON.stringify(call.arguments) ?? 'null') : '<invalid JSON>';
}

/** One call as `name(args)`. */
export function toolCallText(call: ToolCall): string {
  return `${call.name}(${argumentsText(call)})`;
}

/** Calls as `a({...}); b({...})`, or '' for none. */
export function toolCallsText(calls: readonly ToolCall[]): string {
  return calls.map(toolCallText).join('; ');
}

/** An answer as one text: its text, then its calls as `name(args)` on the next line. */
export function answerText(output: string | null, calls: readonly ToolCall[] | undefined): string {
  const called = calls && calls.length > 0 ? toolCallsText(calls) : '';
  if (!called) return output ?? '';
  return output ? `${output}\n${called}` : called;
}
