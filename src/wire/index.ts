/**
 * Public surface of the wire shapes: the OpenAI-compatible chat-completions request and response types that
 * suite, plan, client, mock and the records share. A leaf: types, constants and small pure helpers only, nothing of ours imported.
 */
export type { ChatMessage, ChatRole, ContentPart, ImageRefPart, ImageUrlPart, TextPart, WireToolCall } from './message.js';
export { contentText } from './message.js';
export type { ChatRequest, ToolDefinition } from './request.js';
export type { Citation, Completion, ReceivedToolCall, Usage, UrlCitation } from './completion.js';
export { GRADER_MARKER } from './grader-marker.js';
export type { ToolCall } from './tool-call.js';
export { answerText, toolCallText, toolCallsText } from './tool-call.js';
export { MOCK_BASE_URL, describeEndpoint, endpointOf } from './endpoint.js';
export type { EndpointInfo, EndpointKind } from './endpoint.js';
export { spendOf, spentOn } from './spend.js';
export type { RecordSpend, Spending } from './spend.js';
