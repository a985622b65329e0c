/**
 * Request validation in the real API's order and wording: the JSON body, `model`, `messages`, then the
 * parameters a model refuses. A client bug (a missing role, `temperature` sent to a search model) must fail
 * here exactly as it would in production, or the mock would hide it.
 */

import * as apiError from './api-error.js';
import type { ApiErrorReply } from './api-error.js';
import { isSearchModel, SEARCH_REFUSED_PARAMS } from './models.js';

/** Roles the chat endpoint accepts, in the order the real API lists them. */
export const VALID_ROLES = ['system', 'assistant', 'user', 'function', 'tool', 'developer'] as const;

/** One message reduced to its role and plain text. */
export interface PlainMessage {
  role: string;
  text: string;
}

/** A chat request that passed validation, with the fields the answer depends on. */
export interface ChatInput {
  model: string;
  messages: PlainMessage[];
  isStream: boolean;
  includeUsage: boolean;
  temperature: number | null;
  seed: number | null;
  /** `max_completion_tokens`, else `max_tokens`; null when neither is set. */
  maxTokens: number | null;
}

/** Either a valid input or the error reply the real API would give. */
export type Validation = { ok: true; input: ChatInput } | { ok: false; reply: ApiErrorReply };

/** Names a JSON value's type the way the real API's messages do. */
function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a decimal';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Flattens string or content-part content to text; returns an error reply for any other shape. */
function contentText(content: unknown, param: string): string | ApiErrorReply {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) {
    return apiError.invalidType(param, 'one of a string or array of objects', describeType(content));
  }
  return content
    .map((part) => (isRecord(part) && part.type === 'text' && typeof part.text === 'string' ? part.text : ''))
    .join('');
}

/** Validates `messages`; returns the plain messages or the first error. */
function validateMessages(messages: unknown): PlainMessage[] | ApiErrorReply {
  if (messages === undefined) return apiError.missingParameter('messages');
  if (!Array.isArray(messages)) return apiError.invalidType('messages', 'an array', describeType(messages));
  if (messages.length === 0) return apiError.emptyArray('messages');
  const plain: PlainMessage[] = [];
  for (const [index, message] of messages.entries()) {
    const at = `messages[${index}]`;
    if (!isRecord(message)) return apiError.invalidType(at, 'an object', describeType(message));
    if (message.role === undefined) return apiError.missingParameter(`${at}.role`);
    if (typeof message.role !== 'string' || !(VALID_ROLES as readonly string[]).includes(message.role)) {
      return apiError.invalidValue(`${at}.role`, String(message.role), VALID_ROLES);
    }
    // Only an assistant turn may omit content (it may carry tool_calls instead).
    const hasNoContent = message.content === undefined || message.content === null;
    if (hasNoContent && message.role !== 'assistant') return apiError.missingParameter(`${at}.content`);
    const text = hasNoContent ? '' : contentText(message.content, `${at}.content`);
    if (typeof text !== 'string') return text;
    plain.push({ role: message.role, text });
  }
  return plain;
}

/** Checks sampling and streaming parameters; returns the first error or null. */
function validateParameters(body: Record<string, unknown>, model: string): ApiErrorReply | null {
  if (body.stream !== undefined && body.stream !== null && typeof body.stream !== 'boolean') {
    return apiError.invalidType('stream', 'a boolean', describeType(body.stream));
  }
  if (body.stream_options !== undefined && body.stream_options !== null && body.stream !== true) {
    return {
      status: 400,
      error: {
        message: "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
        type: 'invalid_request_error',
        param: 'stream_options',
        code: 'invalid_value',
      },
    };
  }
  if (isSearchModel(model)) {
    const refused = SEARCH_REFUSED_PARAMS.find((param) => body[param] !== undefined);
    if (refused !== undefined) return apiError.unsupportedParameter(refused);
  } else if (body.web_search_options !== undefined) {
    return apiError.unsupportedParameter('web_search_options');
  }
  if (body.temperature !== undefined && body.temperature !== null) {
    const { temperature } = body;
    if (typeof temperature !== 'number') return apiError.invalidType('temperature', 'a decimal', describeType(temperature));
    if (temperature < 0 || temperature > 2) return apiError.invalidValue('temperature', String(temperature), ['0..2']);
  }
  return null;
}

/** Reads a finite number parameter, or null. */
function numberParam(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Validates a parsed body against the served models. */
export function validateChatBody(body: unknown, models: ReadonlySet<string>): Validation {
  if (!isRecord(body)) return { ok: false, reply: apiError.invalidJson() };
  if (body.model === undefined) return { ok: false, reply: apiError.missingParameter('model') };
  if (typeof body.model !== 'string') {
    return { ok: false, reply: apiError.invalidType('model', 'a string', describeType(body.model)) };
  }
  if (!models.has(body.model)) return { ok: false, reply: apiError.modelNotFound(body.model) };
  const messages = validateMessages(body.messages);
  if (!Array.isArray(messages)) return { ok: false, reply: messages };
  const paramError = validateParameters(body, body.model);
  if (paramError !== null) return { ok: false, reply: paramError };
  const streamOptions = isRecord(body.stream_options) ? body.stream_options : {};
  return {
    ok: true,
    input: {
      model: body.model,
      messages,
      isStream: body.stream === true,
      includeUsage: body.stream === true && streamOptions.include_usage === true,
      temperature: numberParam(body.temperature),
      seed: numberParam(body.seed),
      maxTokens: numberParam(body.max_completion_tokens) ?? numberParam(body.max_tokens),
    },
  };
}
