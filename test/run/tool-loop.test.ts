/**
 * The tool loop and conversations, one cell at a time against the mock over loopback HTTP: canned results are
 * sent back as tool messages until the model answers, a call without a canned result ends the cell, the round
 * limit holds, and every request is cached under its own key.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type OnetokenClient } from '../../src/client/index.js';
import { startMockServer, type MockServer, type MockStep } from '../../src/mock/index.js';
import { buildPlan, type Cell } from '../../src/plan/index.js';
import { ResponseCache, type CellRecord } from '../../src/run/index.js';
import { executeCell } from '../../src/run/execute-cell.js';
import { loadSuite } from '../../src/suite/index.js';

const TOOLS = `
tools:
  - type: function
    function:
      name: get_weather
      parameters: { type: object, properties: { city: { type: string } }, required: [city] }
  - type: function
    function:
      name: create_event
      parameters: { type: object, properties: { title: { type: string } }, required: [title] }
`;

let server: MockServer;
let client: OnetokenClient;
let dir: string;

beforeAll(async () => {
  server = await startMockServer({
    fixtures: [
      { match: 'Weather in (?<city>\\w+) and a meeting', toolCalls: [{ name: 'get_weather', arguments: { city: '${city}' } }, { name: 'create_event', arguments: { title: 'Meeting' } }] },
    ],
  });
  client = createClient({ baseUrl: server.url, apiKey: 'sk-test', sleep: async () => undefined });
  dir = mkdtempSync(join(tmpdir(), 'ote-tool-loop-'));
});
afterAll(async () => {
  await client.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A scripted JSON answer that calls get_weather with these raw arguments. */
function callingAnswer(id: string, args: string): MockStep {
  const call = { id, type: 'function', function: { name: 'get_weather', arguments: args } };
  const body = { id: 'x', choices: [{ index: 0, finish_reason: 'tool_calls', message: { role: 'assistant', content: null, tool_calls: [call] } }] };
  return { kind: 'raw', headers: { 'content-type': 'application/json' }, chunks: [JSON.stringify(body)] };
}

/** The cells of a suite written from `body` (models, prompts and cases). */
function cellsOf(name: string, body: string): Cell[] {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, `name: ${name}\nmodels: [gpt-4o]\n${body}`);
  return [...buildPlan(loadSuite(path)).cells()];
}

async function run(cell: Cell, cache: ResponseCache | null = null): Promise<CellRecord> {
  const { record, error } = await executeCell(cell, { client, cache, endpoint: 'mock', grader: { model: null, params: {} }, pricing: {}, useCacheRead: true });
  expect(error).toBeNull();
  return record;
}

describe('tool loop', () => {
  it('answers calls with canned results and records every round', async () => {
    const [cell] = cellsOf('loop', `${TOOLS}
prompts:
  - id: p
    template: "{{ q }}"
    tool_results:
      get_weather: '{"city": "{{ args.city }}", "sky": "{{ sky }}"}'
      create_event: [{ arguments: { title: Meeting }, result: { id: evt_1 } }, { result: rejected }]
cases:
  - vars: { q: Weather in Oslo and a meeting please, sky: grey }
    assert:
      - { type: tool-calls, value: [get_weather, create_event] }
      - { type: icontains, value: evt_1 }
`);
    const record = await run(cell!);
    expect(record.rounds).toHaveLength(1);
    expect(record.rounds[0]!.toolCalls.map((call) => [call.name, call.arguments])).toEqual([
      ['get_weather', { city: 'Oslo' }],
      ['create_event', { title: 'Meeting' }],
    ]);
    expect(record.rounds[0]!.toolResults.map((result) => result.content)).toEqual(['{"city": "Oslo", "sky": "grey"}', '{"id":"evt_1"}']);
    expect(record.toolCalls).toEqual([]);
    expect(record.output).toContain('evt_1');
    // Usage and latency add up over both requests.
    expect(record.usage!.totalTokens).toBeGreaterThan(record.rounds[0]!.usage!.totalTokens);
    expect(record.latencyMs).toBeGreaterThanOrEqual(record.rounds[0]!.latencyMs!);
    expect(record.attempts).toBe(2);
    expect(record.pass).toBe(true);
    // The second request carried the assistant's calls and one tool message per call, in call order.
    const second = server.requests.at(-1)!.body.messages as { role: string; tool_call_id?: string }[];
    expect(second.map((message) => message.role)).toEqual(['user', 'assistant', 'tool', 'tool']);
  });

  it('ends the cell with the calls as its answer when a call has no canned result', async () => {
    const [cell] = cellsOf('open', `${TOOLS}
prompts:
  - id: p
    template: "{{ q }}"
    tool_results: { get_weather: sunny }
cases:
  - vars: { q: Weather in Rome and a meeting please }
    assert: [{ type: tool-call, name: create_event }]
`);
    const before = server.stats.chatRequests;
    const record = await run(cell!);
    expect(server.stats.chatRequests - before).toBe(1);
    expect(record.rounds).toEqual([]);
    expect(record.toolCalls.map((call) => call.name)).toEqual(['get_weather', 'create_event']);
    expect(record.finishReason).toBe('tool_calls');
    expect(record.pass).toBe(true);
  });

  it.each([0, 2])('stops after max_tool_rounds %i round trips, the last calls being the answer', async (limit) => {
    const [cell] = cellsOf(`limit-${limit}`, `${TOOLS}
max_tool_rounds: ${limit}
prompts:
  - id: p
    template: "{{ q }}"
    tool_results: { get_weather: rain }
cases:
  - vars: { q: Weather in Oslo }
`);
    // A model that calls the tool again whatever the results say: only the round limit ends the turn.
    for (let round = 0; round <= limit; round++) server.enqueue(callingAnswer(`c${round}`, '{"city": "Oslo"}'));
    const before = server.stats.chatRequests;
    const record = await run(cell!);
    expect(server.stats.chatRequests - before).toBe(limit + 1);
    expect(record.rounds).toHaveLength(limit);
    expect(record.toolCalls.map((call) => call.name)).toEqual(['get_weather']);
  });

  it('records unparseable arguments as null with the parse error', async () => {
    const [cell] = cellsOf('broken-args', `${TOOLS}
prompts:
  - id: p
    template: "{{ q }}"
cases:
  - vars: { q: Weather in Lima }
    assert: [{ type: valid-tool-call }]
`);
    server.enqueue(callingAnswer('c1', '{"city": "Li'));
    const record = await run(cell!);
    expect(record.toolCalls).toEqual([{ id: 'c1', name: 'get_weather', arguments: null, argumentsError: expect.stringMatching(/JSON/) }]);
    expect(record.pass).toBe(false);
  });
});

