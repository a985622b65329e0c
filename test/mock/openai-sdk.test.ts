/**
 * Fidelity: the official `openai` SDK talks to the mock unchanged. If the mock drifted from the real wire
 * format (field names, SSE framing, error bodies), the SDK would fail to parse it here.
 */
import OpenAI, { BadRequestError, RateLimitError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../../src/mock/index.js';
import type { MockServer } from '../../src/mock/index.js';

describe('the official openai SDK against the mock', () => {
  let server: MockServer;
  let client: OpenAI;
  beforeAll(async () => {
    server = await startMockServer();
    client = new OpenAI({ baseURL: server.url, apiKey: 'test-key', maxRetries: 0 });
  });
  afterAll(() => server.close());

  const QUESTION = 'What is the capital of Canada? Answer with the city name only.';

  it('parses a non-streamed completion', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: QUESTION }],
      temperature: 0,
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0].message.content).toBe('Ottawa');
    expect(completion.choices[0].finish_reason).toBe('stop');
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);
  });

  it('exposes the x-request-id header through withResponse', async () => {
    const { response, data } = await client.chat.completions
      .create({ model: 'gpt-4o', messages: [{ role: 'user', content: QUESTION }] })
      .withResponse();
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    expect(data.choices[0].message.content).toBe('The capital of Canada is Ottawa.');
  });

  it('streams chunks with a usage chunk at the end', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: QUESTION }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let content = '';
    let finishReason: string | null = null;
    let usage: OpenAI.CompletionUsage | null | undefined;
    let chunks = 0;
    for await (const chunk of stream) {
      chunks += 1;
      content += chunk.choices[0]?.delta.content ?? '';
      finishReason = chunk.choices[0]?.finish_reason ?? finishReason;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(content).toBe('Ottawa');
    expect(finishReason).toBe('stop');
    expect(usage?.completion_tokens).toBe(2);
    expect(chunks).toBeGreaterThan(3);
  });

  it('reads url_citation annotations of a search model', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini-search-preview',
      messages: [{ role: 'user', content: 'What is the current stable version of Node.js?' }],
      web_search_options: {},
    });
    const [annotation] = completion.choices[0].message.annotations ?? [];
    expect(annotation.type).toBe('url_citation');
    expect(annotation.url_citation.url).toMatch(/^https:\/\/nodejs\.org\//);
  });

  it('surfaces a scripted 429 as RateLimitError', async () => {
    server.enqueue({ kind: 'status', status: 429, headers: { 'retry-after': '1' } });
    const error = await client.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: QUESTION }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).code).toBe('rate_limit_exceeded');
    expect((error as RateLimitError).headers?.get('retry-after')).toBe('1');
  });

  it('surfaces the search model refusing temperature as BadRequestError naming the parameter', async () => {
    const error = await client.chat.completions
      .create({ model: 'gpt-4o-search-preview', messages: [{ role: 'user', content: QUESTION }], temperature: 0 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).param).toBe('temperature');
    expect((error as BadRequestError).code).toBe('unsupported_parameter');
  });

  it('surfaces a bad key as AuthenticationError', async () => {
    const anonymous = new OpenAI({ baseURL: server.url, apiKey: 'k', maxRetries: 0 });
    const strict = await startMockServer({ apiKeys: ['right'] });
    try {
      const refused = new OpenAI({ baseURL: strict.url, apiKey: 'wrong', maxRetries: 0 });
      await expect(refused.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
      expect((await anonymous.models.list()).data.length).toBeGreaterThan(0);
    } finally {
      await strict.close();
    }
  });

  it('surfaces a stream error event as APIError', async () => {
    server.enqueue({ kind: 'stream-error', message: 'upstream overloaded' });
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Tell me a long story about a lighthouse keeper' }],
      stream: true,
    });
    const consume = async (): Promise<void> => {
      for await (const _chunk of stream) {
        // drain
      }
    };
    await expect(consume()).rejects.toBeInstanceOf(OpenAI.APIError);
  });

  const tools: OpenAI.ChatCompletionTool[] = [
    {
      type: 'function',
      function: {
        name: 'get_weather',
        parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
      },
    },
  ];
  const WEATHER = 'What is the weather in Kyoto tomorrow?';

  it('parses tool calls and sends a tool round back', async () => {
    const first = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: WEATHER }], tools });
    const message = first.choices[0].message;
    expect(first.choices[0].finish_reason).toBe('tool_calls');
    expect(message.content).toBeNull();
    const call = message.tool_calls![0]!;
    expect(call.type).toBe('function');
    if (call.type !== 'function') throw new Error('expected a function call');
    expect(call.function.name).toBe('get_weather');
    expect(JSON.parse(call.function.arguments)).toEqual({ city: 'Kyoto' });

    const second = await client.chat.completions.create({
      model: 'gpt-4o',
      tools,
      messages: [
        { role: 'user', content: WEATHER },
        message,
        { role: 'tool', tool_call_id: call.id, content: '{"forecast":"clear"}' },
      ],
    });
    expect(second.choices[0].message.content).toContain('{"forecast":"clear"}');
  });

  it('streams tool calls that the SDK stream helper assembles', async () => {
    const runner = client.chat.completions.stream({ model: 'gpt-4o', messages: [{ role: 'user', content: WEATHER }], tools });
    const final = await runner.finalChatCompletion();
    const call = final.choices[0].message.tool_calls![0]!;
    if (call.type !== 'function') throw new Error('expected a function call');
    expect(call.function).toMatchObject({ name: 'get_weather', arguments: '{"city":"Kyoto"}' });
    expect(final.choices[0].finish_reason).toBe('tool_calls');
  });

  it('surfaces a tool message without a call as BadRequestError', async () => {
    const error = await client.chat.completions
      .create({ model: 'gpt-4o', messages: [{ role: 'user', content: WEATHER }, { role: 'tool', tool_call_id: 'call_x', content: 'x' }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).param).toBe('messages.[1].role');
  });

  it('lists models with the SDK', async () => {
    const ids = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toContain('gpt-4o-mini-search-preview');
  });
});
