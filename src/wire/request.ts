/** The chat-completions request body: built by the plan, sent by the client, answered by the mock. */
import type { ChatMessage } from './message.js';

/**
 * The body of `POST {base}/chat/completions`: `model`, `messages` and any request parameters
 * (`temperature`, `seed`, `max_tokens`, `web_search_options`, `stream`, ... passed through unchanged).
 */
export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  [param: string]: unknown;
}
