/**
 * Token estimate of a request before it is sent, for the tokens-per-minute bucket. Four characters per token is
 * OpenAI's rule of thumb for English; the estimate is corrected with the real usage when the answer arrives,
 * so it only has to be in the right range.
 */

import { contentText, type ChatRequest } from '../wire/index.js';

/** Per-message framing tokens (role and separators) the server counts on top of the content. */
const MESSAGE_OVERHEAD_TOKENS = 4;

/** Estimated prompt tokens plus the completion budget (`max_tokens` or `max_completion_tokens`) when set. */
export function estimateRequestTokens(request: ChatRequest): number {
  let chars = 0;
  for (const message of request.messages) chars += contentText(message.content).length;
  // Tool schemas count as prompt tokens too; their JSON length is close enough for a rate limiter.
  if (Array.isArray(request.tools)) chars += JSON.stringify(request.tools).length;
  const budget = request.max_completion_tokens ?? request.max_tokens;
  const completion = typeof budget === 'number' && budget > 0 ? budget : 0;
  return Math.ceil(chars / 4) + MESSAGE_OVERHEAD_TOKENS * request.messages.length + completion;
}
