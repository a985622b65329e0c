/**
 * One HTTP attempt over a pooled undici dispatcher: send, read the status, parse the body (JSON or SSE) and turn
 * every outcome into a `Completion` or a `Failure`. Retries, limits and messages live elsewhere.
 *
 * Timeouts map onto undici's own: `connect.timeout` (connectMs), `headersTimeout` and `bodyTimeout` (firstByteMs;
 * the body timeout is the idle gap between chunks, which for a stream is the wait for the next token), plus one
 * timer per attempt that aborts the whole request after requestMs.
 */

import { createPool, requestOn, type Dispatcher, type Pool } from './undici-pool.js';
import { AttemptAbort, followSignal } from './attempt-abort.js';
import { parseCompletionBody } from './completion-parser.js';
import { failureFromStatus, failureFromThrown, timeoutFailure, tooLargeFailure, type Failure } from './failure.js';
import type { ResponseHeaders } from './retry-after.js';
import type { ResolvedOptions } from './resolve-options.js';
import { SseParser } from './sse-parser.js';
import { StreamAccumulator } from './stream-accumulator.js';
import type { Completion } from '../wire/index.js';

/** A 2xx GET answer body. */
export interface TextResponse {
  text: string;
}

/** Sends attempts to one API origin. */
export class Transport {
  private readonly pool: Pool;
  private readonly jsonHeaders: Record<string, string>;
  private readonly streamHeaders: Record<string, string>;
  private readonly getHeaders: Record<string, string>;

  constructor(private readonly options: ResolvedOptions) {
    this.pool = createPool(options.origin, {
      connections: options.connections,
      connect: { timeout: options.connectMs },
      headersTimeout: options.firstByteMs,
      bodyTimeout: options.firstByteMs,
    });
    // Built once and shared: undici does not mutate header objects, and this is the per-request hot path.
    const authorization = `Bearer ${options.apiKey}`;
    const common = { authorization, 'user-agent': 'onetoken-eval' };
    this.jsonHeaders = { ...common, 'content-type': 'application/json', accept: 'application/json' };
    this.streamHeaders = { ...common, 'content-type': 'application/json', accept: 'text/event-stream' };
    this.getHeaders = { ...common, accept: 'application/json' };
  }

  /** POSTs a chat request body; rejects only when `signal` aborts or on a bug. */
  postChat(path: string, body: string, isStream: boolean, signal: AbortSignal | undefined): Promise<Completion | Failure> {
    const headers = isStream ? this.streamHeaders : this.jsonHeaders;
    return this.attempt('POST', path, headers, body, signal, (response, startMs) => this.readChat(response, isStream, startMs));
  }

  /** GETs a JSON resource; rejects only when `signal` aborts or on a bug. */
  get(path: string, signal: AbortSignal | undefined): Promise<TextResponse | Failure> {
    return this.attempt('GET', path, this.getHeaders, null, signal, async (response) => {
      const text = await readText(response, this.options.maxResponseBytes, false);
      return text === null ? tooLargeFailure(response.statusCode, this.options.maxResponseBytes) : { text };
    });
  }

  /** Closes the pool after in-flight requests finish. */
  close(): Promise<void> {
    return this.pool.close();
  }

  private async attempt<T>(
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string>,
    body: string | null,
    external: AbortSignal | undefined,
    read: (response: Dispatcher.ResponseData, startMs: number) => Promise<T | Failure>,
  ): Promise<T | Failure> {
    const { requestMs, now } = this.options;
    const abort = new AttemptAbort();
    let isTimedOut = false;
    const timer =
      requestMs > 0
        ? setTimeout(() => {
            isTimedOut = true;
            abort.abort();
          }, requestMs)
        : null;
    const unfollow = external && !external.aborted ? followSignal(external, abort) : null;
    try {
      if (external?.aborted) throw external.reason;
      const startMs = now();
      const response = await requestOn(this.pool, { method, path, headers, body, signal: abort });
      if (response.statusCode < 200 || response.statusCode > 299) {
        // An error body is only quoted: read up to the limit and cut, rather than fail a failure.
        const text = await readText(response, this.options.maxResponseBytes, true);
        return failureFromStatus(response.statusCode, text ?? '', response.headers as ResponseHeaders, this.options.apiKey, Date.now());
      }
      return await read(response, startMs);
    } catch (error) {
      if (external?.aborted) throw external.reason ?? error;
      if (isTimedOut) return timeoutFailure('request', requestMs, error);
      const failure = failureFromThrown(error, this.options);
      if (failure === null) throw error;
      return failure;
    } finally {
      if (timer !== null) clearTimeout(timer);
      unfollow?.();
    }
  }

  private async readChat(response: Dispatcher.ResponseData, isStream: boolean, startMs: number): Promise<Completion | Failure> {
    const contentType = response.headers['content-type'];
    // A server that ignores `stream: true` answers with plain JSON; read that rather than fail.
    const isEventStream = isStream && typeof contentType === 'string' && contentType.includes('text/event-stream');
    const text = isEventStream ? null : await readText(response, this.options.maxResponseBytes, false);
    if (!isEventStream && text === null) return { ...tooLargeFailure(response.statusCode, this.options.maxResponseBytes), requestId: requestIdOf(response) };
    const result = isEventStream ? await this.readStream(response, startMs) : parseCompletionBody(text!, this.options.apiKey);
    if ('kind' in result) return { ...result, requestId: requestIdOf(response) };
    result.latencyMs = this.options.now() - startMs;
    result.requestId = requestIdOf(response);
    return result;
  }

  private async readStream(response: Dispatcher.ResponseData, startMs: number): Promise<Completion | Failure> {
    const parser = new SseParser();
    const accumulator = new StreamAccumulator(this.options.apiKey);
    const { now, maxResponseBytes } = this.options;
    let bytes = 0;
    for await (const chunk of response.body) {
      bytes += (chunk as Buffer).length;
      if (bytes > maxResponseBytes) {
        response.body.destroy();
        return tooLargeFailure(response.statusCode, maxResponseBytes);
      }
      for (const event of parser.push(chunk as Buffer)) {
        const failure = accumulator.accept(event.data, now());
        if (failure) {
          response.body.destroy();
          return failure;
        }
      }
    }
    for (const event of parser.end()) {
      const failure = accumulator.accept(event.data, now());
      if (failure) return failure;
    }
    const result = accumulator.finish();
    if (!('kind' in result) && accumulator.firstContentAtMs !== null) result.ttftMs = accumulator.firstContentAtMs - startMs;
    return result;
  }
}

/**
 * The body as text, read chunk by chunk so an endless body stops at `maxBytes` instead of filling memory: null
 * when it is larger, or with `cut` the first `maxBytes` bytes. A Content-Length above the limit stops it unread.
 */
async function readText(response: Dispatcher.ResponseData, maxBytes: number, cut: boolean): Promise<string | null> {
  const declared = Number(response.headers['content-length']);
  if (!cut && Number.isFinite(declared) && declared > maxBytes) {
    response.body.destroy();
    return null;
  }
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of response.body) {
    const buffer = chunk as Buffer;
    bytes += buffer.length;
    if (bytes > maxBytes) {
      response.body.destroy();
      if (!cut) return null;
      chunks.push(buffer.subarray(0, buffer.length - (bytes - maxBytes)));
      break;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function requestIdOf(response: Dispatcher.ResponseData): string | null {
  const value = response.headers['x-request-id'];
  return typeof value === 'string' ? value : null;
}
