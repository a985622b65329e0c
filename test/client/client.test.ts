import { createServer } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { ConnectionError, createClient } from '../../src/client/index.js';
import { ask, rejectionOf, startMockClient, TEST_KEY, type MockClient } from './helpers/mock-client.js';

let fixture: MockClient | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

describe('createClient against the mock server', () => {
  test('returns a non-streamed completion with usage, ids and one attempt', async () => {
    fixture = await startMockClient();
    const completion = await fixture.client.complete(ask(), { cellId: 'c1' });
    expect(completion).toMatchObject({ content: 'Paris', finishReason: 'stop', model: 'gpt-4o-mini', ttftMs: null, attempts: 1 });
    expect(completion.usage?.totalTokens).toBeGreaterThan(0);
    expect(completion.responseId).toMatch(/^chatcmpl-/);
    expect(completion.requestId).toMatch(/^req_/);
    expect(fixture.mock.requests[0].headers['user-agent']).toBe('onetoken-eval');
  });

  test('streams a search model answer with citations, usage and a time to first token', async () => {
    fixture = await startMockClient();
    const completion = await fixture.client.complete(ask('gpt-4o-search-preview', { stream: true, web_search_options: {} }), {
      cellId: 'c1',
    });
    expect(completion.content).toContain('Paris');
    expect(completion.finishReason).toBe('stop');
    expect(completion.citations.length).toBeGreaterThan(0);
    expect(completion.citations[0].url).toMatch(/^https:\/\//);
    expect(completion.usage?.totalTokens).toBeGreaterThan(0);
    expect(completion.ttftMs).not.toBeNull();
  });

  test('asks a stream for usage unless the caller set stream_options itself', async () => {
    fixture = await startMockClient();
    await fixture.client.complete(ask('gpt-4o-mini', { stream: true }), { cellId: 'a' });
    await fixture.client.complete(ask('gpt-4o-mini', { stream: true, stream_options: { include_usage: false } }), { cellId: 'b' });
    await fixture.client.complete(ask(), { cellId: 'c' });
    expect(fixture.mock.requests.map((request) => request.body.stream_options)).toEqual([
      { include_usage: true },
      { include_usage: false },
      undefined,
    ]);
  });

  test('reads a stream split at awkward places, with comments and CRLF', async () => {
    const events = [
      ': keep-alive\r\n\r\n',
      'data: {"id":"x","model":"m","choices":[{"index":0,"delta":{"content":"Gr',
      'üße 🌍"}}]}\r\n\r\ndata: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\r\n\r\n',
      'data: [DONE]\r\n\r\n',
    ];
    fixture = await startMockClient({ script: [{ kind: 'raw', chunks: events }] });
    const completion = await fixture.client.complete(ask('gpt-4o-mini', { stream: true }), { cellId: 'a' });
    expect(completion).toMatchObject({ content: 'Grüße 🌍', finishReason: 'stop', responseId: 'x' });
  });

  test('lists the model ids the server serves, sorted', async () => {
    fixture = await startMockClient();
    const models = await fixture.client.listModels();
    expect(models).toContain('gpt-4o-search-preview');
    expect(models).toEqual([...models].sort());
    expect(fixture.mock.stats.modelListRequests).toBe(1);
  });

  test('dumps one line per request and per answer', async () => {
    fixture = await startMockClient({ script: [{ kind: 'status', status: 500 }] });
    await fixture.client.complete(ask(), { cellId: 'c1' });
    expect(fixture.verboseLines).toHaveLength(4);
    expect(fixture.verboseLines[0]).toMatch(/^-> POST \/v1\/chat\/completions gpt-4o-mini cell=c1 attempt=1 bytes=\d+ body=\{/);
    expect(fixture.verboseLines[1]).toMatch(/^<- 500 gpt-4o-mini cell=c1 attempt=1 server error: /);
    expect(fixture.verboseLines[3]).toMatch(/^<- 200 gpt-4o-mini cell=c1 attempt=2 latency=\d+ms finish=stop tokens=\d+/);
  });

  test('fails with a ConnectionError when nothing listens on the port', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const client = createClient({ baseUrl: `http://127.0.0.1:${port}/v1`, apiKey: TEST_KEY, sleep: async () => {}, retry: { maxAttempts: 2 } });
    const error = await rejectionOf(client.complete(ask(), { cellId: 'c1' }));
    await client.close();
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: 'OTE_API_CONNECTION', attempts: 2, status: null });
    expect(error.message).toContain('ECONNREFUSED');
  });

  test('reports unbounded status for a model without limits', async () => {
    fixture = await startMockClient();
    expect(fixture.client.modelStatus('gpt-4o')).toEqual({ concurrency: Infinity, configuredConcurrency: Infinity, pausedUntilMs: null });
  });

  test('rejects invalid limits with a TypeError naming the limit', async () => {
    fixture = await startMockClient();
    expect(() => fixture!.client.setModelLimits('m', { concurrency: 0 })).toThrow(/^concurrency: expected a positive integer/);
    expect(() => fixture!.client.setModelLimits('m', { rpm: -5 })).toThrow(/^rpm: expected a positive number/);
  });
});
