/** Chat messages as the OpenAI-compatible chat-completions API takes them: text or parts, tool calls and results. */

/** A chat message role Onetoken accepts. `tool` answers an assistant's tool call (`tool_call_id`). */
export type ChatRole = 'developer' | 'system' | 'user' | 'assistant' | 'tool';

/** A text part of a message's content list. */
export interface TextPart {
  type: 'text';
  text: string;
}

/** An image part as sent on the wire: a `data:` URL (suite files are inlined) or an http(s) URL. */
export interface ImageUrlPart {
  type: 'image_url';
  image_url: { url: string; detail?: 'auto' | 'low' | 'high' };
}

/**
 * An image file of the suite, by reference: what plans, cache keys and records hold instead of the bytes. The
 * runner replaces it with an `image_url` data URL just before sending.
 */
export interface ImageRefPart {
  type: 'image';
  /** The path as the suite names it (variables rendered). */
  file: string;
  /** sha256 of the bytes, hex. */
  sha256: string;
  bytes: number;
  detail?: 'auto' | 'low' | 'high';
}

/** One part of a message's content list. */
export type ContentPart = TextPart | ImageUrlPart | ImageRefPart;

/** A function call of an assistant message, as the wire carries it: `arguments` is a JSON text. */
export interface WireToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** One chat message as sent on the wire. */
export interface ChatMessage {
  role: ChatRole;
  /** Text, a list of parts (text and images), or null for an assistant turn that only calls tools. */
  content: string | ContentPart[] | null;
  /** The calls an assistant turn made. */
  tool_calls?: WireToolCall[];
  /** The call a `tool` message answers. */
  tool_call_id?: string;
}

/** The text of a message's content: the string, the text parts joined, or '' for none. */
export function contentText(content: ChatMessage['content']): string {
  if (typeof content === 'string') return content;
  if (content === null) return '';
  let text = '';
  for (const part of content) if (part.type === 'text') text += part.text;
  return text;
}
