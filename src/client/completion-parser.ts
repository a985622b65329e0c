/**
 * Reading a non-streamed chat completion body into a `Completion`. A 200 whose body is not JSON or has no
 * choices is a protocol failure, not an empty answer: recording "" would score it as a wrong answer.
 */

import { SUMMARY } from './error-message.js';
import { protocolFailure, type Failure } from './failure.js';
import { oneLineSnippet } from './redact.js';
import type { Citation, Completion, ReceivedToolCall, Usage } from '../wire/index.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Token counts above this in one response are refused as absurd (no model has a context near a billion). */
export const MAX_REPORTED_TOKENS = 1_000_000_000;

/**
 * The `usage` object in our shape, or null when absent, or a failure when a count is not a whole number from 0
 * to `MAX_REPORTED_TOKENS`: a negative or absurd count would corrupt every cost and token figure downstream.
 */
export function readUsage(value: unknown): Usage | null | Failure {
  if (!isObject(value)) return null;
  for (const field of ['prompt_tokens', 'completion_tokens', 'total_tokens']) {
    const count = value[field];
    if (count === undefined || count === null) continue;
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0 || count > MAX_REPORTED_TOKENS) {
      return protocolFailure(`usage.${field}: expected a whole number of tokens from 0 to ${MAX_REPORTED_TOKENS}, got ${JSON.stringify(count)?.slice(0, 40)}`, { isRetryable: false });
    }
  }
  const promptTokens = numberOrNull(value.prompt_tokens) ?? 0;
  const completionTokens = numberOrNull(value.completion_tokens) ?? 0;
  const totalTokens = numberOrNull(value.total_tokens) ?? promptTokens + completionTokens;
  return { promptTokens, completionTokens, totalTokens };
}

/** A failure for `content` that is neither a string nor absent (a number, an object): not an empty answer. */
export function contentFailure(content: unknown, where: string): Failure | null {
  if (content === undefined || content === null || typeof content === 'string') return null;
  const kind = Array.isArray(content) ? 'an array' : typeof content === 'object' ? 'an object' : `a ${typeof content}`;
  return protocolFailure(`${where}.content: expected a string, got ${kind}`, { isRetryable: false });
}

/** Appends the `url_citation` annotations of a message or delta to `into`. */
export function collectCitations(annotations: unknown, into: Citation[]): void {
  if (!Array.isArray(annotations)) return;
  for (const annotation of annotations) {
    if (!isObject(annotation) || annotation.type !== 'url_citation') continue;
    // OpenAI nests the fields under `url_citation`; some compatible servers put them on the annotation itself.
    const source = isObject(annotation.url_citation) ? annotation.url_citation : annotation;
    const url = stringOrNull(source.url);
    if (url === null) continue;
    into.push({
      url,
      title: stringOrNull(source.title),
      startIndex: numberOrNull(source.start_index),
      endIndex: numberOrNull(source.end_index),
    });
  }
}

/** A completion with the per-attempt fields (latency, attempts, request id) still to be filled in. */
export function emptyCompletion(): Completion {
  return {
    content: '',
    toolCalls: [],
    finishReason: null,
    usage: null,
    model: null,
    systemFingerprint: null,
    responseId: null,
    requestId: null,
    citations: [],
    latencyMs: 0,
    ttftMs: null,
    attempts: 1,
  };
}

/** The failure of an `error` object inside a 200 body or stream, quoting the server's message. */
export function embeddedErrorFailure(error: unknown, secret: string): Failure {
  const message = isObject(error) ? stringOrNull(error.message) : stringOrNull(error);
  return protocolFailure(SUMMARY.streamError, {
    serverMessage: message ? oneLineSnippet(message, secret, 500) : null,
    raw: message ? null : oneLineSnippet(JSON.stringify(error) ?? '', secret),
  });
}

/** Parses a non-streamed answer; returns a `Failure` when the body cannot be used. */
export function parseCompletionBody(text: string, secret: string): Completion | Failure {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return protocolFailure(SUMMARY.malformedJson, { raw: oneLineSnippet(text, secret), cause: error });
  }
  if (!isObject(body)) return protocolFailure(SUMMARY.malformedJson, { raw: oneLineSnippet(text, secret) });
  if (body.error !== undefined && body.error !== null) return embeddedErrorFailure(body.error, secret);
  const choice = Array.isArray(body.choices) ? body.choices[0] : undefined;
  if (!isObject(choice)) {
    // Not retried: a server that answers without choices will most likely do so again.
    return protocolFailure(SUMMARY.emptyChoices, { raw: oneLineSnippet(text, secret), isRetryable: false });
  }
  const completion = emptyCompletion();
  const message = isObject(choice.message) ? choice.message : {};
  const badContent = contentFailure(message.content, 'message');
  if (badContent) return badContent;
  const usage = readUsage(body.usage);
  if (usage !== null && 'kind' in usage) return usage;
  completion.content = stringOrNull(message.content) ?? '';
  completion.toolCalls = readToolCalls(message.tool_calls);
  completion.finishReason = stringOrNull(choice.finish_reason);
  completion.usage = usage;
  completion.model = stringOrNull(body.model);
  completion.systemFingerprint = stringOrNull(body.system_fingerprint);
  completion.responseId = stringOrNull(body.id);
  collectCitations(message.annotations, completion.citations);
  return completion;
}

/** The function calls of a non-streamed message, in order; entries without a function are skipped. */
export function readToolCalls(value: unknown): ReceivedToolCall[] {
  if (!Array.isArray(value)) return [];
  const calls: ReceivedToolCall[] = [];
  for (const call of value) {
    if (!isObject(call) || !isObject(call.function)) continue;
    const args = call.function.arguments;
    calls.push({
      id: stringOrNull(call.id) ?? '',
      name: stringOrNull(call.function.name) ?? '',
      // Some compatible servers send the arguments as an object instead of its JSON text.
      arguments: typeof args === 'string' ? args : args === undefined ? '' : JSON.stringify(args),
    });
  }
  return calls;
}
