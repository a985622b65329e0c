/** Public options and interface of the Onetoken client. */

import type { ChatRequest, Completion } from '../wire/index.js';

/** When and how long to retry; the delays follow undici's retry handler and openai-node's policy. */
export interface RetryOptions {
  /** Attempts in all, the first one included (1 try + 3 retries). @default 4 */
  maxAttempts?: number;
  /** Backoff ceiling of the first retry, doubled per attempt, in ms. @default 500 */
  baseDelayMs?: number;
  /** Largest backoff ceiling, in ms. @default 30000 */
  maxDelayMs?: number;
  /** Server retry hints above this are distrusted and backoff is used instead, in ms. @default 60000 */
  maxRetryAfterMs?: number;
}

/** Timeouts of one attempt; 0 disables one. A timeout is retried like a connection error. */
export interface TimeoutOptions {
  /** TCP (and TLS) connect, in ms. @default 10000 */
  connectMs?: number;
  /** Wait for the response headers and for each next body chunk (a stream's first token), in ms. @default 60000 */
  firstByteMs?: number;
  /** The whole attempt, body included, in ms. @default 300000 */
  requestMs?: number;
}

/** Limits of one limit key (a model). Unset fields are unbounded. */
export interface ModelLimits {
  /** Requests in flight at once; adapts down on 429 and back up on success. */
  concurrency?: number;
  /** Requests per minute. */
  rpm?: number;
  /** Tokens per minute, estimated before sending and corrected with the reported usage. */
  tpm?: number;
}

/**
 * Something the progress display may show. `model` is the limit key (the model id unless the caller passed a
 * `limitKey`); `attempt` is the number of the attempt that failed; `untilMs` is on the client's `now` clock.
 */
export type ClientEvent =
  | { type: 'retry'; model: string; cellId: string; attempt: number; delayMs: number; code: string }
  | { type: 'pause'; model: string; untilMs: number }
  | { type: 'concurrency'; model: string; limit: number };

/** Options of `createClient`. */
export interface ClientOptions {
  /** API base including the version path, e.g. `https://onetoken.one/v1`. */
  baseUrl: string;
  /** The Onetoken key; sent only in the `Authorization` header. */
  apiKey: string;
  /** Keep-alive connections to the API origin; size it to the run's concurrency. @default 64 */
  connections?: number;
  /** A response body larger than this ends the attempt with a `ResponseTooLargeError` (not retried), in bytes. @default 10485760 (10 MiB) */
  maxResponseBytes?: number;
  retry?: RetryOptions;
  timeouts?: TimeoutOptions;
  /** Abortable sleep, injected by tests. @default real timers */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter source in [0, 1). @default Math.random */
  random?: () => number;
  /** Monotonic clock in ms. @default performance.now */
  now?: () => number;
  /** Retries, shared pauses and concurrency changes, for the progress display. */
  onEvent?: (event: ClientEvent) => void;
  /** One line per request and response; never contains the key or the Authorization header. */
  verbose?: (line: string) => void;
}

/** Per-request context. */
export interface CompleteContext {
  /** The runner's cell id, quoted in errors and events. */
  cellId: string;
  /** Which limits, pause and adaptive concurrency apply. @default request.model */
  limitKey?: string;
  /** Aborts the request, its waits and its retries; rejects with `AbortedError` (code `OTE_ABORTED`). */
  signal?: AbortSignal;
}

/** Current state of one limit key. */
export interface ModelStatus {
  /** Current adaptive concurrency limit; Infinity when no concurrency limit is set. */
  concurrency: number;
  /** The configured concurrency limit; Infinity when none is set. */
  configuredConcurrency: number;
  /** End of the shared pause on the `now` clock, or null when not paused. */
  pausedUntilMs: number | null;
}

/** A client of the Onetoken chat-completions API. */
export interface OnetokenClient {
  /** Sends one chat request with retries; rejects with an `ApiError` subclass (or `AbortedError`). */
  complete(request: ChatRequest, context: CompleteContext): Promise<Completion>;
  /** Sets (replaces) the limits of a limit key. */
  setModelLimits(limitKey: string, limits: ModelLimits): void;
  /** Current concurrency limit and pause of a limit key. */
  modelStatus(limitKey: string): ModelStatus;
  /** Model ids served, from `GET {base}/models`, sorted. */
  listModels(): Promise<string[]>;
  /** Closes the connection pool; pending requests finish first. */
  close(): Promise<void>;
}
