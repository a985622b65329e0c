/**
 * Near-miss request parameters. Unknown parameters pass through to the API, since providers add their own, but a
 * name within two edits of a chat-completions parameter (`temprature`, `max_token`) is almost surely a typo that
 * the API would silently ignore, so the suite refuses it with a suggestion.
 */
import { closest } from '../suggest.js';

/** The chat-completions request parameters of the OpenAI-compatible API. */
export const CHAT_PARAMETERS = [
  'model', 'messages', 'temperature', 'top_p', 'max_tokens', 'max_completion_tokens', 'n', 'stop', 'seed', 'stream',
  'stream_options', 'frequency_penalty', 'presence_penalty', 'logit_bias', 'logprobs', 'top_logprobs',
  'response_format', 'tools', 'tool_choice', 'parallel_tool_calls', 'user', 'web_search_options',
  'reasoning_effort', 'modalities', 'audio', 'prediction', 'store', 'metadata', 'service_tier',
] as const;

const KNOWN = new Set<string>(CHAT_PARAMETERS);

/** Edits within which an unknown name counts as a typo of a known one. */
const MAX_TYPO_EDITS = 2;

/** The known parameter an unknown `name` was probably meant to be, or null (known, or not close to any). */
export function nearMissParameter(name: string): string | null {
  if (KNOWN.has(name)) return null;
  return closest(name, CHAT_PARAMETERS, MAX_TYPO_EDITS);
}
