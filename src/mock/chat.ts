/**
 * `POST /v1/chat/completions`: read the body, apply the next scripted step or a seeded fault, authenticate,
 * validate, then answer as JSON or SSE. The script step and the fault draw are taken when the request arrives,
 * before the body is read, so "the next request" means the next one in arrival order even when bodies are slow.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { composeAnswer, questionOf } from './answer.js';
import { findFixtureAnswer } from './fixtures.js';
import type { PatternMatcher } from '../pattern/index.js';
import * as apiError from './api-error.js';
import { isAuthorized, loggableHeaders } from './auth.js';
import { completionBody, sseEvent, streamEvents } from './completion.js';
import type { ReplyMeta } from './completion.js';
import type { FaultKind } from './faults.js';
import { hashHex } from './hash.js';
import type { ResolvedOptions } from './options.js';
import * as reply from './reply.js';
import type { MockRequestLog, MockStats, MockStep } from './types.js';
import { validateChatBody } from './validate.js';
import type { ChatInput } from './validate.js';

/** The mutable state one server shares between its chat requests. */
export interface ChatContext {
  config: ResolvedOptions;
  stats: MockStats;
  requests: MockRequestLog[];
  script: MockStep[];
  pickFault: () => FaultKind | null;
  /** Seeded uniform draw in [0, 1) for latency jitter; a separate stream so jitter never shifts faults. */
  nextJitter: () => number;
  /** The `created` timestamp of every answer, derived from the seed. */
  created: number;
  wait: reply.Wait;
  /** Arrival index of the next chat request. */
  sequence: number;
  /** Injected 5xx answers so far, to alternate 500 and 503. */
  serverErrors: number;
  /** Runs the fixture patterns with the time limit `regexTimeoutMs`. */
  matcher: PatternMatcher;
}

/** How a successful answer is delivered. */
type Delivery = { kind: 'normal' } | { kind: 'truncate' } | { kind: 'stream-error'; message: string };

/**
 * Reads the whole request body as UTF-8, or null once it passes `maxBytes`: the rest is drained unread, so a
 * 700 MB POST costs no memory (it used to kill the server).
 */
