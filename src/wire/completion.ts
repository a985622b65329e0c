/**
 * One answer of the chat-completions API: the parsed form the client returns and the records keep, and the raw
 * `url_citation` annotation the server sends (the mock writes it, the client parses it into a `Citation`).
 */

/** Token counts as reported by the server. */
export interface Usage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

/** A `url_citation` annotation of a search model's answer, parsed. */
export interface Citation {
  url: string;
  title: string | null;
  startIndex: number | null;
  endIndex: number | null;
}

/** A `url_citation` annotation in the wire shape, as found in `message.annotations`. */
export interface UrlCitation {
  type: 'url_citation';
  url_citation: { url: string; title: string; start_index: number; end_index: number };
}

/** A tool call of an answer as received: `arguments` is the raw JSON text (streamed deltas already joined). */
export interface ReceivedToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** One successful answer: everything a record and the assertions need. */
export interface Completion {
  content: string;
  /** The answer's tool calls in order; empty when it called none (and in cache entries written before tools). */
  toolCalls: ReceivedToolCall[];
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
