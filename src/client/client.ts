/**
 * The Onetoken client: the retry loop around one HTTP attempt, with per-model admission (pause, adaptive
 * concurrency, rpm/tpm) in front of every attempt. Only the last failure becomes a typed error, so the message
 * can say how many attempts were made.
 *
 * The hot path (no limits, no pause) awaits nothing but the HTTP attempt: the benchmark holds this client to
 * 90% of a bare undici request loop.
 */

import { AbortedError, apiErrorCode, toApiError, type ApiErrorContext } from './api-errors.js';
import { SUMMARY } from './error-message.js';
import { protocolFailure, type Failure } from './failure.js';
import { ModelGate, OPEN_PASS, type GateEnvironment, type GatePass } from './model-gate.js';
import type { ClientOptions, CompleteContext, ModelLimits, ModelStatus, OnetokenClient } from './options.js';
import { oneLineSnippet, redactCompletion, redactFailure } from './redact.js';
import { resolveOptions, type ResolvedOptions } from './resolve-options.js';
import { retryDelayMs, shouldPauseModel, shouldRetry } from './retry-policy.js';
import { estimateRequestTokens } from './token-estimate.js';
import type { ChatRequest, Completion } from '../wire/index.js';
import { Transport } from './transport.js';
import { failureLine, requestLine, successLine, type AttemptLabel } from './verbose.js';

/** Creates a client with one keep-alive connection pool to the API origin. */
export function createClient(options: ClientOptions): OnetokenClient {
  return new Client(resolveOptions(options));
}

/** Checks one limit: a positive number (an integer for concurrency), or undefined. */
function checkLimit(name: string, value: number | undefined, isInteger: boolean): void {
  if (value === undefined) return;
  const isValid = isInteger ? Number.isInteger(value) && value >= 1 : Number.isFinite(value) && value > 0;
  if (!isValid) throw new TypeError(`${name}: expected a positive ${isInteger ? 'integer' : 'number'}, got ${String(value)}`);
}

class Client implements OnetokenClient {
  private readonly transport: Transport;
  private readonly gates = new Map<string, ModelGate>();
  private readonly gateEnv: GateEnvironment;
  private readonly chatPath: string;
  private readonly modelsPath: string;

  constructor(private readonly options: ResolvedOptions) {
    this.transport = new Transport(options);
    this.chatPath = `${options.basePath}/chat/completions`;
    this.modelsPath = `${options.basePath}/models`;
    const onEvent = options.onEvent;
    this.gateEnv = { now: options.now, sleep: options.sleep, emit: (event) => onEvent?.(event) };
  }

  async complete(request: ChatRequest, context: CompleteContext): Promise<Completion> {
    const { cellId, signal } = context;
    const key = context.limitKey ?? request.model;
    const gate = this.gateFor(key);
    const isStream = request.stream === true;
    // Without `include_usage` a stream reports no token counts; the caller's own stream_options win.
    const body = JSON.stringify(
      isStream && request.stream_options === undefined ? { ...request, stream_options: { include_usage: true } } : request,
    );
    const tokens = gate.countsTokens ? estimateRequestTokens(request) : 0;
    const { now, verbose, apiKey } = this.options;
    if (signal?.aborted) throw new AbortedError({ model: request.model, cellId, attempts: 0 }, signal.reason);
    let attemptsSent = 0;
    for (let attempt = 1; ; attempt++) {
      const label: AttemptLabel | null = verbose ? { method: 'POST', path: this.chatPath, model: request.model, cellId, attempt } : null;
      let pass: GatePass = OPEN_PASS;
      let result: Completion | Failure;
      try {
        if (gate.isGuarded(now())) pass = await gate.enter(tokens, signal);
        if (verbose && label) verbose(requestLine(label, body, apiKey));
        attemptsSent = attempt;
        try {
          // Cleaned here, once, before anything else sees it: the verbose line, the error, the cache, the journal.
          const raw = await this.transport.postChat(this.chatPath, body, isStream, signal);
          result = 'kind' in raw ? redactFailure(raw, apiKey) : redactCompletion(raw, apiKey);
        } finally {
          gate.leave(pass);
        }
      } catch (error) {
        throw this.abortedOr(error, signal, { model: request.model, cellId, attempts: attemptsSent });
      }
      if (!('kind' in result)) {
        gate.recordSuccess(pass, result.usage ? result.usage.totalTokens : null);
        result.attempts = attempt;
        if (verbose && label) verbose(successLine(label, result, apiKey));
        return result;
      }
      if (verbose && label) verbose(failureLine(label, result, apiKey));
      if (result.kind === 'rate-limit') gate.recordRateLimit(pass);
      const errorContext = { model: request.model, cellId, attempts: attempt };
      if (!shouldRetry(result, attempt, this.options)) throw toApiError(result, errorContext);
      const delayMs = this.announceRetry(result, attempt, key, cellId);
      if (shouldPauseModel(result, this.options)) {
        // The next `enter` sleeps through the pause, together with every other request of this model.
        gate.pauseUntil(now() + delayMs);
      } else if (delayMs > 0) {
        await this.sleep(delayMs, signal, errorContext);
      }
    }
  }

