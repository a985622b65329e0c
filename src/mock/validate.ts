/**
 * Request validation in the real API's order and wording: the JSON body, `model`, `messages`, then the
 * parameters a model refuses. A client bug (a missing role, `temperature` sent to a search model) must fail
 * here exactly as it would in production, or the mock would hide it.
 */

import * as apiError from './api-error.js';
import type { ApiErrorReply } from './api-error.js';
import { isSearchModel, SEARCH_REFUSED_PARAMS } from './models.js';
import { checkToolSequence } from './tool-sequence.js';

/** Roles the chat endpoint accepts, in the order the real API lists them. */
export const VALID_ROLES = ['system', 'assistant', 'user', 'function', 'tool', 'developer'] as const;

/** One message reduced to its role and plain text. */
export interface PlainMessage {
  role: string;
  text: string;
  /** Image parts of the message. */
  images: number;
  /** For a `tool` message: the name of the tool whose call it answers. */
  toolName: string | null;
}

/** A declared function tool: its name and the JSON Schema of its arguments. */
export interface MockTool {
  name: string;
  parameters: Record<string, unknown> | null;
}

/** `tool_choice`: let the model decide, no tools, some tool, or this tool. */
export type ToolChoice = { kind: 'auto' } | { kind: 'none' } | { kind: 'required' } | { kind: 'function'; name: string };

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
  tools: MockTool[];
  toolChoice: ToolChoice;
  /** The schema of `response_format: {type: json_schema}`, or null. */
  responseSchema: Record<string, unknown> | null;
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

/** Image types the API reads, by data-URL media type. */
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];

/** Why an image URL is unusable, or null: a base64 data URL of a supported type, or an http(s) URL. */
function imageProblem(url: unknown): string | null {
  if (typeof url !== 'string') return 'expected image_url.url to be a string';
  if (/^https?:\/\//.test(url)) return null;
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  if (!match) return 'expected a base64 data URL or an http(s) URL';
  if (!IMAGE_TYPES.includes(match[1]!)) return `unsupported image type ${match[1]}, expected one of ${IMAGE_TYPES.join(', ')}`;
  if (match[2] === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(match[2]!)) return 'the data URL is not valid base64';
  return null;
}

/** Flattens string or content-part content to text and counts images; returns an error reply for any other shape. */
function readContent(content: unknown, param: string): { text: string; images: number } | ApiErrorReply {
  if (typeof content === 'string') return { text: content, images: 0 };
  if (!Array.isArray(content)) {
    return apiError.invalidType(param, 'one of a string or array of objects', describeType(content));
  }
  let text = '';
  let images = 0;
  for (const [index, part] of content.entries()) {
    if (isRecord(part) && part.type === 'text' && typeof part.text === 'string') text += part.text;
    else if (isRecord(part) && part.type === 'image_url') {
      const problem = imageProblem(isRecord(part.image_url) ? part.image_url.url : undefined);
      if (problem !== null) return apiError.invalidImage(`${param}[${index}].image_url`, problem);
      images++;
    } else if (!(isRecord(part) && part.type === 'text')) {
      // A part the API does not know (such as a file reference the client forgot to inline) is refused.
      return apiError.invalidValue(`${param}[${index}].type`, String(isRecord(part) ? part.type : part), ['text', 'image_url']);
    }
  }
  return { text, images };
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
    const read = hasNoContent ? { text: '', images: 0 } : readContent(message.content, `${at}.content`);
    if ('status' in read) return read;
    const toolName = message.role === 'tool' ? toolNameOf(messages, message.tool_call_id) : null;
    plain.push({ role: message.role, text: read.text, images: read.images, toolName });
  }
  const sequenceError = checkToolSequence(messages as Record<string, unknown>[]);
  return sequenceError ?? plain;
}

/** The name of the tool whose call `id` answers, from the assistant messages' `tool_calls`. */
function toolNameOf(messages: readonly unknown[], id: unknown): string | null {
  for (const message of messages) {
    if (!isRecord(message) || !Array.isArray(message.tool_calls)) continue;
    for (const call of message.tool_calls) {
      if (isRecord(call) && call.id === id && isRecord(call.function) && typeof call.function.name === 'string') return call.function.name;
    }
  }
  return null;
}

/** Reads `tools`: a list of `{type: function, function: {name, parameters?}}`; an error reply for another shape. */
function readTools(value: unknown): MockTool[] | ApiErrorReply {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return apiError.invalidType('tools', 'an array', describeType(value));
  const tools: MockTool[] = [];
  for (const [index, tool] of value.entries()) {
    const fn = isRecord(tool) ? tool.function : undefined;
    if (!isRecord(tool) || tool.type !== 'function' || !isRecord(fn)) return apiError.invalidType(`tools[${index}]`, 'a function tool object', describeType(tool));
    if (typeof fn.name !== 'string') return apiError.missingParameter(`tools[${index}].function.name`);
    tools.push({ name: fn.name, parameters: isRecord(fn.parameters) ? fn.parameters : null });
  }
  return tools;
}

/** Reads `tool_choice`; unknown shapes mean `auto`, as the mock is not the place to test them. */
function readToolChoice(value: unknown): ToolChoice {
  if (value === 'none' || value === 'required') return { kind: value };
  if (isRecord(value) && isRecord(value.function) && typeof value.function.name === 'string') return { kind: 'function', name: value.function.name };
  return { kind: 'auto' };
}

/** The schema of `response_format: {type: json_schema, json_schema: {schema}}`, or null. */
function readResponseSchema(value: unknown): Record<string, unknown> | null {
  if (!isRecord(value) || value.type !== 'json_schema' || !isRecord(value.json_schema)) return null;
  return isRecord(value.json_schema.schema) ? value.json_schema.schema : null;
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
  const tools = readTools(body.tools);
  if (!Array.isArray(tools)) return { ok: false, reply: tools };
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
      tools,
      toolChoice: readToolChoice(body.tool_choice),
      responseSchema: readResponseSchema(body.response_format),
    },
  };
}
