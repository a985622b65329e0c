import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../../src/mock/index.js';
import type { MockServer } from '../../src/mock/index.js';
import { chatBody, postChat } from './chat-request.js';

/** One invalid request and the error the real API gives for it. */
interface Case {
  title: string;
  body: unknown;
  status: number;
  param: string | null;
  code: string | null;
  message: RegExp;
}

const CASES: Case[] = [
  { title: 'a body that is not JSON', body: '{"model": ', status: 400, param: null, code: null, message: /could not parse the JSON body/ },
  { title: 'a JSON array body', body: '[]', status: 400, param: null, code: null, message: /could not parse the JSON body/ },
  { title: 'a missing model', body: { messages: [{ role: 'user', content: 'hi' }] }, status: 400, param: 'model', code: 'missing_required_parameter', message: /Missing required parameter: 'model'/ },
  { title: 'an unknown model', body: chatBody('hi', { model: 'gpt-9' }), status: 404, param: 'model', code: 'model_not_found', message: /The model `gpt-9` does not exist/ },
  { title: 'missing messages', body: { model: 'gpt-4o' }, status: 400, param: 'messages', code: 'missing_required_parameter', message: /Missing required parameter: 'messages'/ },
  { title: 'messages that are not an array', body: { model: 'gpt-4o', messages: 'hi' }, status: 400, param: 'messages', code: 'invalid_type', message: /expected an array, but got a string/ },
  { title: 'empty messages', body: { model: 'gpt-4o', messages: [] }, status: 400, param: 'messages', code: 'empty_array', message: /empty array/ },
  { title: 'a message without role', body: { model: 'gpt-4o', messages: [{ content: 'hi' }] }, status: 400, param: 'messages[0].role', code: 'missing_required_parameter', message: /'messages\[0\]\.role'/ },
  { title: 'an invalid role', body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'a' }, { role: 'robot', content: 'hi' }] }, status: 400, param: 'messages[1].role', code: 'invalid_value', message: /Invalid value: 'robot'. Supported values are: .*'developer'/ },
  { title: 'a user message without content', body: { model: 'gpt-4o', messages: [{ role: 'user' }] }, status: 400, param: 'messages[0].content', code: 'missing_required_parameter', message: /'messages\[0\]\.content'/ },
  { title: 'a non-boolean stream', body: chatBody('hi', { stream: 'yes' }), status: 400, param: 'stream', code: 'invalid_type', message: /expected a boolean/ },
  { title: 'stream_options without stream', body: chatBody('hi', { stream_options: { include_usage: true } }), status: 400, param: 'stream_options', code: 'invalid_value', message: /only allowed when 'stream' is enabled/ },
  { title: 'a temperature above 2', body: chatBody('hi', { temperature: 3 }), status: 400, param: 'temperature', code: 'invalid_value', message: /Invalid value: '3'/ },
  { title: 'web_search_options sent to a plain model', body: chatBody('hi', { web_search_options: {} }), status: 400, param: 'web_search_options', code: 'unsupported_parameter', message: /'web_search_options' is not supported/ },
];

describe('request validation', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer();
  });
  afterAll(() => server.close());

  it.each(CASES)('rejects $title like the real API', async ({ body, status, param, code, message }) => {
    const response = await postChat(server, body);
    expect(response.status).toBe(status);
    expect(response.json.error).toEqual({ message: expect.stringMatching(message), type: 'invalid_request_error', param, code });
  });

  it.each(['temperature', 'top_p', 'presence_penalty', 'frequency_penalty'])(
    'makes the search models refuse %s and name it',
    async (param) => {
      for (const model of ['gpt-4o-search-preview', 'gpt-4o-mini-search-preview']) {
        const response = await postChat(server, chatBody('hi', { model, [param]: 0.5 }));
        expect(response.status).toBe(400);
        expect(response.json.error).toEqual({
          message: `Unsupported parameter: '${param}' is not supported with this model.`,
          type: 'invalid_request_error',
          param,
          code: 'unsupported_parameter',
        });
      }
    },
  );

  it('lets the search models take web_search_options', async () => {
    const response = await postChat(server, chatBody('hi', { model: 'gpt-4o-search-preview', web_search_options: {} }));
    expect(response.status).toBe(200);
  });

  it.each([
    ['no Authorization header', null, undefined],
    ['an empty Bearer key', '', undefined],
    ['a Basic scheme', null, { authorization: 'Basic dXNlcjpwYXNz' }],
  ])('answers 401 invalid_api_key for %s', async (_title, key, headers) => {
    const response = await postChat(server, chatBody('hi'), { key, headers });
    expect(response.status).toBe(401);
    expect(response.json.error).toEqual({
      message: expect.stringMatching(/^Incorrect API key provided/),
      type: 'invalid_request_error',
      param: null,
      code: 'invalid_api_key',
    });
  });

  it('accepts only the configured keys when apiKeys is set, and never echoes a key', async () => {
    const strict = await startMockServer({ apiKeys: ['sk-good'] });
    try {
      expect((await postChat(strict, chatBody('hi'), { key: 'sk-good' })).status).toBe(200);
      const refused = await postChat(strict, chatBody('hi'), { key: 'sk-wrong-secret' });
      expect(refused.status).toBe(401);
      expect(refused.text).not.toContain('sk-wrong-secret');
    } finally {
      await strict.close();
    }
  });

  it('checks the key before the body', async () => {
    const response = await postChat(server, 'not json', { key: null });
    expect(response.status).toBe(401);
  });
});
