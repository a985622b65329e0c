import { describe, expect, it } from 'vitest';
import { scoreCase, type AssertionResult } from '../../src/assert/index.js';

/** A result with just the fields scoreCase reads. */
function result(pass: boolean, score: number, weight = 1): AssertionResult {
  return { type: 'contains', pass, score, reason: '', weight, metric: null, error: null };
}

describe('scoreCase', () => {
  it.each([
    { title: 'no assertions pass with score 1', results: [], threshold: undefined, pass: true, score: 1 },
    { title: 'all passing assertions pass', results: [result(true, 1), result(true, 1)], threshold: undefined, pass: true, score: 1 },
    { title: 'one failure fails the case', results: [result(true, 1), result(false, 0)], threshold: undefined, pass: false, score: 0.5 },
    { title: 'weights shape the mean', results: [result(true, 1, 3), result(false, 0, 1)], threshold: undefined, pass: false, score: 0.75 },
    { title: 'graded scores are averaged', results: [result(true, 0.9), result(true, 0.5)], threshold: undefined, pass: true, score: 0.7 },
    { title: 'a threshold lets a failure through', results: [result(true, 1, 3), result(false, 0, 1)], threshold: 0.75, pass: true, score: 0.75 },
    { title: 'a threshold can fail passing assertions', results: [result(true, 0.6), result(true, 0.6)], threshold: 0.7, pass: false, score: 0.6 },
    { title: 'weight-0 assertions are informational', results: [result(true, 1), result(false, 0, 0)], threshold: undefined, pass: true, score: 1 },
    { title: 'all weights 0 pass with score 1', results: [result(false, 0, 0), result(false, 0, 0)], threshold: undefined, pass: true, score: 1 },
  ])('$title', ({ results, threshold, pass, score }) => {
    const verdict = scoreCase(results, threshold);
    expect(verdict.pass).toBe(pass);
    expect(verdict.score).toBeCloseTo(score, 12);
  });

  it('reaches a threshold equal to a repeating fraction despite float rounding', () => {
    const results = [result(true, 0.1), result(true, 0.2), result(true, 0.3)];
    expect(scoreCase(results, 0.2).pass).toBe(true);
  });

  it('rejects a threshold outside 0..1', () => {
    expect(() => scoreCase([], 1.5)).toThrow(TypeError);
    expect(() => scoreCase([], Number.NaN)).toThrow('expected threshold in 0..1, got NaN');
  });
});
