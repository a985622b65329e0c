/**
 * Where requests go: the real Onetoken (key from ONETOKEN_API_KEY, base from ONETOKEN_BASE_URL) or, with
 * --mock, a built-in mock server started in this process. The cache namespace of the mock is a fixed name, not
 * its random port, so a rerun against the mock hits the cache like a rerun against the real API.
 */
import { createClient, resolveClientEnv, type ClientEvent, type OnetokenClient } from '../client/index.js';

/** What run.json records as the base URL of a run against the built-in mock, whose port changes every run. */
export const MOCK_BASE_URL = 'mock';

/** The cache namespace of a run, from the base URL its run.json records. */
export function cacheNamespaceOf(recordedBaseUrl: string): string {
  return recordedBaseUrl === MOCK_BASE_URL ? 'builtin-mock' : recordedBaseUrl;
}

/** An open endpoint. */
export interface Endpoint {
  client: OnetokenClient;
  baseUrl: string;
  /** The base URL as run.json records it: `mock` for the built-in mock. */
  recordedBaseUrl: string;
  isMock: boolean;
  close(): Promise<void>;
}

/** Opens the endpoint for a command. */
export async function openEndpoint(options: { mock: boolean; connections: number; maxAttempts?: number; timeoutMs?: number; onEvent?: (event: ClientEvent) => void; verbose?: (line: string) => void }): Promise<Endpoint> {
  const env = resolveClientEnv(process.env, { isMock: options.mock });
  let closeMock = async () => undefined as void;
  let baseUrl = env.baseUrl;
  if (options.mock) {
    const { startMockServer } = await import('../mock/index.js');
    const server = await startMockServer({ port: 0, keepRequestLog: false });
    baseUrl = server.url;
    closeMock = () => server.close();
  }
  const timeouts = options.timeoutMs === undefined ? undefined : { requestMs: options.timeoutMs, firstByteMs: Math.min(60_000, options.timeoutMs) };
  const retry = options.maxAttempts === undefined ? undefined : { maxAttempts: options.maxAttempts };
  const client = createClient({ baseUrl, apiKey: env.apiKey, connections: options.connections, retry, timeouts, onEvent: options.onEvent, verbose: options.verbose });
  return {
    client,
    baseUrl,
    recordedBaseUrl: options.mock ? MOCK_BASE_URL : baseUrl,
    isMock: options.mock,
    close: async () => {
      await client.close();
      await closeMock();
    },
  };
}
