/**
 * Folding the `data:` payloads of a streamed chat completion into one `Completion`: content deltas, tool-call
 * deltas (joined by their `index`: the first delta of a call brings its id and name, later ones bring pieces of
 * the arguments' JSON text), the finish reason, url_citation annotations on deltas, and the usage of the final chunk (whose `choices` is empty
 * when `stream_options.include_usage` is set). Pure: the caller passes the time of each payload for TTFT.
 */

import { SUMMARY } from './error-message.js';
import { collectCitations, contentFailure, embeddedErrorFailure, emptyCompletion, readUsage } from './completion-parser.js';
import { protocolFailure, type Failure } from './failure.js';
import { oneLineSnippet } from './redact.js';
import type { Completion, ReceivedToolCall } from '../wire/index.js';

type Json = Record<string, unknown>;

/** Accumulates one stream; feed `accept` with each payload, then call `finish` when the body ends. */
export class StreamAccumulator {
  private readonly completion: Completion = emptyCompletion();
  private readonly parts: string[] = [];
  /** Calls by their delta `index`; a sparse array keeps them in index order whatever order deltas arrive in. */
  private readonly calls: { id: string; name: string; args: string[] }[] = [];
  private hasChoices = false;
  /** True once `[DONE]` arrived. */
  isDone = false;
  /** Clock time of the first non-empty content delta, or null. */
  firstContentAtMs: number | null = null;

  constructor(private readonly secret: string) {}

  /** Takes one `data:` payload received at `nowMs`; returns a failure when the stream must stop. */
  accept(data: string, nowMs: number): Failure | null {
    if (data === '[DONE]') {
      this.isDone = true;
      return null;
    }
    let chunk: unknown;
    try {
      chunk = JSON.parse(data);
    } catch (error) {
      return protocolFailure(SUMMARY.malformedJson, { raw: oneLineSnippet(data, this.secret), cause: error });
    }
    if (typeof chunk !== 'object' || chunk === null) {
      return protocolFailure(SUMMARY.malformedJson, { raw: oneLineSnippet(data, this.secret) });
    }
    const json = chunk as Json;
    if (json.error !== undefined && json.error !== null) return embeddedErrorFailure(json.error, this.secret);
    const completion = this.completion;
    if (typeof json.id === 'string') completion.responseId = json.id;
    if (typeof json.model === 'string') completion.model = json.model;
    if (typeof json.system_fingerprint === 'string') completion.systemFingerprint = json.system_fingerprint;
    if (json.usage !== undefined && json.usage !== null) {
      const usage = readUsage(json.usage);
      if (usage !== null && 'kind' in usage) return usage;
      completion.usage = usage;
    }
    if (Array.isArray(json.choices)) {
      for (const choice of json.choices) {
        const failure = this.acceptChoice(choice, nowMs);
        if (failure) return failure;
      }
    }
    return null;
  }

  private acceptChoice(choice: unknown, nowMs: number): Failure | null {
    if (typeof choice !== 'object' || choice === null) return null;
    const { index, delta, finish_reason: finishReason } = choice as Json;
    // Only the first choice is recorded; n > 1 is not something an eval cell asks for.
    if (typeof index === 'number' && index !== 0) return null;
    this.hasChoices = true;
    if (typeof finishReason === 'string') this.completion.finishReason = finishReason;
    if (typeof delta !== 'object' || delta === null) return null;
    const { content, annotations, tool_calls: toolCalls } = delta as Json;
    const badContent = contentFailure(content, 'delta');
    if (badContent) return badContent;
    if (typeof content === 'string' && content.length > 0) {
      if (this.firstContentAtMs === null) this.firstContentAtMs = nowMs;
      this.parts.push(content);
    }
    if (Array.isArray(toolCalls)) {
      // An answer that only calls tools has no content: its first call delta is its first token.
      if (this.firstContentAtMs === null && toolCalls.length > 0) this.firstContentAtMs = nowMs;
      for (const call of toolCalls) this.acceptToolCall(call);
    }
    collectCitations(annotations, this.completion.citations);
    return null;
  }

  private acceptToolCall(call: unknown): void {
    if (typeof call !== 'object' || call === null) return;
    const { index, id, function: fn } = call as Json;
    // `index` is required by the spec; a server that omits it sends one call per chunk, so position 0 is wrong
    // only for parallel calls, which such servers do not stream.
    const at = typeof index === 'number' && Number.isInteger(index) && index >= 0 ? index : 0;
    const slot = (this.calls[at] ??= { id: '', name: '', args: [] });
    if (typeof id === 'string' && id !== '') slot.id = id;
    if (typeof fn !== 'object' || fn === null) return;
    const { name, arguments: args } = fn as Json;
    if (typeof name === 'string') slot.name += name;
    if (typeof args === 'string') slot.args.push(args);
  }

  /**
   * The completion once the body ended. A stream that stopped without `[DONE]` and without a finish reason was
   * cut off (a dropped proxy connection, a server restart): a retryable failure, never a short answer.
   */
  finish(): Completion | Failure {
    if (!this.isDone && this.completion.finishReason === null) {
      return protocolFailure(SUMMARY.truncatedStream, { raw: oneLineSnippet(this.parts.join(''), this.secret) || null });
    }
    if (!this.hasChoices) return protocolFailure(SUMMARY.emptyChoices, { isRetryable: false });
    this.completion.content = this.parts.join('');
    const calls: ReceivedToolCall[] = [];
    for (const slot of this.calls) if (slot) calls.push({ id: slot.id, name: slot.name, arguments: slot.args.join('') });
    this.completion.toolCalls = calls;
    return this.completion;
  }
}
