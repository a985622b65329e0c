/**
 * factuality and model-graded-closedqa through the runner's grader path against our mock server: temperature 0,
 * the fixed seed, one recorded grader call each, and the mock's deterministic verdicts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssertionSpec } from '../../src/assert/index.js';
import { GRADER_SEED, scoreRecord, type CellRecord } from '../../src/run/index.js';
import { startMockClient, type MockClient } from '../client/helpers/mock-client.js';

/** A recorded answer with the fields scoring reads. */
function recordWith(output: string): CellRecord {
  return {
    id: 'p/c/m#0', index: 0, prompt: 'p', case: 'c', model: 'm', modelId: 'gpt-4o-mini', repeat: 0, seed: 1, requestHash: 'h',
    messages: [{ role: 'user', content: 'What is the capital of France?' }], params: {}, output, transformedOutput: null,
    finishReason: 'stop', usage: null, servedModel: null, systemFingerprint: null, responseId: null, requestId: null, citations: [],
    latencyMs: 1, ttftMs: null, attempts: 1, cached: false, cost: null, error: null, assertions: [], graderCalls: [], pass: null, score: null,
    toolCalls: [], rounds: [], turns: [],
  };
}

describe('factuality and model-graded-closedqa against the mock', () => {
  let mock: MockClient;
  beforeAll(async () => {
    mock = await startMockClient({}, { sleep: undefined, now: undefined });
  });
  afterAll(() => mock.close());

  const score = (output: string, spec: AssertionSpec) =>
    scoreRecord(recordWith(output), { assertions: [spec], threshold: null, transform: null, vars: {} }, {
      client: mock.client, cache: null, endpoint: mock.mock.url, grader: { model: null, params: {} }, pricing: { 'gpt-4o-mini': { input: 1, output: 1 } },
    });

  it.each([
    ['The capital of France is Paris.', 'same (C)', true],
    ['Paris is the capital city of France.', 'superset (B)', true],
    ['Capital: France', 'subset (A)', true],
    ['The capital of France is Lyon.', 'disagrees (D)', false],
  ])('grades %j against the reference as %s', async (output, category, pass) => {
    const scored = await score(output, { type: 'factuality', value: 'The capital of France is Paris.' });
    expect(scored.assertions[0]).toMatchObject({ type: 'factuality', pass, error: null });
    expect(scored.assertions[0]!.reason).toContain(category);
    expect(scored.graderCalls).toHaveLength(1);
    expect(scored.graderCalls[0]).toMatchObject({ model: 'gpt-4o-mini', cached: false, error: null });
    expect(scored.graderCalls[0]!.cost).toBeGreaterThan(0);
  });

  it('says yes or no to a criterion', async () => {
    expect((await score('Paris, the French capital.', { type: 'model-graded-closedqa', value: 'Names Paris as the capital' })).assertions[0]).toMatchObject({ pass: true, score: 1, error: null });
    expect((await score('I do not know.', { type: 'model-graded-closedqa', value: 'Names Paris as the capital' })).assertions[0]).toMatchObject({ pass: false, score: 0, error: null });
  });

  it('sends grader requests with temperature 0, the fixed seed and the assertion\'s model', async () => {
    const before = mock.mock.requests.length;
    await score('Paris', { type: 'model-graded-closedqa', value: 'Names Paris', model: 'gpt-4o' });
    const body = mock.mock.requests[before]!.body;
    expect(body).toMatchObject({ model: 'gpt-4o', temperature: 0, seed: GRADER_SEED });
  });

  it('errors the assertion when the grader fails, without a crash', async () => {
    mock.mock.enqueue({ kind: 'status', status: 400 });
    const scored = await score('Paris', { type: 'factuality', value: 'Paris' });
    expect(scored.assertions[0]!.pass).toBe(false);
    expect(scored.assertions[0]!.error).toMatch(/^grader request failed/);
    expect(scored.graderCalls[0]!.error).not.toBeNull();
  });
});
