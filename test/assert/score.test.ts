import { describe, expect, it } from 'vitest';
import { scoreAnswer, type AssertionSpec } from '../../src/assert/index.js';
import { makeAnswer } from './answer-fixture.js';

const paris = makeAnswer({ output: 'The capital is Paris.' });

describe('scoreAnswer', () => {
  it('returns a full result with weight 1 and no metric by default', async () => {
    expect(await scoreAnswer(paris, { type: 'contains', value: 'Paris' })).toEqual({
      type: 'contains',
      pass: true,
      score: 1,
      reason: 'contains "Paris"',
      weight: 1,
      metric: null,
      error: null,
    });
  });

  it('carries the weight and metric of the spec', async () => {
    const result = await scoreAnswer(paris, { type: 'contains', value: 'Paris', weight: 3, metric: 'accuracy' });
    expect(result).toMatchObject({ weight: 3, metric: 'accuracy' });
  });

  describe('negation', () => {
    it.each([
      { spec: { type: 'not-contains', value: 'Lyon' }, pass: true, reason: 'does not contain "Lyon"' },
      { spec: { type: 'contains', value: 'Lyon', not: true }, pass: true, reason: 'does not contain "Lyon"' },
      { spec: { type: 'not-contains', value: 'Paris' }, pass: false, reason: 'expected not to contain "Paris", got "The capital is Paris."' },
      { spec: { type: 'contains', value: 'Paris', not: true }, pass: false, reason: 'expected not to contain "Paris", got "The capital is Paris."' },
      { spec: { type: 'not-is-json' }, pass: true, reason: expect.stringMatching(/^is not valid JSON: not JSON/) },
      { spec: { type: 'not-equals', value: 'Lyon' }, pass: true, reason: 'does not equal "Lyon"' },
      { spec: { type: 'not-regex', value: '\\d' }, pass: true, reason: 'does not match /\\d/' },
    ])('$spec.type with not=$spec.not passes: $pass', async ({ spec, pass, reason }) => {
      const result = await scoreAnswer(paris, spec);
      expect(result.type).toBe(`not-${spec.type.replace(/^not-/, '')}`);
      expect(result.pass).toBe(pass);
      expect(result.score).toBe(pass ? 1 : 0);
      expect(result.reason).toEqual(reason);
    });

    it('flips a graded score to 1 - score', async () => {
      const result = await scoreAnswer(paris, { type: 'not-similar', value: 'The capital is Lyon.' });
      const plain = await scoreAnswer(paris, { type: 'similar', value: 'The capital is Lyon.' });
      expect(result.score).toBeCloseTo(1 - plain.score, 12);
      expect(result.pass).toBe(!plain.pass);
    });
  });

  describe('errors', () => {
    it.each([
      { spec: { type: 'contians', value: 'x' }, error: 'unknown assertion type "contians" (did you mean "contains"?)' },
      { spec: { type: 'contains', value: 42 }, error: 'invalid contains assertion: value: expected string, got number' },
      { spec: { type: 'regex', value: '(' }, error: 'invalid regex assertion: value: invalid regex: unterminated group' },
      { spec: { type: 'contains', value: 'x', colour: 'red' }, error: 'invalid contains assertion: unknown option "colour" for contains' },
    ] as { spec: AssertionSpec; error: string }[])('turns $error into an errored result instead of throwing', async ({ spec, error }) => {
      const result = await scoreAnswer(paris, spec);
      expect(result).toMatchObject({ pass: false, score: 0, error, reason: error });
    });

    it('keeps the weight of an errored assertion so the case score counts it', async () => {
      const result = await scoreAnswer(paris, { type: 'nope', weight: 2 });
      expect(result).toMatchObject({ type: 'nope', weight: 2, pass: false });
    });
  });
});

describe('scoreAnswer on a spec object it has seen before', () => {
  it('scores each answer afresh while the spec check is reused', async () => {
    const spec: AssertionSpec = { type: 'contains', value: 'Paris' };
    const first = await scoreAnswer(paris, spec);
    const second = await scoreAnswer(makeAnswer({ output: 'Lyon' }), spec);
    const third = await scoreAnswer(paris, spec);
    expect([first.pass, second.pass, third.pass]).toEqual([true, false, true]);
    expect(third).toEqual(first);
  });

  it('reports an invalid spec the same way every time', async () => {
    const spec = { type: 'contains', value: 3 } as unknown as AssertionSpec;
    const first = await scoreAnswer(paris, spec);
    const second = await scoreAnswer(paris, spec);
    expect(first.error).toMatch(/^invalid contains assertion: value: /);
    expect(second).toEqual(first);
  });
});
