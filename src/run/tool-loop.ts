/**
 * One turn of a cell: send the request, and while the model calls only tools that have canned results, append
 * its message and the `tool` answers and ask again, up to `maxToolRounds` round trips. Every request goes
 * through the cache under its own key, so a rerun or a resumed conversation pays for none of them twice.
 */
import type { ChatMessage, ChatRequest, Completion } from '../wire/index.js';
import { cannedResult } from './canned-result.js';
import { hashRequest } from './cache.js';
import { inlineImages } from './inline-images.js';
import type { RoundRecord, ToolResultRecord } from './record.js';
import type { ScoreContext } from './score-cell.js';
import { recordToolCalls, toWireToolCalls } from './tool-calls.js';

/** What sending needs: the cache, the client and the cell's identity for logs and limits. */
export interface SendContext extends ScoreContext {
  useCacheRead: boolean;
  cellId: string;
  limitKey: string;
  /** Data URLs of the images the cell's requests reference, by sha256. */
  images: ReadonlyMap<string, string>;
}

/** One answered request. */
export interface Sent {
  completion: Completion;
  requestHash: string;
  cached: boolean;
}

/** Sends one request through the cache: a hit costs nothing, a miss is stored once answered. */
export async function sendThroughCache(request: ChatRequest, requestHash: string, context: SendContext): Promise<Sent> {
  const hit = context.useCacheRead ? (context.cache?.get(requestHash) ?? null) : null;
  // Entries written before tool calls were recorded have no `toolCalls`: they answered requests without tools.
  if (hit) return { completion: { ...hit, toolCalls: hit.toolCalls ?? [] }, requestHash, cached: true };
  const completion = await context.client!.complete(inlineImages(request, context.images), { cellId: context.cellId, limitKey: context.limitKey, signal: context.signal });
  context.cache?.set(requestHash, completion);
  return { completion, requestHash, cached: false };
}

/** What a turn needs besides the context. */
export interface TurnInput {
  /** The turn's first request. */
  request: ChatRequest;
  /** Its cache key (the plan's for a cell's first request). */
  requestHash: string;
  toolResults: Parameters<typeof cannedResult>[1];
  vars: Record<string, unknown>;
  maxToolRounds: number;
}

/** The final answer of a turn, with the messages it added to the conversation. */
export interface TurnOutcome {
  final: Sent;
  /** The assistant and tool messages of the rounds, then the final assistant message. */
  added: ChatMessage[];
  /** True when the final answer calls tools the runner did not answer: the conversation cannot go on. */
  hasOpenCalls: boolean;
}

/** The assistant message that carries an answer back into the conversation. */
export function assistantMessage(completion: Completion): ChatMessage {
  if (completion.toolCalls.length === 0) return { role: 'assistant', content: completion.content };
  return { role: 'assistant', content: completion.content === '' ? null : completion.content, tool_calls: toWireToolCalls(completion.toolCalls) };
}

/** A finished round as recorded. */
function roundRecord(sent: Sent, toolResults: ToolResultRecord[]): RoundRecord {
  const { completion } = sent;
  return {
    requestHash: sent.requestHash,
    output: completion.content,
    toolCalls: recordToolCalls(completion.toolCalls),
    toolResults,
    finishReason: completion.finishReason,
    usage: completion.usage,
    // Tenths of a millisecond, like the cell's own latencies.
    latencyMs: Math.round(completion.latencyMs * 10) / 10,
    ttftMs: completion.ttftMs === null ? null : Math.round(completion.ttftMs * 10) / 10,
    attempts: sent.cached ? 0 : completion.attempts,
    cached: sent.cached,
  };
}

/**
 * Runs one turn; each round answered with canned results is pushed on `rounds` as it finishes, so a failure
 * later in the turn still leaves the earlier rounds in the record.
 */
export async function runTurn(input: TurnInput, context: SendContext, rounds: RoundRecord[]): Promise<TurnOutcome> {
  let request = input.request;
  let sent = await sendThroughCache(request, input.requestHash, context);
  const added: ChatMessage[] = [];
  for (let round = 0; ; round++) {
    const calls = recordToolCalls(sent.completion.toolCalls);
    if (calls.length === 0) break;
    const results = calls.map((call) => cannedResult(call, input.toolResults, input.vars));
    // A call without a canned result ends the turn with the calls as its answer, as does the round limit.
    if (results.some((result) => result === null) || round >= input.maxToolRounds) {
      added.push(assistantMessage(sent.completion));
      return { final: sent, added, hasOpenCalls: true };
    }
    const toolResults = calls.map((call, index) => ({ id: call.id, name: call.name, content: results[index]! }));
    rounds.push(roundRecord(sent, toolResults));
    const messages: ChatMessage[] = [assistantMessage(sent.completion), ...toolResults.map((result) => ({ role: 'tool' as const, tool_call_id: result.id, content: result.content }))];
    added.push(...messages);
    request = { ...request, messages: [...request.messages, ...messages] };
    sent = await sendThroughCache(request, hashRequest(context.endpoint, request), context);
  }
  added.push(assistantMessage(sent.completion));
  return { final: sent, added, hasOpenCalls: false };
}
