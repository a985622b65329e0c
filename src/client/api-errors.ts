/**
 * Typed API errors, one class per status family like openai-node's `src/core/error.ts`, each with a stable
 * `OTE_API_*` code (match on `code`, never on the message) and exit code 3. Built once, when the retry loop
 * gives up, from the last attempt's `Failure`.
 */

import { ExitCode, OnetokenEvalError, type ErrorCode } from '../errors.js';
import {
  AUTH_HINT,
  FOUND_CHARS,
  QUOTA_HINT,
  SUMMARY,
  formatApiErrorMessage,
  notFoundHint,
  omitParamHint,
} from './error-message.js';
import type { Failure, FailureKind, TimeoutPhase } from './failure.js';

/** Where the failed request came from. */
export interface ApiErrorContext {
  /** The model id sent. */
  model: string;
  /** The runner's cell id, or a label such as `models` for other requests. */
  cellId: string;
  /** Attempts made, the failed last one included. */
  attempts: number;
}

/** The Onetoken API or the network failed a request, after retries where they made sense. */
export class ApiError extends OnetokenEvalError {
  /** HTTP status, or null when no answer arrived (connection, timeout). */
  readonly status: number | null;
  /** The model id sent. */
  readonly model: string;
  /** The runner's cell id (`models` for `listModels`). */
  readonly cellId: string;
  /** Attempts made, 1 when the first failure was final. */
  readonly attempts: number;
  /** Onetoken's `error.param`, such as `temperature`. */
  readonly param: string | null;
  /** A truncated, key-free snippet of a body that could not be read. */
  readonly raw: string | null;
  /** Onetoken's own `error.message`, key-free. */
  readonly serverMessage: string | null;
  /** The server's retry hint of the last answer, in ms. */
  readonly retryAfterMs: number | null;
  /** The `x-request-id` of the last answer, for support tickets. */
  readonly requestId: string | null;
  /** Whether the last failure was of a retryable kind (false when retries were not worth it). */
  readonly isRetryable: boolean;

  constructor(code: ErrorCode, failure: Failure, context: ApiErrorContext) {
    const parts = { ...context, ...failure, found: foundFor(failure), hint: hintFor(failure, context.model) };
    super(code, formatApiErrorMessage(parts), {
      exitCode: ExitCode.api,
      cause: failure.cause,
    });
    this.status = failure.status;
    this.model = context.model;
    this.cellId = context.cellId;
    this.attempts = context.attempts;
    this.param = failure.param;
    this.raw = failure.raw;
    this.serverMessage = failure.serverMessage;
    this.retryAfterMs = failure.retryAfterMs;
    this.requestId = failure.requestId;
    this.isRetryable = failure.isRetryable;
  }

  /** True when no other request can succeed either (the key or the balance), so the run should stop. */
  get stopsRun(): boolean {
    return this.code === 'OTE_API_AUTH' || this.code === 'OTE_API_QUOTA';
  }
}

/** 401/403: the key was rejected or has expired. Not retried; stops the run. */
export class AuthError extends ApiError {}
/** 402 or `insufficient_quota`: the balance is exhausted. Not retried; stops the run. */
export class QuotaError extends ApiError {}
/** 400/422: the request is invalid, typically a parameter the model refuses (see `param`). Not retried. */
export class BadRequestError extends ApiError {}
/** 404: usually an unknown model id. Not retried. */
export class NotFoundError extends ApiError {}
/** 429: rate limited on every attempt. */
export class RateLimitError extends ApiError {}
/** 5xx on every attempt. */
export class ServerError extends ApiError {}
/** Another status; 408 and 409 were retried. */
export class StatusError extends ApiError {}
/** Reset, refused, DNS failure and other socket errors. */
export class ConnectionError extends ApiError {}
/** A 200 answer we could not use: bad JSON, no choices, a truncated stream, an error event mid-stream. */
export class ProtocolError extends ApiError {}

/** A response body was larger than `maxResponseBytes`; not retried. */
export class ResponseTooLargeError extends ApiError {}

/** A connect, first-byte or whole-request timeout ran out. */
export class TimeoutError extends ApiError {
  /** Which timeout ran out. */
  readonly phase: TimeoutPhase;

  constructor(code: ErrorCode, failure: Failure, context: ApiErrorContext) {
    super(code, failure, context);
    this.phase = failure.timeoutPhase ?? 'request';
  }
}

/** The caller's signal aborted the request; not an API failure, never retried. */
export class AbortedError extends OnetokenEvalError {
  /** The model id of the aborted request. */
  readonly model: string;
  /** The runner's cell id. */
  readonly cellId: string;
  /** Attempts started before the abort. */
  readonly attempts: number;

  constructor(context: ApiErrorContext, cause: unknown) {
    super('OTE_ABORTED', `${context.model}: ${context.cellId}: ${SUMMARY.aborted}`, { exitCode: ExitCode.interrupted, cause });
    this.model = context.model;
    this.cellId = context.cellId;
    this.attempts = context.attempts;
  }
}

type ApiErrorClass = new (code: ErrorCode, failure: Failure, context: ApiErrorContext) => ApiError;

const CLASSES: Record<FailureKind, [ErrorCode, ApiErrorClass]> = {
  auth: ['OTE_API_AUTH', AuthError],
  quota: ['OTE_API_QUOTA', QuotaError],
  'bad-request': ['OTE_API_BAD_REQUEST', BadRequestError],
  'not-found': ['OTE_API_NOT_FOUND', NotFoundError],
  'rate-limit': ['OTE_API_RATE_LIMIT', RateLimitError],
  server: ['OTE_API_SERVER', ServerError],
  status: ['OTE_API_STATUS', StatusError],
  timeout: ['OTE_API_TIMEOUT', TimeoutError],
  connection: ['OTE_API_CONNECTION', ConnectionError],
  protocol: ['OTE_API_PROTOCOL', ProtocolError],
  'too-large': ['OTE_API_TOO_LARGE', ResponseTooLargeError],
};

/** The stable code a failure of this kind ends with, e.g. for `retry` events. */
export function apiErrorCode(kind: FailureKind): ErrorCode {
  return CLASSES[kind][0];
}

/** The typed error for the last failure of a request. */
export function toApiError(failure: Failure, context: ApiErrorContext): ApiError {
  const [code, ErrorClass] = CLASSES[failure.kind];
  return new ErrorClass(code, failure, context);
}

/** The start of a body we could not read, quoted when the server gave no message of its own. */
function foundFor(failure: Failure): string | null {
  if (failure.serverMessage !== null || failure.raw === null || failure.summary === SUMMARY.truncatedStream) return null;
  return failure.raw.length > FOUND_CHARS ? `${failure.raw.slice(0, FOUND_CHARS)}…` : failure.raw;
}

function hintFor(failure: Failure, model: string): string | null {
  if (failure.kind === 'auth') return AUTH_HINT;
  if (failure.kind === 'quota') return QUOTA_HINT;
  if (failure.kind === 'bad-request' && failure.param) return omitParamHint(failure.param);
  if (failure.kind === 'not-found' && model) return notFoundHint(model);
  return null;
}

/** True for every typed API error (not for `AbortedError`). */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
