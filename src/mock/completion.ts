/**
 * The OpenAI chat-completions wire format: the `chat.completion` body and the `chat.completion.chunk` SSE
 * events. Field names and order follow what the real API sends, so the official SDK parses them unchanged.
 */

import type { ComposedAnswer } from './answer.js';

/** Identity fields shared by a body and all chunks of one answer. */
export interface ReplyMeta {
  id: string;
  created: number;
  model: string;
  systemFingerprint: string;
}

/** The `usage` object. */
function usageOf(answer: ComposedAnswer): { prompt_tokens: number; completion_tokens: number; total_tokens: number } {
  return {
    prompt_tokens: answer.promptTokens,
    completion_tokens: answer.completionTokens,
    total_tokens: answer.promptTokens + answer.completionTokens,
  };
}

/** The non-streamed `chat.completion` body. */
export function completionBody(meta: ReplyMeta, answer: ComposedAnswer): Record<string, unknown> {
  return {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    system_fingerprint: meta.systemFingerprint,
    choices: [
      {
        index: 0,
        message: messageOf(answer),
        logprobs: null,
        finish_reason: answer.finishReason,
      },
    ],
    usage: usageOf(answer),
  };
}

/** The assistant message of a body: `content` is null when the answer only calls tools, as the real API sends. */
function messageOf(answer: ComposedAnswer): Record<string, unknown> {
  const hasCalls = answer.toolCalls.length > 0;
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: hasCalls && answer.content === '' ? null : answer.content,
    refusal: null,
    annotations: answer.annotations,
  };
  if (hasCalls) message.tool_calls = answer.toolCalls.map(({ id, name, arguments: args }) => ({ id, type: 'function', function: { name, arguments: args } }));
  return message;
}

/** Characters of tool-call arguments per streamed delta: small, so clients must join fragments. */
const ARGUMENT_FRAGMENT_CHARS = 7;

/** Splits a call's arguments JSON into fragments that cut through keys, strings and escapes alike. */
export function argumentFragments(args: string): string[] {
  const fragments: string[] = [];
  for (let start = 0; start < args.length; start += ARGUMENT_FRAGMENT_CHARS) fragments.push(args.slice(start, start + ARGUMENT_FRAGMENT_CHARS));
  return fragments;
}

/**
 * Splits content into token-sized pieces (a word or up to four characters of one, with its leading space),
 * so even a one-word answer arrives in several chunks, as real streams do.
 */
export function splitIntoPieces(content: string): string[] {
  return content.match(/\s*\S{1,4}|\s+/g) ?? [];
}

/** One SSE event line pair. */
export function sseEvent(data: string): string {
  return `data: ${data}\n\n`;
}

/** The terminating SSE event. */
export const SSE_DONE = 'data: [DONE]\n\n';

/** The pieces of a streamed answer, as SSE events, split so a fault can cut it after the content. */
export interface StreamEvents {
  /** The role chunk, then one chunk per content piece; annotations ride on the last content chunk. */
  content: string[];
  /** The finish chunk, the usage chunk when asked, then `[DONE]`. */
  ending: string[];
}

/** Builds the SSE events of an answer. */
export function streamEvents(meta: ReplyMeta, answer: ComposedAnswer, includeUsage: boolean): StreamEvents {
  // The shared prefix is serialised once: a long answer has hundreds of chunks and the mock must stay cheap.
  const head =
    `{"id":${JSON.stringify(meta.id)},"object":"chat.completion.chunk","created":${meta.created},` +
    `"model":${JSON.stringify(meta.model)},"system_fingerprint":${JSON.stringify(meta.systemFingerprint)},`;
  const tail = includeUsage ? ',"usage":null}' : '}';
  const chunk = (delta: unknown, finishReason: string | null): string =>
    sseEvent(
      `${head}"choices":[{"index":0,"delta":${JSON.stringify(delta)},"logprobs":null,` +
        `"finish_reason":${JSON.stringify(finishReason)}}]${tail}`,
    );
  const pieces = splitIntoPieces(answer.content);
  const isToolOnly = answer.toolCalls.length > 0 && answer.content === '';
  const content = [chunk({ role: 'assistant', content: isToolOnly ? null : '', refusal: null }, null)];
  pieces.forEach((piece, index) => {
    const isLast = index === pieces.length - 1;
    const hasAnnotations = isLast && answer.annotations.length > 0;
    const delta = hasAnnotations ? { content: piece, annotations: answer.annotations } : { content: piece };
    content.push(chunk(delta, null));
  });
  if (pieces.length === 0 && answer.annotations.length > 0) {
    content.push(chunk({ annotations: answer.annotations }, null));
  }
  // Tool calls as the real API streams them: a first delta with the id and name, then argument fragments,
  // each carrying the call's `index` so parallel calls can be told apart.
  answer.toolCalls.forEach((call, index) => {
    content.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }, null));
    for (const fragment of argumentFragments(call.arguments)) content.push(chunk({ tool_calls: [{ index, function: { arguments: fragment } }] }, null));
  });
  const ending = [chunk({}, answer.finishReason)];
  if (includeUsage) ending.push(sseEvent(`${head}"choices":[],"usage":${JSON.stringify(usageOf(answer))}}`));
  ending.push(SSE_DONE);
  return { content, ending };
}
