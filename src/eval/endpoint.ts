/**
 * Where requests go: a base URL and a key (from the options, else ONETOKEN_BASE_URL and ONETOKEN_API_KEY), opened
 * as one client for a whole-run function. A run against the built-in mock records its base URL as `mock`.
 */
import { createClient, resolveClientEnv, type ClientEvent, type OnetokenClient } from '../client/index.js';
import { MOCK_BASE_URL } from '../run/index.js';

/** How a whole-run function reaches the API. */
export interface EndpointOptions {
  /** Base URL of the OpenAI-compatible API. @default ONETOKEN_BASE_URL, else https://onetoken.one/v1 */
  baseUrl?: string;
  /** The key; never written anywhere. @default ONETOKEN_API_KEY */
  apiKey?: string;
  /**
   * True when `baseUrl` is the built-in mock server (see `startMockServer`): no key is needed, and run.json and
   * the cache record the endpoint as `mock`, since the mock's port changes every run. @default false
   */
  isMock?: boolean;
  /** Attempts per request, the first included. @default the client's (4) */
  maxAttempts?: number;
  /** Limit of one attempt, body included, in ms. @default the client's (300,000) */
  timeoutMs?: number;
  /** Largest response body, in bytes; a larger one is a `ResponseTooLargeError`, not retried. @default 10485760 (10 MiB) */
  maxResponseBytes?: number;
  /** Hears retries, rate-limit waits and other client events. */
  onEvent?: (event: ClientEvent) => void;
  /** Hears one line per request and response (never the key). */
  verbose?: (line: string) => void;
}

/** An open endpoint. */
export interface Endpoint {
  client: OnetokenClient;
  /** The base URL as run.json records it: `mock` for the built-in mock. */
  recordedBaseUrl: string;
  isMock: boolean;
  close(): Promise<void>;
}

/** Opens a client for `options`; `connections` bounds the sockets. */
export function openEndpoint(options: EndpointOptions, connections: number, env: NodeJS.ProcessEnv = process.env): Endpoint {
  const isMock = options.isMock ?? false;
  const resolved = resolveClientEnv({ ...env, ...(options.baseUrl ? { ONETOKEN_BASE_URL: options.baseUrl } : {}), ...(options.apiKey ? { ONETOKEN_API_KEY: options.apiKey } : {}) }, { isMock });
  const timeouts = options.timeoutMs === undefined ? undefined : { requestMs: options.timeoutMs, firstByteMs: Math.min(60_000, options.timeoutMs) };
  const retry = options.maxAttempts === undefined ? undefined : { maxAttempts: options.maxAttempts };
  const client = createClient({ baseUrl: resolved.baseUrl, apiKey: resolved.apiKey, connections, retry, timeouts, maxResponseBytes: options.maxResponseBytes, onEvent: options.onEvent, verbose: options.verbose });
  return { client, recordedBaseUrl: isMock ? MOCK_BASE_URL : resolved.baseUrl, isMock, close: () => client.close() };
}
