import { describe, expect, it } from 'vitest';
import { scoreAnswer, validateAssertion, type Answer, type AssertionSpec, type ToolCall } from '../../../src/assert/index.js';
import { answerText } from '../../../src/wire/index.js';
import { makeAnswer } from '../answer-fixture.js';

function call(name: string, args: unknown, argumentsError: string | null = null): ToolCall {
  return { id: `call_${name}`, name, arguments: argumentsError === null ? args : null, argumentsError };
}

const paris = call('get_weather', { city: 'Paris', unit: 'celsius' });
const rome = call('get_weather', { city: 'Rome', unit: 'celsius' });
const booking = call('create_event', { title: 'Dentist', date: '2026-03-02', guests: 4 });
const broken = call('create_event', null, 'Unexpected end of JSON input');

const tools: Answer['tools'] = [
  { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' }, unit: { enum: ['celsius', 'fahrenheit'] } }, required: ['city'] } },
  { name: 'create_event', parameters: { type: 'object', properties: { date: { type: 'string', format: 'date' } }, required: ['date'] } },
  { name: 'ping', parameters: null },
];

async function score(toolCalls: ToolCall[], spec: AssertionSpec, extra: Partial<Answer> = {}) {
  return scoreAnswer(makeAnswer({ toolCalls, tools, ...extra }), spec);
}

describe('tool-call', () => {
  it.each([
    { spec: { type: 'tool-call', name: 'get_weather' }, calls: [paris], pass: true },
    { spec: { type: 'tool-call', name: 'get_weather' }, calls: [], pass: false },
    { spec: { type: 'tool-call' }, calls: [booking], pass: true },
    { spec: { type: 'tool-call', name: 'get_weather', arguments: { city: 'Paris' } }, calls: [rome, paris], pass: true },
    { spec: { type: 'tool-call', name: 'get_weather', arguments: { city: 'Lyon' } }, calls: [paris], pass: false },
    { spec: { type: 'tool-call', name: 'create_event', arguments: { guests: '4' } }, calls: [booking], pass: true },
    { spec: { type: 'tool-call', name: 'create_event', arguments: { guests: 5 } }, calls: [booking], pass: false },
    { spec: { type: 'tool-call', name: 'create_event', arguments: { title: 'Dentist' } }, calls: [broken], pass: false },
    { spec: { type: 'tool-call', name: 'create_event' }, calls: [broken], pass: true },
    { spec: { type: 'tool-call', name: 'create_event', schema: { type: 'object', required: ['title'] } }, calls: [booking], pass: true },
    { spec: { type: 'tool-call', name: 'create_event', schema: { type: 'object', required: ['time'] } }, calls: [booking], pass: false },
    { spec: { type: 'tool-call', name: 'get_weather', count: 2 }, calls: [paris, rome], pass: true },
    { spec: { type: 'tool-call', name: 'get_weather', count: 1 }, calls: [paris, rome], pass: false },
    { spec: { type: 'tool-call', name: 'get_weather', count: { min: 1, max: 2 } }, calls: [paris, rome, booking], pass: true },
    { spec: { type: 'tool-call', name: 'get_weather', count: { max: 0 } }, calls: [booking], pass: true },
    { spec: { type: 'not-tool-call', name: 'create_event' }, calls: [paris], pass: true },
  ])('$spec with $calls.length calls: pass $pass', async ({ spec, calls, pass }) => {
    expect((await score(calls, spec)).pass).toBe(pass);
  });

  it('says which call came closest and why it did not match', async () => {
    const result = await score([paris], { type: 'tool-call', name: 'get_weather', arguments: { city: 'Lyon' } });
    expect(result.reason).toBe(
      'expected to call get_weather with {"city":"Lyon"}, got get_weather({"city":"Paris","unit":"celsius"}) (get_weather arguments {"city":"Paris","unit":"celsius"} do not contain {"city":"Lyon"})',
    );
  });
});

describe('tool-calls', () => {
  const expected = [
    { name: 'get_weather', arguments: { city: 'Paris' } },
    { name: 'get_weather', arguments: { city: 'Rome' } },
  ];
  it.each([
    { order: 'any', calls: [rome, paris], pass: true, score: 1 },
    { order: 'strict', calls: [rome, paris], pass: false, score: 0.5 },
    { order: 'strict', calls: [paris, booking, rome], pass: true, score: 1 },
    { order: 'any', calls: [paris], pass: false, score: 0.5 },
    { order: 'any', calls: [], pass: false, score: 0 },
    { order: undefined, calls: [rome, paris], pass: true, score: 1 },
  ])('order $order over $calls.length calls scores $score', async ({ order, calls, pass, score: expectedScore }) => {
    const result = await score(calls, { type: 'tool-calls', value: expected, ...(order ? { order } : {}) });
    expect([result.pass, result.score]).toEqual([pass, expectedScore]);
  });

  it('matches each expected call to a different call, so a loose expectation cannot take a strict one’s only match', async () => {
    const result = await score([paris, rome], { type: 'tool-calls', value: ['get_weather', { name: 'get_weather', arguments: { city: 'Paris' } }] });
    expect(result.pass).toBe(true);
  });

  it('accepts tool names as the shorthand of {name}', async () => {
    expect((await score([booking, paris], { type: 'tool-calls', value: ['get_weather', 'create_event'] })).pass).toBe(true);
  });
});

describe('no-tool-call and valid-tool-call', () => {
  it.each([
    { spec: { type: 'no-tool-call' }, calls: [], pass: true },
    { spec: { type: 'no-tool-call' }, calls: [paris], pass: false },
    { spec: { type: 'no-tool-call', name: 'create_event' }, calls: [paris], pass: true },
    { spec: { type: 'no-tool-call', name: 'get_weather' }, calls: [paris], pass: false },
    { spec: { type: 'valid-tool-call' }, calls: [paris, booking], pass: true },
    { spec: { type: 'valid-tool-call' }, calls: [call('ping', {})], pass: true },
    { spec: { type: 'valid-tool-call' }, calls: [], pass: false },
    { spec: { type: 'valid-tool-call' }, calls: [call('delete_event', {})], pass: false },
    { spec: { type: 'valid-tool-call' }, calls: [broken], pass: false },
    { spec: { type: 'valid-tool-call' }, calls: [call('create_event', { date: '03/02/2026' })], pass: false },
    { spec: { type: 'valid-tool-call' }, calls: [call('get_weather', { city: 'Paris', unit: 'kelvin' })], pass: false },
  ])('$spec.type with $calls.length calls: pass $pass', async ({ spec, calls, pass }) => {
    expect((await score(calls, spec)).pass).toBe(pass);
  });

  it('names the undeclared tool and the schema errors of an invalid call', async () => {
    const result = await score([call('delete_event', {}), call('create_event', { date: 'soon' })], { type: 'valid-tool-call' });
    expect(result.reason).toContain('delete_event is not a declared tool (declared: get_weather, create_event, ping)');
    expect(result.reason).toContain('/date must match format "date"');
  });
});

describe('matches-response-format', () => {
  const responseSchema = { type: 'object', properties: { title: { type: 'string' } }, required: ['title'], additionalProperties: false };
  it.each([
    { output: '{"title": "Broken router"}', pass: true },
    { output: '```json\n{"title": "Broken router"}\n```', pass: true },
    { output: '{"title": 3}', pass: false },
    { output: '{"title": "x", "extra": 1}', pass: false },
    { output: 'not json', pass: false },
  ])('judges $output', async ({ output, pass }) => {
    expect((await score([], { type: 'matches-response-format' }, { output, responseSchema })).pass).toBe(pass);
  });

  it('is an error, not a pass, when the request declared no json_schema response format', async () => {
    const result = await score([], { type: 'matches-response-format' }, { output: '{}' });
    expect(result).toMatchObject({ pass: false, score: 0 });
    expect(result.error).toMatch(/needs a request with response_format/);
  });
});

describe('tool assertion specs', () => {
  it.each([
    { spec: { type: 'tool-call', name: 'x', count: -1 }, words: /count/ },
    { spec: { type: 'tool-call', name: 'x', schema: { type: 'objekt' } }, words: /invalid JSON Schema/ },
    { spec: { type: 'tool-calls', value: [] }, words: /value/ },
    { spec: { type: 'tool-calls', value: ['x'], order: 'sorted' }, words: /order/ },
    { spec: { type: 'tool-call', nme: 'x' }, words: /unknown option "nme" for tool-call \(did you mean "name"\?\)/ },
    { spec: { type: 'icontains', value: 'x', turn: 0 }, words: /turn/ },
  ])('refuses $spec', ({ spec, words }) => {
    const issues = validateAssertion(spec);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')).toMatch(words);
  });

  it('shows an answer that only calls tools as name(args)', () => {
    expect(answerText('', [paris, broken])).toBe('get_weather({"city":"Paris","unit":"celsius"}); create_event(<invalid JSON>)');
    expect(answerText('Booked.', [booking])).toBe('Booked.\ncreate_event({"title":"Dentist","date":"2026-03-02","guests":4})');
    expect(answerText('Paris', [])).toBe('Paris');
  });
});
