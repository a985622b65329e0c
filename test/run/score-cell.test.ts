/** Scoring a recorded cell: the prompt's transform in front of every answer an assertion looks at. */
import { describe, expect, it } from 'vitest';
import { parseTransform, type AssertionSpec, type Transform } from '../../src/assert/index.js';
import { scoreRecord, type CellRecord, type TurnRecord } from '../../src/run/index.js';

const CONTEXT = { client: null, cache: null, endpoint: 'mock', grader: { model: null, params: {} }, pricing: {} };

function turn(index: number, output: string): TurnRecord {
  return {
    turn: index, seed: null, requestHash: `h${index}`, messages: [{ role: 'user', content: `q${index}` }], rounds: [], output, toolCalls: [], finishReason: 'stop',
    usage: null, latencyMs: 1, ttftMs: null, attempts: 1, cached: false, assertions: [], pass: null, score: null,
  };
}

function conversation(outputs: string[]): CellRecord {
  return {
    id: 'p/c/m#0', index: 0, prompt: 'p', case: 'c', model: 'm', modelId: 'm', repeat: 0, seed: null, requestHash: 'h',
    messages: [{ role: 'user', content: 'q1' }], params: {}, output: outputs.at(-1)!, transformedOutput: null, toolCalls: [],
    finishReason: 'stop', usage: null, servedModel: null, systemFingerprint: null, responseId: null, requestId: null, citations: [],
    latencyMs: 2, ttftMs: null, attempts: 2, cached: false, cost: null, rounds: [], turns: outputs.map((output, i) => turn(i + 1, output)),
    error: null, assertions: [], graderCalls: [], pass: null, score: null,
  };
}

const trim = parseTransform('trim') as Transform;
const equals = (value: string, extra: Partial<AssertionSpec> = {}): AssertionSpec => ({ type: 'equals', value, ...extra });

describe('scoreRecord with a prompt transform', () => {
  it('transforms the final answer, a turn: N answer and each turn answer, recording the final one', async () => {
    const record = conversation(['  first  ', '  last  ']);
    const scored = await scoreRecord(record, {
      assertions: [equals('last'), equals('first', { turn: 1 })],
      threshold: null,
      transform: trim,
      vars: {},
      turns: [{ content: 'q1', assertions: [equals('first')] }, { content: 'q2', assertions: [equals('last')] }],
    }, CONTEXT);
    expect(scored.transformedOutput).toBe('last');
    expect(scored.assertions.map((result) => result.pass)).toEqual([true, true]);
    expect(scored.turns.map((result) => result.pass)).toEqual([true, true]);
    expect(scored.pass).toBe(true);
  });

  it('errors the assertions on an answer the transform cannot apply to, and records no transformed output', async () => {
    const record = conversation(['not json']);
    const scored = await scoreRecord(record, { assertions: [equals('x')], threshold: null, transform: parseTransform('json') as Transform, vars: {} }, CONTEXT);
    expect(scored.transformedOutput).toBeNull();
    expect(scored.assertions[0]).toMatchObject({ pass: false, error: expect.stringMatching(/^transform json: /) });
  });
});
