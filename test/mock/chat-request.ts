/** Shared helpers of the mock tests: post a chat request over real loopback HTTP and read SSE answers. */

import type { MockServer } from '../../src/mock/index.js';

/** The Bearer key the tests send; any non-empty key is accepted unless `apiKeys` is set. */
export const TEST_KEY = 'test-key';

/** A response read to the end. */
export interface ReadResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: any;
}

/** A chat body asking `content` of `model`. */
export function chatBody(content: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { model: 'gpt-4o-mini', messages: [{ role: 'user', content }], ...extra };
}

/** POSTs a body (an object is sent as JSON, a string as is) to `/chat/completions`. */
export async function postChat(
  server: MockServer,
  body: unknown,
  options: { key?: string | null; headers?: Record<string, string> } = {},
): Promise<ReadResponse> {
  const key = options.key === undefined ? TEST_KEY : options.key;
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (key !== null) headers.authorization = `Bearer ${key}`;
  const response = await fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return readResponse(response);
}

/** Reads a fetch response to the end. */
export async function readResponse(response: Response): Promise<ReadResponse> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Splits an SSE body into its `data:` payloads; `[DONE]` stays a string, the rest are parsed. */
export function parseSse(text: string): any[] {
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => {
      const data = block.slice('data: '.length);
      return data === '[DONE]' ? data : JSON.parse(data);
    });
}

/** The content of a streamed answer, joined from its deltas. */
export function streamedContent(events: any[]): string {
  return events
    .filter((event) => typeof event === 'object' && Array.isArray(event.choices))
    .map((event) => event.choices[0]?.delta?.content ?? '')
    .join('');
}