function readBody(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let isTooLarge = false;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) isTooLarge = true;
      if (!isTooLarge) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(isTooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Counts and logs a request; the log never holds the authorization header. */
function record(ctx: ChatContext, body: unknown, req: IncomingMessage): void {
  const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
  const fields = isObject ? (body as Record<string, unknown>) : {};
  const model = typeof fields.model === 'string' ? fields.model : '';
  ctx.stats.byModel[model] = (ctx.stats.byModel[model] ?? 0) + 1;
  if (ctx.config.keepRequestLog) ctx.requests.push({ model, body: fields, headers: loggableHeaders(req.headers) });
}

/** Answers the steps that ignore the request; returns false for the ones that still need a valid request. */
async function answerScripted(
  res: ServerResponse,
  step: MockStep,
  headers: Record<string, string>,
  ctx: ChatContext,
): Promise<boolean> {
  switch (step.kind) {
    case 'status':
      reply.sendJson(res, step.status, { error: apiError.scriptedError(step.status, step.error) }, {
        ...headers,
        ...step.headers,
      });
      return true;
    case 'reset':
      reply.resetConnection(res);
      return true;
    case 'malformed':
      reply.sendMalformed(res, headers);
      return true;
    case 'raw':
      reply.startStream(res, { ...headers, ...step.headers }, step.status ?? 200);
      await reply.writeChunks(res, step.chunks, step.chunkDelayMs ?? 0, ctx.wait);
      return true;
    default:
      return false;
  }
}

/** Applies a fault; returns the delivery to use, or null when the fault already answered. */
async function applyFault(
  res: ServerResponse,
  fault: FaultKind,
  headers: Record<string, string>,
  ctx: ChatContext,
): Promise<Delivery | null> {
  const { faults } = ctx.config;
  switch (fault) {
    case 'rateLimit':
      reply.sendError(res, apiError.rateLimited(faults.retryAfterSeconds ?? 1), headers);
      return null;
    case 'serverError':
      reply.sendError(res, apiError.serverError(ctx.serverErrors++ % 2 === 0 ? 500 : 503), headers);
      return null;
    case 'reset':
      reply.resetConnection(res);
      return null;
    case 'malformedJson':
      reply.sendMalformed(res, headers);
      return null;
    case 'slowFirstByte':
      await ctx.wait(faults.slowFirstByteMs ?? 2000);
      return { kind: 'normal' };
    case 'truncatedStream':
      return { kind: 'truncate' };
  }
}

/** Writes the answer to a valid request in the chosen delivery. */
async function deliver(
  res: ServerResponse,
  input: ChatInput,
  delivery: Delivery,
  meta: ReplyMeta,
  headers: Record<string, string>,
  ctx: ChatContext,
): Promise<void> {
  const fixture = await findFixtureAnswer(ctx.config.fixtures, input.model, questionOf(input), ctx.matcher);
  const answer = composeAnswer(input, fixture);
  if (!input.isStream) {
    if (delivery.kind === 'truncate') reply.sendTruncatedJson(res, completionBody(meta, answer), headers);
    else if (delivery.kind === 'stream-error') reply.sendError(res, apiError.serverError(500, delivery.message), headers);
    else reply.sendJson(res, 200, completionBody(meta, answer), headers);
    return;
  }
  const events = streamEvents(meta, answer, input.includeUsage);
  // Cut after about half the content: enough that a client has started to build the answer.
  const cut = Math.max(2, Math.ceil(events.content.length / 2));
  let chunks: string[];
  if (delivery.kind === 'truncate') chunks = events.content.slice(0, cut);
  else if (delivery.kind === 'stream-error') {
    const error = { message: delivery.message, type: 'server_error', param: null, code: null };
    chunks = [...events.content.slice(0, cut), sseEvent(JSON.stringify({ error }))];
  } else chunks = [...events.content, ...events.ending];
  reply.startStream(res, headers);
  await reply.writeChunks(res, chunks, ctx.config.streamChunkDelayMs, ctx.wait);
}

/** Handles one chat request from arrival to the last byte. */
export async function handleChat(req: IncomingMessage, res: ServerResponse, ctx: ChatContext): Promise<void> {
  const sequence = ctx.sequence++;
  ctx.stats.chatRequests += 1;
  const step = ctx.script.shift();
  const fault = step === undefined ? ctx.pickFault() : null;
  const jitterMs = ctx.config.jitterMs > 0 ? ctx.nextJitter() * ctx.config.jitterMs : 0;
  const text = await readBody(req, ctx.config.maxBodyBytes);
  if (text === null) return reply.sendError(res, apiError.bodyTooLarge(ctx.config.maxBodyBytes), {});
  const body = parseJson(text);
  record(ctx, body, req);
  const firstByteDelayMs = ctx.config.latencyMs + jitterMs;
  if (firstByteDelayMs > 0) await ctx.wait(firstByteDelayMs);
  const headers = { 'x-request-id': `req_${hashHex([ctx.config.seed, sequence, 'request'], 12)}` };
  if (step !== undefined && (await answerScripted(res, step, headers, ctx))) return;
  if (!isAuthorized(req.headers, ctx.config.apiKeys)) {
    reply.sendError(res, apiError.invalidApiKey(), headers);
    return;
  }
  const validation = validateChatBody(body, ctx.config.models);
  if (!validation.ok) return reply.sendError(res, validation.reply, headers);
  let delivery: Delivery | null = { kind: 'normal' };
  if (step?.kind === 'delay' && step.ms > 0) await ctx.wait(step.ms);
  if (step?.kind === 'truncate') delivery = { kind: 'truncate' };
  if (step?.kind === 'stream-error') delivery = { kind: 'stream-error', message: step.message };
  if (fault !== null) delivery = await applyFault(res, fault, headers, ctx);
  if (delivery === null) return;
  const meta: ReplyMeta = {
    id: `chatcmpl-${hashHex([ctx.config.seed, sequence, 'completion'], 12)}`,
    created: ctx.created,
    model: validation.input.model,
    systemFingerprint: `fp_${hashHex([validation.input.model], 10)}`,
  };
  await deliver(res, validation.input, delivery, meta, headers, ctx);
}
