/** Public surface of the Onetoken client. */
export type { ChatMessage, ChatRequest, ChatRole, Citation, Completion, Usage } from './types.js';
