import { describe, expect, test } from 'vitest';
import { parseCompletionBody } from '../../src/client/completion-parser.js';

const BODY = {
  id: 'chatcmpl-1',
  model: 'gpt-4o-search-preview',
  system_fingerprint: 'fp_1',
  choices: [
    {
      index: 0,
      finish_reason: 'stop',
      message: {
        role: 'assistant',
        content: 'Paris',
        annotations: [
          { type: 'url_citation', url_citation: { url: 'https://a.example', title: 'A', start_index: 0, end_index: 5 } },
          { type: 'file_citation', file_citation: {} },
        ],
      },
    },
  ],
  usage: { prompt_tokens: 10, completion_tokens: 2, total_tokens: 12 },
};

describe('parseCompletionBody', () => {
  test('reads content, finish reason, usage, ids and url citations', () => {
    expect(parseCompletionBody(JSON.stringify(BODY), 'sk')).toMatchObject({
      content: 'Paris',
      finishReason: 'stop',
      usage: { promptTokens: 10, completionTokens: 2, totalTokens: 12 },
      model: 'gpt-4o-search-preview',
      systemFingerprint: 'fp_1',
      responseId: 'chatcmpl-1',
      citations: [{ url: 'https://a.example', title: 'A', startIndex: 0, endIndex: 5 }],
    });
  });

  test('reads a null content as an empty answer', () => {
    const body = { choices: [{ message: { content: null }, finish_reason: 'content_filter' }] };
    expect(parseCompletionBody(JSON.stringify(body), 'sk')).toMatchObject({ content: '', finishReason: 'content_filter', usage: null });
  });

  test('fails with a retryable protocol failure and a snippet on bad JSON', () => {
    expect(parseCompletionBody('{"choices": [', 'sk')).toMatchObject({
      kind: 'protocol',
      summary: 'malformed JSON in response',
      raw: '{"choices": [',
      isRetryable: true,
    });
  });

  test.each([['{}'], ['{"choices": []}'], ['{"choices": [null]}']])('fails on missing or empty choices in %s', (text) => {
    expect(parseCompletionBody(text, 'sk')).toMatchObject({ kind: 'protocol', summary: 'response has no choices' });
  });

  test('fails with the server message on an error object in a 200 body', () => {
    expect(parseCompletionBody('{"error": {"message": "overloaded"}}', 'sk')).toMatchObject({
      kind: 'protocol',
      serverMessage: 'overloaded',
    });
  });
});

describe('parseCompletionBody on answers that are not answers', () => {
  const withMessage = (content: unknown) => ({ ...BODY, choices: [{ ...BODY.choices[0], message: { role: 'assistant', content } }] });
  test.each([
    ['a number', withMessage(42), /^message\.content: expected a string, got a number$/],
    ['an object', withMessage({ text: 'Paris' }), /^message\.content: expected a string, got an object$/],
    ['negative token counts', { ...BODY, usage: { prompt_tokens: -5, completion_tokens: 2, total_tokens: -3 } }, /^usage\.prompt_tokens: expected a whole number of tokens from 0 to 1000000000, got -5$/],
    ['an absurd token count', { ...BODY, usage: { prompt_tokens: 1, completion_tokens: 1e15, total_tokens: 1e15 } }, /^usage\.completion_tokens: expected a whole number/],
    ['a fractional token count', { ...BODY, usage: { prompt_tokens: 1.5, completion_tokens: 1, total_tokens: 2 } }, /^usage\.prompt_tokens: /],
  ])('a 200 with %s content or usage is a protocol failure, not retried', (_name, body, summary) => {
    const result = parseCompletionBody(JSON.stringify(body), 'sk');
    expect(result).toMatchObject({ kind: 'protocol', isRetryable: false, summary: expect.stringMatching(summary) });
  });

  test('a null content (no text) is still read as an empty answer', () => {
    expect(parseCompletionBody(JSON.stringify(withMessage(null)), 'sk')).toMatchObject({ content: '' });
  });
});
