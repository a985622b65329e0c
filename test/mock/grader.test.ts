import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../../src/mock/index.js';
import type { MockServer } from '../../src/mock/index.js';
import { MALFORMED_GRADER_TRIGGER, rubricWords } from '../../src/mock/grader.js';
import { GRADER_MARKER } from '../../src/wire/index.js';
import { postChat } from './chat-request.js';

describe('the mock grader', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer();
  });
  afterAll(() => server.close());

  async function grade(rubric: string, answer: string, system = `You are the ${GRADER_MARKER}. Reply with JSON.`) {
    const body = {
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: `Rubric:\n${rubric}\n\nAnswer:\n${answer}` },
      ],
    };
    return (await postChat(server, body)).json.choices[0].message.content as string;
  }

  it('passes an answer that contains most rubric words', async () => {
    const verdict = JSON.parse(await grade('Mentions Paris as the capital of France', 'Paris is the capital of France.'));
    expect(verdict).toEqual({ pass: true, score: 1, reason: 'The answer covers all 3 rubric terms.' });
  });

  it('fails an answer that misses most rubric words and says which', async () => {
    const verdict = JSON.parse(await grade('Names Canberra as the capital of Australia', 'Sydney.'));
    expect(verdict.pass).toBe(false);
    expect(verdict.score).toBe(0);
    expect(verdict.reason).toBe('The answer covers 0 of 4 rubric terms; missing: names, canberra, capital, australia.');
  });

  it('scores the fraction of rubric words found and ignores accents', async () => {
    const verdict = JSON.parse(await grade('brasília capital brazil', 'Brasilia'));
    expect(verdict).toMatchObject({ pass: false, score: 0.33 });
  });

  it('gives the same verdict to the same request', async () => {
    const first = await grade('polite greeting in French', 'Bonjour, a polite greeting');
    expect(await grade('polite greeting in French', 'Bonjour, a polite greeting')).toBe(first);
  });

  it('answers text that is not JSON when the answer contains MALFORMED-GRADER', async () => {
    const text = await grade('Mentions Paris', `Paris ${MALFORMED_GRADER_TRIGGER}`);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('does not grade without the marker in a system message', async () => {
    const text = await grade('Mentions Paris', 'Paris', 'You are a helpful assistant.');
    expect(text).toMatch(/mock answer/);
  });

  it('keeps content words of 4+ letters and drops rubric meta words', () => {
    expect(rubricWords('The answer should mention Paris and the Eiffel tower, not Paris twice')).toEqual([
      'paris',
      'eiffel',
      'tower',
      'twice',
    ]);
  });
});
