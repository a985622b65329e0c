/**
 * A failed attempt, kept as plain data until the retry loop gives up (zod keeps issues as data the same way):
 * the loop reads `isRetryable` and `retryAfterMs`, and only the last failure becomes a typed `ApiError`, because
 * only then is the attempt count known. Pure: no I/O, the wall clock is a parameter.
 */

import { optionRef } from '../errors.js';
import { SUMMARY, connectionSummary, timeoutSummary } from './error-message.js';
import { oneLineSnippet } from './redact.js';
import { parseRetryAfterMs, type ResponseHeaders } from './retry-after.js';

/** Which family a failure belongs to; each maps to one `ApiError` subclass. */
export type FailureKind =
  | 'auth'
  | 'quota'
  | 'bad-request'
  | 'not-found'
  | 'rate-limit'
  | 'server'
  | 'timeout'
  | 'connection'
  | 'protocol'
  | 'too-large'
  | 'status';

/** Which timeout ran out: TCP/TLS connect, the wait for headers or the next body chunk, or the whole request. */
export type TimeoutPhase = 'connect' | 'first-byte' | 'request';

/** One failed attempt. */
export interface Failure {
  kind: FailureKind;
  status: number | null;
  /** Our words for it, such as `rate limited`. */
  summary: string;
  /** Onetoken's `error.message`, redacted and on one line. */
  serverMessage: string | null;
  /** Onetoken's `error.param`. */
  param: string | null;
  /** A redacted, truncated snippet of the body when it could not be read as expected. */
  raw: string | null;
  /** The server's retry hint in ms, untrusted yet (see `trustedRetryAfterMs`). */
  retryAfterMs: number | null;
  requestId: string | null;
  isRetryable: boolean;
  timeoutPhase: TimeoutPhase | null;
  cause: unknown;
}

/** A failure with the fields that default to null filled in. */
export function makeFailure(fields: Pick<Failure, 'kind' | 'summary' | 'isRetryable'> & Partial<Failure>): Failure {
  return {
    status: null,
    serverMessage: null,
    param: null,
    raw: null,
    retryAfterMs: null,
    requestId: null,
    timeoutPhase: null,
    cause: undefined,
    ...fields,
  };
}

/** The `error` object of an OpenAI-style body, as far as it can be read. */
interface ErrorBody {
  message: string | null;
  type: string | null;
  code: string | null;
  param: string | null;
}

function asString(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** Reads `{"error": {...}}`, `{"error": "..."}` or `{"message": "..."}`; null when the body is not JSON. */
export function readErrorBody(text: string): ErrorBody | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const outer = parsed as Record<string, unknown>;
  const inner = typeof outer.error === 'object' && outer.error !== null ? (outer.error as Record<string, unknown>) : outer;
  return {
    message: asString(inner.message) ?? asString(outer.error),
    type: asString(inner.type),
    code: asString(inner.code) ?? (typeof inner.code === 'number' ? String(inner.code) : null),
    param: asString(inner.param),
  };
}

/** The failure of an HTTP error status, with its body text and headers. */
export function failureFromStatus(
  status: number,
  bodyText: string,
  headers: ResponseHeaders,
  secret: string,
  epochNowMs: number,
): Failure {
  const body = readErrorBody(bodyText);
  const requestId = typeof headers['x-request-id'] === 'string' ? headers['x-request-id'] : null;
  const common: Partial<Failure> = {
    status,
    serverMessage: body?.message ? oneLineSnippet(body.message, secret, 500) : null,
    param: body?.param ?? null,
    raw: body === null && bodyText.length > 0 ? oneLineSnippet(bodyText, secret) : null,
    retryAfterMs: parseRetryAfterMs(headers, epochNowMs),
    requestId,
  };
  // OpenAI answers an exhausted balance with 429 + `insufficient_quota`; retrying it only burns time.
  if (status === 402 || body?.code === 'insufficient_quota' || body?.type === 'insufficient_quota') {
    return makeFailure({ ...common, kind: 'quota', summary: SUMMARY.quota, isRetryable: false });
  }
  if (status === 401 || status === 403) return makeFailure({ ...common, kind: 'auth', summary: SUMMARY.auth, isRetryable: false });
  if (status === 400 || status === 422) {
    return makeFailure({ ...common, kind: 'bad-request', summary: SUMMARY.badRequest, isRetryable: false });
  }
  if (status === 404) return makeFailure({ ...common, kind: 'not-found', summary: SUMMARY.notFound, isRetryable: false });
  if (status === 429) return makeFailure({ ...common, kind: 'rate-limit', summary: SUMMARY.rateLimit, isRetryable: true });
  if (status >= 500) return makeFailure({ ...common, kind: 'server', summary: SUMMARY.server, isRetryable: true });
  // 408 Request Timeout and 409 Conflict (a lock held by a concurrent request) are transient, as in openai-node.
  const isRetryable = status === 408 || status === 409;
  return makeFailure({ ...common, kind: 'status', summary: SUMMARY.status, isRetryable });
}

/** Socket-level codes that mean the connection failed or broke (undici's retry handler keeps the same list). */
const CONNECTION_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETDOWN',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EHOSTUNREACH',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
]);

/** The `code` of an error or of its cause (DNS and `autoSelectFamily` errors arrive wrapped). */
function errorCode(error: unknown): string | null {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * The failure of an error thrown while sending or reading, or null when it is not a network error (a bug of
 * ours must surface, not be retried).
 */
export function failureFromThrown(error: unknown, limits: { connectMs: number; firstByteMs: number; origin?: string }): Failure | null {
  const code = errorCode(error);
  const host = hostOf(limits.origin);
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return timeoutFailure('connect', limits.connectMs, error);
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return timeoutFailure('first-byte', limits.firstByteMs, error);
  }
  if (code !== null && code.startsWith('HPE_')) {
    // llhttp rejected the bytes: the server (or a proxy) spoke broken HTTP.
    return makeFailure({ kind: 'protocol', summary: `invalid HTTP response (${code})`, isRetryable: true, cause: error });
  }
  if (code !== null && CONNECTION_CODES.has(code)) {
    return makeFailure({ kind: 'connection', summary: connectionSummary(code, host), isRetryable: true, cause: error });
  }
  if (code !== null && (code.startsWith('ERR_TLS') || code.includes('CERT') || code.startsWith('ERR_SSL'))) {
    // A certificate that fails today fails on every retry.
    return makeFailure({ kind: 'connection', summary: connectionSummary(code, host), isRetryable: false, cause: error });
  }
  return null;
}

/** `host:port` of an origin, for connection messages ("connection to api.example.com failed"). */
function hostOf(origin: string | undefined): string | null {
  if (!origin) return null;
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** A timeout failure; every timeout is worth another attempt. */
export function timeoutFailure(phase: TimeoutPhase, limitMs: number, cause: unknown): Failure {
  return makeFailure({ kind: 'timeout', summary: timeoutSummary(phase, limitMs), isRetryable: true, timeoutPhase: phase, cause });
}

/** A body larger than the limit: the same answer would be as large again, so it is not retried. */
export function tooLargeFailure(status: number, maxBytes: number): Failure {
  return makeFailure({ status, kind: 'too-large', summary: `response body larger than ${maxBytes} bytes (${optionRef('maxResponseBytes')})`, isRetryable: false });
}

/** A protocol failure of a 200 answer whose body we could not use. */
export function protocolFailure(summary: string, fields: Partial<Failure> = {}): Failure {
  return makeFailure({ status: 200, ...fields, kind: 'protocol', summary, isRetryable: fields.isRetryable ?? true });
}
