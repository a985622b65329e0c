import { describe, expect, it } from 'vitest';
import { firstJsonFence, readJsonAnswer } from '../../src/assert/json-answer.js';

describe('firstJsonFence', () => {
  it.each([
    { text: '```json\n{"a": 1}\n```', body: '{"a": 1}' },
    { text: 'intro\n```JSON\n[1]\n```', body: '[1]' },
    { text: '```\n{}\n```', body: '{}' },
    { text: '```python\nx = 1\n```\ntext\n```json\n{"b": 2}\n```', body: '{"b": 2}' },
    { text: '````json\n```\n````', body: '```' },
    { text: '```json\n{"unclosed": true}', body: '{"unclosed": true}' },
    { text: 'no fences', body: undefined },
    { text: '```python\nx = 1\n```\nafter', body: undefined },
  ])('finds $body in $text', ({ text, body }) => {
    expect(firstJsonFence(text)).toBe(body);
  });
});

describe('readJsonAnswer', () => {
  it('prefers the whole answer over a fenced block', () => {
    expect(readJsonAnswer(' {"a": 1} ')).toEqual({ ok: true, value: { a: 1 }, fromFence: false });
  });

  it('falls back to the first json fence and says so', () => {
    expect(readJsonAnswer('Here:\n```json\n{"a": 1}\n```')).toEqual({ ok: true, value: { a: 1 }, fromFence: true });
  });

  it.each([
    { text: '', problem: /^the answer is empty$/ },
    { text: '   \n', problem: /^the answer is empty$/ },
    { text: 'nope', problem: /^not JSON \(/ },
    { text: '```json\n{nope}\n```', problem: /^the fenced json block is not JSON \(/ },
  ])('explains why $text is not JSON', ({ text, problem }) => {
    const read = readJsonAnswer(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toMatch(problem);
  });

  it('does not repeat the answer inside the parser complaint', () => {
    const read = readJsonAnswer('The capital is Lyon, a lovely city on the Rhône.');
    expect(read).toEqual({ ok: false, problem: "not JSON (unexpected token 'T')" });
  });
});
