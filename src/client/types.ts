/** Wire-level types shared by the client, the runner and the records. OpenAI's chat-completions shapes. */

/** A chat message role Onetoken accepts. */
export type ChatRole = 'developer' | 'system' | 'user' | 'assistant';

/** One chat message as sent on the wire. */
export interface ChatMessage {
  role: ChatRole;
  content: string;
}

/**
 * The body of `POST {base}/chat/completions`: `model`, `messages` and any request parameters
 * (`temperature`, `seed`, `max_tokens`, `web_search_options`, `stream`, ... passed through unchanged).
 */
export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  [param: string]: unknown;
}

/** Token counts as reported by the server. */
export interface Usage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

/** A `url_citation` annotation of a search model's answer. */
export interface Citation {
  url: string;
  title: string | null;
  startIndex: number | null;
  endIndex: number | null;
}

/** One successful answer: everything a record and the assertions need. */
export interface Completion {
  content: string;
  finishReason: string | null;
  usage: Usage | null;
  /** The model the server says answered. */
  model: string | null;
  systemFingerprint: string | null;
  responseId: string | null;
  /** The `x-request-id` response header. */
  requestId: string | null;
  citations: Citation[];
  latencyMs: number;
  /** Time to first content token; null when not streamed. */
  ttftMs: number | null;
  /** Attempts made, 1 when the first one succeeded. */
  attempts: number;
}
