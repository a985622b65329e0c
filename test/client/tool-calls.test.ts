/**
 * Tool calls on the wire: read from a message's `tool_calls`, and joined from streamed deltas by `index` however
 * the stream is cut into chunks, the same streamed or not.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { parseCompletionBody } from '../../src/client/completion-parser.js';
import { SseParser } from '../../src/client/sse-parser.js';
import { StreamAccumulator } from '../../src/client/stream-accumulator.js';
import type { Completion } from '../../src/wire/index.js';
import { ask, startMockClient, type MockClient } from './helpers/mock-client.js';

const encoder = new TextEncoder();

function event(delta: Record<string, unknown>, finishReason: string | null = null): string {
  return `data: ${JSON.stringify({ id: 'chatcmpl-t', model: 'gpt-4o', choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`;
}

/** Two parallel calls whose deltas interleave, arguments cut through keys, escapes and multi-byte text. */
const STREAM =
  event({ role: 'assistant', content: null }) +
  event({ tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'get_', arguments: '' } }] }) +
  event({ tool_calls: [{ index: 0, function: { name: 'weather', arguments: '{"ci' } }] }) +
  event({ tool_calls: [{ index: 1, id: 'call_b', type: 'function', function: { name: 'get_weather', arguments: '{"city":' } }] }) +
  event({ tool_calls: [{ index: 0, function: { arguments: 'ty":"Zü' } }] }) +
  event({ tool_calls: [{ index: 1, function: { arguments: '"São \\"P\\""}' } }] }) +
  event({ tool_calls: [{ index: 0, function: { arguments: 'rich 🌧"}' } }] }) +
  event({}, 'tool_calls') +
  'data: [DONE]\n\n';

const CALLS = [
  { id: 'call_a', name: 'get_weather', arguments: '{"city":"Zürich 🌧"}' },
  { id: 'call_b', name: 'get_weather', arguments: '{"city":"São \\"P\\""}' },
];

/** Parses SSE chunks and accumulates their payloads into a completion. */
function accumulate(chunks: Uint8Array[]): Completion {
  const parser = new SseParser();
  const accumulator = new StreamAccumulator('sk-secret');
  const events = [...chunks.flatMap((chunk) => parser.push(chunk)), ...parser.end()];
  for (const { data } of events) expect(accumulator.accept(data, 0)).toBeNull();
  const result = accumulator.finish();
  if ('kind' in result) throw new Error(`expected a completion, got ${result.summary}`);
  return result;
}

describe('tool calls from a stream', () => {
  test('joins the deltas of parallel calls by index', () => {
    const completion = accumulate([encoder.encode(STREAM)]);
    expect(completion.toolCalls).toEqual(CALLS);
    expect(completion.content).toBe('');
    expect(completion.finishReason).toBe('tool_calls');
  });

  test('gives the same calls for every split of the stream into two byte chunks', () => {
    const bytes = encoder.encode(STREAM);
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(accumulate([bytes.slice(0, cut), bytes.slice(cut)]).toolCalls, `cut at byte ${cut}`).toEqual(CALLS);
    }
  });

  test('gives the same calls when fed one byte at a time', () => {
    const bytes = encoder.encode(STREAM);
    expect(accumulate(Array.from(bytes, (_, i) => bytes.slice(i, i + 1))).toolCalls).toEqual(CALLS);
  });

  test('times the first token at the first call delta when the answer has no text', () => {
    const accumulator = new StreamAccumulator('sk');
    const events = new SseParser().push(encoder.encode(STREAM));
    events.forEach(({ data }, index) => accumulator.accept(data, index * 10));
    expect(accumulator.firstContentAtMs).toBe(10);
  });
});

describe('tool calls from a JSON body', () => {
  test('reads message.tool_calls in order, with arguments as text whether sent as text or as an object', () => {
    const body = {
      id: 'x',
      choices: [
        {
          index: 0,
          finish_reason: 'tool_calls',
          message: {
            role: 'assistant',
            content: null,
            tool_calls: [
              { id: 'c1', type: 'function', function: { name: 'a', arguments: '{"x":1}' } },
              { id: 'c2', type: 'function', function: { name: 'b', arguments: { y: 2 } } },
              { id: 'c3', type: 'function', function: { name: 'c' } },
              { id: 'c4', type: 'not-a-function' },
            ],
          },
        },
      ],
    };
    const completion = parseCompletionBody(JSON.stringify(body), 'sk') as Completion;
    expect(completion.content).toBe('');
    expect(completion.toolCalls).toEqual([
      { id: 'c1', name: 'a', arguments: '{"x":1}' },
      { id: 'c2', name: 'b', arguments: '{"y":2}' },
      { id: 'c3', name: 'c', arguments: '' },
    ]);
  });

  test('has no calls for a plain answer', () => {
    const body = { choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'Paris' } }] };
    expect((parseCompletionBody(JSON.stringify(body), 'sk') as Completion).toolCalls).toEqual([]);
  });
});

describe('tool calls against the mock server', () => {
  let fixture: MockClient | null = null;
  afterEach(async () => {
    await fixture?.close();
    fixture = null;
  });

  const tools = [
    { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } },
  ];

  test('receives the same calls streamed in fragments as in one body', async () => {
    fixture = await startMockClient();
    const request = { ...ask('gpt-4o'), messages: [{ role: 'user' as const, content: 'What is the weather in Lisbon tomorrow?' }], tools };
    const plain = await fixture.client.complete(request, { cellId: 'a' });
    const streamed = await fixture.client.complete({ ...request, stream: true }, { cellId: 'b' });
    expect(plain.toolCalls).toHaveLength(1);
    expect(plain.toolCalls[0]).toMatchObject({ name: 'get_weather', arguments: '{"city":"Lisbon"}' });
    expect(streamed.toolCalls).toEqual(plain.toolCalls);
    expect(streamed.finishReason).toBe('tool_calls');
    expect(streamed.ttftMs).not.toBeNull();
  });
});
