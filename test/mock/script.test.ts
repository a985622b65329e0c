import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer } from '../../src/mock/index.js';
import type { MockServer, MockStep } from '../../src/mock/index.js';
import { chatBody, parseSse, postChat, streamedContent } from './chat-request.js';

const QUESTION = 'Tell me a long story about a lighthouse keeper';

/** Resolves once the server has received `count` chat requests. */
async function untilReceived(server: MockServer, count: number): Promise<void> {
  while (server.stats.chatRequests < count || server.requests.length < count) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('scripted steps', () => {
  let server: MockServer;
  beforeEach(async () => {
    server = await startMockServer();
  });
  afterEach(() => server.close());

  it('consumes one step per request in order, then answers normally', async () => {
    server.enqueue({ kind: 'status', status: 500 }, { kind: 'status', status: 503 }, { kind: 'ok' });
    const statuses = [];
    for (let index = 0; index < 4; index += 1) statuses.push((await postChat(server, chatBody(QUESTION))).status);
    expect(statuses).toEqual([500, 503, 200, 200]);
  });

  it('takes steps from the script option first', async () => {
    const scripted = await startMockServer({ script: [{ kind: 'status', status: 502 }] });
    try {
      expect((await postChat(scripted, chatBody(QUESTION))).status).toBe(502);
      expect((await postChat(scripted, chatBody(QUESTION))).status).toBe(200);
    } finally {
      await scripted.close();
    }
  });

  it('answers a status step with its headers and a default OpenAI error body', async () => {
    server.enqueue({ kind: 'status', status: 429, headers: { 'retry-after': '2' } });
    const response = await postChat(server, chatBody(QUESTION));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(response.json.error).toMatchObject({ code: 'rate_limit_exceeded', param: null });
  });

  it.each([
    [401, 'invalid_api_key'],
    [402, 'insufficient_quota'],
    [500, null],
  ])('gives a scripted %i the error code the real API uses', async (status, code) => {
    server.enqueue({ kind: 'status', status });
    const response = await postChat(server, chatBody(QUESTION));
    expect(response.status).toBe(status);
    expect(response.json.error.code).toBe(code);
  });

  it('answers a status step with the scripted error object, even to a request without a key', async () => {
    const error = { message: 'Invalid prompt', type: 'invalid_request_error', param: 'messages', code: 'bad' };
    server.enqueue({ kind: 'status', status: 400, error, headers: { 'retry-after-ms': '150' } });
    const response = await postChat(server, chatBody(QUESTION), { key: null });
    expect(response.status).toBe(400);
    expect(response.headers.get('retry-after-ms')).toBe('150');
    expect(response.json).toEqual({ error });
  });

  it('destroys the socket on a reset step', async () => {
    server.enqueue({ kind: 'reset' });
    await expect(postChat(server, chatBody(QUESTION))).rejects.toThrow();
    expect((await postChat(server, chatBody(QUESTION))).status).toBe(200);
  });

  it('holds the first byte of a delay step until the delay ends', async () => {
    server.enqueue({ kind: 'delay', ms: 60_000 });
    const pending = postChat(server, chatBody(QUESTION));
    const outcome = pending.then(() => 'answered', () => 'failed');
    await untilReceived(server, 1);
    await server.close();
    expect(await outcome).toBe('failed');
  });

  it('answers normally after a short delay step', async () => {
    server.enqueue({ kind: 'delay', ms: 5 });
    const response = await postChat(server, chatBody(QUESTION));
    expect(response.status).toBe(200);
    expect(response.json.choices[0].message.content).toContain('lighthouse');
  });

  it('cuts a non-streamed JSON body mid-way on a truncate step', async () => {
    const full = (await postChat(server, chatBody(QUESTION))).text;
    server.enqueue({ kind: 'truncate' });
    const response = await postChat(server, chatBody(QUESTION));
    expect(response.status).toBe(200);
    expect(response.text.startsWith('{"id":"chatcmpl-')).toBe(true);
    expect(response.text.length).toBe(Math.floor(full.length / 2));
    expect(() => JSON.parse(response.text)).toThrow();
  });

  it('ends a stream after some content without finish_reason or [DONE] on a truncate step', async () => {
    server.enqueue({ kind: 'truncate' });
    const body = chatBody(QUESTION, { stream: true, stream_options: { include_usage: true } });
    const events = parseSse((await postChat(server, body)).text);
    expect(events).not.toContain('[DONE]');
    expect(streamedContent(events).length).toBeGreaterThan(0);
    expect(events.every((event) => event.choices[0]?.finish_reason == null)).toBe(true);
    expect(events.some((event) => event.usage)).toBe(false);
  });

  it('answers 200 application/json with a body that is not JSON on a malformed step', async () => {
    server.enqueue({ kind: 'malformed' });
    const response = await postChat(server, chatBody(QUESTION, { stream: true }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(() => JSON.parse(response.text)).toThrow();
  });

  it('sends an error event after some content on a stream-error step', async () => {
    server.enqueue({ kind: 'stream-error', message: 'upstream model overloaded' });
    const events = parseSse((await postChat(server, chatBody(QUESTION, { stream: true }))).text);
    expect(events.at(-1)).toEqual({
      error: { message: 'upstream model overloaded', type: 'server_error', param: null, code: null },
    });
    expect(streamedContent(events.slice(0, -1)).length).toBeGreaterThan(0);
    expect(events).not.toContain('[DONE]');
  });

  it('answers a non-streamed request on a stream-error step with a 500 carrying the message', async () => {
    server.enqueue({ kind: 'stream-error', message: 'upstream model overloaded' });
    const response = await postChat(server, chatBody(QUESTION));
    expect(response.status).toBe(500);
    expect(response.json.error.message).toBe('upstream model overloaded');
  });

  it('writes exactly the chunks of a raw step', async () => {
    const chunks = [': comment\n\n', 'data: {"choices":[{"delta":{"content":"Hi"}}]}\n', '\n', 'data: [DONE]\n\n'];
    server.enqueue({ kind: 'raw', status: 201, headers: { 'x-extra': 'yes' }, chunks, chunkDelayMs: 1 });
    const response = await postChat(server, chatBody(QUESTION, { stream: true }));
    expect(response.status).toBe(201);
    expect(response.headers.get('x-extra')).toBe('yes');
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.text).toBe(chunks.join(''));
  });

  it('rejects a step of unknown kind at enqueue', () => {
    expect(() => server.enqueue({ kind: 'explode' } as unknown as MockStep)).toThrow(/steps\[0\]\.kind/);
    expect(() => server.enqueue({ kind: 'status', status: 42 })).toThrow(TypeError);
  });
});
