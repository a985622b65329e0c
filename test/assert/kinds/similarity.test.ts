import { describe, expect, it } from 'vitest';
import { scoreAnswer, type AssertionSpec } from '../../../src/assert/index.js';
import { makeAnswer } from '../answer-fixture.js';

/** Scores `output` against `spec` and returns the result. */
async function score(output: string, spec: AssertionSpec) {
  return scoreAnswer(makeAnswer({ output }), spec);
}

describe('levenshtein', () => {
  it.each([
    { output: 'Paris', value: 'Paris', max: 0, pass: true, score: 1 },
    { output: 'Pariss', value: 'Paris', max: 1, pass: true, score: 1 - 1 / 6 },
    { output: 'Lyon', value: 'Paris', max: 2, pass: false, score: 0 },
    { output: 'Brasilia', value: 'Brasília', max: 1, pass: true, score: 1 - 1 / 8 },
    { output: '', value: '', max: 0, pass: true, score: 1 },
    { output: ' Paris\n', value: 'Paris', max: 0, pass: true, score: 1 },
  ])('$output is within $max edits of $value: $pass', async ({ output, value, max, pass, score: expected }) => {
    const result = await score(output, { type: 'levenshtein', value, max });
    expect(result.pass).toBe(pass);
    expect(result.score).toBeCloseTo(expected, 10);
  });

  it('allows 5 edits by default', async () => {
    expect((await score('abcdefghij', { type: 'levenshtein', value: 'abcde' })).pass).toBe(true);
    expect((await score('abcdefghijk', { type: 'levenshtein', value: 'abcde' })).pass).toBe(false);
  });

  it('reports the distance and the score', async () => {
    const result = await score('Lyon', { type: 'levenshtein', value: 'Paris', max: 2 });
    expect(result.reason).toBe('expected to be within 2 edits of "Paris", got 5 edits (score 0) for "Lyon"');
  });
});

describe('similar', () => {
  it.each([
    { output: 'Paris', value: 'Paris', threshold: undefined, pass: true, score: 1 },
    { output: 'Parsi', value: 'Paris', threshold: undefined, pass: false, score: 0.6 },
    { output: 'The capital is Paris', value: 'The capital is Paris.', threshold: undefined, pass: true, score: 1 - 1 / 21 },
    { output: 'Parsi', value: 'Paris', threshold: 0.6, pass: true, score: 0.6 },
    { output: '', value: 'Paris', threshold: 0, pass: true, score: 0 },
  ])('$output is at least $threshold similar to $value: $pass', async ({ output, value, threshold, pass, score: expected }) => {
    const spec = threshold === undefined ? { type: 'similar', value } : { type: 'similar', value, threshold };
    const result = await score(output, spec);
    expect(result.pass).toBe(pass);
    expect(result.score).toBeCloseTo(expected, 10);
  });

  it('reports the similarity against the threshold', async () => {
    const result = await score('Parsi', { type: 'similar', value: 'Paris' });
    expect(result.reason).toBe('expected to be at least 0.8 similar to "Paris", got 0.6 for "Parsi"');
  });
});
