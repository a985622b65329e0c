/**
 * All message text of API errors, built in one place (as execa does in `lib/return/message.js`), so every error
 * reads the same: `<model>: <cellId>: <status> <summary>: <server's error.message> (after N attempts); <fix>`.
 */

import { optionRef } from '../errors.js';
import type { TimeoutPhase } from './failure.js';

/** What the message is built from. */
export interface MessageParts {
  model: string;
  cellId: string;
  status: number | null;
  /** Our own words for what went wrong, e.g. `rate limited`. */
  summary: string;
  /** Onetoken's `error.message`, already redacted and on one line. */
  serverMessage: string | null;
  attempts: number;
  /** What arrived instead of what was expected (a body snippet), when there is no server message. */
  found: string | null;
  /** How to fix it, when we know. */
  hint: string | null;
}

/** The one-line message of an API error. */
export function formatApiErrorMessage(parts: MessageParts): string {
  const where = [parts.model, parts.cellId].filter((part) => part.length > 0).join(': ');
  const what = parts.status === null ? parts.summary : `${parts.status} ${parts.summary}`;
  const server = parts.serverMessage ? `: ${parts.serverMessage}` : parts.found ? `: got ${JSON.stringify(parts.found)}` : '';
  const tries = `(after ${parts.attempts} ${parts.attempts === 1 ? 'attempt' : 'attempts'})`;
  const hint = parts.hint ? `; ${parts.hint}` : '';
  return `${where ? `${where}: ` : ''}${what}${server} ${tries}${hint}`;
}

/** Summary words per status family. */
export const SUMMARY = {
  auth: 'key rejected or expired',
  quota: 'quota exhausted',
  badRequest: 'bad request',
  notFound: 'not found',
  rateLimit: 'rate limited',
  server: 'server error',
  status: 'unexpected status',
  malformedJson: 'malformed JSON in response',
  emptyChoices: 'response has no choices',
  truncatedStream: 'truncated stream: ended without [DONE] or finish_reason',
  streamError: 'error event in stream',
  aborted: 'aborted',
} as const;

/** Longest body snippet quoted in a message, in characters; the error's `raw` field keeps more. */
export const FOUND_CHARS = 80;

/**
 * Summary of a timeout, naming which limit ran out and the option that sets it. The whole-request limit is the
 * `timeoutMs` option of the whole-run functions (`--timeout-ms` on the command line), marked with `optionRef` so
 * each audience reads its own name; connect and first-byte limits are client options only.
 */
export function timeoutSummary(phase: TimeoutPhase, limitMs: number): string {
  if (phase === 'connect') return `timed out connecting after ${limitMs} ms (timeouts.connectMs)`;
  if (phase === 'first-byte') return `timed out waiting for data after ${limitMs} ms (timeouts.firstByteMs, capped by ${optionRef('timeoutMs')})`;
  return `timed out: request took longer than ${limitMs} ms; raise ${optionRef('timeoutMs')}`;
}

/** Summary of a connection failure naming the host, with the system error code when there is one. */
export function connectionSummary(code: string | null, host: string | null = null): string {
  const what = host ? `connection to ${host} failed` : 'connection failed';
  return code ? `${what} (${code})` : what;
}

/** Fix for a parameter the model refuses. */
export function omitParamHint(param: string): string {
  return `add "${param}" to this model's \`omit\` list in the suite, or remove it from its params`;
}

/** Fix for a rejected key. */
export const AUTH_HINT = 'check ONETOKEN_API_KEY (the key may be wrong, revoked or expired)';

/** Fix for an exhausted balance. */
export const QUOTA_HINT = 'top up the Onetoken balance or raise the key limit, then resume the run';

/** Fix for an unknown model id. */
export function notFoundHint(model: string): string {
  return `check that the model id "${model}" exists (list them with GET /models)`;
}
