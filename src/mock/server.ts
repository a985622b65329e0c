/** `startMockServer`: the node:http server, its routes and its lifecycle. */

import { setMaxListeners } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { PatternMatcher } from '../pattern/index.js';
import * as apiError from './api-error.js';
import { isAuthorized } from './auth.js';
import { handleChat } from './chat.js';
import type { ChatContext } from './chat.js';
import { createFaultPicker } from './faults.js';
import { createRng, hashString } from './hash.js';
import { describeModel, modelListBody } from './models.js';
import { checkStep, resolveOptions } from './options.js';
import { sendError, sendJson } from './reply.js';
import type { MockServer, MockServerOptions, MockStep } from './types.js';

/** Routes one request; chat requests go to `handleChat`, everything else is answered here. */
async function route(req: IncomingMessage, res: ServerResponse, ctx: ChatContext): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  const method = req.method ?? 'GET';
  if (method === 'POST' && path === '/v1/chat/completions') return handleChat(req, res, ctx);
  const isModels = method === 'GET' && (path === '/v1/models' || path.startsWith('/v1/models/'));
  if (!isModels) return sendError(res, apiError.invalidUrl(method, path));
  if (!isAuthorized(req.headers, ctx.config.apiKeys)) return sendError(res, apiError.invalidApiKey());
  if (path === '/v1/models') {
    ctx.stats.modelListRequests += 1;
    return sendJson(res, 200, modelListBody(ctx.config.modelList));
  }
  const id = decodeURIComponent(path.slice('/v1/models/'.length));
  if (!ctx.config.models.has(id)) return sendError(res, apiError.modelNotFound(id));
  sendJson(res, 200, describeModel(id));
}

/**
 * Starts an OpenAI-compatible mock of Onetoken on loopback. Resolves once it listens; the returned `url`
 * already ends in `/v1`. Invalid options throw a TypeError naming the option.
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const config = resolveOptions(options);
  config.script.forEach((step, index) => checkStep(step, `script[${index}]`));
  // Aborted by close(): pending latency timers end at once instead of holding the process open. Every request
  // in its latency wait listens on it, so dozens of listeners are normal, not the leak Node warns about at 11.
  const closing = new AbortController();
  setMaxListeners(0, closing.signal);
  const ctx: ChatContext = {
    config,
    stats: { chatRequests: 0, byModel: {}, modelListRequests: 0 },
    requests: [],
    script: config.script,
    pickFault: createFaultPicker(config.faults, config.seed),
    nextJitter: createRng(hashString('jitter', config.seed)),
    created: 1_700_000_000 + (hashString(String(config.seed)) % 10_000_000),
    wait: (ms) => sleep(ms, undefined, { signal: closing.signal }),
    sequence: 0,
    serverErrors: 0,
    matcher: new PatternMatcher(config.regexTimeoutMs),
  };
  const server = createServer({ keepAlive: true, noDelay: true }, (req, res) => {
    route(req, res, ctx).catch((error: unknown) => {
      if (closing.signal.aborted || res.headersSent) {
        res.destroy();
        return;
      }
      const reason = error instanceof Error ? error.message : String(error);
      sendError(res, apiError.serverError(500, `mock server failure: ${reason}`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostInUrl = config.host.includes(':') ? `[${config.host}]` : config.host;
  let closed: Promise<void> | null = null;
  return {
    url: `http://${hostInUrl}:${port}/v1`,
    port,
    stats: ctx.stats,
    requests: ctx.requests,
    enqueue(...steps: MockStep[]): void {
      steps.forEach((step, index) => checkStep(step, `steps[${index}]`));
      ctx.script.push(...steps);
    },
    close(): Promise<void> {
      closed ??= new Promise<void>((resolve) => {
        closing.abort();
        ctx.matcher.close();
        server.close(() => resolve());
        // close() alone waits for idle keep-alive sockets to time out; a test would hang for seconds.
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
