/** The mock's tool calls, tool sequencing rules, image parts and structured answers, over real loopback HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../../src/mock/index.js';
import type { MockServer } from '../../src/mock/index.js';
import { chatBody, parseSse, postChat } from './chat-request.js';

const weather = {
  type: 'function',
  function: {
    name: 'get_weather',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] }, days: { type: 'integer', minimum: 1 } },
      required: ['city', 'unit', 'days'],
    },
  },
};
const calendar = { type: 'function', function: { name: 'create_event', parameters: { type: 'object', properties: { date: { type: 'string', format: 'date' } }, required: ['date'] } } };
const tools = [calendar, weather];

const PNG_URL = `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47]).toString('base64')}`;

/** The assistant turn of a first answer and the tool message answering its call. */
function assistantWithCall(id = 'call_1') {
  return { role: 'assistant', content: null, tool_calls: [{ id, type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }] };
}

describe('mock tool calls', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer({
      fixtures: [{ match: 'book (?<what>\\w+) on (?<date>[\\d-]+)', toolCalls: [{ name: 'create_event', arguments: { date: '${date}' } }], answer: 'Booked: ${result}' }],
    });
  });
  afterAll(() => server.close());

  it('calls the first declared tool named in the last user message, with arguments built from its schema', async () => {
    const response = await postChat(server, chatBody('What is the weather in Oslo tomorrow?', { tools }));
    expect(response.status).toBe(200);
    const [choice] = response.json.choices;
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBeNull();
    expect(choice.message.tool_calls).toEqual([
      { id: expect.stringMatching(/^call_[0-9a-f]{12}$/), type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo","unit":"celsius","days":1}' } },
    ]);
    const again = await postChat(server, chatBody('What is the weather in Oslo tomorrow?', { tools }));
    expect(again.json.choices[0].message.tool_calls).toEqual(choice.message.tool_calls);
  });

  it.each([
    { title: 'no tool is named', content: 'Tell me a joke', extra: {}, calls: null },
    { title: 'tool_choice is none', content: 'Weather in Oslo?', extra: { tool_choice: 'none' }, calls: null },
    { title: 'tool_choice is required', content: 'Tell me a joke', extra: { tool_choice: 'required' }, calls: ['create_event'] },
    { title: 'tool_choice names a function', content: 'Weather in Oslo?', extra: { tool_choice: { type: 'function', function: { name: 'create_event' } } }, calls: ['create_event'] },
  ])('answers $title with $calls', async ({ content, extra, calls }) => {
    const response = await postChat(server, chatBody(content, { tools, ...extra }));
    const message = response.json.choices[0].message;
    expect(message.tool_calls?.map((call: { function: { name: string } }) => call.function.name) ?? null).toEqual(calls);
  });

  it('calls what a fixture says, then answers the tool result with its answer', async () => {
    const first = await postChat(server, chatBody('Please book dentist on 2026-03-02', { tools }));
    const call = first.json.choices[0].message.tool_calls[0];
    expect(call.function).toEqual({ name: 'create_event', arguments: '{"date":"2026-03-02"}' });
    const messages = [
      { role: 'user', content: 'Please book dentist on 2026-03-02' },
      first.json.choices[0].message,
      { role: 'tool', tool_call_id: call.id, content: 'evt_42' },
    ];
    const second = await postChat(server, { model: 'gpt-4o-mini', messages, tools });
    expect(second.json.choices[0]).toMatchObject({ finish_reason: 'stop', message: { content: 'Booked: evt_42' } });
  });

  it('answers tool results without a fixture by quoting them', async () => {
    const messages = [{ role: 'user', content: 'Weather in Oslo?' }, assistantWithCall(), { role: 'tool', tool_call_id: 'call_1', content: '{"forecast":"snow"}' }];
    const response = await postChat(server, { model: 'gpt-4o', messages, tools });
    expect(response.json.choices[0].message.content).toBe('According to the tools: get_weather returned {"forecast":"snow"}.');
  });

  it('streams a call as a first delta with id and name, then argument fragments that join to the arguments', async () => {
    const response = await postChat(server, chatBody('What is the weather in Oslo tomorrow?', { tools, stream: true }));
    const chunks = parseSse(response.text).filter((event) => typeof event === 'object');
    const deltas = chunks.flatMap((chunk) => chunk.choices[0]?.delta?.tool_calls ?? []);
    expect(deltas[0]).toMatchObject({ index: 0, id: expect.stringMatching(/^call_/), type: 'function', function: { name: 'get_weather', arguments: '' } });
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.map((delta: { function: { arguments: string } }) => delta.function.arguments).join('')).toBe('{"city":"Oslo","unit":"celsius","days":1}');
    expect(chunks.at(-1).choices[0].finish_reason).toBe('tool_calls');
  });

  it('answers a json_schema response format with JSON that fits the schema', async () => {
    const schema = { type: 'object', properties: { city: { type: 'string' }, rainy: { type: 'boolean' } }, required: ['city', 'rainy'] };
    const response = await postChat(server, chatBody('Is it rainy in Bergen?', { response_format: { type: 'json_schema', json_schema: { name: 'w', schema } } }));
    expect(JSON.parse(response.json.choices[0].message.content)).toEqual({ city: 'Bergen', rainy: true });
  });
});

