/**
 * Client options with defaults applied, checked at the door: a wrong option throws a `TypeError` naming it
 * (as p-limit does) instead of failing later inside a request.
 */

import { setTimeout as delay } from 'node:timers/promises';
import type { ClientEvent, ClientOptions } from './options.js';
import { DEFAULT_MAX_ATTEMPTS, DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_MAX_RESPONSE_BYTES } from './defaults.js';

/** Every option with its default. */
export interface ResolvedOptions {
  origin: string;
  /** Base path without a trailing slash, e.g. `/v1`. */
  basePath: string;
  apiKey: string;
  connections: number;
  maxResponseBytes: number;
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  connectMs: number;
  firstByteMs: number;
  requestMs: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  now: () => number;
  onEvent: ((event: ClientEvent) => void) | null;
  verbose: ((line: string) => void) | null;
}

function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return delay(ms, undefined, signal ? { signal } : undefined);
}

function realNow(): number {
  return performance.now();
}

/** A positive integer option, or its default. */
function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new TypeError(`${name}: expected a positive integer, got ${String(value)}`);
  return value;
}

/** A non-negative duration in ms, or its default. */
function duration(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
    throw new TypeError(`${name}: expected a duration in ms (a number >= 0), got ${String(value)}`);
  }
  return value;
}

/** Applies the defaults and checks every option. */
export function resolveOptions(options: ClientOptions): ResolvedOptions {
  let url: URL;
  try {
    url = new URL(options.baseUrl);
  } catch {
    throw new TypeError(`baseUrl: expected an absolute http(s) URL, got ${JSON.stringify(options.baseUrl)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`baseUrl: expected an http(s) URL, got protocol ${url.protocol}`);
  }
  if (typeof options.apiKey !== 'string' || options.apiKey.length === 0) {
    throw new TypeError('apiKey: expected a non-empty string');
  }
  const retry = options.retry ?? {};
  const timeouts = options.timeouts ?? {};
  return {
    origin: url.origin,
    basePath: url.pathname.replace(/\/+$/, ''),
    apiKey: options.apiKey,
    connections: positiveInteger('connections', options.connections, 64),
    maxResponseBytes: positiveInteger('maxResponseBytes', options.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES),
    maxAttempts: positiveInteger('retry.maxAttempts', retry.maxAttempts, DEFAULT_MAX_ATTEMPTS),
    baseDelayMs: duration('retry.baseDelayMs', retry.baseDelayMs, 500),
    maxDelayMs: duration('retry.maxDelayMs', retry.maxDelayMs, 30_000),
    maxRetryAfterMs: duration('retry.maxRetryAfterMs', retry.maxRetryAfterMs, 60_000),
    connectMs: duration('timeouts.connectMs', timeouts.connectMs, 10_000),
    firstByteMs: duration('timeouts.firstByteMs', timeouts.firstByteMs, 60_000),
    requestMs: duration('timeouts.requestMs', timeouts.requestMs, DEFAULT_REQUEST_TIMEOUT_MS),
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    now: options.now ?? realNow,
    onEvent: options.onEvent ?? null,
    verbose: options.verbose ?? null,
  };
}
