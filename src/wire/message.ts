/** Chat messages as the OpenAI-compatible chat-completions API takes them. */

/** A chat message role Onetoken accepts. */
export type ChatRole = 'developer' | 'system' | 'user' | 'assistant';

/** One chat message as sent on the wire. */
export interface ChatMessage {
  role: ChatRole;
  content: string;
}
