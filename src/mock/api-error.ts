/**
 * OpenAI-style error answers. The wording follows the real API closely so that clients which branch on
 * `type`, `code` and `param` (the official SDK, our client) see exactly what production would send them;
 * unlike the real API, messages never echo the key.
 */

import type { MockErrorObject } from './types.js';

/** An error answer: HTTP status, the `error` object and extra headers. */
export interface ApiErrorReply {
  status: number;
  error: Required<MockErrorObject>;
  headers?: Record<string, string>;
}

/** Builds an `invalid_request_error` reply. */
function invalid(status: number, message: string, param: string | null, code: string | null): ApiErrorReply {
  return { status, error: { message, type: 'invalid_request_error', param, code } };
}

/** 401 for a missing, malformed or unknown Bearer key. */
export function invalidApiKey(): ApiErrorReply {
  return invalid(
    401,
    'Incorrect API key provided. You can find your API key in your Onetoken dashboard.',
    null,
    'invalid_api_key',
  );
}

/** 413 for a request body above the server's limit. */
export function bodyTooLarge(maxBytes: number): ApiErrorReply {
  return invalid(413, `Request body too large: the limit is ${maxBytes} bytes.`, null, 'request_too_large');
}

/** 404 for a model the server does not serve. */
export function modelNotFound(model: string): ApiErrorReply {
  return invalid(
    404,
    `The model \`${model}\` does not exist or you do not have access to it.`,
    'model',
    'model_not_found',
  );
}

/** 400 for a body that is not a JSON object. */
export function invalidJson(): ApiErrorReply {
  return invalid(
    400,
    "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP " +
      'library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)',
    null,
    null,
  );
}

/** 400 for a required parameter that is absent. */
export function missingParameter(param: string): ApiErrorReply {
  return invalid(400, `Missing required parameter: '${param}'.`, param, 'missing_required_parameter');
}

/** 400 for a parameter of the wrong JSON type. */
export function invalidType(param: string, expected: string, found: string): ApiErrorReply {
  return invalid(
    400,
    `Invalid type for '${param}': expected ${expected}, but got ${found} instead.`,
    param,
    'invalid_type',
  );
}

/** 400 for an empty array where at least one item is needed. */
export function emptyArray(param: string): ApiErrorReply {
  return invalid(
    400,
    `Invalid '${param}': empty array. Expected an array with minimum length 1, but got an empty array instead.`,
    param,
    'empty_array',
  );
}

/** 400 for a value outside an enumeration. */
export function invalidValue(param: string, value: string, allowed: readonly string[]): ApiErrorReply {
  const list = allowed.map((item) => `'${item}'`).join(', ');
  return invalid(400, `Invalid value: '${value}'. Supported values are: ${list}.`, param, 'invalid_value');
}

/** 400 for a parameter this model refuses, such as `temperature` on a search model. */
export function unsupportedParameter(param: string): ApiErrorReply {
  return invalid(
    400,
    `Unsupported parameter: '${param}' is not supported with this model.`,
    param,
    'unsupported_parameter',
  );
}

/** 404 for any route the mock does not serve. */
export function invalidUrl(method: string, path: string): ApiErrorReply {
  return invalid(404, `Invalid URL (${method} ${path})`, null, null);
}

/** 429 for an injected rate limit. */
export function rateLimited(retryAfterSeconds: number): ApiErrorReply {
  return {
    status: 429,
    error: {
      message: 'Rate limit reached for requests. Please try again in a moment.',
      type: 'requests',
      param: null,
      code: 'rate_limit_exceeded',
    },
    headers: { 'retry-after': String(retryAfterSeconds) },
  };
}

/** 500 or 503 for an injected server error, with the real API's wording unless `message` is given. */
export function serverError(status: 500 | 503 = 500, message?: string): ApiErrorReply {
  const fallback =
    status === 503
      ? 'The server is overloaded or not ready yet.'
      : 'The server had an error while processing your request. Sorry about that!';
  return { status, error: { message: message ?? fallback, type: 'server_error', param: null, code: null } };
}

/** Default error objects of scripted statuses, worded like the real API's answers for that status. */
function defaultErrorFor(status: number): Required<MockErrorObject> {
  if (status === 401) return invalidApiKey().error;
  if (status === 429) return rateLimited(1).error;
  if (status >= 500) return serverError(status === 503 ? 503 : 500).error;
  const byStatus: Record<number, Required<MockErrorObject>> = {
    400: { message: 'Invalid request.', type: 'invalid_request_error', param: null, code: null },
    402: {
      message: 'You exceeded your current quota, please check your plan and billing details.',
      type: 'insufficient_quota',
      param: null,
      code: 'insufficient_quota',
    },
    403: { message: 'You are not allowed to sample from this model.', type: 'invalid_request_error', param: null, code: null },
    404: { message: 'The requested resource does not exist.', type: 'invalid_request_error', param: null, code: null },
  };
  return byStatus[status] ?? { message: `Mock error with status ${status}.`, type: 'invalid_request_error', param: null, code: null };
}

/** The error object of a scripted status: the script's fields over the default for that status. */
export function scriptedError(status: number, given: MockErrorObject | undefined): Required<MockErrorObject> {
  const fallback = defaultErrorFor(status);
  if (given === undefined) return fallback;
  return {
    message: given.message,
    type: given.type ?? fallback.type,
    param: given.param ?? null,
    code: given.code ?? null,
  };
}

/** 400 for a `tool` message that does not answer a call of the assistant message before it. */
export function toolMessageWithoutCall(index: number): ApiErrorReply {
  return invalid(
    400,
    "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
    `messages.[${index}].role`,
    null,
  );
}

/** 400 for an assistant message whose tool calls are not all answered by the `tool` messages after it. */
export function unansweredToolCalls(index: number, ids: readonly string[]): ApiErrorReply {
  return invalid(
    400,
    "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. " +
      `The following tool_call_ids did not have response messages: ${ids.join(', ')}`,
    `messages.[${index}].role`,
    null,
  );
}

/** 400 for an image part whose URL is not a usable data URL or http(s) URL. */
export function invalidImage(param: string, reason: string): ApiErrorReply {
  return invalid(400, `Invalid image: ${reason}.`, param, 'invalid_image_format');
}
