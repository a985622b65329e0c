import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../../src/mock/index.js';
import type { MockServer } from '../../src/mock/index.js';
import { chatBody, parseSse, postChat, streamedContent } from './chat-request.js';

describe('the chat completion wire format', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer();
  });
  afterAll(() => server.close());

  it('answers a non-streamed request with an OpenAI chat.completion body', async () => {
    const response = await postChat(server, chatBody('Tell me about owls'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]+$/);
    const body = response.json;
    expect(Object.keys(body)).toEqual(['id', 'object', 'created', 'model', 'system_fingerprint', 'choices', 'usage']);
    expect(body.id).toMatch(/^chatcmpl-/);
    expect(body.object).toBe('chat.completion');
    expect(Number.isInteger(body.created)).toBe(true);
    expect(body.model).toBe('gpt-4o-mini');
    expect(body.system_fingerprint).toMatch(/^fp_/);
    expect(body.choices).toEqual([
      {
        index: 0,
        message: { role: 'assistant', content: expect.any(String), refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: 'stop',
      },
    ]);
    const { prompt_tokens, completion_tokens, total_tokens } = body.usage;
    expect(completion_tokens).toBe(Math.ceil(body.choices[0].message.content.length / 4));
    expect(prompt_tokens).toBeGreaterThan(0);
    expect(total_tokens).toBe(prompt_tokens + completion_tokens);
  });

  it('streams a role chunk, several content chunks, a finish chunk and [DONE]', async () => {
    const response = await postChat(server, chatBody('Tell me about owls', { stream: true }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const events = parseSse(response.text);
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events.slice(0, -1);
    for (const chunk of chunks) {
      expect(chunk.object).toBe('chat.completion.chunk');
      expect(chunk.id).toBe(chunks[0].id);
      expect('usage' in chunk).toBe(false);
    }
    expect(chunks[0].choices[0]).toEqual({
      index: 0,
      delta: { role: 'assistant', content: '', refusal: null },
      logprobs: null,
      finish_reason: null,
    });
    const contentChunks = chunks.slice(1, -1);
    expect(contentChunks.length).toBeGreaterThan(3);
    expect(contentChunks.every((chunk) => chunk.choices[0].finish_reason === null)).toBe(true);
    expect(chunks.at(-1).choices[0]).toEqual({ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' });
  });

  it('streams exactly the content of the non-streamed answer', async () => {
    const plain = await postChat(server, chatBody('What is the capital of France? Answer with the city name only.'));
    const streamed = await postChat(
      server,
      chatBody('What is the capital of France? Answer with the city name only.', { stream: true }),
    );
    expect(plain.json.choices[0].message.content).toBe('Paris');
    expect(streamedContent(parseSse(streamed.text))).toBe('Paris');
  });

  it('sends a usage chunk with empty choices only when stream_options.include_usage is true', async () => {
    const body = chatBody('Tell me about owls', { stream: true, stream_options: { include_usage: true } });
    const events = parseSse((await postChat(server, body)).text);
    const usageChunk = events.at(-2);
    expect(usageChunk.choices).toEqual([]);
    expect(usageChunk.usage.total_tokens).toBe(usageChunk.usage.prompt_tokens + usageChunk.usage.completion_tokens);
    expect(events.slice(0, -2).every((chunk) => chunk.usage === null)).toBe(true);

    const without = parseSse((await postChat(server, chatBody('Tell me about owls', { stream: true }))).text);
    expect(without.some((chunk) => typeof chunk === 'object' && chunk.usage)).toBe(false);
  });

  it('cuts the answer at max_tokens and reports finish_reason length', async () => {
    const response = await postChat(server, chatBody('Tell me about owls', { max_tokens: 2 }));
    expect(response.json.choices[0].message.content).toHaveLength(8);
    expect(response.json.choices[0].finish_reason).toBe('length');
    expect(response.json.usage.completion_tokens).toBe(2);
  });

  it('derives created from the seed, not the clock', async () => {
    const other = await startMockServer({ seed: 1 });
    try {
      const first = await postChat(server, chatBody('a'));
      const second = await postChat(other, chatBody('b'));
      expect(first.json.created).toBe(second.json.created);
    } finally {
      await other.close();
    }
  });

  it('accepts content given as text parts', async () => {
    const body = {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'What is the capital of Japan?' }] }],
    };
    expect((await postChat(server, body)).json.choices[0].message.content).toBe('Tokyo');
  });
});
