/** The cost estimate `plan` prints before anything is sent (issue 11, item 6). */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPlan, estimatePlanCost } from '../../src/plan/index.js';
import { loadSuite } from '../../src/suite/index.js';
import { writeTempFiles } from '../suite/suite-fixture.js';

const temps: { remove(): void }[] = [];
afterAll(() => temps.forEach((temp) => temp.remove()));

/** A plan of a suite written from text. */
function planOf(text: string) {
  const temp = writeTempFiles({ 'suite.yaml': text });
  temps.push(temp);
  return buildPlan(loadSuite(join(temp.dir, 'suite.yaml')));
}

// "Say 12345678" and "Say abcdefgh": 12 characters each, so 3 estimated prompt tokens per request.
const SUITE = [
  'name: est',
  'models: [priced, cheap, free]',
  'prompts:',
  '  - { id: p, template: "Say {{ w }}" }',
  'cases:',
  '  - vars: { w: "12345678" }',
  '  - vars: { w: abcdefgh }',
  'pricing:',
  '  priced: { input: 1000000, output: 2000000 }',
  '  cheap: { input: 1, output: 2 }',
].join('\n');

describe('estimatePlanCost', () => {
  it('prices prompt tokens from the rendered characters and completions at max_tokens, per model and in total', () => {
    const estimate = estimatePlanCost(planOf(`${SUITE}\ndefaults: { max_tokens: 10 }\n`));
    // priced: 2 requests × (3 prompt tokens × $1/token + 10 completion tokens × $2/token) = $46.
    expect(estimate.models[0]).toEqual({ model: 'priced', modelId: 'priced', requests: 2, promptTokens: 6, maxCompletionTokens: 20, cost: 46 });
    expect(estimate.models[1]!.cost).toBeCloseTo((6 * 1 + 20 * 2) / 1e6, 12);
    expect(estimate.models[2]).toMatchObject({ model: 'free', cost: null });
    expect(estimate.cost).toBeCloseTo(46 + 46 / 1e6, 8);
    expect(estimate).toMatchObject({ isUnbounded: false, hasUnpriced: true });
  });

  it('says the estimate is unbounded when a request sets no max_tokens, and prices the prompt alone', () => {
    const estimate = estimatePlanCost(planOf(SUITE));
    expect(estimate.models[0]).toMatchObject({ promptTokens: 6, maxCompletionTokens: null, cost: 6 });
    expect(estimate.isUnbounded).toBe(true);
  });
});
