import { describe, expect, test } from 'vitest';
import { StreamAccumulator } from '../../src/client/stream-accumulator.js';

function chunk(fields: Record<string, unknown>): string {
  return JSON.stringify({ id: 'chatcmpl-9', model: 'gpt-4o', system_fingerprint: 'fp_9', ...fields });
}

const ROLE = chunk({ choices: [{ index: 0, delta: { role: 'assistant', content: '' } }] });
const HELLO = chunk({ choices: [{ index: 0, delta: { content: 'Hel' } }] });
const LO = chunk({
  choices: [{ index: 0, delta: { content: 'lo', annotations: [{ type: 'url_citation', url_citation: { url: 'https://x.example', title: 'X' } }] } }],
});
const FINISH = chunk({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
const USAGE = chunk({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } });

function accumulate(payloads: string[]): StreamAccumulator {
  const accumulator = new StreamAccumulator('sk-secret');
  payloads.forEach((payload, i) => expect(accumulator.accept(payload, i * 10)).toBeNull());
  return accumulator;
}

describe('StreamAccumulator', () => {
  test('joins content deltas and keeps finish reason, usage, ids and citations', () => {
    const accumulator = accumulate([ROLE, HELLO, LO, FINISH, USAGE, '[DONE]']);
    expect(accumulator.finish()).toMatchObject({
      content: 'Hello',
      finishReason: 'stop',
      usage: { promptTokens: 3, completionTokens: 2, totalTokens: 5 },
      model: 'gpt-4o',
      systemFingerprint: 'fp_9',
      responseId: 'chatcmpl-9',
      citations: [{ url: 'https://x.example', title: 'X', startIndex: null, endIndex: null }],
    });
  });

  test('times the first token at the first non-empty content delta', () => {
    expect(accumulate([ROLE, HELLO, LO]).firstContentAtMs).toBe(10);
  });

  test('accepts a stream with a finish reason but no [DONE]', () => {
    expect(accumulate([HELLO, FINISH]).finish()).toMatchObject({ content: 'Hel', finishReason: 'stop' });
  });

  test('accepts a stream with [DONE] but no finish reason', () => {
    expect(accumulate([HELLO, '[DONE]']).finish()).toMatchObject({ content: 'Hel', finishReason: null });
  });

  test('fails a stream that ended without [DONE] and without a finish reason as truncated and retryable', () => {
    expect(accumulate([ROLE, HELLO]).finish()).toMatchObject({
      kind: 'protocol',
      summary: 'truncated stream: ended without [DONE] or finish_reason',
      isRetryable: true,
    });
  });

  test('fails on an error object mid-stream, quoting its message', () => {
    const accumulator = new StreamAccumulator('sk-secret');
    accumulator.accept(HELLO, 0);
    expect(accumulator.accept('{"error":{"message":"upstream died","type":"server_error"}}', 1)).toMatchObject({
      kind: 'protocol',
      serverMessage: 'upstream died',
    });
  });

  test('fails on a payload that is not JSON', () => {
    expect(new StreamAccumulator('sk').accept('{"choices":', 0)).toMatchObject({ kind: 'protocol', raw: '{"choices":' });
  });

  test('fails a finished stream that never carried a choice', () => {
    expect(accumulate([USAGE, '[DONE]']).finish()).toMatchObject({ kind: 'protocol', summary: 'response has no choices' });
  });
});

describe('StreamAccumulator on chunks that are not answers', () => {
  test('a delta whose content is not a string is a protocol failure, not retried', () => {
    const accumulator = new StreamAccumulator('sk');
    const failure = accumulator.accept(JSON.stringify({ choices: [{ index: 0, delta: { content: 7 } }] }), 0);
    expect(failure).toMatchObject({ kind: 'protocol', isRetryable: false, summary: 'delta.content: expected a string, got a number' });
  });

  test('a usage chunk with a negative count is a protocol failure', () => {
    const accumulator = new StreamAccumulator('sk');
    const failure = accumulator.accept(JSON.stringify({ choices: [], usage: { prompt_tokens: 1, completion_tokens: -1, total_tokens: 0 } }), 0);
    expect(failure).toMatchObject({ kind: 'protocol', summary: expect.stringMatching(/^usage\.completion_tokens: /) });
  });
});