describe('mock sequencing and image errors', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer();
  });
  afterAll(() => server.close());

  const user = { role: 'user', content: 'Weather in Oslo?' };
  it.each([
    {
      title: 'a tool message without a preceding call',
      messages: [user, { role: 'tool', tool_call_id: 'call_1', content: 'x' }],
      param: 'messages.[1].role',
      message: /messages with role 'tool' must be a response to a preceeding message with 'tool_calls'/,
    },
    {
      title: 'a tool message answering an unknown id',
      messages: [user, assistantWithCall('call_1'), { role: 'tool', tool_call_id: 'call_2', content: 'x' }],
      param: 'messages.[2].role',
      message: /must be a response to a preceeding message with 'tool_calls'/,
    },
    {
      title: 'a call left unanswered before the next user message',
      messages: [user, assistantWithCall('call_1'), { role: 'user', content: 'and?' }],
      param: 'messages.[1].role',
      message: /did not have response messages: call_1/,
    },
    {
      title: 'a call left unanswered at the end',
      messages: [user, assistantWithCall('call_9')],
      param: 'messages.[1].role',
      message: /did not have response messages: call_9/,
    },
    {
      title: 'an image data URL of an unsupported type',
      messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/bmp;base64,Qk0=' } }] }],
      param: 'messages[0].content[0].image_url',
      message: /unsupported image type image\/bmp/,
    },
    {
      title: 'an image data URL that is not base64',
      messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,@@@' } }] }],
      param: 'messages[0].content[0].image_url',
      message: /not valid base64/,
    },
    {
      title: 'an image reference the client did not inline',
      messages: [{ role: 'user', content: [{ type: 'image', file: 'a.png' }] }],
      param: 'messages[0].content[0].type',
      message: /Invalid value: 'image'/,
    },
  ])('refuses $title with 400', async ({ messages, param, message }) => {
    const response = await postChat(server, { model: 'gpt-4o', messages });
    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({ type: 'invalid_request_error', param });
    expect(response.json.error.message).toMatch(message);
  });

  it('accepts a complete tool round and image parts given as data URLs or http URLs', async () => {
    const round = [user, assistantWithCall('call_1'), { role: 'tool', tool_call_id: 'call_1', content: 'snow' }];
    expect((await postChat(server, { model: 'gpt-4o', messages: round })).status).toBe(200);
    const image = [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: PNG_URL, detail: 'low' } }, { type: 'image_url', image_url: { url: 'https://example.com/a.png' } }] }];
    expect((await postChat(server, { model: 'gpt-4o', messages: image })).status).toBe(200);
  });
});
