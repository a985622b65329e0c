import { describe, expect, it } from 'vitest';
import { MAX_REASONS, OUTPUT_CHARS, REASON_CHARS, toCompareCell } from '../../src/compare/index.js';
import { makeErrored, makeRecord } from './records.js';

describe('toCompareCell', () => {
  it('keeps the fields a comparison needs', () => {
    const cell = toCompareCell(makeRecord({ pass: false, case: 'france' }));
    expect(cell).toEqual({
      id: 'ask/france/gpt-4o#0',
      index: 0,
      prompt: 'ask',
      case: 'france',
      model: 'gpt-4o',
      repeat: 0,
      pass: false,
      score: 0,
      errorCode: null,
      output: 'The capital is Lyon.',
      failedReasons: ["expected to contain 'Paris'"],
      latencyMs: 100,
      totalTokens: 15,
      cost: 0.001,
      systemFingerprint: 'fp_1',
      servedModel: 'gpt-4o-2024-08-06',
    });
  });

  it('cuts long outputs and reasons and keeps a bounded number of reasons', () => {
    const failing = { type: 'regex', pass: false, score: 0, reason: 'r'.repeat(1000), weight: 1, metric: null, error: null };
    const cell = toCompareCell(
      makeRecord({ output: 'x'.repeat(10_000), assertions: Array(MAX_REASONS + 3).fill(failing) }),
    );
    expect(cell.output).toHaveLength(OUTPUT_CHARS);
    expect(cell.failedReasons).toHaveLength(MAX_REASONS);
    expect(cell.failedReasons[0]).toHaveLength(REASON_CHARS);
  });

  it('names the assertion error when an assertion could not be evaluated', () => {
    const broken = { type: 'llm-rubric', pass: false, score: 0, reason: '', weight: 1, metric: null, error: 'grader answered no JSON' };
    expect(toCompareCell(makeRecord({ assertions: [broken] })).failedReasons).toEqual(['llm-rubric: grader answered no JSON']);
  });

  it('records the error code of an errored cell', () => {
    expect(toCompareCell(makeErrored())).toMatchObject({ pass: null, score: null, errorCode: 'OTE_API_RATE_LIMIT', output: null, totalTokens: null });
  });
});
