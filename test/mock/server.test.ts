import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MOCK_MODELS, startMockServer } from '../../src/mock/index.js';
import type { MockServer, MockServerOptions } from '../../src/mock/index.js';
import { chatBody, postChat, readResponse, TEST_KEY } from './chat-request.js';

describe('the mock server', () => {
  let server: MockServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start(options: MockServerOptions = {}): Promise<MockServer> {
    server = await startMockServer(options);
    return server;
  }

  it('answers 413 to a body above its limit and keeps serving', async () => {
    const running = await start({ maxBodyBytes: 1024 });
    const huge = await postChat(running, chatBody('x'.repeat(4096)));
    expect(huge.status).toBe(413);
    expect(huge.json).toMatchObject({ error: { code: 'request_too_large' } });
    expect((await postChat(running, chatBody('What is the capital of France?'))).status).toBe(200);
  });

  it('listens on a free loopback port and gives a base URL ending in /v1', async () => {
    const { url, port } = await start();
    expect(port).toBeGreaterThan(0);
    expect(url).toBe(`http://127.0.0.1:${port}/v1`);
  });

  it('lists the models in the OpenAI list shape', async () => {
    const running = await start();
    const response = await readResponse(
      await fetch(`${running.url}/models`, { headers: { authorization: `Bearer ${TEST_KEY}` } }),
    );
    expect(response.status).toBe(200);
    expect(response.json.object).toBe('list');
    expect(response.json.data.map((model: { id: string }) => model.id)).toEqual(DEFAULT_MOCK_MODELS);
    for (const model of response.json.data) {
      expect(model).toEqual({ id: model.id, object: 'model', created: expect.any(Number), owned_by: 'onetoken' });
    }
    expect(running.stats.modelListRequests).toBe(1);
  });

  it('serves the configured models only', async () => {
    const running = await start({ models: ['my-model'] });
    const headers = { authorization: `Bearer ${TEST_KEY}` };
    const list = await readResponse(await fetch(`${running.url}/models`, { headers }));
    expect(list.json.data.map((model: { id: string }) => model.id)).toEqual(['my-model']);
    const one = await readResponse(await fetch(`${running.url}/models/my-model`, { headers }));
    expect(one.json.id).toBe('my-model');
    const missing = await readResponse(await fetch(`${running.url}/models/gpt-4o`, { headers }));
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('model_not_found');
    expect((await postChat(running, chatBody('hi'))).status).toBe(404);
    expect((await postChat(running, chatBody('hi', { model: 'my-model' }))).status).toBe(200);
  });

  it('asks for a key on the models route too', async () => {
    const running = await start();
    const response = await readResponse(await fetch(`${running.url}/models`));
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe('invalid_api_key');
  });

  it.each([
    ['GET', '/v1/chat/completions'],
    ['POST', '/v1/completions'],
    ['GET', '/'],
  ])('answers %s %s with 404 and an OpenAI error body', async (method, path) => {
    const running = await start();
    const response = await readResponse(await fetch(`http://127.0.0.1:${running.port}${path}`, { method }));
    expect(response.status).toBe(404);
    expect(response.json.error).toEqual({
      message: `Invalid URL (${method} ${path})`,
      type: 'invalid_request_error',
      param: null,
      code: null,
    });
  });

  it('logs every chat request without the authorization header and counts them by model', async () => {
    const running = await start();
    await postChat(running, chatBody('one'), { headers: { 'x-trace': 'abc' } });
    await postChat(running, chatBody('two', { model: 'gpt-4o' }));
    await postChat(running, 'not json');
    expect(running.stats.chatRequests).toBe(3);
    expect(running.stats.byModel).toEqual({ 'gpt-4o-mini': 1, 'gpt-4o': 1, '': 1 });
    expect(running.requests.map((entry) => entry.model)).toEqual(['gpt-4o-mini', 'gpt-4o', '']);
    expect(running.requests[0].body).toEqual(chatBody('one'));
    expect(running.requests[0].headers['x-trace']).toBe('abc');
    expect(running.requests[2].body).toEqual({});
    for (const entry of running.requests) {
      expect(Object.keys(entry.headers)).not.toContain('authorization');
      expect(JSON.stringify(entry)).not.toContain(TEST_KEY);
    }
  });

  it('keeps no request log when keepRequestLog is false', async () => {
    const running = await start({ keepRequestLog: false });
    await postChat(running, chatBody('one'));
    expect(running.requests).toEqual([]);
    expect(running.stats.chatRequests).toBe(1);
  });

  it('answers many concurrent requests over a small keep-alive pool', async () => {
    const running = await start();
    const agent = new Agent({ connections: 4 });
    try {
      const statuses = await Promise.all(
        Array.from({ length: 100 }, async (_, index) => {
          const response = await request(`${running.url}/chat/completions`, {
            method: 'POST',
            dispatcher: agent,
            headers: { authorization: `Bearer ${TEST_KEY}`, 'content-type': 'application/json' },
            body: JSON.stringify(chatBody(`question ${index}`, { stream: index % 2 === 0 })),
          });
          await response.body.text();
          return response.statusCode;
        }),
      );
      expect(statuses.every((status) => status === 200)).toBe(true);
      expect(running.stats.chatRequests).toBe(100);
    } finally {
      await agent.close();
    }
  });

  it('closes promptly while keep-alive sockets are idle and requests are waiting', async () => {
    const running = await start({ latencyMs: 60_000 });
    const agent = new Agent({ keepAliveTimeout: 600_000 });
    try {
      const idle = await request(`${running.url}/models`, {
        dispatcher: agent,
        headers: { authorization: `Bearer ${TEST_KEY}` },
      });
      await idle.body.text();
      const waiting = request(`${running.url}/chat/completions`, {
        method: 'POST',
        dispatcher: agent,
        headers: { authorization: `Bearer ${TEST_KEY}` },
        body: JSON.stringify(chatBody('slow')),
      }).then(() => 'answered', () => 'failed');
      while (running.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
      await running.close();
      expect(await waiting).toBe('failed');
      await running.close();
    } finally {
      await agent.destroy();
    }
  });

  it.each([
    [{ port: -1 }, /^port:/],
    [{ latencyMs: -5 }, /^latencyMs:/],
    [{ models: [] }, /^models:/],
    [{ apiKeys: [''] }, /^apiKeys:/],
    [{ script: [{ kind: 'delay', ms: -1 }] }, /^script\[0\]\.ms:/],
  ] as [MockServerOptions, RegExp][])('rejects invalid options with a TypeError naming the option', async (options, message) => {
    await expect(startMockServer(options)).rejects.toThrow(message);
  });
});
