/**
 * Reading the server's retry hint. `retry-after-ms` (milliseconds, an OpenAI extension) wins over `Retry-After`,
 * which RFC 9110 §10.2.3 defines as either delay-seconds or an HTTP date. Pure: the wall clock is a parameter,
 * because an HTTP date is absolute.
 */

/** Response headers as undici returns them: lower-case names, repeated headers as arrays. */
export type ResponseHeaders = Record<string, string | string[] | undefined>;

/** The first value of a header, or undefined. */
function headerValue(headers: ResponseHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Delay-seconds are digits only; `Number('')` and `Number(' ')` would otherwise read as 0. */
const NUMERIC = /^\s*\d+(\.\d+)?\s*$/;

/**
 * All three HTTP date formats (IMF-fixdate, RFC 850, asctime) start with a day name. Checking that keeps V8's
 * lenient `Date.parse` from reading `-1` as the year -1.
 */
const HTTP_DATE = /^\s*[A-Za-z]{3}/;

/**
 * The server's requested delay in milliseconds, or null when it sent none we can read. May be zero or
 * negative (an HTTP date in the past); the caller decides what to trust.
 */
export function parseRetryAfterMs(headers: ResponseHeaders, epochNowMs: number): number | null {
  const ms = headerValue(headers, 'retry-after-ms');
  if (ms !== undefined && NUMERIC.test(ms)) return Number(ms);
  const value = headerValue(headers, 'retry-after');
  if (value === undefined) return null;
  if (NUMERIC.test(value)) return Number(value) * 1000;
  const date = HTTP_DATE.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? null : date - epochNowMs;
}

/**
 * The hint when it is worth following: positive and at most `maxRetryAfterMs`. A longer hint is more likely a
 * misconfigured proxy than a real quota window, so the caller falls back to its own backoff (as openai-node does).
 */
export function trustedRetryAfterMs(hintMs: number | null, maxRetryAfterMs: number): number | null {
  return hintMs !== null && hintMs > 0 && hintMs <= maxRetryAfterMs ? hintMs : null;
}
