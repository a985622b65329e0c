/** The chat-completions request body: built by the plan, sent by the client, answered by the mock. */
import type { ChatMessage } from './message.js';

/** An OpenAI function tool: `parameters` is the JSON Schema of the call's arguments. */
export interface ToolDefinition {
  type: 'function';
  function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean };
}

/**
 * The body of `POST {base}/chat/completions`: `model`, `messages` and any request parameters
 * (`temperature`, `seed`, `max_tokens`, `tools`, `response_format`, `stream`, ... passed through unchanged).
 */
export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  [param: string]: unknown;
}