describe('tool loop in a conversation', () => {
  it('answers a turn\'s calls with canned results and scores the final answer on the last turn\'s calls', async () => {
    const [cell] = cellsOf('chat-tools', `${TOOLS}
prompts:
  - id: p
    messages: [{ role: system, content: You help with the weather. }]
    tool_results: { get_weather: drizzle }
cases:
  - turns: [Hello!, What is the weather in Oslo tomorrow?]
    assert:
      - { type: tool-call, name: get_weather, arguments: { city: Oslo } }
      - { type: no-tool-call, turn: 1 }
      - { type: icontains, value: drizzle }
`);
    const record = await run(cell!);
    expect(record.turns.map((turn) => turn.rounds.length)).toEqual([0, 1]);
    expect(record.turns[1]!.rounds[0]!.toolResults).toEqual([{ id: expect.any(String), name: 'get_weather', content: 'drizzle' }]);
    expect(record.assertions.map((result) => [result.type, result.pass])).toEqual([
      ['tool-call', true],
      ['no-tool-call', true],
      ['icontains', true],
    ]);
  });
});

describe('structured outputs', () => {
  it('scores the answer against the response format the request declared', async () => {
    const [cell] = cellsOf('structured', `
defaults:
  response_format:
    type: json_schema
    json_schema:
      name: weather
      schema: { type: object, properties: { city: { type: string }, rainy: { type: boolean } }, required: [city, rainy], additionalProperties: false }
prompts:
  - id: p
    template: "{{ q }}"
cases:
  - vars: { q: Is it rainy in Bergen? }
    assert: [{ type: matches-response-format }, { type: json-path, path: city, value: Bergen }]
`);
    const record = await run(cell!);
    expect(JSON.parse(record.output!)).toEqual({ city: 'Bergen', rainy: true });
    expect(record.assertions.map((result) => result.pass)).toEqual([true, true]);
  });
});

describe('conversations', () => {
  it('sends each turn after the previous answer with seed + turn index, caches every request and scores turn assertions', async () => {
    const [cell] = cellsOf('chat', `
prompts:
  - id: p
    messages: [{ role: system, content: Be brief. }]
cases:
  - vars: { who: Ana }
    turns:
      - content: "Hi, I am {{ who }}."
        assert: [{ type: contains, value: mock answer }]
      - Tell me more.
      - content: Thanks!
        assert: [{ type: contains, value: nothing like this }]
    assert:
      - { type: contains, value: Hi, turn: 1 }
      - { type: contains, value: Thanks }
`);
    const cache = new ResponseCache(join(dir, 'cache'));
    const before = server.requests.length;
    const record = await run(cell!, cache);
    const sent = server.requests.slice(before).map((request) => request.body as { seed: number; messages: { role: string; content: string }[] });
    expect(sent.map((body) => body.seed)).toEqual([cell!.seed, cell!.seed! + 1, cell!.seed! + 2]);
    expect(sent.map((body) => body.messages.map((message) => message.role).join(','))).toEqual([
      'system,user',
      'system,user,assistant,user',
      'system,user,assistant,user,assistant,user',
    ]);
    expect(sent[2]!.messages[2]!.content).toBe(record.turns[0]!.output);
    expect(record.turns.map((turn) => [turn.turn, turn.seed, turn.messages[0]!.content])).toEqual([
      [1, cell!.seed, 'Hi, I am Ana.'],
      [2, cell!.seed! + 1, 'Tell me more.'],
      [3, cell!.seed! + 2, 'Thanks!'],
    ]);
    expect(record.output).toBe(record.turns[2]!.output);
    expect(record.turns.map((turn) => turn.pass)).toEqual([true, null, false]);
    expect(record.assertions.map((result) => [result.type, result.pass])).toEqual([
      ['contains', true],
      ['contains', true],
    ]);
    expect(record.pass).toBe(false);

    const again = server.requests.length;
    const replayed = await run(cell!, cache);
    expect(server.requests.length).toBe(again);
    expect(replayed.cached).toBe(true);
    expect(replayed.turns.map((turn) => turn.output)).toEqual(record.turns.map((turn) => turn.output));
  });
});
