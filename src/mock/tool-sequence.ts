/**
 * The real API's rules for tool messages, enforced so a runner bug in a tool loop fails against the mock as it
 * would in production: every `tool` message answers (by `tool_call_id`) a call of the nearest assistant message
 * with `tool_calls` before it, and every such call is answered before the next non-tool message.
 */
import * as apiError from './api-error.js';
import type { ApiErrorReply } from './api-error.js';

/** Checks the sequencing of `messages` (already known to be objects with valid roles); null when fine. */
export function checkToolSequence(messages: readonly Record<string, unknown>[]): ApiErrorReply | null {
  let open: { index: number; ids: Set<string> } | null = null;
  for (const [index, message] of messages.entries()) {
    if (message.role === 'tool') {
      const id = message.tool_call_id;
      if (open === null || typeof id !== 'string' || !open.ids.has(id)) return apiError.toolMessageWithoutCall(index);
      open.ids.delete(id);
      continue;
    }
    if (open !== null && open.ids.size > 0) return apiError.unansweredToolCalls(open.index, [...open.ids]);
    open = null;
    const calls = message.role === 'assistant' && Array.isArray(message.tool_calls) ? message.tool_calls : [];
    if (calls.length > 0) {
      const ids = calls.map((call) => (typeof call === 'object' && call !== null ? (call as { id?: unknown }).id : undefined));
      open = { index, ids: new Set(ids.filter((id): id is string => typeof id === 'string')) };
    }
  }
  if (open !== null && open.ids.size > 0) return apiError.unansweredToolCalls(open.index, [...open.ids]);
  return null;
}
