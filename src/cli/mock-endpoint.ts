/**
 * `--mock`: the built-in mock Onetoken server, started in this process on a free port, as the endpoint of a
 * whole-run function. The library never starts it itself: a library user passes any base URL.
 */
import type { EndpointOptions } from '../eval/index.js';

/** Endpoint options for a command, and how to stop the mock server when one was started. */
export interface CommandEndpoint {
  endpoint: EndpointOptions;
  close(): Promise<void>;
}

/** The real endpoint (from the environment), or with `isMock` a fresh mock server. */
export async function commandEndpoint(isMock: boolean, extra: Omit<EndpointOptions, 'baseUrl' | 'isMock'> = {}): Promise<CommandEndpoint> {
  if (!isMock) return { endpoint: extra, close: async () => undefined };
  const { startMockServer } = await import('../mock/index.js');
  const server = await startMockServer({ port: 0, keepRequestLog: false });
  return { endpoint: { ...extra, baseUrl: server.url, isMock: true }, close: () => server.close() };
}
