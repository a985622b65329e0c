/**
 * Public surface of the wire shapes: the OpenAI-compatible chat-completions request and response types that
 * suite, plan, client, mock and the records share. A leaf: types and constants only, nothing of ours imported.
 */
export type { ChatMessage, ChatRole } from './message.js';
export type { ChatRequest } from './request.js';
export type { Citation, Completion, Usage, UrlCitation } from './completion.js';
export { GRADER_MARKER } from './grader-marker.js';
export { MOCK_BASE_URL, describeEndpoint, endpointOf } from './endpoint.js';
export type { EndpointInfo, EndpointKind } from './endpoint.js';
