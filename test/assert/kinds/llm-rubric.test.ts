import { describe, expect, it } from 'vitest';
import { scoreAnswer, type GradeFn, type GraderMessage } from '../../../src/assert/index.js';
import { makeAnswer } from '../answer-fixture.js';

/** A grader that records its calls and replies with `reply`. */
function fakeGrader(reply: string | (() => Promise<string>)) {
  const calls: { messages: GraderMessage[]; model: string | undefined }[] = [];
  const grade: GradeFn = async (messages, options) => {
    calls.push({ messages, model: options.model });
    return typeof reply === 'string' ? reply : reply();
  };
  return { grade, calls };
}

const answer = makeAnswer({ output: 'The capital is Paris.' });

describe('llm-rubric', () => {
  it('sends the rubric and the answer to the grader and takes its verdict', async () => {
    const { grade, calls } = fakeGrader('{"pass": true, "score": 0.9, "reason": "it names Paris"}');
    const result = await scoreAnswer(answer, { type: 'llm-rubric', value: 'Names Paris' }, { grade });
    expect(calls).toHaveLength(1);
    expect(calls[0].model).toBeUndefined();
    expect(calls[0].messages[1].content).toBe('Rubric:\nNames Paris\n\nAnswer:\nThe capital is Paris.');
    expect(result).toEqual({
      type: 'llm-rubric',
      pass: true,
      score: 0.9,
      reason: 'satisfies the rubric, score 0.9: it names Paris',
      weight: 1,
      metric: null,
      error: null,
    });
  });

  it('passes the model override to the grader', async () => {
    const { grade, calls } = fakeGrader('{"pass": true, "score": 1, "reason": "ok"}');
    await scoreAnswer(answer, { type: 'llm-rubric', value: 'Names Paris', model: 'gpt-4o' }, { grade });
    expect(calls[0].model).toBe('gpt-4o');
  });

  it('explains a failing verdict with the grader reason', async () => {
    const { grade } = fakeGrader('```json\n{"pass": false, "score": 0.2, "reason": "it names Lyon"}\n```');
    const result = await scoreAnswer(answer, { type: 'llm-rubric', value: 'Names Paris' }, { grade });
    expect(result.pass).toBe(false);
    expect(result.score).toBe(0.2);
    expect(result.reason).toBe('expected to satisfy the rubric, got score 0.2: it names Lyon');
  });

  it('decides by score when a threshold is set', async () => {
    const { grade } = fakeGrader('{"pass": false, "score": 0.7, "reason": "mostly right"}');
    const passing = await scoreAnswer(answer, { type: 'llm-rubric', value: 'x', threshold: 0.6 }, { grade });
    const failing = await scoreAnswer(answer, { type: 'llm-rubric', value: 'x', threshold: 0.8 }, { grade });
    expect(passing.pass).toBe(true);
    expect(failing.pass).toBe(false);
  });

  it('turns a malformed verdict into an error with pass false and score 0', async () => {
    const { grade } = fakeGrader('{"pass": true, "score": 7}');
    const result = await scoreAnswer(answer, { type: 'llm-rubric', value: 'Names Paris' }, { grade });
    expect(result).toMatchObject({ pass: false, score: 0, error: 'malformed grader verdict: expected "score" in 0..1, got 7' });
  });

  it('never passes a negated rubric whose verdict is malformed', async () => {
    const { grade } = fakeGrader('not json at all');
    const result = await scoreAnswer(answer, { type: 'not-llm-rubric', value: 'Names Lyon' }, { grade });
    expect(result).toMatchObject({ type: 'not-llm-rubric', pass: false, score: 0 });
    expect(result.error).toMatch(/^malformed grader verdict/);
  });

  it('negates a well-formed verdict', async () => {
    const { grade } = fakeGrader('{"pass": false, "score": 0.25, "reason": "no mention of Lyon"}');
    const result = await scoreAnswer(answer, { type: 'llm-rubric', not: true, value: 'Names Lyon' }, { grade });
    expect(result).toMatchObject({ type: 'not-llm-rubric', pass: true, score: 0.75, error: null });
    expect(result.reason).toBe('does not satisfy the rubric, score 0.25: no mention of Lyon');
  });

  it('records a rejected grader request as the error of the assertion', async () => {
    const { grade } = fakeGrader(() => Promise.reject(new Error('429 rate limited')));
    const result = await scoreAnswer(answer, { type: 'llm-rubric', value: 'Names Paris' }, { grade });
    expect(result).toMatchObject({ pass: false, score: 0, error: 'grader request failed: 429 rate limited' });
  });

  it('reports an error when no grader is given', async () => {
    const result = await scoreAnswer(answer, { type: 'llm-rubric', value: 'Names Paris' });
    expect(result.pass).toBe(false);
    expect(result.error).toMatch(/needs a grader/);
  });
});
