/**
 * The `--verbose` dump: one line per request sent and per outcome. Bodies are cut to a snippet and every line is
 * redacted, so neither the key nor the `Authorization` header can leak even if a server echoes them.
 */

import { wordOptions } from '../errors.js';
import type { Failure } from './failure.js';
import { oneLineSnippet, redactSecret } from './redact.js';
import type { Completion } from '../wire/index.js';

/** Longest body snippet in a request line, in characters. */
const BODY_SNIPPET_CHARS = 160;

/** Who sent the attempt. */
export interface AttemptLabel {
  method: string;
  path: string;
  model: string;
  cellId: string;
  attempt: number;
}

function prefix(label: AttemptLabel): string {
  return `${label.model} cell=${label.cellId} attempt=${label.attempt}`;
}

/** The line for a request about to be sent. */
export function requestLine(label: AttemptLabel, body: string | null, secret: string): string {
  const size = body === null ? '' : ` bytes=${Buffer.byteLength(body)} body=${oneLineSnippet(body, secret, BODY_SNIPPET_CHARS)}`;
  return redactSecret(`-> ${label.method} ${label.path} ${prefix(label)}${size}`, secret);
}

/** The line for a successful answer. */
export function successLine(label: AttemptLabel, completion: Completion, secret: string): string {
  const tokens = completion.usage ? ` tokens=${completion.usage.totalTokens}` : '';
  const ttft = completion.ttftMs === null ? '' : ` ttft=${Math.round(completion.ttftMs)}ms`;
  const requestId = completion.requestId ? ` request-id=${completion.requestId}` : '';
  const line =
    `<- 200 ${prefix(label)} latency=${Math.round(completion.latencyMs)}ms${ttft}` +
    ` finish=${completion.finishReason ?? 'none'}${tokens} chars=${completion.content.length}${requestId}`;
  return redactSecret(line, secret);
}

/** The line for a failed attempt. */
export function failureLine(label: AttemptLabel, failure: Failure, secret: string): string {
  const status = failure.status === null ? '---' : String(failure.status);
  const server = failure.serverMessage ? `: ${failure.serverMessage}` : '';
  const requestId = failure.requestId ? ` request-id=${failure.requestId}` : '';
  return redactSecret(`<- ${status} ${prefix(label)} ${wordOptions(failure.summary)}${server}${requestId}`, secret);
}
