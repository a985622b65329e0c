/**
 * Which endpoint a run spoke to: the built-in mock server or a real OpenAI-compatible base URL. Every report
 * header shows it and `compare` refuses to judge a mock run against a real one, so it lives in this leaf where
 * run, report and compare all read it from the base URL that run.json records.
 */

/** What run.json records as the base URL of a run against the built-in mock, whose port changes every run. */
export const MOCK_BASE_URL = 'mock';

/** `mock` for the built-in mock server, `real` for any base URL (a mock server started apart counts as real). */
export type EndpointKind = 'mock' | 'real';

/** The endpoint of a run as reports show it. */
export interface EndpointInfo {
  kind: EndpointKind;
  /** The base URL as run.json records it (`mock` for the built-in mock). */
  baseUrl: string;
}

/** The endpoint described by a recorded base URL. */
export function endpointOf(recordedBaseUrl: string): EndpointInfo {
  return { kind: recordedBaseUrl === MOCK_BASE_URL ? 'mock' : 'real', baseUrl: recordedBaseUrl };
}

/** `mock (built-in)` or `real (https://onetoken.one/v1)`: the endpoint in one phrase for headers. */
export function describeEndpoint(endpoint: EndpointInfo): string {
  return endpoint.kind === 'mock' ? 'mock (built-in mock server)' : `real (${endpoint.baseUrl})`;
}
