/** Low-level HTTP writers: JSON, errors, SSE streams and the deliberately broken answers. */

import type { ServerResponse } from 'node:http';
import type { ApiErrorReply } from './api-error.js';

/** Waits `ms` milliseconds, rejecting when the server closes; the callers skip it for 0. */
export type Wait = (ms: number) => Promise<void>;

/** Writes a complete JSON answer with an exact content-length, so keep-alive connections are reused. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Writes an OpenAI-style error answer. */
export function sendError(res: ServerResponse, reply: ApiErrorReply, headers: Record<string, string> = {}): void {
  sendJson(res, reply.status, { error: reply.error }, { ...headers, ...reply.headers });
}

/** Body of a malformed answer: what a misbehaving proxy in front of the API sends with a 200. */
const MALFORMED_BODY = '<html><head><title>200 OK</title></head><body>upstream answered: {"choices": [</body></html>';

/** Writes a 200 `application/json` answer whose body is not JSON. */
export function sendMalformed(res: ServerResponse, headers: Record<string, string>): void {
  res.writeHead(200, { ...headers, 'content-type': 'application/json', 'content-length': MALFORMED_BODY.length });
  res.end(MALFORMED_BODY);
}

/**
 * Writes the first half of a JSON body as a complete HTTP message: the transfer succeeds, the JSON does not
 * parse. (A short body under a longer content-length would look like a dropped connection instead.)
 */
export function sendTruncatedJson(res: ServerResponse, body: unknown, headers: Record<string, string>): void {
  const text = JSON.stringify(body);
  const cut = text.slice(0, Math.floor(text.length / 2));
  res.writeHead(200, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(cut) });
  res.end(cut);
}

/** Starts an SSE answer. */
export function startStream(res: ServerResponse, headers: Record<string, string>, status = 200): void {
  res.writeHead(status, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    ...headers,
  });
}

/**
 * Writes body chunks, pausing `delayMs` between them, then ends the answer. With no delay everything goes out
 * in one write: at latency 0 the mock must cost the benchmark almost nothing.
 */
export async function writeChunks(
  res: ServerResponse,
  chunks: readonly string[],
  delayMs: number,
  wait: Wait,
): Promise<void> {
  if (delayMs <= 0) {
    res.end(chunks.join(''));
    return;
  }
  for (const [index, chunk] of chunks.entries()) {
    if (res.destroyed) return;
    if (index > 0) await wait(delayMs);
    res.write(chunk);
  }
  res.end();
}

/** Destroys the connection without answering, with a TCP reset where the platform allows it. */
export function resetConnection(res: ServerResponse): void {
  const socket = res.socket;
  if (socket === null) return;
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}