  setModelLimits(limitKey: string, limits: ModelLimits): void {
    checkLimit('concurrency', limits.concurrency, true);
    checkLimit('rpm', limits.rpm, false);
    checkLimit('tpm', limits.tpm, false);
    this.gateFor(limitKey).setLimits(limits);
  }

  modelStatus(limitKey: string): ModelStatus {
    return this.gateFor(limitKey).status();
  }

  async listModels(): Promise<string[]> {
    const context = { model: '', cellId: 'models', attempts: 0 };
    for (let attempt = 1; ; attempt++) {
      context.attempts = attempt;
      const label: AttemptLabel = { method: 'GET', path: this.modelsPath, model: 'models', cellId: '-', attempt };
      this.options.verbose?.(requestLine(label, null, this.options.apiKey));
      const response = await this.transport.get(this.modelsPath, undefined);
      const result = 'kind' in response ? redactFailure(response, this.options.apiKey) : readModelIds(response.text, this.options.apiKey);
      if (!('kind' in result)) return result;
      this.options.verbose?.(failureLine(label, result, this.options.apiKey));
      if (!shouldRetry(result, attempt, this.options)) throw toApiError(result, context);
      await this.sleep(this.announceRetry(result, attempt, 'models', 'models'), undefined, context);
    }
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  private gateFor(key: string): ModelGate {
    let gate = this.gates.get(key);
    if (gate === undefined) {
      gate = new ModelGate(key, this.gateEnv);
      this.gates.set(key, gate);
    }
    return gate;
  }

  /** Computes the delay before the next attempt and emits the `retry` event. */
  private announceRetry(failure: Failure, attempt: number, key: string, cellId: string): number {
    const delayMs = retryDelayMs(failure, attempt, this.options);
    this.options.onEvent?.({ type: 'retry', model: key, cellId, attempt, delayMs, code: apiErrorCode(failure.kind) });
    return delayMs;
  }

  private async sleep(ms: number, signal: AbortSignal | undefined, context: ApiErrorContext): Promise<void> {
    try {
      await this.options.sleep(ms, signal);
    } catch (error) {
      throw this.abortedOr(error, signal, context);
    }
    if (signal?.aborted) throw new AbortedError(context, signal.reason);
  }

  /** An `AbortedError` when the caller's signal caused `error`, else `error` itself. */
  private abortedOr(error: unknown, signal: AbortSignal | undefined, context: ApiErrorContext): unknown {
    return signal?.aborted ? new AbortedError(context, signal.reason) : error;
  }
}

/** The sorted ids of a `GET /models` body, or a protocol failure. */
function readModelIds(text: string, secret: string): string[] | Failure {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return protocolFailure(SUMMARY.malformedJson, { raw: oneLineSnippet(text, secret), cause: error });
  }
  const data = typeof body === 'object' && body !== null ? (body as { data?: unknown }).data : undefined;
  if (!Array.isArray(data)) return protocolFailure('expected {"data": [...]} from GET /models', { raw: oneLineSnippet(text, secret) });
  const ids = data.map((item) => (typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined));
  return ids.filter((id): id is string => typeof id === 'string').sort();
}
