/**
 * Canned tool results: what the runner answers when the model calls a tool the case (or prompt) gave a result
 * for. A string is a template over the call's arguments (`{{ args.city }}`) and the case's variables; other JSON
 * is sent as its JSON text; a list is matched by arguments, first match wins.
 */
import { OnetokenEvalError } from '../errors.js';
import { containsArguments, type ToolCall } from '../assert/index.js';
import { renderTemplate } from '../plan/index.js';
import type { ToolResultSpec } from '../suite/index.js';

/** The content of the `tool` message answering `call`, or null when there is no canned result for it. */
export function cannedResult(call: ToolCall, results: Record<string, ToolResultSpec>, vars: Record<string, unknown>): string | null {
  if (!Object.hasOwn(results, call.name)) return null;
  const spec = results[call.name]!;
  if (!Array.isArray(spec)) return renderResult(call, spec, vars);
  for (const option of spec) {
    if (option.arguments === undefined || (call.argumentsError === null && containsArguments(call.arguments, option.arguments))) {
      return renderResult(call, option.result, vars);
    }
  }
  return null;
}

/** One result as message content; a template naming an argument the call lacks is an error of the suite. */
function renderResult(call: ToolCall, result: unknown, vars: Record<string, unknown>): string {
  if (typeof result !== 'string') return JSON.stringify(result) ?? 'null';
  const args = call.arguments !== null && typeof call.arguments === 'object' ? call.arguments : {};
  try {
    return renderTemplate(result, { ...vars, args });
  } catch (error) {
    throw new OnetokenEvalError('OTE_SUITE_INVALID', `tool_results.${call.name}: ${(error as Error).message} for the call ${JSON.stringify(call.arguments)}`);
  }
}
