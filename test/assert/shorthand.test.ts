import { describe, expect, it } from 'vitest';
import { parseExpectedShorthand, validateAssertion } from '../../src/assert/index.js';

describe('parseExpectedShorthand', () => {
  it.each([
    { text: 'Paris', spec: { type: 'equals', value: 'Paris' } },
    { text: 'Note: yes', spec: { type: 'equals', value: 'Note: yes' } },
    { text: 'https://paris.fr', spec: { type: 'equals', value: 'https://paris.fr' } },
    { text: ':Paris', spec: { type: 'equals', value: ':Paris' } },
    { text: 'icontains:Paris', spec: { type: 'icontains', value: 'Paris' } },
    { text: 'icontains: Paris ', spec: { type: 'icontains', value: 'Paris' } },
    { text: 'regex:^\\d+$', spec: { type: 'regex', value: '^\\d+$' } },
    { text: 'regex:^a:b$', spec: { type: 'regex', value: '^a:b$' } },
    { text: 'not-contains:error', spec: { type: 'not-contains', value: 'error' } },
    { text: 'llm-rubric:Names Paris as the capital', spec: { type: 'llm-rubric', value: 'Names Paris as the capital' } },
    { text: 'contains-all:Paris, France', spec: { type: 'contains-all', value: ['Paris', 'France'] } },
    { text: 'citation-domain:wikipedia.org', spec: { type: 'citation-domain', value: 'wikipedia.org' } },
    { text: 'latency:2000', spec: { type: 'latency', max: 2000 } },
    { text: 'cost:0.005', spec: { type: 'cost', max: 0.005 } },
    { text: 'has-citation:2', spec: { type: 'has-citation', min: 2 } },
    { text: 'length:10..200', spec: { type: 'length', min: 10, max: 200 } },
    { text: 'length:..50', spec: { type: 'length', max: 50 } },
    { text: 'json-path:$.contact.email', spec: { type: 'json-path', path: '$.contact.email' } },
    { text: 'json-schema:{"type": "object"}', spec: { type: 'json-schema', value: { type: 'object' } } },
    { text: 'is-json', spec: { type: 'is-json' } },
    { text: 'tool-call:get_weather', spec: { type: 'tool-call', name: 'get_weather' } },
    { text: 'tool-call', spec: { type: 'tool-call' } },
    { text: 'tool-calls:get_weather, create_event', spec: { type: 'tool-calls', value: ['get_weather', 'create_event'] } },
    { text: 'no-tool-call', spec: { type: 'no-tool-call' } },
    { text: 'no-tool-call:delete_event', spec: { type: 'no-tool-call', name: 'delete_event' } },
    { text: 'valid-tool-call', spec: { type: 'valid-tool-call' } },
    { text: 'matches-response-format', spec: { type: 'matches-response-format' } },
    { text: 'not-is-json', spec: { type: 'not-is-json' } },
    { text: 'has-citation', spec: { type: 'has-citation' } },
    { text: 'contains', spec: { type: 'equals', value: 'contains' } },
  ])('reads $text', ({ text, spec }) => {
    const parsed = parseExpectedShorthand(text);
    expect(parsed).toEqual(spec);
    expect(validateAssertion(parsed)).toEqual([]);
  });

  it('leaves a bad argument for validation to report', () => {
    const parsed = parseExpectedShorthand('latency:fast');
    expect(parsed).toEqual({ type: 'latency', max: 'fast' });
    expect(validateAssertion(parsed)).toEqual([{ path: ['max'], message: 'expected number, got string' }]);
  });

  it('lets validation catch an invalid regex cell', () => {
    expect(validateAssertion(parseExpectedShorthand('regex:(')).map((issue) => issue.message)).toEqual(['invalid regex: unterminated group']);
  });

  it.each([
    { text: 'contians:Madrid', type: 'contians', hint: 'contains' },
    { text: 'Contains:Madrid', type: 'Contains', hint: 'contains' },
    { text: 'icontain:madrid', type: 'icontain', hint: 'icontains' },
    { text: 'regx:^M', type: 'regx', hint: 'regex' },
  ])('refuses the near-miss prefix of $text with a suggestion instead of reading it as equals', ({ text, type, hint }) => {
    const parsed = parseExpectedShorthand(text);
    expect(parsed.type).toBe(type);
    expect(validateAssertion(parsed).map((issue) => issue.message)).toEqual([`unknown assertion type "${type}" (did you mean "${hint}"?)`]);
  });

  it.each(['Answer: Madrid', 'Capital city: Madrid', 'Time: 10:30'])('keeps plain text with a colon (%s) as equals', (text) => {
    expect(parseExpectedShorthand(text)).toEqual({ type: 'equals', value: text });
  });
});
